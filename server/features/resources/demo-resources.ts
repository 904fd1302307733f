import { listPeriods } from '../../../core/capacity/periods';
import { addDays, formatDayNumber, getDayNumber, isoWeekStart } from '../../../core/flow/utc-days';
import type { Rng } from '../../../core/random/prng';
import { ROLES } from '../../demo/demo-catalogue';
import { dayToDate, dayToIso, demoId, HISTORY_DAYS, pick } from '../../demo/demo-clock';
import type { DemoProject, DemoStructure } from '../../demo/demo-organisation';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';
import type { TeamBookingsTable, TimeEntriesTable } from '../../store/tables';
import type { BudgetLineValue } from '../money/money-vocabulary';
import { linkTimeToItems } from './demo-effort';
import { DEMO_HOLIDAYS } from './demo-holidays';
import { createDemoIds } from './demo-ids';

// Demo data for capacity and money, deterministic from the seed's generator: calendars with each
// location's holidays, leave, hourly rates per role, budgets (original, current, forecast) shaped
// as S-curves over each project's dates, actuals that run over or under plan by a per-project
// factor, progress reports, bookings around the anchor date (some people over-allocated; scrum
// teams booked as teams) and open requests by skill.

const WEEKDAY = [1, 2, 3, 4, 5];
// Open requests by role (a person's title, migration 0018): [role, FTE].
const ROLE_REQUESTS: [string, number][] = [
  ['QA Engineer', 1],
  ['Business Analyst', 0.5],
];

const REQUESTS: [string, number, number][] = [
  ['Kubernetes', 0.5, 1],
  ['Python', 1, 1],
  ['Figma', 0.4, 1],
  ['Playwright', 0.5, 1],
  ['Risk management', 0.3, 1],
  ['Java', 0.6, 3],
  ['Terraform', 0.5, 2],
  ['Spark', 0.8, 3],
];

type Base = { organisation_id: string; version: number; created_at: string; updated_at: string };

export async function seedResourcesDemo(
  store: Store,
  rng: Rng,
  s: DemoStructure,
  organisationId: string,
  anchorMs: number,
): Promise<void> {
  const created = dayToIso(anchorMs, 0);
  const base: Base = {
    organisation_id: organisationId,
    version: 1,
    created_at: created,
    updated_at: created,
  };
  const anchor = dayToDate(anchorMs, HISTORY_DAYS);
  const rows = {
    calendars: calendars(rng, base),
    leave: leave(rng, s, base, anchor),
    rates: ROLES.map((r, i) => ({
      ...base,
      id: demoId(rng),
      role: r.title,
      person_id: null,
      hourly_rate: 70 + ((i * 37) % 60),
      valid_from: null,
      note: null,
    })),
    ...money(rng, s, base, anchor),
    ...bookings(rng, s, base, anchor),
  };
  rows.rates.push({
    ...base,
    id: demoId(rng),
    role: '*',
    person_id: null,
    hourly_rate: 75,
    valid_from: null,
    note: null,
  });
  const done = await store.db
    .selectFrom('work_items')
    .select(['id', 'project_id', 'team_id', 'type', 'estimate', 'estimate_unit', 'done_at'])
    .where('organisation_id', '=', organisationId)
    .where('status_category', '=', 'done')
    .where('estimate', '>', 0)
    .where('estimate_unit', 'is not', null)
    .where('done_at', 'is not', null)
    .orderBy('id')
    .execute();
  const time = linkTimeToItems(
    rows.time as TimeEntriesTable[],
    done.map((d) => ({
      ...d,
      estimate: Number(d.estimate),
      estimate_unit: String(d.estimate_unit),
      done_at: String(d.done_at),
    })),
  );
  await store.db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'work_calendars', rows.calendars);
    await insertInBatches(trx, 'leave_entries', rows.leave);
    await insertInBatches(trx, 'cost_rates', rows.rates);
    await insertInBatches(trx, 'budgets', rows.budgets);
    await insertInBatches(trx, 'cost_entries', rows.costs);
    await insertInBatches(trx, 'time_entries', time);
    await insertInBatches(trx, 'progress_reports', rows.progress);
    await insertInBatches(trx, 'resource_requests', rows.requests);
    await insertInBatches(trx, 'resource_assignments', rows.assignments);
    await insertInBatches(trx, 'team_bookings', rows.teamBookings);
  });
}

function calendars(rng: Rng, base: Base) {
  const out = [
    {
      ...base,
      id: demoId(rng),
      name: 'Default',
      location: null as string | null,
      working_weekdays: JSON.stringify(WEEKDAY),
      hours_per_day: 8,
      holidays: '[]',
    },
  ];
  for (const [location, holidays] of Object.entries(DEMO_HOLIDAYS)) {
    out.push({
      ...base,
      id: demoId(rng),
      name: location,
      location,
      working_weekdays: JSON.stringify(WEEKDAY),
      hours_per_day: location === 'London' || location === 'Lisbon' ? 7.5 : 8,
      holidays: JSON.stringify(holidays.map(([date, name]) => ({ date, name }))),
    });
  }
  return out;
}

/** Two weeks of vacation per person around the anchor, and a sick day for some. */
function leave(rng: Rng, s: DemoStructure, base: Base, anchor: string) {
  const out = [];
  for (const p of s.people) {
    for (let k = 0; k < 2; k++) {
      const start = formatDayNumber(isoWeekStart(getDayNumber(addDays(anchor, -120 + 7 * rng.nextInt(34)))));
      out.push({
        ...base,
        id: demoId(rng),
        person_id: p.id,
        start_date: start,
        end_date: addDays(start, 4),
        share: 1,
        kind: 'vacation',
        note: null,
      });
    }
    if (rng.next() < 0.2) {
      const day = addDays(anchor, -60 + rng.nextInt(60));
      out.push({
        ...base,
        id: demoId(rng),
        person_id: p.id,
        start_date: day,
        end_date: day,
        share: 1,
        kind: 'sick',
        note: null,
      });
    }
  }
  return out;
}

function teamOf(s: DemoStructure, p: DemoProject): string[] {
  const team = p.teamIndex === null ? undefined : s.teams[p.teamIndex];
  return team ? s.members.filter((m) => m.team_id === team.id).map((m) => m.person_id) : [];
}

/** Budgets shaped as an S-curve (monthly weights sin(π(i + ½)/n)), actuals and progress up to the anchor. */
function money(rng: Rng, s: DemoStructure, base: Base, anchor: string) {
  const budgets = [];
  const costs = [];
  const time = [];
  const progress = [];
  const rateOf = new Map(ROLES.map((r, i) => [r.title, 70 + ((i * 37) % 60)]));
  const people = new Map(s.people.map((p) => [p.id, p]));
  for (const p of s.projects) {
    const { row } = p;
    if (row.budget === null || !row.start_date || !row.end_date || row.lifecycle_state === 'proposed')
      continue;
    const months = listPeriods('month', row.start_date, row.end_date);
    const weights = months.map((_, i) => Math.sin((Math.PI * (i + 0.5)) / months.length));
    const sum = weights.reduce((a, b) => a + b, 0);
    const capex = row.approach === 'agile' ? 'opex' : 'capex';
    const linesFor = (bac: number): BudgetLineValue[] =>
      months.flatMap((m, i) => {
        const amount = ((weights[i] ?? 0) / sum) * bac;
        const period = m.key;
        return [
          { period, category: capex, costType: 'labour', amount: Math.round(amount * 0.7) },
          { period, category: 'capex' as const, costType: 'non_labour', amount: Math.round(amount * 0.3) },
        ] as BudgetLineValue[];
      });
    const change = rng.next() < 0.6 ? 0 : 0.05 + rng.next() * 0.1;
    const costFactor = 0.9 + rng.next() * 0.35;
    const scheduleFactor = 0.75 + rng.next() * 0.3;
    const current = linesFor(row.budget * (1 + change));
    const approvedAt = `${row.start_date}T09:00:00.000Z`;
    const budget = (name: string, version: string, status: string, lines: BudgetLineValue[]) => ({
      ...base,
      id: demoId(rng),
      portfolio_id: row.portfolio_id,
      project_id: row.id,
      name,
      budget_version: version,
      status,
      approved_by: null,
      approved_at: status === 'approved' ? approvedAt : null,
      lines: JSON.stringify(lines),
      note: null,
    });
    budgets.push(budget(`${row.key} baseline`, 'original', 'approved', linesFor(row.budget)));
    budgets.push(budget(`${row.key} current`, 'current', 'approved', current));
    budgets.push(
      budget(
        `${row.key} forecast`,
        'forecast',
        'draft',
        current.map((l) => ({ ...l, amount: Math.round(l.amount * costFactor) })),
      ),
    );
    // Actuals: each elapsed month earns PV × scheduleFactor and costs that × costFactor (± 10 %).
    const team = teamOf(s, p);
    const bac = current.reduce((a, l) => a + l.amount, 0);
    let cumulative = 0;
    for (const m of months) {
      if (m.end > anchor) break;
      const planned = current.filter((l) => l.period === m.key).reduce((a, l) => a + l.amount, 0);
      cumulative += planned;
      const cost = planned * scheduleFactor * costFactor * (0.9 + rng.next() * 0.2);
      let labour = cost * 0.7;
      // Team members log a day a week on the project; contractors' invoices cover the rest of the labour.
      for (const personId of team.slice(0, 6)) {
        const person = people.get(personId);
        const rate = rateOf.get(person?.title ?? '') ?? 75;
        for (let d = m.startDay + ((7 - ((m.startDay + 3) % 7)) % 7) + 2; d <= m.endDay; d += 7) {
          if (labour < rate * 8) break;
          time.push({
            ...base,
            id: demoId(rng),
            person_id: personId,
            project_id: row.id,
            work_item_id: null,
            worked_on: new Date(d * 86_400_000).toISOString().slice(0, 10),
            hours: 8,
            category: capex,
            note: null,
          });
          labour -= rate * 8;
        }
      }
      const entry = (amount: number, costType: string, category: string, description: string) => ({
        ...base,
        id: demoId(rng),
        project_id: row.id,
        work_item_id: null,
        incurred_on: m.end,
        amount: Math.round(amount),
        category,
        cost_type: costType,
        description,
        origin: 'manual',
      });
      if (labour > 0) costs.push(entry(labour, 'labour', capex, 'Contractors'));
      costs.push(
        entry(
          cost * 0.3,
          'non_labour',
          'capex',
          pick(rng, ['Licences', 'Cloud hosting', 'Hardware', 'Consultancy']),
        ),
      );
      if (row.approach !== 'agile') {
        progress.push({
          ...base,
          id: demoId(rng),
          project_id: row.id,
          reported_on: m.end,
          percent_complete: Math.min(100, Math.round(((cumulative * scheduleFactor) / bac) * 1000) / 10),
          note: null,
        });
      }
    }
  }
  return { budgets, costs, time, progress };
}

/**
 * Bookings around the anchor: each active project's team hard-booked for a share of its time
 * (0.9 split over the projects the team serves; scrum teams as a team booking, the others person by
 * person), every fifth member also
 * soft-booked 0.4 FTE on another project (over-allocated), and open requests by skill and by role.
 */
function bookings(rng: Rng, s: DemoStructure, base: Base, anchor: string) {
  const active = s.projects.filter((p) => p.row.lifecycle_state === 'active');
  const projectsOfTeam = new Map<number, number>();
  for (const p of active)
    if (p.teamIndex !== null) projectsOfTeam.set(p.teamIndex, (projectsOfTeam.get(p.teamIndex) ?? 0) + 1);
  const requests = [];
  const start = addDays(anchor, -30);
  const end = addDays(anchor, 120);
  const booking = (
    personId: string,
    projectId: string,
    teamId: string | null,
    amount: number,
    kind: string,
    from = start,
    to = end,
  ) => ({
    ...base,
    id: demoId(rng),
    person_id: personId,
    project_id: projectId,
    team_id: teamId,
    request_id: null as string | null,
    skill: null as string | null,
    start_date: from,
    end_date: to,
    amount: Math.round(amount * 100) / 100,
    unit: 'fte',
    booking: kind,
    note: null,
  });
  const assignments: ReturnType<typeof booking>[] = [];
  const teamBookings: TeamBookingsTable[] = [];
  for (const p of active) {
    if (p.teamIndex === null) continue;
    const team = s.teams[p.teamIndex];
    const share = 0.9 / (projectsOfTeam.get(p.teamIndex) ?? 1);
    // Scrum teams are booked as a team (a share of its capacity), the others person by person.
    // The member bookings are drawn either way, so the generator's sequence stays the same.
    const asTeam = team?.delivery_method === 'scrum';
    teamOf(s, p).forEach((personId, i) => {
      const own = booking(personId, p.row.id, team?.id ?? null, share, 'hard');
      if (!asTeam) assignments.push(own);
      else if (i === 0 && team)
        teamBookings.push({
          ...base,
          id: own.id,
          team_id: team.id,
          project_id: p.row.id,
          start_date: own.start_date,
          end_date: own.end_date,
          amount: own.amount,
          unit: 'share',
          booking: 'hard',
          note: `${team.name}'s capacity for ${p.row.name}`,
        });
      if (i % 5 === 0) {
        const other = pick(
          rng,
          active.filter((x) => x.row.id !== p.row.id),
        );
        assignments.push(booking(personId, other.row.id, null, 0.4, 'soft', anchor, addDays(anchor, 60)));
      }
    });
  }
  for (const [skill, amount, minProficiency] of REQUESTS) {
    const p = pick(rng, active);
    const from = addDays(anchor, 7 * rng.nextInt(4));
    requests.push({
      ...base,
      id: demoId(rng),
      project_id: p.row.id,
      team_id: null,
      skill: skill as string | null,
      role: null as string | null,
      min_proficiency: minProficiency,
      start_date: from,
      end_date: addDays(from, 55),
      amount,
      unit: 'fte',
      status: 'open',
      note: null,
    });
  }
  // Drawn without the seeding generator (ids of their own), so the rest of the demo stays as it was.
  const roleIds = createDemoIds(`role-requests:${base.organisation_id}`);
  ROLE_REQUESTS.forEach(([role, amount], i) => {
    const p = active[(i * 3) % Math.max(1, active.length)];
    if (!p) return;
    const from = addDays(anchor, 14);
    requests.push({
      ...base,
      id: roleIds(),
      project_id: p.row.id,
      team_id: null,
      skill: null,
      role,
      min_proficiency: 1,
      start_date: from,
      end_date: addDays(from, 55),
      amount,
      unit: 'fte',
      status: 'open',
      note: null,
    });
  });
  return { assignments, requests, teamBookings };
}
