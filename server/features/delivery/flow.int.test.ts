import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeCumulativeFlow,
  computeCycleTimes,
  computeItemTimelines,
  computeLeadTimes,
  computeLittlesLawCheck,
  computeWipPerDay,
  type FlowItem,
  type StatusCategory,
} from '../../../core/flow';
import { buildApp } from '../../app';
import { issueApiToken } from '../../auth/api-tokens';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { type ApiClient, apiClient, createTestUser, tokenFor } from '../../test/factories';

// Flow metrics and forecasts over the demo organisation: every figure the API serves must equal
// core/flow computed here, independently, on the same database rows.

const engines = await testEngines();
const RANGE = { from: '2026-01-01', to: '2026-03-31' };

describe.each(engines)('flow analytics and forecasts on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let organisationId: string;
  let teamId: string;
  let items: FlowItem[];

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    organisationId = demo.organisationId;
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const token = await issueApiToken(store.db, {
      organisationId,
      userId: demo.adminUserId,
      name: 't',
      scope: 'read',
      expiresAt: null,
      now: new Date().toISOString(),
    });
    api = apiClient(app, token.token);
    teamId = (await api.get('/api/v1/teams?q=Falcons')).body.items[0].id;
    // The same rows, read straight from the tables.
    const rows = await store.db
      .selectFrom('work_items')
      .select(['id', 'created_at', 'started_at', 'done_at'])
      .where('team_id', '=', teamId)
      .where('type', 'not in', ['epic', 'feature'])
      .where('created_at', '<', '2026-04-01T00:00:00.000Z')
      .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>=', '2026-01-01T00:00:00.000Z')]))
      .execute();
    const changes = await store.db
      .selectFrom('work_item_status_changes')
      .select(['work_item_id', 'changed_at', 'to_status', 'to_category'])
      .where(
        'work_item_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('changed_at')
      .orderBy('id')
      .execute();
    items = rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      ...(r.started_at ? { startedAt: r.started_at } : {}),
      ...(r.done_at ? { doneAt: r.done_at } : {}),
      statusChanges: changes
        .filter((c) => c.work_item_id === r.id)
        .map((c) => ({ at: c.changed_at, category: c.to_category as StatusCategory, status: c.to_status })),
    }));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('serves cycle time, lead time, WIP, CFD and Little’s law equal to core/flow on the same rows', async () => {
    const q = `teamId=${teamId}&from=${RANGE.from}&to=${RANGE.to}`;
    const timelines = computeItemTimelines(items);
    const cycle = await api.get(`/api/v1/flow/cycle-time?${q}`);
    expect(cycle.status).toBe(200);
    const expectedCycle = computeCycleTimes(timelines, { doneWithin: RANGE });
    expect(cycle.body.count).toBeGreaterThan(30);
    expect(cycle.body.count).toBe(expectedCycle.samples.length);
    expect(cycle.body.percentiles).toEqual(
      Object.fromEntries(Object.entries(expectedCycle.percentiles).map(([k, v]) => [k, v])),
    );
    expect(cycle.body.percentiles['50']).toBeLessThanOrEqual(cycle.body.percentiles['95']);
    expect(cycle.body.definition).toBe(
      'Time from the commitment point to done, per finished item, with percentiles and mean.',
    );
    const lead = await api.get(`/api/v1/flow/lead-time?${q}&unit=calendar`);
    expect(lead.body.percentiles).toEqual(
      computeLeadTimes(timelines, { doneWithin: RANGE, unit: 'calendar' }).percentiles,
    );
    const wip = await api.get(`/api/v1/flow/wip?${q}`);
    expect(wip.body.perDay).toEqual(computeWipPerDay(timelines, RANGE));
    const cfd = await api.get(`/api/v1/flow/cfd?${q}&by=category`);
    expect(cfd.body.days).toEqual(computeCumulativeFlow(timelines, { by: 'category', range: RANGE }).days);
    const little = await api.get(`/api/v1/flow/littles-law?${q}`);
    const expectedLittle = computeLittlesLawCheck(timelines, RANGE);
    expect(little.body.averageWip).toBeCloseTo(expectedLittle.averageWip, 10);
    expect(little.body.ratio).toBeCloseTo(expectedLittle.ratio as number, 10);
    const overview = await api.get(`/api/v1/flow/overview?${q}`);
    expect(overview.body.throughput.total).toBe(expectedCycle.samples.length + expectedCycle.excluded.length);
    const aging = await api.get(`/api/v1/flow/aging?teamId=${teamId}&asOf=2026-06-30`);
    expect(aging.status).toBe(200);
    expect(
      aging.body.items.every(
        (i: { breached: boolean; ageDays: number }) => i.breached === i.ageDays > aging.body.sle.days,
      ),
    ).toBe(true);
    const efficiency = await api.get(`/api/v1/flow/efficiency?${q}`);
    expect(efficiency.body.waitingStatuses).toEqual(['Blocked']);
    expect(efficiency.body.efficiency).toBeGreaterThan(0);
    expect(efficiency.body.efficiency).toBeLessThan(1);
  });

  it('sums a portfolio over its projects and serves the demo sprints’ velocity and board', async () => {
    const portfolios = (await api.get('/api/v1/portfolios')).body.items;
    const res = await api.get(
      `/api/v1/flow/overview?portfolioId=${portfolios[0].id}&from=${RANGE.from}&to=${RANGE.to}`,
    );
    expect(res.status).toBe(200);
    const velocity = await api.get(`/api/v1/flow/velocity?teamId=${teamId}&unit=items`);
    expect(velocity.body.velocity.perSprint.length).toBe(12);
    for (const s of velocity.body.velocity.perSprint) expect(s.completed).toBeLessThanOrEqual(s.committed);
    const board = await api.get(`/api/v1/teams/${teamId}/board?swimlane=epic&limit=5`);
    expect(board.body.columns.map((c: { status: string }) => c.status)).toEqual([
      'To Do',
      'In Progress',
      'Blocked',
      'In Review',
      'Done',
    ]);
    const active = (await api.get(`/api/v1/sprints?teamId=${teamId}&state=active`)).body.items[0];
    const live = await api.get(`/api/v1/sprints/${active.id}/forecast?asOf=2026-06-30&trials=2000&seed=7`);
    expect(live.status).toBe(200);
    expect(live.body.forecast.probability).toBeGreaterThanOrEqual(0);
    expect(live.body.forecast.probability).toBeLessThanOrEqual(1);
    // Beside the chance, the same "how many in the days left" question replayed on the team's past.
    expect(live.body.backtest.question).toEqual({ kind: 'how-many', days: live.body.forecast.days });
    expect(live.body.backtest.points.length).toBeGreaterThan(10);
    expect(live.body.backtest.calibration['85']).toBeGreaterThan(0);
  });

  it('forecasts reproducibly with a seed, with monotone percentiles and a backtest beside them', async () => {
    const url = `/api/v1/forecasts/when?teamId=${teamId}&items=40&asOf=2026-06-30&seed=42&trials=5000`;
    const a = await api.get(url);
    const b = await api.get(url);
    expect(a.status).toBe(200);
    expect(a.body.forecast.percentiles).toEqual(b.body.forecast.percentiles);
    const days = a.body.forecast.percentileDays;
    expect(days['50']).toBeLessThanOrEqual(days['70']);
    expect(days['70']).toBeLessThanOrEqual(days['85']);
    expect(days['85']).toBeLessThanOrEqual(days['95']);
    expect(a.body.backtest.points.length).toBeGreaterThan(10);
    expect(a.body.backtest.calibration['85']).toBeGreaterThan(0);
    // Only origins whose 90-day window held enough finished items are scored; the rest are counted.
    expect(a.body.backtest.scoring).toEqual({ minHistoryDays: 90, minHistoryItems: 10 });
    for (const point of a.body.backtest.points) {
      expect(point.historyDays).toBe(90);
      expect(point.historyItems).toBeGreaterThanOrEqual(10);
    }
    expect(Object.keys(a.body.backtest.skipped).sort()).toEqual([
      'allZeroHistory',
      'thinHistory',
      'unobservable',
    ]);
    const other = await api.get(url.replace('seed=42', 'seed=43'));
    expect(other.body.forecast.histogram).not.toEqual(a.body.forecast.histogram);
    const many = await api.get(
      `/api/v1/forecasts/how-many?teamId=${teamId}&end=2026-07-31&asOf=2026-06-30&seed=42`,
    );
    const p = many.body.forecast.percentiles;
    expect(p['95']).toBeLessThanOrEqual(p['85']);
    expect(p['85']).toBeLessThanOrEqual(p['70']);
    expect(p['70']).toBeLessThanOrEqual(p['50']);
    expect(many.body.forecast.trials).toBe(10_000);
    const bad = await api.get(`/api/v1/forecasts/how-many?teamId=${teamId}&end=2026-06-01&asOf=2026-06-30`);
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'end']);
    const noTrials = await api.get(`/api/v1/forecasts/when?teamId=${teamId}&items=4&trials=0`);
    expect(noTrials.status).toBe(400);
    expect(JSON.stringify(noTrials.body.errors)).toContain('trials');
  });

  it('scopes flow and forecasts to an epic: the leaf items under it and under its features', async () => {
    // Read straight from the tables: each epic's own and its features' stories, tasks and bugs.
    const rows = await store.db
      .selectFrom('work_items as leaf')
      .leftJoin('work_items as parent', 'parent.id', 'leaf.parent_id')
      .select([
        'leaf.done_at',
        'leaf.parent_id',
        'parent.type as parentType',
        'parent.parent_id as grandparentId',
      ])
      .where('leaf.organisation_id', '=', organisationId)
      .where('leaf.type', 'not in', ['epic', 'feature'])
      .execute();
    const epicOf = (r: (typeof rows)[number]) => (r.parentType === 'epic' ? r.parent_id : r.grandparentId);
    const doneIn = (r: (typeof rows)[number], from: string, toExclusive: string) =>
      r.done_at !== null && r.done_at >= from && r.done_at < toExclusive;
    // The epic that finished most in the 90 days before asOf, so its forecast has throughput.
    const recent = new Map<string, number>();
    for (const r of rows) {
      const epic = epicOf(r);
      if (epic && doneIn(r, '2026-04-01', '2026-06-30')) recent.set(epic, (recent.get(epic) ?? 0) + 1);
    }
    const [epicId] = [...recent.entries()].sort((a, b) => b[1] - a[1])[0] ?? [''];
    expect(epicId).not.toBe('');
    const expected = rows.filter((r) => epicOf(r) === epicId && doneIn(r, '2026-01-01', '2026-04-01')).length;
    const overview = await api.get(
      `/api/v1/flow/overview?epicId=${epicId}&from=${RANGE.from}&to=${RANGE.to}`,
    );
    expect(overview.status).toBe(200);
    expect(overview.body.scope).toEqual({ kind: 'epic', id: epicId });
    expect(overview.body.throughput.total).toBe(expected);
    const forecast = await api.get(
      `/api/v1/forecasts/how-many?epicId=${epicId}&end=2026-07-31&asOf=2026-06-30&trials=500&seed=3`,
    );
    expect(forecast.status).toBe(200);
    expect(forecast.body.scope).toEqual({ kind: 'epic', id: epicId });
    expect(forecast.body.history.total).toBe(recent.get(epicId as string));
    // A feature is not an epic: the field is named.
    const feature = await store.db
      .selectFrom('work_items')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('type', '=', 'feature')
      .executeTakeFirstOrThrow();
    const bad = await api.get(`/api/v1/flow/wip?epicId=${feature.id}`);
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'epicId']);
  });

  it('gives a member without roles 404 on the team and nothing counted in the portfolio', async () => {
    const member = await createTestUser(store, organisationId);
    const outsider = apiClient(app, await tokenFor(store, organisationId, member.userId));
    const res = await outsider.get(`/api/v1/forecasts/when?teamId=${teamId}&items=5`);
    expect([res.status, res.body.errors[0].field]).toEqual([404, 'teamId']);
    expect((await outsider.get(`/api/v1/flow/wip?teamId=${teamId}`)).status).toBe(404);
  });
});
