import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { type ApiClient, apiClient, createTestOrganisation } from '../../test/factories';

// Resource calendars in CPM dates, levelling and MS Project XML, and the one `schedule_cycle`
// problem on every schedule route, on both engines.

const engines = await testEngines();
let serial = 0;

describe.each(engines)('schedule calendars and cycles on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let organisationId: string;
  let token: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const org = await createTestOrganisation(store);
    organisationId = org.organisationId;
    token = org.token;
    api = apiClient(app, org.token);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  async function createProject(start = '2025-01-06') {
    const key = `SCC${++serial}`;
    const portfolio = await api.post('/api/v1/portfolios', { name: `Portfolio ${key}` });
    const project = await api.post('/api/v1/projects', {
      portfolioId: portfolio.body.id,
      key,
      name: `Calendars ${key}`,
      approach: 'predictive',
      startDate: start,
    });
    return project.body.id as string;
  }

  it('levelling gives a resource no work on its own non-working dates', async () => {
    const projectId = await createProject();
    // Ana is away on Tuesday 7 January (work unit 1). Both tasks need her; neither fits before.
    const ana = await api.post('/api/v1/schedule-resources', {
      projectId,
      name: 'Ana',
      capacity: 1,
      nonWorkingDates: ['2025-01-07'],
    });
    expect(ana.status).toBe(201);
    expect(ana.body.nonWorkingDates).toEqual(['2025-01-07']);
    for (const [name, duration] of [
      ['Draft', 3],
      ['Review', 2],
    ] as const) {
      const res = await api.post('/api/v1/schedule-tasks', {
        projectId,
        name,
        duration,
        assignments: [{ resourceId: ana.body.id, units: 1 }],
      });
      expect(res.status).toBe(201);
    }
    const res = await api.get(`/api/v1/projects/${projectId}/schedule/levelling?maxSchedules=500`);
    expect(res.status).toBe(200);
    expect(res.body.feasible).toBe(true);
    expect(res.body.after.overloads).toBe(0);
    // Before levelling both start on the 6th and Ana would work on her day off.
    expect(res.body.before.overloads).toBeGreaterThan(0);
    for (const t of res.body.tasks as { start: string; finish: string }[]) {
      expect('2025-01-07' < t.start || '2025-01-07' > t.finish).toBe(true);
    }
    expect(res.body.after.makespan).toBe(7);
    const bad = await api.post('/api/v1/schedule-resources', {
      projectId,
      name: 'Bo',
      nonWorkingDates: ['8 Jan'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/nonWorkingDates/);
  });

  it('schedules a task on its resources’ working days and carries their leave through MS Project XML', async () => {
    const projectId = await createProject();
    // Ana is away Tuesday 7 and Wednesday 8 January; Bo works every project day.
    const ana = await api.post('/api/v1/schedule-resources', {
      projectId,
      name: 'Ana',
      nonWorkingDates: ['2025-01-07', '2025-01-08'],
    });
    const bo = await api.post('/api/v1/schedule-resources', { projectId, name: 'Bo' });
    const task = async (name: string, duration: number, resources: string[], extra: object = {}) => {
      const res = await api.post('/api/v1/schedule-tasks', {
        projectId,
        name,
        duration,
        assignments: resources.map((resourceId) => ({ resourceId, units: 1 })),
        ...extra,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const draft = await task('Draft', 3, [ana.body.id]);
    await task('Review', 2, [], { predecessors: [{ taskId: draft }] });
    await task('Site visit', 1, [ana.body.id], { constraintType: 'snet', constraintDate: '2025-01-07' });
    await task('Pairing', 2, [ana.body.id, bo.body.id]);
    const dates = async (id: string) => {
      const res = await api.get(`/api/v1/projects/${id}/schedule`);
      expect(res.status).toBe(200);
      return Object.fromEntries(
        (res.body.tasks as { name: string; earlyStart: string; earlyFinish: string }[]).map((t) => [
          t.name,
          `${t.earlyStart}..${t.earlyFinish}`,
        ]),
      );
    };
    const expected = {
      // Ana works Mon 6, Thu 9 and Fri 10; Review follows on Mon 13 and Tue 14.
      Draft: '2025-01-06..2025-01-10',
      Review: '2025-01-13..2025-01-14',
      // Its only resource is away on the 7th and 8th: the task moves past the leave.
      'Site visit': '2025-01-09..2025-01-09',
      // Each works two of their own days (Bo 6–7, Ana 6 and 9): the task spans both.
      Pairing: '2025-01-06..2025-01-09',
    };
    expect(await dates(projectId)).toEqual(expected);

    const exported = await app.inject({
      method: 'GET',
      url: `/api/v1/projects/${projectId}/schedule/export.xml`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('<FromDate>2025-01-07T00:00:00</FromDate>');
    const target = await createProject('2030-01-01');
    const imported = await app.inject({
      method: 'POST',
      url: `/api/v1/projects/${target}/schedule/import`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/xml' },
      payload: exported.body,
    });
    expect(imported.statusCode).toBe(200);
    const resources = await api.get(`/api/v1/schedule-resources?projectId=${target}`);
    const byName = Object.fromEntries(
      (resources.body.items as { name: string; nonWorkingDates: string[] }[]).map((r) => [
        r.name,
        r.nonWorkingDates,
      ]),
    );
    expect(byName).toEqual({ Ana: ['2025-01-07', '2025-01-08'], Bo: [] });
    expect(await dates(target)).toEqual(expected);
  });

  it('answers 422 schedule_cycle with the tasks of the cycle on every schedule route', async () => {
    const projectId = await createProject();
    const ids: string[] = [];
    for (const name of ['Plan', 'Build', 'Test']) {
      const res = await api.post('/api/v1/schedule-tasks', {
        projectId,
        name,
        predecessors: ids.length ? [{ taskId: ids.at(-1)! }] : [],
      });
      ids.push(res.body.id);
    }
    const baseline = await api.post(`/api/v1/projects/${projectId}/schedule/baselines`, { name: 'B1' });
    expect(baseline.status).toBe(201);
    // A write that closes the loop is refused …
    const refused = await api.patch(`/api/v1/schedule-tasks/${ids[0]}`, {
      predecessors: [{ taskId: ids[2], type: 'FF', lag: 1 }],
      version: 1,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('schedule_cycle');
    expect(refused.body.cycle.map((c: { name: string }) => c.name).sort()).toEqual(['Build', 'Plan', 'Test']);
    // … and a plan that has one anyway (older data) answers the same problem on every read.
    await store.db
      .insertInto('schedule_links')
      .values({
        id: crypto.randomUUID(),
        organisation_id: organisationId,
        project_id: projectId,
        predecessor_id: ids[2]!,
        successor_id: ids[0]!,
        link_type: 'FS',
        lag: 0,
      })
      .execute();
    const base = `/api/v1/projects/${projectId}/schedule`;
    const routes: [string, string][] = [
      ['get', base],
      ['get', `${base}/risk?iterations=100`],
      ['get', `${base}/levelling?maxSchedules=50`],
      ['get', `${base}/baselines/${baseline.body.id}/variance`],
      ['get', `${base}/export.xml`],
      ['post', `${base}/baselines`],
    ];
    for (const [method, url] of routes) {
      const res = method === 'get' ? await api.get(url) : await api.post(url, { name: 'B2' });
      expect(res.status, url).toBe(422);
      expect(res.body.code, url).toBe('schedule_cycle');
      expect(res.body.cycle.map((c: { taskId: string }) => c.taskId).sort(), url).toEqual([...ids].sort());
      expect(res.body.detail, url).toMatch(/Plan|Build|Test/);
    }
  });
});
