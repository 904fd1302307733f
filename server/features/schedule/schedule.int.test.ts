import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySchedule } from '../../../core/schedule/verify-schedule';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

// The schedule API on both engines: CPM against Hillier & Lieberman's Reliable Construction Co.
// network (REFERENCES §2, /work/shared/data/fixtures/cpm_pert.json), calendars, cycles,
// baselines, seeded risk, capacity-safe levelling, MSPDI round trip, access control, bad input.

const engines = await testEngines();

interface Reference {
  durations: Record<string, number>;
  predecessors: Record<string, string>;
  project_duration: number;
  schedule: Record<string, { ES: number; EF: number; LS: number; LF: number; TF: number; FF: number }>;
  critical_path: string[];
  pert_omp: Record<string, [number, number, number]>;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../../../shared/data/fixtures/cpm_pert.json', import.meta.url), 'utf8'),
) as { reliable_construction: Reference };
const reliable = fixture.reliable_construction;

let serial = 0;

async function createProject(api: ApiClient, start = '2024-01-01') {
  const key = `SC${++serial}`;
  const portfolio = await api.post('/api/v1/portfolios', { name: `Portfolio ${key}` });
  const project = await api.post('/api/v1/projects', {
    portfolioId: portfolio.body.id,
    key,
    name: `Schedule ${key}`,
    approach: 'predictive',
    startDate: start,
  });
  expect(project.status).toBe(201);
  return { portfolioId: portfolio.body.id as string, projectId: project.body.id as string };
}

/** Creates the Reliable Construction network (with its three-point estimates); returns letter → id. */
async function createReliable(api: ApiClient, projectId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [letter, duration] of Object.entries(reliable.durations)) {
    const [min, likely, max] = reliable.pert_omp[letter]!;
    const preds = (reliable.predecessors[letter] ?? '').split(',').filter(Boolean);
    const res = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: letter,
      duration,
      estimateMin: min,
      estimateMostLikely: likely,
      estimateMax: max,
      predecessors: preds.map((p) => ({ taskId: ids.get(p) })),
    });
    expect(res.status).toBe(201);
    ids.set(letter, res.body.id);
  }
  return ids;
}

describe.each(engines)('schedule API on $name', (engine) => {
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
    api = apiClient(app, org.token);
    token = org.token;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('matches the published early/late dates, floats and critical path of Reliable Construction', async () => {
    const { projectId } = await createProject(api);
    const ids = await createReliable(api, projectId);
    const res = await api.get(`/api/v1/projects/${projectId}/schedule`);
    expect(res.status).toBe(200);
    expect(res.body.makespan).toBe(reliable.project_duration);
    const byName = new Map(res.body.tasks.map((t: { name: string }) => [t.name, t]));
    for (const [letter, expected] of Object.entries(reliable.schedule)) {
      expect([letter, byName.get(letter)]).toEqual([
        letter,
        expect.objectContaining({
          es: expected.ES,
          ef: expected.EF,
          ls: expected.LS,
          lf: expected.LF,
          totalFloat: expected.TF,
          freeFloat: expected.FF,
          critical: expected.TF === 0,
        }),
      ]);
    }
    expect(res.body.criticalPaths).toEqual([reliable.critical_path.map((l) => ids.get(l))]);
    // 2024-01-01 is a Monday: work unit 0 is that day, unit 43 (the last) is Thursday 2024-02-29.
    expect(byName.get('A')).toMatchObject({ earlyStart: '2024-01-01', earlyFinish: '2024-01-02' });
    expect(res.body.finishDate).toBe('2024-02-29');
  });

  it('counts working days on the project calendar, skipping holidays', async () => {
    const { projectId } = await createProject(api, '2024-12-20');
    const a = await api.post('/api/v1/schedule-tasks', { projectId, name: 'Build', duration: 4 });
    await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Go-live',
      milestone: true,
      predecessors: [{ taskId: a.body.id, type: 'FS', lag: 1 }],
    });
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/projects/${projectId}/schedule/settings`,
      headers: { authorization: `Bearer ${token}` },
      payload: { holidays: ['2024-12-25', '2024-12-26'], version: 0 },
    });
    expect(saved.statusCode).toBe(200);
    const res = await api.get(`/api/v1/projects/${projectId}/schedule`);
    const [build, live] = res.body.tasks;
    // Fri 20, Mon 23, Tue 24, (holidays) Fri 27 → finish 27th; a day's lag (Mon 30th) → milestone at its end.
    expect(build).toMatchObject({ earlyStart: '2024-12-20', earlyFinish: '2024-12-27' });
    expect(live).toMatchObject({ earlyStart: '2024-12-30', milestone: true, duration: 0 });
  });

  it('refuses a link that closes a cycle with 422 schedule_cycle naming the tasks in it', async () => {
    const { projectId } = await createProject(api);
    const a = await api.post('/api/v1/schedule-tasks', { projectId, name: 'Design', duration: 2 });
    const b = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Build',
      duration: 2,
      predecessors: [{ taskId: a.body.id }],
    });
    const linked = await api.patch(`/api/v1/schedule-tasks/${a.body.id}`, {
      predecessors: [{ taskId: b.body.id, type: 'SS', lag: 0 }],
      version: 1,
    });
    expect(linked.status).toBe(422);
    expect(linked.body.code).toBe('schedule_cycle');
    expect(linked.body.cycle.map((c: { name: string }) => c.name).sort()).toEqual(['Build', 'Design']);
    expect(linked.body.errors[0].field).toBe('predecessors');
    // Nothing was written: the schedule still calculates.
    expect((await api.get(`/api/v1/projects/${projectId}/schedule`)).status).toBe(200);
  });

  it('saves named baselines and reports variance per task and milestone', async () => {
    const { projectId } = await createProject(api);
    const a = await api.post('/api/v1/schedule-tasks', { projectId, name: 'Design', duration: 5 });
    const b = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Build',
      duration: 10,
      predecessors: [{ taskId: a.body.id }],
    });
    await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Go-live',
      milestone: true,
      predecessors: [{ taskId: b.body.id }],
    });
    const first = await api.post(`/api/v1/projects/${projectId}/schedule/baselines`, {
      name: 'Approved plan',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ startDate: '2024-01-01', finishDate: '2024-01-19' });
    const duplicate = await api.post(`/api/v1/projects/${projectId}/schedule/baselines`, {
      name: 'Approved plan',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0].field).toBe('name');
    // Design slips by three days.
    await api.patch(`/api/v1/schedule-tasks/${a.body.id}`, { duration: 8, version: 1 });
    const second = await api.post(`/api/v1/projects/${projectId}/schedule/baselines`, { name: 'Re-plan' });
    expect(second.status).toBe(201);
    const list = await api.get(`/api/v1/projects/${projectId}/schedule/baselines`);
    expect(list.body.items.map((b: { name: string }) => b.name)).toEqual(['Approved plan', 'Re-plan']);

    const variance = await api.get(
      `/api/v1/projects/${projectId}/schedule/baselines/${first.body.id}/variance`,
    );
    expect(variance.status).toBe(200);
    expect(variance.body.finishVariance).toBe(3);
    const byName = new Map(variance.body.tasks.map((t: { name: string }) => [t.name, t]));
    expect(byName.get('Design')).toMatchObject({ startVariance: 0, finishVariance: 3, durationVariance: 3 });
    expect(byName.get('Build')).toMatchObject({ startVariance: 3, finishVariance: 3, status: 'late' });
    expect(variance.body.milestones).toEqual([
      expect.objectContaining({
        name: 'Go-live',
        baselineStart: '2024-01-19',
        start: '2024-01-24',
        finishVariance: 3,
      }),
    ]);
    const against = await api.get(
      `/api/v1/projects/${projectId}/schedule/baselines/${second.body.id}/variance`,
    );
    expect(against.body.finishVariance).toBe(0);
    const removed = await api.delete(`/api/v1/projects/${projectId}/schedule/baselines/${second.body.id}`);
    expect(removed.status).toBe(204);
  });

  it('reschedules remaining work from a status date using % complete and actual dates', async () => {
    const { projectId } = await createProject(api);
    const a = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Design',
      duration: 5,
      percentComplete: 100,
      actualStart: '2024-01-01',
      actualFinish: '2024-01-09',
    });
    const b = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Build',
      duration: 10,
      percentComplete: 50,
      actualStart: '2024-01-10',
      predecessors: [{ taskId: a.body.id }],
    });
    await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Test',
      duration: 4,
      predecessors: [{ taskId: b.body.id }],
    });
    const plain = await api.get(`/api/v1/projects/${projectId}/schedule`);
    expect(plain.body.finishDate).toBe('2024-01-25');
    const res = await api.get(`/api/v1/projects/${projectId}/schedule?statusDate=2024-01-22`);
    const [design, build, test] = res.body.tasks;
    // Design took 7 days; Build started on the 10th, 5 days left after the status date (Mon 22nd).
    expect(design).toMatchObject({
      progress: 'complete',
      earlyStart: '2024-01-01',
      earlyFinish: '2024-01-09',
    });
    expect(build).toMatchObject({
      progress: 'in_progress',
      earlyStart: '2024-01-10',
      earlyFinish: '2024-01-26',
    });
    expect(test).toMatchObject({
      progress: 'not_started',
      earlyStart: '2024-01-29',
      earlyFinish: '2024-02-01',
    });
  });

  it('gives the same risk figures for the same seed and ordered percentiles', async () => {
    const { projectId } = await createProject(api);
    const ids = await createReliable(api, projectId);
    const url = `/api/v1/projects/${projectId}/schedule/risk?iterations=2000&seed=7`;
    const one = await api.get(url);
    const two = await api.get(url);
    expect(one.status).toBe(200);
    expect(two.body).toEqual(one.body);
    const other = await api.get(`/api/v1/projects/${projectId}/schedule/risk?iterations=2000&seed=8`);
    expect(other.body.mean.workingDays).not.toBe(one.body.mean.workingDays);
    const { p50, p80, p95, mean } = one.body;
    expect(p50.workingDays).toBeLessThanOrEqual(p80.workingDays);
    expect(p80.workingDays).toBeLessThanOrEqual(p95.workingDays);
    expect(p80.date >= p50.date && p95.date >= p80.date).toBe(true);
    // PERT: critical path mean 44, σ = 3 (Hillier & Lieberman); Monte Carlo merges paths, so a bit above.
    expect(mean.workingDays).toBeGreaterThan(43.5);
    expect(mean.workingDays).toBeLessThan(47.5);
    const ci = new Map(
      one.body.criticality.map((c: { taskId: string; criticalityIndex: number }) => [
        c.taskId,
        c.criticalityIndex,
      ]),
    );
    expect(ci.get(ids.get('A'))).toBe(1);
    expect(ci.get(ids.get('M'))).toBeLessThan(0.5);
    expect(one.body.tornado[0].correlation).toBeGreaterThan(0);
  });

  it('levels resources without exceeding capacity on any day (checked with verifySchedule)', async () => {
    const { projectId } = await createProject(api);
    const crew = await api.post('/api/v1/schedule-resources', { projectId, name: 'Crew', capacity: 2 });
    const crane = await api.post('/api/v1/schedule-resources', { projectId, name: 'Crane', capacity: 1 });
    const specs = [
      { name: 'T1', duration: 4, crew: 2, crane: 0, preds: [] as number[] },
      { name: 'T2', duration: 3, crew: 1, crane: 1, preds: [] },
      { name: 'T3', duration: 5, crew: 1, crane: 1, preds: [] },
      { name: 'T4', duration: 2, crew: 2, crane: 0, preds: [0] },
      { name: 'T5', duration: 3, crew: 1, crane: 1, preds: [1] },
      { name: 'T6', duration: 4, crew: 1, crane: 0, preds: [2, 3] },
    ];
    const ids: string[] = [];
    for (const s of specs) {
      const assignments = [
        ...(s.crew ? [{ resourceId: crew.body.id, units: s.crew }] : []),
        ...(s.crane ? [{ resourceId: crane.body.id, units: s.crane }] : []),
      ];
      const res = await api.post('/api/v1/schedule-tasks', {
        projectId,
        name: s.name,
        duration: s.duration,
        assignments,
        predecessors: s.preds.map((p) => ({ taskId: ids[p] })),
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const res = await api.get(
      `/api/v1/projects/${projectId}/schedule/levelling?timeLimitMs=200&maxSchedules=2000`,
    );
    expect(res.status).toBe(200);
    expect(res.body.before.overloads).toBeGreaterThan(0);
    expect(res.body.after.overloads).toBe(0);
    expect(res.body.feasible).toBe(true);
    expect(res.body.after.makespan).toBeGreaterThan(res.body.before.makespan);
    expect(res.body.after.makespan).toBeGreaterThanOrEqual(res.body.lowerBound);
    // Independent referee: the levelled starts against the plan's own demands, capacities and links.
    const starts = ids.map(
      (id) => res.body.tasks.find((t: { taskId: string }) => t.taskId === id).startOffset,
    );
    const check = verifySchedule(
      {
        durations: specs.map((s) => s.duration),
        demands: specs.map((s) => [s.crew, s.crane]),
        capacities: [2, 1],
        successors: specs.map((_, i) => specs.flatMap((s, j) => (s.preds.includes(i) ? [j] : []))),
      },
      starts,
    );
    expect(check.violations).toEqual([]);
    expect(check.makespan).toBe(res.body.after.makespan);
    const again = await api.get(
      `/api/v1/projects/${projectId}/schedule/levelling?timeLimitMs=200&maxSchedules=2000`,
    );
    expect(again.body.tasks).toEqual(res.body.tasks);
    // A demand above capacity is named, not a 500.
    await api.patch(`/api/v1/schedule-tasks/${ids[0]}`, {
      assignments: [{ resourceId: crane.body.id, units: 3 }],
      version: 1,
    });
    const tooBig = await api.get(`/api/v1/projects/${projectId}/schedule/levelling?timeLimitMs=50`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors[0].field).toBe('assignments');
  });

  it('exports MSPDI and imports it back into the same plan, through the API', async () => {
    const { projectId } = await createProject(api);
    const summary = await api.post('/api/v1/schedule-tasks', { projectId, name: 'Phase 1' });
    const a = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Design & plan <v1>',
      duration: 5,
      parentId: summary.body.id,
    });
    const crew = await api.post('/api/v1/schedule-resources', { projectId, name: 'Crew', capacity: 3 });
    const b = await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Build',
      duration: 8,
      parentId: summary.body.id,
      predecessors: [{ taskId: a.body.id, type: 'SS', lag: 2 }],
      assignments: [{ resourceId: crew.body.id, units: 2 }],
    });
    await api.post('/api/v1/schedule-tasks', {
      projectId,
      name: 'Sign-off',
      milestone: true,
      constraintType: 'snet',
      constraintDate: '2024-01-22',
      predecessors: [
        { taskId: b.body.id, type: 'FF', lag: -1 },
        { taskId: a.body.id, type: 'FS', lag: 3 },
      ],
    });
    await app.inject({
      method: 'PUT',
      url: `/api/v1/projects/${projectId}/schedule/settings`,
      headers: { authorization: `Bearer ${token}` },
      payload: { holidays: ['2024-01-03'], workingWeekdays: [1, 2, 3, 4, 5, 6], version: 0 },
    });
    const exported = await app.inject({
      method: 'GET',
      url: `/api/v1/projects/${projectId}/schedule/export.xml`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/xml');
    expect(exported.body).toContain('<Name>Design &amp; plan &lt;v1&gt;</Name>');

    const target = await createProject(api, '2030-01-01');
    const imported = await app.inject({
      method: 'POST',
      url: `/api/v1/projects/${target.projectId}/schedule/import`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/xml' },
      payload: exported.body,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({
      tasks: 4,
      links: 3,
      resources: 1,
      assignments: 1,
      startDate: '2024-01-01',
    });

    const shape = async (id: string) => {
      const s = (await api.get(`/api/v1/projects/${id}/schedule`)).body;
      const tasks = (await api.get(`/api/v1/schedule-tasks?projectId=${id}&limit=500`)).body.items;
      const name = new Map(tasks.map((t: { id: string; name: string }) => [t.id, t.name]));
      const resources = (await api.get(`/api/v1/schedule-resources?projectId=${id}`)).body.items;
      const resourceName = new Map(resources.map((r: { id: string; name: string }) => [r.id, r.name]));
      // A summary's own duration is not used (it spans its children); links in a stable order.
      const byName = (a: { taskId: unknown }, b: { taskId: unknown }) =>
        String(a.taskId).localeCompare(String(b.taskId));
      return {
        calendar: s.calendar,
        finishDate: s.finishDate,
        schedule: s.tasks.map(({ id, parentId, ...rest }: { id: string; parentId: string | null }) => ({
          ...rest,
          parent: parentId === null ? null : name.get(parentId),
        })),
        tasks: tasks.map((t: Record<string, unknown>) => ({
          name: t.name,
          duration: t.summary ? null : t.duration,
          milestone: t.milestone,
          constraintType: t.constraintType,
          constraintDate: t.constraintDate,
          predecessors: (t.predecessors as { taskId: string; type: string; lag: number }[])
            .map((p) => ({
              ...p,
              taskId: name.get(p.taskId),
            }))
            .sort(byName),
          assignments: (t.assignments as { resourceId: string; units: number }[]).map((x) => ({
            ...x,
            resourceId: resourceName.get(x.resourceId),
          })),
        })),
        resources: resources.map((r: { name: string; capacity: number }) => [r.name, r.capacity]),
      };
    };
    const original = await shape(projectId);
    const copy = await shape(target.projectId);
    expect(copy).toEqual(original);
    expect(original.calendar).toEqual({ workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2024-01-03'] });
  });

  it('refuses XXE and malformed XML on import, naming the body', async () => {
    const { projectId } = await createProject(api);
    await api.post('/api/v1/schedule-tasks', { projectId, name: 'Keep me' });
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Project><Name>&xxe;</Name></Project>`;
    const refused = await api.post(`/api/v1/projects/${projectId}/schedule/import`, { xml: xxe });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('xml');
    const broken = await api.post(`/api/v1/projects/${projectId}/schedule/import`, {
      xml: '<Project><Tasks>',
    });
    expect(broken.status).toBe(400);
    const cyclic = `<Project><StartDate>2024-01-01T08:00:00</StartDate><Tasks>
      <Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>
      <Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>
      </Tasks></Project>`;
    const cycle = await api.post(`/api/v1/projects/${projectId}/schedule/import`, { xml: cyclic });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('schedule_cycle');
    expect(cycle.body.cycle.map((c: { taskId: string }) => c.taskId).sort()).toEqual(['1', '2']);
    const tasks = await api.get(`/api/v1/schedule-tasks?projectId=${projectId}`);
    expect(tasks.body.items.map((t: { name: string }) => t.name)).toEqual(['Keep me']);
  });

  it('answers 404 to a member without a role on the project, 403 to a reader who writes', async () => {
    const { portfolioId, projectId } = await createProject(api);
    await createReliable(api, projectId);
    const stranger = await createTestUser(store, organisationId);
    const outsider = apiClient(app, await tokenFor(store, organisationId, stranger.userId));
    for (const url of ['', '/risk', '/levelling', '/baselines', '/settings', '/export.xml']) {
      expect([url, (await outsider.get(`/api/v1/projects/${projectId}/schedule${url}`)).status]).toEqual([
        url,
        404,
      ]);
    }
    expect(
      (await outsider.post(`/api/v1/projects/${projectId}/schedule/baselines`, { name: 'x' })).status,
    ).toBe(404);
    expect((await outsider.get(`/api/v1/schedule-tasks?projectId=${projectId}`)).body.items).toEqual([]);
    const viewer = await createTestUser(store, organisationId, {
      grants: [{ role: 'stakeholder', scopeType: 'portfolio', scopeId: portfolioId }],
    });
    const reader = apiClient(app, await tokenFor(store, organisationId, viewer.userId));
    expect((await reader.get(`/api/v1/projects/${projectId}/schedule`)).status).toBe(200);
    expect(
      (await reader.post(`/api/v1/projects/${projectId}/schedule/baselines`, { name: 'x' })).status,
    ).toBe(403);
    expect(
      (await reader.post(`/api/v1/projects/${projectId}/schedule/import`, { xml: '<Project/>' })).status,
    ).toBe(403);
  });

  it('refuses bad input with a problem naming the field', async () => {
    const { projectId } = await createProject(api);
    const other = await createProject(api);
    const foreignTask = await api.post('/api/v1/schedule-tasks', {
      projectId: other.projectId,
      name: 'Elsewhere',
    });
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['estimate order', { estimateMin: 5, estimateMostLikely: 3, estimateMax: 9 }, 400, 'estimateMin'],
      ['partial estimate', { estimateMin: 1, estimateMax: 9 }, 400, 'estimateMostLikely'],
      ['constraint without date', { constraintType: 'snet' }, 400, 'constraintDate'],
      ['actuals reversed', { actualStart: '2024-02-01', actualFinish: '2024-01-01' }, 400, 'actualFinish'],
      ['negative duration', { duration: -1 }, 400, 'duration'],
      [
        'link type',
        { predecessors: [{ taskId: foreignTask.body.id, type: 'XX' }] },
        400,
        'predecessors.0.type',
      ],
      [
        'link to another project',
        { predecessors: [{ taskId: foreignTask.body.id }] },
        422,
        'predecessors.0.taskId',
      ],
      ['parent in another project', { parentId: foreignTask.body.id }, 422, 'parentId'],
      [
        'resource of another project',
        { assignments: [{ resourceId: foreignTask.body.id, units: 1 }] },
        422,
        'assignments.0.resourceId',
      ],
    ];
    for (const [label, body, status, field] of cases) {
      const res = await api.post('/api/v1/schedule-tasks', { projectId, name: 'Bad', ...body });
      expect([label, res.status]).toEqual([label, status]);
      expect([label, res.body.errors?.map((e: { field: string }) => e.field)]).toEqual([
        label,
        expect.arrayContaining([field]),
      ]);
    }
    const tasks = await api.get(`/api/v1/schedule-tasks?projectId=${projectId}`);
    expect(tasks.body.items).toEqual([]);
    const risk = await api.get(`/api/v1/projects/${projectId}/schedule/risk?iterations=5`);
    expect(risk.status).toBe(400);
    expect(risk.body.errors[0].field).toContain('iterations');
    const settings = await api.get(`/api/v1/projects/${projectId}/schedule/settings`);
    expect(settings.body.version).toBe(0);
    const stale = await app.inject({
      method: 'PUT',
      url: `/api/v1/projects/${projectId}/schedule/settings`,
      headers: { authorization: `Bearer ${token}` },
      payload: { workingWeekdays: [9] },
    });
    expect(stale.statusCode).toBe(400);
    expect(JSON.stringify(stale.json().errors)).toContain('workingWeekdays');
    const noStart = await createProject(api, '2024-01-01');
    await api.patch(`/api/v1/projects/${noStart.projectId}`, { startDate: null, version: 1 });
    const missing = await api.get(`/api/v1/projects/${noStart.projectId}/schedule`);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('startDate');
  });
});
