import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

const engines = await testEngines();

const WORKFLOW = {
  states: [
    { name: 'To Do', category: 'todo' },
    { name: 'Doing', category: 'in_progress', wipSoft: 1, wipHard: 2 },
    { name: 'Blocked', category: 'in_progress', blocked: true },
    { name: 'Shipped', category: 'done' },
  ],
  sle: { days: 10, percentile: 85 },
};

describe.each(engines)('delivery API on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies of many shapes, as in apiClient
  let api: ApiClient & { put(url: string, body: unknown): Promise<{ status: number; body: any }> };
  let organisationId: string;
  let projectId: string;
  let teamId: string;

  const story = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await api.post('/api/v1/work-items', { projectId, teamId, type: 'story', title, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; status: string; statusCategory: string };
  };
  const move = async (id: string, status: string) => {
    const current = (await api.get(`/api/v1/work-items/${id}`)).body;
    return api.patch(`/api/v1/work-items/${id}`, { status, version: current.version });
  };

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const org = await createTestOrganisation(store);
    organisationId = org.organisationId;
    const client = apiClient(app, org.token);
    api = Object.assign(client, {
      put: async (url: string, body: unknown) => {
        const res = await app.inject({
          method: 'PUT',
          url,
          headers: { authorization: `Bearer ${org.token}` },
          payload: body as object,
        });
        return { status: res.statusCode, body: res.json() };
      },
    });
    projectId = (await createPortfolioWithProject(api, 'DLV')).project.id;
    teamId = (await api.post('/api/v1/teams', { name: 'Falcons', deliveryMethod: 'scrum' })).body.id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('maps statuses through the team workflow and refuses a move past a hard WIP limit with 409', async () => {
    const put = await api.put(`/api/v1/teams/${teamId}/workflow`, WORKFLOW);
    expect(put.status).toBe(200);
    expect(put.body.states.map((s: { name: string }) => s.name)).toEqual([
      'To Do',
      'Doing',
      'Blocked',
      'Shipped',
    ]);
    const [a, b, c] = [await story('A'), await story('B'), await story('C')];
    // "Shipped" and "Doing" are no common status names: the workflow gives their categories.
    expect((await move(a.id, 'Doing')).body.statusCategory).toBe('in_progress');
    expect((await move(b.id, 'Doing')).status).toBe(200);
    const refused = await move(c.id, 'Doing');
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].field).toBe('status');
    expect(refused.body.detail).toContain('"Doing"');
    expect((await api.get(`/api/v1/work-items/${c.id}`)).body.status).toBe('To Do');
    const shipped = await move(a.id, 'Shipped');
    expect(shipped.body).toMatchObject({ statusCategory: 'done' });
    expect(shipped.body.doneAt).not.toBeNull();
    expect((await move(c.id, 'Doing')).status).toBe(200);
    const unknown = await move(c.id, 'Nowhere');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('status');

    // The board: two items in Doing, above the soft limit of 1 and at the hard limit of 2.
    await api.post(`/api/v1/work-items/${b.id}/block`, { reason: 'Waiting for the bank' });
    const board = await api.get(`/api/v1/teams/${teamId}/board?swimlane=assignee`);
    expect(board.status).toBe(200);
    const doing = board.body.columns.find((col: { status: string }) => col.status === 'Doing');
    expect(doing).toMatchObject({ count: 2, wipSoft: 1, wipHard: 2, overSoftLimit: true, atHardLimit: true });
    expect(board.body.warnings[0]).toContain('soft WIP limit');
    const blocked = doing.items.find((i: { id: string }) => i.id === b.id);
    expect(blocked.blocked.reason).toBe('Waiting for the bank');
    expect(board.body.lanes[0]).toMatchObject({ key: 'none', name: 'Unassigned' });
    expect((await api.post(`/api/v1/work-items/${b.id}/block`, { reason: 'again' })).status).toBe(409);
    expect((await api.post(`/api/v1/work-items/${b.id}/unblock`, {})).body.blocked).toBe(false);
  });

  it('refuses a bad workflow, naming the field', async () => {
    const dup = await api.put(`/api/v1/teams/${teamId}/workflow`, {
      states: [
        { name: 'X', category: 'todo' },
        { name: 'x', category: 'done' },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].field).toBe('states/1/name');
    const limits = await api.put(`/api/v1/teams/${teamId}/workflow`, {
      states: [{ name: 'Doing', category: 'in_progress', wipSoft: 5, wipHard: 3 }],
    });
    expect(limits.body.errors.map((e: { field: string }) => e.field)).toEqual(['states/0/wipSoft', 'states']);
    const badSle = await api.put(`/api/v1/teams/${teamId}/workflow`, {
      ...WORKFLOW,
      sle: { days: 10, percentile: 100 },
    });
    expect(badSle.status).toBe(400);
    expect(JSON.stringify(badSle.body.errors)).toContain('percentile');
  });

  it('ranks backlog items before and after others with fractional ranks', async () => {
    const team = (await api.post('/api/v1/teams', { name: 'Rankers', deliveryMethod: 'kanban' })).body.id;
    const items = [];
    for (const t of ['one', 'two', 'three'])
      items.push(
        (await api.post('/api/v1/work-items', { projectId, teamId: team, type: 'task', title: t })).body,
      );
    const [one, two, three] = items;
    const r1 = await api.post(`/api/v1/work-items/${one.id}/rank`, { after: two.id });
    expect(r1.status).toBe(200);
    const r2 = await api.post(`/api/v1/work-items/${three.id}/rank`, { before: two.id });
    const r3 = await api.post(`/api/v1/work-items/${one.id}/rank`, { before: three.id });
    const list = (await api.get(`/api/v1/work-items?teamId=${team}`)).body.items
      .sort((p: { rank: number }, q: { rank: number }) => p.rank - q.rank)
      .map((i: { title: string }) => i.title);
    expect([r2.status, r3.status]).toEqual([200, 200]);
    expect(list).toEqual(['one', 'three', 'two']);
    const both = await api.post(`/api/v1/work-items/${one.id}/rank`, { before: two.id, after: three.id });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('before');
  });

  it('plans, starts and completes a sprint, carrying unfinished items into the next', async () => {
    await api.put(`/api/v1/teams/${teamId}/workflow`, {
      ...WORKFLOW,
      states: WORKFLOW.states.map((s) => ({ ...s, wipHard: null })),
    });
    const s1 = (
      await api.post('/api/v1/sprints', {
        teamId,
        name: 'Sprint 1',
        goal: 'Payments go live',
        startDate: '2026-03-02',
        endDate: '2026-03-13',
        capacity: 20,
      })
    ).body;
    expect(s1.state).toBe('planned');
    const x = await story('X', { estimate: 3, estimateUnit: 'points' });
    const y = await story('Y', { estimate: 5, estimateUnit: 'points' });
    const z = await story('Z', { estimate: 8, estimateUnit: 'points' });
    const plan = await api.put(`/api/v1/sprints/${s1.id}/items`, { workItemIds: [x.id, y.id, z.id] });
    expect(plan.status).toBe(200);
    const started = await api.post(`/api/v1/sprints/${s1.id}/start`, {});
    expect(started.body).toMatchObject({ state: 'active', committedItems: 3, committedPoints: 16 });
    expect((await api.post(`/api/v1/sprints/${s1.id}/start`, {})).status).toBe(409);
    await move(x.id, 'Doing');
    await move(x.id, 'Shipped');
    await move(y.id, 'Doing');
    const done = await api.post(`/api/v1/sprints/${s1.id}/complete`, {});
    expect(done.status).toBe(200);
    expect(done.body.sprint).toMatchObject({ state: 'completed', completedItems: 1, completedPoints: 3 });
    expect(done.body.carriedOver.sort()).toEqual([y.id, z.id].sort());
    expect(done.body.nextSprint).toMatchObject({
      state: 'planned',
      startDate: '2026-03-14',
      endDate: '2026-03-25',
    });
    const next = (await api.get(`/api/v1/sprints/${done.body.nextSprint.id}/items`)).body.items;
    expect(next.map((i: { workItemId: string }) => i.workItemId).sort()).toEqual([y.id, z.id].sort());
    expect(next.every((i: { carriedFromSprintId: string }) => i.carriedFromSprintId === s1.id)).toBe(true);
    const old = (await api.get(`/api/v1/sprints/${s1.id}/items`)).body.items;
    expect(old.map((i: { outcome: string }) => i.outcome).sort()).toEqual([
      'carried_over',
      'carried_over',
      'done',
    ]);

    const velocity = await api.get(`/api/v1/flow/velocity?teamId=${teamId}`);
    expect(velocity.body.velocity.perSprint).toEqual([{ name: 'Sprint 1', committed: 16, completed: 3 }]);
    expect(velocity.body.predictability.perSprint[0].ratio).toBeCloseTo(3 / 16);
    expect(velocity.body.velocity.definition).toMatch(/^Work completed per sprint/);

    const burn = await api.get(`/api/v1/sprints/${s1.id}/burn?unit=points`);
    expect(burn.body.committed).toBe(16);
    expect(burn.body.burnDown.days).toHaveLength(12);
  });

  it('refuses sprints for Kanban teams and bad dates, naming the field', async () => {
    const kanban = (await api.post('/api/v1/teams', { name: 'Flow', deliveryMethod: 'kanban' })).body.id;
    const k = await api.post('/api/v1/sprints', {
      teamId: kanban,
      name: 'S',
      startDate: '2026-03-02',
      endDate: '2026-03-13',
    });
    expect([k.status, k.body.errors[0].field]).toEqual([400, 'teamId']);
    const r = await api.post('/api/v1/sprints', {
      teamId,
      name: 'S',
      startDate: '2026-03-13',
      endDate: '2026-03-02',
    });
    expect([r.status, r.body.errors[0].field]).toEqual([400, 'endDate']);
    const forecast = await api.get(`/api/v1/forecasts/when?teamId=${teamId}&projectId=${projectId}&items=3`);
    expect([forecast.status, forecast.body.errors[0].field]).toEqual([400, 'teamId']);
    const window = await api.get(`/api/v1/flow/cycle-time?teamId=${teamId}&from=2026-03-01&to=2026-02-01`);
    expect([window.status, window.body.errors[0].field]).toEqual([400, 'to']);
  });

  it('tracks retrospective actions to done', async () => {
    const retro = (
      await api.post('/api/v1/retrospectives', { teamId, title: 'Sprint 1 retro', heldOn: '2026-03-13' })
    ).body;
    const action = (
      await api.post('/api/v1/retrospective-actions', {
        teamId,
        retrospectiveId: retro.id,
        title: 'Pair on reviews',
      })
    ).body;
    expect(action).toMatchObject({ status: 'open', doneAt: null });
    const done = await api.patch(`/api/v1/retrospective-actions/${action.id}`, {
      status: 'done',
      version: action.version,
    });
    expect(done.body.doneAt).not.toBeNull();
    expect((await api.get(`/api/v1/retrospectives/${retro.id}`)).body.actions).toEqual({ open: 0, done: 1 });
    const other = (await api.post('/api/v1/teams', { name: 'Others', deliveryMethod: 'scrum' })).body.id;
    const wrong = await api.post('/api/v1/retrospective-actions', {
      teamId: other,
      retrospectiveId: retro.id,
      title: 'x',
    });
    expect([wrong.status, wrong.body.errors[0].field]).toEqual([422, 'retrospectiveId']);
  });

  it('hides a team’s delivery data from a member without a role on it', async () => {
    const member = await createTestUser(store, organisationId);
    const outsider = apiClient(app, await tokenFor(store, organisationId, member.userId));
    expect((await outsider.get(`/api/v1/teams/${teamId}/board`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/teams/${teamId}/workflow`)).status).toBe(404);
    const flow = await outsider.get(`/api/v1/flow/cycle-time?teamId=${teamId}`);
    expect([flow.status, flow.body.errors[0].field]).toEqual([404, 'teamId']);
    expect((await outsider.get(`/api/v1/forecasts/when?projectId=${projectId}&items=5`)).status).toBe(404);
    expect((await outsider.get('/api/v1/sprints')).body.items).toEqual([]);
    // A role on the team opens it: the board and its items.
    const teamMember = await createTestUser(store, organisationId, {
      grants: [{ role: 'team_member', scopeType: 'team', scopeId: teamId }],
    });
    const insider = apiClient(app, await tokenFor(store, organisationId, teamMember.userId));
    const board = await insider.get(`/api/v1/teams/${teamId}/board`);
    expect(board.status).toBe(200);
    expect(board.body.columns.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBeGreaterThan(0);
    expect((await insider.get(`/api/v1/sprints?teamId=${teamId}`)).body.items.length).toBeGreaterThan(0);
  });
});
