import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { issueApiToken } from '../../auth/api-tokens';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { createCapacityFixture } from '../../test/capacity-factory';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

const engines = await testEngines();

// England's 2026 Easter bank holidays (gov.uk/bank-holidays): Good Friday 3 April, Easter Monday 6 April.
const LONDON = {
  name: 'London',
  location: 'London',
  hoursPerDay: 7.5,
  holidays: [
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
  ],
};

describe.each(engines)('capacity API on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let organisationId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    const fixture = await createCapacityFixture(app, store, {
      organisationName: 'Capacity',
      keys: ['CAP', 'CAQ'],
      annName: 'Ann Part-time',
      ann: { location: 'London', fte: 0.6 },
      hard: 0.6,
      soft: 0.3,
      startDate: '2026-04-01',
      endDate: '2026-04-30',
    });
    ({ api, organisationId } = fixture);
    Object.assign(ids, fixture.ids);
    expect((await api.post('/api/v1/work-calendars', LONDON)).status).toBe(201);
    await fixture.create('/api/v1/leave-entries', {
      personId: ids.ann,
      startDate: '2026-04-13',
      endDate: '2026-04-17',
    });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('computes part-time capacity across holidays and leave, and flags the over-allocation with its projects', async () => {
    const res = await api.get(
      '/api/v1/capacity/heatmap?by=person&period=month&from=2026-04-01&to=2026-04-30',
    );
    expect(res.status).toBe(200);
    const ann = res.body.rows.find((r: { key: string }) => r.key === ids.ann);
    const [cell] = ann.cells;
    // April 2026 in London: 22 weekdays − 2 bank holidays − 5 days of leave = 15 days × 0.6 × 7.5 h.
    expect(cell.capacity).toBeCloseTo(67.5, 9);
    // Bookings take their share of every London working day (20): 0.6 and 0.3 of 7.5 h.
    expect(cell.hard).toBeCloseTo(90, 9);
    expect(cell.soft).toBeCloseTo(45, 9);
    expect(cell.status).toBe('over');
    expect(cell.excess).toBeCloseTo(67.5, 9);
    expect(cell.causes.map((c: { projectKey: string; hours: number }) => [c.projectKey, c.hours])).toEqual([
      ['CAP', 90],
      ['CAQ', 45],
    ]);
    expect(ann.overAllocatedPeriods).toBe(1);
    const bob = res.body.rows.find((r: { key: string }) => r.key === ids.bob);
    // Bob has no calendar of his own: the default Monday–Friday, 8 hours, no holidays (22 days).
    expect(bob.cells[0]).toMatchObject({ capacity: 176, demand: 0, status: 'under' });
  });

  it('groups by skill with open requests counted as demand', async () => {
    const res = await api.get('/api/v1/capacity/heatmap?by=skill&period=month&from=2026-04-01&to=2026-04-30');
    const java = res.body.rows.find((r: { label: string }) => r.label === 'Java');
    expect(java.cells[0].capacity).toBeCloseTo(67.5 + 176, 9);
    // The request asks 0.5 × 8 h on the default calendar's 22 days.
    expect(java.cells[0].requested).toBeCloseTo(88, 9);
    expect(java.cells[0].hard + java.cells[0].soft).toBeCloseTo(135, 9);
  });

  it('finds who with a skill is free', async () => {
    const res = await api.get('/api/v1/people/available?skill=java&from=2026-04-01&to=2026-04-30&minFte=0.5');
    expect(res.status).toBe(200);
    expect(res.body.people.map((p: { name: string }) => p.name)).toEqual(['Bob Free']);
    expect(res.body.people[0]).toMatchObject({ freeHours: 176, freeFte: 1, proficiency: 3 });
    const soft = await api.get(
      '/api/v1/people/available?skill=Java&from=2026-04-01&to=2026-04-30&minFte=0.01&countSoft=false',
    );
    expect(soft.body.people.map((p: { name: string }) => p.name)).toEqual(['Bob Free']);
  });

  it('suggests covering the request and moving the soft booking off the over-allocated person, by LP and by greedy', async () => {
    for (const solver of ['lp', 'greedy']) {
      const res = await api.get(
        `/api/v1/capacity/suggestions?from=2026-04-01&to=2026-04-30&solver=${solver}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.solver).toBe(solver);
      const request = res.body.suggestions.find((s: { demandId: string }) => s.demandId === ids.request);
      expect(request.unmetHours).toBeCloseTo(0, 6);
      expect(request.allocations.map((a: { personId: string }) => a.personId)).toEqual([ids.bob]);
      const soft = res.body.suggestions.find((s: { demandId: string }) => s.demandId === ids.soft);
      expect(soft.kind).toBe('soft');
      expect(soft.allocations.map((a: { personId: string }) => a.personId)).toEqual([ids.bob]);
      expect(soft.reason).toMatch(/relieves/);
      expect(res.body.summary).toMatchObject({ demands: 2, movedBookings: 1 });
    }
  });

  it('names the field of bad input', async () => {
    const cases: [string, string][] = [
      ['/api/v1/capacity/heatmap?by=planet&from=2026-04-01&to=2026-04-30', 'by'],
      ['/api/v1/capacity/heatmap?from=2026-04-30&to=2026-04-01', 'to'],
      ['/api/v1/capacity/heatmap?from=2026-02-30&to=2026-04-01', 'from'],
      ['/api/v1/people/available?from=2026-04-01&to=2026-04-30', 'skill'],
      ['/api/v1/capacity/suggestions?from=2026-04-01&to=2026-04-30&solver=magic', 'solver'],
    ];
    for (const [url, field] of cases) {
      const res = await api.get(url);
      expect([url, res.status]).toEqual([url, 400]);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    const calendar = await api.post('/api/v1/work-calendars', {
      name: 'Bad',
      workingWeekdays: [1, 1],
      hoursPerDay: 8,
    });
    expect(calendar.status).toBe(400);
    expect(calendar.body.errors[0].field).toBe('workingWeekdays');
    const leave = await api.post('/api/v1/leave-entries', {
      personId: ids.ann,
      startDate: '2026-05-02',
      endDate: '2026-05-01',
    });
    expect(leave.status).toBe(400);
    expect(leave.body.errors[0].field).toBe('endDate');
    const wrong = await api.post('/api/v1/resource-assignments', {
      personId: ids.bob,
      projectId: ids.q,
      requestId: ids.request,
      startDate: '2026-04-01',
      endDate: '2026-04-30',
      amount: 0.5,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('requestId');
  });

  it('counts every booking but names only projects the caller can read', async () => {
    const user = await createTestUser(store, organisationId, {
      grants: [{ role: 'stakeholder', scopeType: 'portfolio', scopeId: ids.portfolioP as string }],
    });
    const viewer = apiClient(app, await tokenFor(store, organisationId, user.userId));
    const res = await viewer.get(
      '/api/v1/capacity/heatmap?by=person&period=month&from=2026-04-01&to=2026-04-30',
    );
    expect(res.status).toBe(200);
    const ann = res.body.rows.find((r: { key: string }) => r.key === ids.ann);
    expect(ann.cells[0].demand).toBeCloseTo(135, 9);
    expect(ann.cells[0].causes.map((c: { projectName: string }) => c.projectName)).toEqual([
      'Project CAP',
      'Projects you cannot see',
    ]);
    // Suggestions leave alone what the caller cannot read: the soft booking on CAQ is not offered.
    const suggestions = await viewer.get('/api/v1/capacity/suggestions?from=2026-04-01&to=2026-04-30');
    expect(suggestions.body.suggestions.map((s: { demandId: string }) => s.demandId)).toEqual([ids.request]);
    const outsider = apiClient(app, (await createTestOrganisation(store, 'Other')).token);
    const foreign = await outsider.get(
      '/api/v1/capacity/heatmap?by=person&period=month&from=2026-04-01&to=2026-04-30',
    );
    expect(foreign.body.rows).toEqual([]);
  });

  it('shows the demo organisation over-allocated people, with suggested fixes', async () => {
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    const token = await issueApiToken(store.db, {
      organisationId: demo.organisationId,
      userId: demo.adminUserId,
      name: 't',
      scope: 'read',
      expiresAt: null,
      now: new Date().toISOString(),
    });
    const admin = apiClient(app, token.token);
    const heat = await admin.get(
      '/api/v1/capacity/heatmap?by=person&period=week&from=2026-06-01&to=2026-08-31',
    );
    expect(heat.status).toBe(200);
    const over = heat.body.rows.filter((r: { overAllocatedPeriods: number }) => r.overAllocatedPeriods > 0);
    expect(over.length).toBeGreaterThan(3);
    const byTeam = await admin.get(
      '/api/v1/capacity/heatmap?by=team&period=month&from=2026-06-01&to=2026-08-31',
    );
    expect(byTeam.body.rows.length).toBe(6);
    const suggestions = await admin.get('/api/v1/capacity/suggestions?from=2026-06-29&to=2026-08-30');
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.solver).toBe('lp');
    expect(suggestions.body.summary.movedBookings).toBeGreaterThan(0);
    expect(suggestions.body.summary.requestedHours).toBeGreaterThan(0);
    const calendars = await admin.get('/api/v1/work-calendars');
    expect(calendars.body.items.length).toBe(7);

    // Schedule resources stand for people, so the schedules' tasks are demand on them.
    const resources = (await admin.get('/api/v1/schedule-resources?limit=500')).body.items as {
      projectId: string;
      personId: string | null;
    }[];
    const linked = resources.filter((r) => r.personId !== null);
    expect(linked.length).toBeGreaterThan(20);
    const scheduled = new Set(linked.map((r) => r.projectId));
    const causes = heat.body.rows.flatMap(
      (r: { key: string; cells: { causes: { projectId: string }[] }[] }) =>
        r.cells.flatMap((c) => c.causes.map((x) => x.projectId)),
    );
    expect(causes.some((id: string) => scheduled.has(id))).toBe(true);

    // The scrum teams are booked to their projects as teams: the demand lands on their members.
    const teamBookings = (await admin.get('/api/v1/team-bookings?limit=100')).body.items as {
      teamId: string;
      projectId: string;
      unit: string;
    }[];
    expect(teamBookings.length).toBeGreaterThanOrEqual(3);
    expect(teamBookings.every((b) => b.unit === 'share')).toBe(true);
    const team = byTeam.body.rows.find((r: { key: string }) => r.key === teamBookings[0]?.teamId);
    expect(team.cells[1].hard).toBeGreaterThan(0);

    // Requests by role: the demo asks for a QA Engineer and a Business Analyst by title.
    const byRole = await admin.get(
      '/api/v1/capacity/heatmap?by=role&period=month&from=2026-06-01&to=2026-09-30',
    );
    expect(byRole.status).toBe(200);
    const qa = byRole.body.rows.find((r: { label: string }) => r.label === 'QA Engineer');
    expect(qa.capacity).toBeGreaterThan(0);
    expect(qa.cells.some((c: { requested: number }) => c.requested > 0)).toBe(true);
    const roleDemand = suggestions.body.suggestions.filter((x: { role: string | null }) => x.role !== null);
    expect(roleDemand.map((x: { role: string }) => x.role).sort()).toEqual([
      'Business Analyst',
      'QA Engineer',
    ]);
  });
});
