import { MODIFIED_FIBONACCI } from '../../../core/prioritisation';
import type { Rng } from '../../../core/random/prng';
import { dayToDate, dayToIso, demoId, HISTORY_DAYS, pick } from '../../demo/demo-clock';
import type { DemoStructure } from '../../demo/demo-organisation';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';

// Value-management demo data for Northwind Digital: key results with check-ins on the goals,
// alignment of projects and epics, two value streams, KPIs with 18 months of monthly history
// (NPS among them), business cases and benefits for the budgeted projects, WSJF/RICE inputs on
// open epics and a custom scoring model. Deterministic from the seeding rng.

interface KpiPlan {
  name: string;
  metricType: string;
  unit: string;
  direction: 'increase' | 'decrease';
  start: number;
  end: number;
  target: number;
  threshold: number;
  noise: number;
  stream: 0 | 1;
}

const KPIS: KpiPlan[] = [
  {
    name: 'Digital NPS',
    metricType: 'nps',
    unit: 'points',
    direction: 'increase',
    start: 29,
    end: 39,
    target: 45,
    threshold: 35,
    noise: 1.5,
    stream: 0,
  },
  {
    name: 'Self-service share',
    metricType: 'adoption',
    unit: '%',
    direction: 'increase',
    start: 22,
    end: 47,
    target: 60,
    threshold: 45,
    noise: 1.2,
    stream: 0,
  },
  {
    name: '12-month customer retention',
    metricType: 'retention',
    unit: '%',
    direction: 'increase',
    start: 86,
    end: 89,
    target: 90,
    threshold: 87,
    noise: 0.4,
    stream: 0,
  },
  {
    name: 'Cost to serve per customer',
    metricType: 'financial',
    unit: '£',
    direction: 'decrease',
    start: 12.1,
    end: 10.9,
    target: 10.2,
    threshold: 11.2,
    noise: 0.12,
    stream: 0,
  },
  {
    name: 'Lead time for changes',
    metricType: 'delivery',
    unit: 'days',
    direction: 'decrease',
    start: 10,
    end: 2.5,
    target: 1,
    threshold: 3,
    noise: 0.4,
    stream: 1,
  },
  {
    name: 'Change failure rate',
    metricType: 'quality',
    unit: '%',
    direction: 'decrease',
    start: 18,
    end: 11,
    target: 10,
    threshold: 15,
    noise: 1,
    stream: 1,
  },
];

// A key result per demo goal (in catalogue order), pointing at a KPI where one measures it.
const KEY_RESULTS: {
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: number;
  target: number;
  kpi?: number;
}[] = [
  {
    name: 'Digital NPS from 31 to 45',
    unit: 'points',
    direction: 'increase',
    baseline: 31,
    target: 45,
    kpi: 0,
  },
  {
    name: '60% of service requests self-served',
    unit: '%',
    direction: 'increase',
    baseline: 22,
    target: 60,
    kpi: 1,
  },
  { name: 'Cost to serve down 15%', unit: '£', direction: 'decrease', baseline: 12, target: 10.2, kpi: 3 },
  { name: 'Major audit findings to zero', unit: 'findings', direction: 'decrease', baseline: 4, target: 0 },
  {
    name: 'Lead time for changes under a day',
    unit: 'days',
    direction: 'decrease',
    baseline: 10,
    target: 1,
    kpi: 4,
  },
  {
    name: 'Customer records matched in one data set',
    unit: '%',
    direction: 'increase',
    baseline: 40,
    target: 100,
  },
];

/** Adds the value-management demo records; call after the structure and work items are seeded. */
export async function seedValueDemo(
  store: Store,
  rng: Rng,
  s: DemoStructure,
  organisationId: string,
  anchorMs: number,
): Promise<void> {
  const created = dayToIso(anchorMs, 0);
  const base = { organisation_id: organisationId, version: 1, created_at: created, updated_at: created };
  const person = () => pick(rng, s.people).id;
  const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
  const months = Array.from({ length: 18 }, (_, m) => m);
  const monthEnd = (m: number) => dayToDate(anchorMs, HISTORY_DAYS - (17 - m) * 30.4);

  const streams = [
    {
      ...base,
      id: demoId(rng),
      name: 'Customer self-service',
      kind: 'operational',
      description: 'Customers serving themselves online',
      portfolio_id: s.portfolios[0]?.id ?? null,
      owner_id: person(),
    },
    {
      ...base,
      id: demoId(rng),
      name: 'Software delivery',
      kind: 'development',
      description: 'From idea to production',
      portfolio_id: s.portfolios[2]?.id ?? null,
      owner_id: person(),
    },
  ];
  const members = [
    ...s.projects.slice(0, 4).map((p) => ({
      value_stream_id: streams[0]?.id as string,
      member_type: 'project',
      member_id: p.row.id,
    })),
    ...s.teams
      .slice(0, 3)
      .map((t) => ({ value_stream_id: streams[0]?.id as string, member_type: 'team', member_id: t.id })),
    ...s.projects.slice(8, 10).map((p) => ({
      value_stream_id: streams[1]?.id as string,
      member_type: 'project',
      member_id: p.row.id,
    })),
    ...s.teams
      .slice(3, 5)
      .map((t) => ({ value_stream_id: streams[1]?.id as string, member_type: 'team', member_id: t.id })),
  ].map((m) => ({ id: demoId(rng), organisation_id: organisationId, ...m }));

  const kpis = KPIS.map((k) => ({
    ...base,
    id: demoId(rng),
    name: k.name,
    description: null,
    metric_type: k.metricType,
    unit: k.unit,
    direction: k.direction,
    frequency: 'monthly',
    source: k.metricType === 'nps' ? 'Quarterly relationship survey, monthly pulse' : 'Data warehouse',
    owner_id: person(),
    value_stream_id: streams[k.stream]?.id ?? null,
    portfolio_id: null,
    target: k.target,
    threshold: k.threshold,
    // The first nine months ran against an easier target, raised since (targets move over time).
    target_history: JSON.stringify([
      {
        until: monthEnd(9),
        target: round(k.target - (k.target - k.start) * 0.4, 2),
        threshold: round(k.threshold - (k.target - k.start) * 0.4, 2),
      },
    ]),
  }));
  const measurements = KPIS.flatMap((k, i) =>
    months.map((m) => ({
      id: demoId(rng),
      organisation_id: organisationId,
      kpi_id: kpis[i]?.id as string,
      measured_on: monthEnd(m),
      value: round(k.start + ((k.end - k.start) * m) / 17 + (rng.next() - 0.5) * 2 * k.noise, 2),
      origin: m < 12 ? 'csv' : 'api',
      note: null,
      recorded_at: dayToIso(anchorMs, HISTORY_DAYS - (17 - m) * 30.4),
    })),
  );

  // Portfolio goals sit under their portfolio's organisation goal.
  const goalUpdates: { id: string; parent: string }[] = [];
  for (let i = 0; i + 1 < s.goals.length; i += 2) {
    const [orgGoal, portfolioGoal] = [s.goals[i], s.goals[i + 1]];
    if (orgGoal && portfolioGoal) goalUpdates.push({ id: portfolioGoal.id, parent: orgGoal.id });
  }
  const keyResults = s.goals.slice(0, KEY_RESULTS.length).map((g, i) => {
    const kr = KEY_RESULTS[i] as (typeof KEY_RESULTS)[number];
    return {
      ...base,
      id: demoId(rng),
      goal_id: g.id,
      name: kr.name,
      metric: kr.name,
      unit: kr.unit,
      direction: kr.direction,
      baseline: kr.baseline,
      target: kr.target,
      kpi_id: kr.kpi === undefined ? null : (kpis[kr.kpi]?.id ?? null),
      owner_id: person(),
      due_date: dayToDate(anchorMs, HISTORY_DAYS + 183),
    };
  });
  const checkIns = keyResults.flatMap((kr) =>
    months.slice(12).map((m, j) => ({
      id: demoId(rng),
      organisation_id: organisationId,
      key_result_id: kr.id,
      checked_on: monthEnd(m),
      value: round(kr.baseline + (kr.target - kr.baseline) * (0.08 + 0.09 * j + rng.next() * 0.05), 2),
      confidence: round(0.5 + rng.next() * 0.4, 2),
      note: null,
      recorded_by: 'Demo data',
      recorded_at: dayToIso(anchorMs, HISTORY_DAYS - (17 - m) * 30.4),
    })),
  );

  // Every project serves its portfolio's goal except the last of each portfolio (left unaligned).
  const alignments: object[] = [];
  s.projects.slice(0, 12).forEach((p, i) => {
    const goal = s.goals.find((g) => g.portfolio_id === p.row.portfolio_id);
    if (!goal || i % 4 === 3) return;
    alignments.push({
      ...base,
      id: demoId(rng),
      goal_id: goal.id,
      project_id: p.row.id,
      work_item_id: null,
      weight: i % 4 === 2 ? 0.6 : 1,
      note: null,
    });
  });
  const epics = await store.db
    .selectFrom('work_items')
    .select(['id', 'project_id', 'status_category'])
    .where('organisation_id', '=', organisationId)
    .where('type', '=', 'epic')
    .orderBy('key')
    .execute();
  const openEpics = epics.filter((e) => e.status_category !== 'done');
  for (const [i, e] of openEpics.slice(0, 12).entries()) {
    const goal = s.goals[i % 2 === 0 ? 0 : 2];
    if (goal)
      alignments.push({
        ...base,
        id: demoId(rng),
        goal_id: goal.id,
        project_id: null,
        work_item_id: e.id,
        weight: 0.5,
        note: null,
      });
  }

  const model = {
    ...base,
    id: demoId(rng),
    name: 'Strategic fit',
    description: 'Northwind’s portfolio board criteria',
    portfolio_id: null,
    criteria: JSON.stringify([
      { id: 'strategic_fit', name: 'Strategic fit', weight: 4, min: 1, max: 5 },
      { id: 'customer_value', name: 'Customer value', weight: 3, min: 1, max: 5 },
      { id: 'delivery_risk', name: 'Delivery risk', weight: 2, min: 1, max: 5, direction: 'lower-is-better' },
      { id: 'cost', name: 'Cost', weight: 1, min: 1, max: 5, direction: 'lower-is-better' },
    ]),
  };
  const score = () => 1 + rng.nextInt(5);
  const scores = openEpics.map((e) => ({
    ...base,
    id: demoId(rng),
    work_item_id: e.id,
    user_business_value: pick(rng, MODIFIED_FIBONACCI.slice(0, 7)),
    time_criticality: pick(rng, MODIFIED_FIBONACCI.slice(0, 7)),
    risk_reduction: pick(rng, MODIFIED_FIBONACCI.slice(0, 6)),
    job_size: pick(rng, MODIFIED_FIBONACCI.slice(1, 8)),
    reach: 100 * (1 + rng.nextInt(40)),
    impact: pick(rng, [0.25, 0.5, 1, 2, 3]),
    confidence_percent: pick(rng, [50, 80, 100]),
    effort: 1 + rng.nextInt(12),
    cost_of_delay_per_week: 1000 * (1 + rng.nextInt(30)),
    duration_weeks: 2 + rng.nextInt(20),
    model_scores: JSON.stringify({
      [model.id]: { strategic_fit: score(), customer_value: score(), delivery_risk: score(), cost: score() },
    }),
  }));

  const budgeted = s.projects.slice(0, 12).filter((p) => p.row.budget !== null);
  const cases = budgeted.map((p) => {
    const budget = p.row.budget as number;
    const yearly = budget * (0.35 + rng.next() * 0.3);
    return {
      ...base,
      id: demoId(rng),
      project_id: p.row.id,
      name: `${p.row.name} business case`,
      description: null,
      rate: 0.08,
      period_unit: 'year',
      start_date: p.row.start_date,
      lines: JSON.stringify([
        { name: 'Delivery', kind: 'cost', amounts: [round(budget * 0.6, 0), round(budget * 0.4, 0)] },
        {
          name: 'Run costs',
          kind: 'cost',
          amounts: [
            0,
            round(budget * 0.05, 0),
            round(budget * 0.05, 0),
            round(budget * 0.05, 0),
            round(budget * 0.05, 0),
          ],
        },
        {
          name: 'Benefits',
          kind: 'benefit',
          amounts: [0, round(yearly * 0.4, 0), round(yearly, 0), round(yearly, 0), round(yearly, 0)],
        },
      ]),
      pessimistic: JSON.stringify({ costFactor: 1.25, benefitFactor: 0.75, benefitDelay: 1 }),
      optimistic: JSON.stringify({ costFactor: 0.95, benefitFactor: 1.2 }),
      sensitivity: 0.2,
    };
  });
  const benefits = budgeted.slice(0, 8).map((p, i) => {
    const kpiIndex = [0, 1, 3, 2][i % 4] as number;
    const k = KPIS[kpiIndex] as KpiPlan;
    return {
      ...base,
      id: demoId(rng),
      project_id: p.row.id,
      kpi_id: kpis[kpiIndex]?.id ?? null,
      name: `${k.name}: ${p.row.name}`,
      description: null,
      owner_id: person(),
      status: i % 3 === 0 ? 'in_progress' : 'planned',
      unit: k.unit,
      direction: k.direction,
      baseline: k.start,
      target: k.target,
      financial_value: round((p.row.budget as number) * 1.5, 0),
      trajectory: JSON.stringify([
        { date: monthEnd(0), value: k.start },
        { date: dayToDate(anchorMs, HISTORY_DAYS + 365), value: k.target },
      ]),
      actuals: '[]',
      review_date: null,
      review_outcome: null,
      review_notes: null,
    };
  });

  await store.db.transaction().execute(async (trx) => {
    for (const u of goalUpdates)
      await trx.updateTable('goals').set({ parent_id: u.parent }).where('id', '=', u.id).execute();
    await insertInBatches(trx, 'value_streams', streams);
    await insertInBatches(trx, 'value_stream_members', members);
    await insertInBatches(trx, 'kpis', kpis);
    await insertInBatches(trx, 'kpi_measurements', measurements);
    await insertInBatches(trx, 'key_results', keyResults);
    await insertInBatches(trx, 'key_result_check_ins', checkIns);
    await insertInBatches(trx, 'goal_alignments', alignments);
    await insertInBatches(trx, 'business_cases', cases);
    await insertInBatches(trx, 'benefits', benefits);
    await insertInBatches(trx, 'scoring_models', [model]);
    await insertInBatches(trx, 'work_item_scores', scores);
  });
}
