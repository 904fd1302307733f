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
} from '../../test/factories';

const engines = await testEngines();

// Requests by role (a person's title, as cost rates use it), by skill, or by both. April 2026 on
// the default calendar (Monday–Friday, 8 h, no holidays): 22 working days, 176 h per full-timer.
const APRIL = { startDate: '2026-04-01', endDate: '2026-04-30' };
const WINDOW = 'from=2026-04-01&to=2026-04-30';

interface Row {
  key: string;
  label: string;
  cells: {
    capacity: number;
    requested: number;
    hard: number;
    status: string;
    causes: { projectKey: string }[];
  }[];
}

describe.each(engines)('resource requests by role on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  const ids: Record<string, string> = {};

  const create = async (url: string, body: unknown) => {
    const res = await api.post(url, body);
    if (res.status !== 201) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    const org = await createTestOrganisation(store, 'Roles');
    api = apiClient(app, org.token);
    ids.dee = await create('/api/v1/people', {
      name: 'Dee Java',
      title: 'Developer',
      skills: [{ skill: 'Java', proficiency: 4 }],
    });
    // The title is matched case-insensitively: Eve is a developer too.
    ids.eve = await create('/api/v1/people', {
      name: 'Eve Python',
      title: 'developer',
      skills: [{ skill: 'Python', proficiency: 3 }],
    });
    ids.gus = await create('/api/v1/people', { name: 'Gus Booked', title: 'Developer' });
    ids.fay = await create('/api/v1/people', {
      name: 'Fay Tester',
      title: 'Tester',
      skills: [{ skill: 'Java', proficiency: 5 }],
    });
    const { project } = await createPortfolioWithProject(api, 'ROL');
    ids.p = project.id;
    await create('/api/v1/resource-assignments', {
      personId: ids.gus,
      projectId: ids.p,
      ...APRIL,
      amount: 1,
      booking: 'hard',
    });
    ids.byRole = await create('/api/v1/resource-requests', {
      projectId: ids.p,
      role: 'Developer',
      ...APRIL,
      amount: 0.5,
    });
    ids.both = await create('/api/v1/resource-requests', {
      projectId: ids.p,
      role: 'Developer',
      skill: 'Java',
      minProficiency: 3,
      ...APRIL,
      amount: 40,
      unit: 'hours',
    });
    ids.testers = await create('/api/v1/resource-requests', {
      projectId: ids.p,
      role: 'Tester',
      ...APRIL,
      amount: 1.5,
    });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('stores a request by role with no skill, and refuses one naming neither', async () => {
    const res = await api.get(`/api/v1/resource-requests/${ids.byRole}`);
    expect(res.body).toMatchObject({ role: 'Developer', skill: null, status: 'open' });
    const neither = await api.post('/api/v1/resource-requests', { projectId: ids.p, ...APRIL, amount: 1 });
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].field).toBe('skill');
    const cleared = await api.patch(
      `/api/v1/resource-requests/${ids.byRole}`,
      { role: null },
      { 'if-match': `"${res.body.version}"` },
    );
    expect(cleared.status).toBe(400);
    expect(cleared.body.errors[0].field).toBe('skill');
    const filtered = await api.get('/api/v1/resource-requests?role=Tester');
    expect(filtered.body.items.map((r: { id: string }) => r.id)).toEqual([ids.testers]);
  });

  it('shows capacity against demand by role, with the over-allocated role and its project', async () => {
    const res = await api.get(`/api/v1/capacity/heatmap?by=role&period=month&${WINDOW}`);
    expect(res.status).toBe(200);
    const rows = res.body.rows as Row[];
    expect(rows.map((r) => r.label)).toEqual(['Developer', 'Tester']);
    const [dev, tester] = rows as [Row, Row];
    // Dee, Eve and Gus: 3 × 176 h; Gus's hard booking 176 h; asked: 0.5 × 176 h + 40 h.
    const figures = (r: Row) => {
      const c = r.cells[0];
      return c && [...[c.capacity, c.hard, c.requested].map((x) => Math.round(x * 1e6) / 1e6), c.status];
    };
    expect(figures(dev)).toEqual([528, 176, 128, 'under']);
    // Fay alone (176 h) against 1.5 FTE (264 h): over, caused by ROL.
    expect(figures(tester)).toEqual([176, 0, 264, 'over']);
    expect(tester.cells[0]?.causes.map((c) => c.projectKey)).toEqual(['ROL']);
    // The skill view counts only what names a skill: the 40 h of Java.
    const skills = await api.get(`/api/v1/capacity/heatmap?by=skill&period=month&${WINDOW}`);
    const java = (skills.body.rows as Row[]).find((r) => r.label === 'Java');
    expect(java?.cells[0]?.requested).toBeCloseTo(40, 9);
  });

  it('finds who in a role, or in a role with a skill, is free', async () => {
    const role = await api.get(`/api/v1/people/available?role=DEVELOPER&${WINDOW}`);
    expect(role.status).toBe(200);
    expect(role.body).toMatchObject({ role: 'DEVELOPER', skill: null });
    // Gus is fully booked; Fay is a tester.
    expect(role.body.people.map((p: { name: string }) => p.name)).toEqual(['Dee Java', 'Eve Python']);
    expect(role.body.people[0]).toMatchObject({ title: 'Developer', proficiency: null, freeHours: 176 });
    const both = await api.get(`/api/v1/people/available?role=developer&skill=java&${WINDOW}`);
    expect(
      both.body.people.map((p: { name: string; proficiency: number }) => [p.name, p.proficiency]),
    ).toEqual([['Dee Java', 4]]);
  });

  it('suggests only people in the role (and with the skill when asked), by LP and by greedy', async () => {
    for (const solver of ['lp', 'greedy']) {
      const res = await api.get(`/api/v1/capacity/suggestions?period=month&${WINDOW}&solver=${solver}`);
      expect(res.status).toBe(200);
      expect(res.body.solver).toBe(solver);
      const of = (id: string | undefined) =>
        res.body.suggestions.find((s: { demandId: string }) => s.demandId === id);
      const people = (id: string | undefined) =>
        of(id).allocations.map((a: { personId: string }) => a.personId) as string[];
      const byRole = of(ids.byRole);
      expect(byRole).toMatchObject({ role: 'Developer', skill: null });
      expect(byRole.unmetHours).toBeCloseTo(0, 6);
      for (const p of people(ids.byRole)) expect([ids.dee, ids.eve]).toContain(p);
      expect(people(ids.both)).toEqual([ids.dee]);
      // Fay covers 176 of the testers' 264 h; the rest is unmet, never an overload.
      const testers = of(ids.testers);
      expect(people(ids.testers)).toEqual([ids.fay]);
      expect(testers.unmetHours).toBeCloseTo(88, 6);
      expect(testers.reason).toMatch(/Tester/);
    }
  });

  it('counts a team request (by role, through a team) on the team row, and its members can cover it', async () => {
    const teamId = await create('/api/v1/teams', {
      name: 'Builders',
      deliveryMethod: 'kanban',
      // Dee wholly in the team, Fay (a tester) half.
      members: [
        { personId: ids.dee, allocation: 1 },
        { personId: ids.fay, allocation: 0.5 },
      ],
    });
    const request = await create('/api/v1/resource-requests', {
      projectId: ids.p,
      teamId,
      role: 'Tester',
      startDate: '2026-05-04',
      endDate: '2026-05-08',
      amount: 10,
      unit: 'hours',
    });
    const heat = await api.get('/api/v1/capacity/heatmap?by=team&period=month&from=2026-05-01&to=2026-05-31');
    const team = (heat.body.rows as Row[]).find((r) => r.key === teamId);
    // May 2026: 21 weekdays × 8 h × (1 + 0.5); the request's 10 h are the team's demand.
    expect(team?.cells[0]?.capacity).toBeCloseTo(252, 9);
    expect(team?.cells[0]?.requested).toBeCloseTo(10, 9);
    const suggestions = await api.get(
      '/api/v1/capacity/suggestions?period=month&from=2026-05-01&to=2026-05-31&solver=lp',
    );
    const s = suggestions.body.suggestions.find((x: { demandId: string }) => x.demandId === request);
    expect(s.allocations.map((a: { personId: string }) => a.personId)).toEqual([ids.fay]);
  });

  it('books a suggested person to a role request, and refuses someone outside the role', async () => {
    const current = await api.get(`/api/v1/resource-requests/${ids.byRole}`);
    const body = {
      kind: 'request',
      demandId: ids.byRole,
      hours: 88,
      from: APRIL.startDate,
      to: APRIL.endDate,
    };
    const ifMatch = { 'if-match': `"${current.body.version}"` };
    const outside = await api.post(
      '/api/v1/capacity/suggestions/apply',
      { ...body, personId: ids.fay },
      ifMatch,
    );
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('personId');
    const res = await api.post('/api/v1/capacity/suggestions/apply', { ...body, personId: ids.eve }, ifMatch);
    expect(res.status).toBe(201);
    expect(res.body.assignment).toMatchObject({ personId: ids.eve, requestId: ids.byRole, skill: null });
    const heat = await api.get(`/api/v1/capacity/heatmap?by=role&period=month&${WINDOW}`);
    const dev = (heat.body.rows as Row[])[0];
    // The 88 h moved from asked to booked (softly) on Eve, still in the Developer row.
    expect(dev?.cells[0]?.requested).toBeCloseTo(40, 9);
  });
});
