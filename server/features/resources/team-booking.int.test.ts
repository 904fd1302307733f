import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { type CapacityFixture, createCapacityFixture } from '../../test/capacity-factory';
import { testEngines } from '../../test/engines';
import { apiClient, createTestOrganisation, createTestUser, tokenFor } from '../../test/factories';

const engines = await testEngines();
const MAY = 'from=2026-05-04&to=2026-05-08';

// Demand from agile teams: a team's capacity booked to a project shows on the team's members,
// the team and their skills, attributed to the project, and counts in the over-allocation.
describe.each(engines)('team bookings on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let f: CapacityFixture;
  let teamId: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    // Ann's own bookings (April) lie outside the week of May these tests look at.
    f = await createCapacityFixture(app, store, {
      organisationName: 'Team bookings',
      keys: ['TBA', 'TBB'],
      hard: 1,
      soft: 0.25,
      startDate: '2026-04-01',
      endDate: '2026-04-30',
    });
    teamId = await f.create('/api/v1/teams', {
      name: 'Falcons',
      deliveryMethod: 'scrum',
      // Ann wholly in the team, Bob half.
      members: [
        { personId: f.ids.ann, allocation: 1 },
        { personId: f.ids.bob, allocation: 0.5 },
      ],
    });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('books a share of the team to a project, audited, and shows it on people, team and skill', async () => {
    const res = await f.api.post('/api/v1/team-bookings', {
      teamId,
      projectId: f.ids.p,
      startDate: '2026-05-04',
      endDate: '2026-05-08',
      amount: 0.5,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unit: 'share', booking: 'hard', version: 1 });
    const audit = await f.api.get(`/api/v1/team-bookings/${res.body.id}/audit`);
    expect(audit.body.items[0].action).toBe('create');

    const people = await f.api.get(`/api/v1/capacity/heatmap?by=person&period=week&${MAY}`);
    const cell = (key: string) => people.body.rows.find((r: { key: string }) => r.key === key).cells[0];
    // Ann gives the team 5 days × 8 h = 40 h, Bob 5 × 8 × 0.5 = 20 h; half of each is booked.
    expect(cell(f.ids.ann as string)).toMatchObject({ capacity: 40, hard: 20, status: 'under' });
    expect(cell(f.ids.bob as string)).toMatchObject({ capacity: 40, hard: 10 });

    const team = await f.api.get(`/api/v1/capacity/heatmap?by=team&period=week&${MAY}`);
    const falcons = team.body.rows.find((r: { key: string }) => r.key === teamId);
    expect(falcons.cells[0]).toMatchObject({ capacity: 60, hard: 30, demand: 30, status: 'under' });

    const skills = await f.api.get(`/api/v1/capacity/heatmap?by=skill&period=week&${MAY}`);
    const java = skills.body.rows.find((r: { label: string }) => r.label === 'Java');
    expect(java.cells[0].hard).toBeCloseTo(30, 9);

    const free = await f.api.get(
      '/api/v1/people/available?skill=Java&from=2026-05-04&to=2026-05-08&minFte=0',
    );
    const ann = free.body.people.find((p: { personId: string }) => p.personId === f.ids.ann);
    expect(ann).toMatchObject({ hardHours: 20, freeHours: 20, freeFte: 0.5 });
  });

  it('over-allocates the team and its people with the causing project, and never offers to move it', async () => {
    const soft = await f.api.post('/api/v1/team-bookings', {
      teamId,
      projectId: f.ids.q,
      startDate: '2026-05-04',
      endDate: '2026-05-08',
      amount: 1.5,
      unit: 'fte',
      booking: 'soft',
      note: 'Release 2 of the initiative',
    });
    expect(soft.status).toBe(201);
    const team = await f.api.get(`/api/v1/capacity/heatmap?by=team&period=week&${MAY}`);
    const cell = team.body.rows.find((r: { key: string }) => r.key === teamId).cells[0];
    // 1.5 FTE × 8 h × 5 days = 60 h on top of the 30 h already booked: 90 h of 60.
    expect(cell).toMatchObject({ capacity: 60, hard: 30, soft: 60, status: 'over', excess: 30 });
    expect(cell.causes.map((c: { projectKey: string; hours: number }) => [c.projectKey, c.hours])).toEqual([
      ['TBB', 60],
      ['TBA', 30],
    ]);
    const people = await f.api.get(`/api/v1/capacity/heatmap?by=person&period=week&${MAY}`);
    const ann = people.body.rows.find((r: { key: string }) => r.key === f.ids.ann).cells[0];
    // 60 h split by what each gives the team (40 : 20): 40 h of Ann's.
    expect(ann).toMatchObject({ hard: 20, soft: 40, status: 'over' });
    const suggestions = await f.api.get('/api/v1/capacity/suggestions?from=2026-05-04&to=2026-05-08');
    expect(
      suggestions.body.suggestions.filter((s: { demandId: string }) =>
        s.demandId.startsWith('team-booking:'),
      ),
    ).toEqual([]);
  });

  it('names the field of bad input, checks versions, and keeps other organisations and roles out', async () => {
    const base = { teamId, projectId: f.ids.p, startDate: '2026-06-01', endDate: '2026-06-30', amount: 0.2 };
    const cases: [Record<string, unknown>, string, number][] = [
      [{ ...base, amount: 1.2 }, 'amount', 400],
      [{ ...base, amount: 0 }, 'amount', 400],
      [{ ...base, unit: 'points' }, 'unit', 400],
      [{ ...base, endDate: '2026-05-01' }, 'endDate', 400],
      [{ ...base, teamId: randomUUID() }, 'teamId', 422],
      [{ ...base, projectId: undefined }, 'projectId', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await f.api.post('/api/v1/team-bookings', body);
      expect([field, res.status]).toEqual([field, status]);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    const created = await f.api.post('/api/v1/team-bookings', base);
    const id = created.body.id;
    const stale = await f.api.patch(`/api/v1/team-bookings/${id}`, { amount: 0.3 }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const ok = await f.api.patch(`/api/v1/team-bookings/${id}`, { amount: 0.3 }, { 'if-match': '"1"' });
    expect([ok.status, ok.body.amount, ok.body.version]).toEqual([200, 0.3, 2]);
    const listed = await f.api.get(`/api/v1/team-bookings?teamId=${teamId}&sort=startDate`);
    expect(listed.body.items.length).toBe(3);

    // A stakeholder of P's portfolio reads P's team bookings only, and may not change them.
    const user = await createTestUser(store, f.organisationId, {
      grants: [{ role: 'stakeholder', scopeType: 'portfolio', scopeId: f.ids.portfolioP as string }],
    });
    const viewer = apiClient(app, await tokenFor(store, f.organisationId, user.userId));
    const seen = await viewer.get('/api/v1/team-bookings');
    expect(seen.body.items.every((b: { projectId: string }) => b.projectId === f.ids.p)).toBe(true);
    expect(seen.body.items.length).toBe(2);
    const denied = await viewer.patch(`/api/v1/team-bookings/${id}`, { amount: 0.1 }, { 'if-match': '"2"' });
    expect(denied.status).toBe(403);
    const outsider = apiClient(app, (await createTestOrganisation(store, 'Elsewhere')).token);
    expect((await outsider.get(`/api/v1/team-bookings/${id}`)).status).toBe(404);
    const foreign = await outsider.post('/api/v1/team-bookings', base);
    expect(foreign.status).toBe(422);
    const removed = await f.api.delete(`/api/v1/team-bookings/${id}`, { 'if-match': '"2"' });
    expect(removed.status).toBe(204);
  });
  it('keeps team members and their allocation with the team: validated, versioned and audited', async () => {
    const team = await f.api.get(`/api/v1/teams/${teamId}`);
    expect(team.body.members).toHaveLength(2);
    expect(team.body.members).toContainEqual({ personId: f.ids.bob, allocation: 0.5 });
    const bad: [unknown, string, number][] = [
      [[{ personId: f.ids.ann, allocation: 1.5 }], 'members.0.allocation', 400],
      [
        [
          { personId: f.ids.ann, allocation: 1 },
          { personId: f.ids.ann, allocation: 0.2 },
        ],
        'members.1.personId',
        400,
      ],
      [[{ personId: randomUUID(), allocation: 1 }], 'members.0.personId', 422],
    ];
    for (const [members, field, status] of bad) {
      const res = await f.api.patch(
        `/api/v1/teams/${teamId}`,
        { members },
        { 'if-match': `"${team.body.version}"` },
      );
      expect([field, res.status]).toEqual([field, status]);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    const changed = await f.api.patch(
      `/api/v1/teams/${teamId}`,
      { members: [{ personId: f.ids.ann, allocation: 0.5 }] },
      { 'if-match': `"${team.body.version}"` },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.members).toEqual([{ personId: f.ids.ann, allocation: 0.5 }]);
    const audit = await f.api.get(`/api/v1/teams/${teamId}/audit`);
    const update = audit.body.items.find((e: { action: string }) => e.action === 'update');
    expect(update.changes.members.after).toEqual([{ personId: f.ids.ann, allocation: 0.5 }]);
    // The heat map follows: the team now has half of Ann's week, 20 h.
    const heat = await f.api.get(`/api/v1/capacity/heatmap?by=team&period=week&${MAY}`);
    expect(heat.body.rows.find((r: { key: string }) => r.key === teamId).cells[0].capacity).toBe(20);
  });
});
