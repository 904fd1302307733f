import { createRng, type Rng } from '../../../core/random/prng';
import { dateToOffset, STANDARD_CALENDAR } from '../../../core/schedule/calendar';
import type { LinkType } from '../../../core/schedule/types';
import { dayToIso, demoId } from '../../demo/demo-clock';
import type { DemoStructure } from '../../demo/demo-organisation';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';
import { staffScheduleResources } from '../resources/demo-schedule-staffing';
import { snapshotTasks } from './baseline-service';
import { calculateSchedule } from './schedule-service';
import type { StoredPlan, StoredTask } from './schedule-store';

// Schedules for Northwind's predictive and hybrid projects: phases of tasks with FS/SS/FF links,
// three-point estimates, milestones, a few resources with demands, the UK bank holidays, an
// "Approved plan" baseline, and progress consistent with the demo's anchor date (work planned
// before it is done, some of it late; work spanning it is in progress). Deterministic from a seed
// drawn once from the seeding rng.

const SCHEDULED = ['ERP', 'DORA', 'DC', 'IAM', 'PAY', 'RPA', 'LAKE'];

const PREDICTIVE_PHASES: [string, string[]][] = [
  ['Initiation', ['Business case refresh', 'Stakeholder analysis', 'Project charter', 'Governance set-up']],
  [
    'Requirements',
    [
      'Current-state process mapping',
      'Requirements workshops',
      'Non-functional requirements',
      'Requirements sign-off pack',
      'Data migration scope',
    ],
  ],
  [
    'Design',
    [
      'Solution architecture',
      'Integration design',
      'Security design',
      'Data model',
      'Design authority review',
      'Test strategy',
    ],
  ],
  [
    'Build',
    [
      'Environment provisioning',
      'Core configuration',
      'Interfaces',
      'Reports and extracts',
      'Data migration scripts',
      'Access roles',
      'Unit testing',
    ],
  ],
  [
    'Test',
    [
      'System integration test',
      'Performance test',
      'Security test',
      'User acceptance test',
      'Defect fixing',
      'Dress rehearsal',
    ],
  ],
  ['Deployment', ['Cut-over plan', 'Training', 'Data migration', 'Go-live', 'Hypercare']],
  ['Closure', ['Lessons learned', 'Handover to operations', 'Benefits tracking set-up']],
];

const HYBRID_PHASES: [string, string[]][] = [
  ['Discovery', ['Problem framing', 'User research', 'Architecture runway', 'Release plan']],
  ['Foundation', ['Platform set-up', 'CI/CD pipeline', 'Security baseline', 'Data contracts']],
  ['Iterations', ['Increment 1', 'Increment 2', 'Increment 3', 'Increment 4', 'Increment 5', 'Increment 6']],
  ['Integration', ['End-to-end test', 'Operational readiness', 'Regulatory review', 'Pilot']],
  ['Release', ['Production release', 'Adoption support', 'Decommission legacy']],
];

const RESOURCES: [string, number][] = [
  ['Business analysts', 2],
  ['Developers', 4],
  ['Testers', 2],
  ['Solution architect', 1],
];

/** UK bank holidays 2024–2027 (gov.uk), the calendar the demo's London office works to. */
const HOLIDAYS = [
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
];

export async function seedScheduleDemo(
  store: Store,
  seedRng: Rng,
  s: DemoStructure,
  organisationId: string,
  anchorMs: number,
): Promise<void> {
  const rng = createRng(seedRng.nextInt(2 ** 31));
  const anchor = new Date(anchorMs).toISOString().slice(0, 10);
  const created = dayToIso(anchorMs, 0);
  const rows = {
    project_schedules: [] as object[],
    schedule_resources: [] as object[],
    schedule_tasks: [] as object[],
    schedule_links: [] as object[],
    schedule_assignments: [] as object[],
    schedule_baselines: [] as object[],
  };
  const staffing = new Map<string, number>();
  for (const [index, p] of s.projects.entries()) {
    const row = p.row;
    if (!SCHEDULED.includes(row.key) || !row.start_date || !row.end_date) continue;
    const plan = generatePlan(
      rng,
      row.id,
      row.name,
      row.start_date,
      row.end_date,
      row.approach === 'predictive',
    );
    // Role resources become named people, so schedule work shows as demand on them.
    const teamId = p.teamIndex === null ? null : (s.teams[p.teamIndex]?.id ?? null);
    const staffed = staffScheduleResources(plan, s, teamId, index, staffing);
    plan.resources = staffed.resources;
    plan.assignments = staffed.assignments;
    const personOf = new Map(staffed.resources.map((r) => [r.id, r.personId]));
    const base = { organisation_id: organisationId, project_id: row.id };
    const versioned = { version: 1, created_at: created, updated_at: created };
    const baseline = calculateSchedule(plan, null);
    applyProgress(rng, plan, baseline, anchor, row.lifecycle_state === 'completed');
    rows.project_schedules.push({
      ...base,
      ...versioned,
      id: demoId(rng),
      start_date: row.start_date,
      status_date: row.lifecycle_state === 'completed' ? null : anchor,
      working_weekdays: JSON.stringify(plan.settings.workingWeekdays),
      holidays: JSON.stringify(plan.settings.holidays),
    });
    for (const r of plan.resources)
      rows.schedule_resources.push({
        ...base,
        ...versioned,
        id: r.id,
        name: r.name,
        capacity: r.capacity,
        person_id: personOf.get(r.id) ?? null,
        non_working_dates: JSON.stringify(r.nonWorkingDates),
      });
    for (const t of plan.tasks) {
      rows.schedule_tasks.push({
        ...base,
        ...versioned,
        id: t.id,
        parent_id: t.parentId,
        position: t.position,
        name: t.name,
        duration: t.duration,
        estimate_min: t.estimate?.min ?? null,
        estimate_most_likely: t.estimate?.mostLikely ?? null,
        estimate_max: t.estimate?.max ?? null,
        milestone: JSON.stringify(t.milestone),
        constraint_type: t.constraintType,
        constraint_date: t.constraintDate,
        percent_complete: t.percentComplete,
        actual_start: t.actualStart,
        actual_finish: t.actualFinish,
      });
    }
    for (const l of plan.links) {
      rows.schedule_links.push({
        ...base,
        id: demoId(rng),
        predecessor_id: l.predecessorId,
        successor_id: l.successorId,
        link_type: l.type,
        lag: l.lag,
      });
    }
    for (const a of plan.assignments)
      rows.schedule_assignments.push({
        ...base,
        id: demoId(rng),
        task_id: a.taskId,
        resource_id: a.resourceId,
        units: a.units,
      });
    rows.schedule_baselines.push({
      ...base,
      ...versioned,
      id: demoId(rng),
      name: 'Approved plan',
      start_date: baseline.startDate,
      finish_date: baseline.finishDate,
      tasks: JSON.stringify(snapshotTasks(baseline)),
    });
  }
  await store.db.transaction().execute(async (trx) => {
    for (const [table, list] of Object.entries(rows))
      await insertInBatches(trx, table as keyof typeof rows, list);
  });
}

/** Phases as summary tasks, each a chain with a parallel branch and a closing milestone. */
function generatePlan(
  rng: Rng,
  projectId: string,
  name: string,
  start: string,
  end: string,
  predictive: boolean,
): StoredPlan {
  const phases = predictive ? PREDICTIVE_PHASES : HYBRID_PHASES;
  const calendar = { ...STANDARD_CALENDAR, holidays: HOLIDAYS };
  const span = Math.max(60, dateToOffset(calendar, start, end));
  const leafCount = phases.reduce((n, [, tasks]) => n + tasks.length, 0);
  // Roughly two thirds of the tasks lie on the longest chain; size durations to fill the span.
  const unit = Math.max(2, Math.round((span * 0.9) / (leafCount * 0.7)));
  const tasks: StoredTask[] = [];
  const links: StoredPlan['links'] = [];
  const task = (fields: Partial<StoredTask> & { name: string }): StoredTask => {
    const t: StoredTask = {
      id: demoId(rng),
      parentId: null,
      position: tasks.length,
      duration: 0,
      estimate: null,
      milestone: false,
      constraintType: 'asap',
      constraintDate: null,
      percentComplete: 0,
      actualStart: null,
      actualFinish: null,
      ...fields,
    };
    tasks.push(t);
    return t;
  };
  const link = (from: StoredTask, to: StoredTask, type: LinkType = 'FS', lag = 0) =>
    links.push({ predecessorId: from.id, successorId: to.id, type, lag });
  let previousGate: StoredTask | undefined;
  for (const [phaseName, names] of phases) {
    const phase = task({ name: phaseName });
    let chain: StoredTask | undefined;
    let branch: StoredTask | undefined;
    for (const [i, taskName] of names.entries()) {
      const duration = Math.max(1, Math.round(unit * (0.5 + rng.next())));
      const spread = 1.2 + rng.next() * 0.8;
      const t = task({
        name: taskName,
        parentId: phase.id,
        duration,
        estimate: {
          min: Math.max(1, Math.round(duration * 0.8)),
          mostLikely: duration,
          max: Math.round(duration * spread),
        },
      });
      const parallel = i > 0 && rng.next() < 0.3;
      const anchorTask = parallel ? (branch ?? chain) : chain;
      if (anchorTask) {
        // A parallel task starts a little after its neighbour (SS with lag) or must finish with it (FF).
        if (parallel) link(anchorTask, t, rng.next() < 0.5 ? 'SS' : 'FF', Math.round(duration / 3));
        else link(anchorTask, t);
      } else if (previousGate) {
        link(previousGate, t, 'FS', rng.next() < 0.2 ? 2 : 0);
      }
      if (parallel) branch = t;
      else chain = t;
    }
    const gate = task({ name: `${phaseName} complete`, parentId: phase.id, milestone: true });
    for (const t of [chain, branch]) if (t) link(t, gate);
    previousGate = gate;
  }
  const resources = RESOURCES.map(([resourceName, capacity]) => ({
    id: demoId(rng),
    name: resourceName,
    capacity,
    nonWorkingDates: [] as string[],
  }));
  const assignments: StoredPlan['assignments'] = [];
  const summaries = new Set(tasks.map((t) => t.parentId));
  for (const t of tasks) {
    if (t.milestone || summaries.has(t.id)) continue;
    const picks = rng.next() < 0.4 ? 2 : 1;
    const chosen = new Set<number>();
    while (chosen.size < picks) chosen.add(rng.nextInt(resources.length));
    for (const r of chosen) {
      const resource = resources[r]!;
      assignments.push({ taskId: t.id, resourceId: resource.id, units: 1 + rng.nextInt(resource.capacity) });
    }
  }
  return {
    projectId,
    projectName: name,
    projectStart: start,
    settings: { startDate: start, statusDate: null, workingWeekdays: [1, 2, 3, 4, 5], holidays: HOLIDAYS },
    tasks,
    links,
    resources,
    assignments,
  };
}

/** Progress as of the anchor date: planned-finished work is done (a fifth of it late), spanning work is under way. */
function applyProgress(
  rng: Rng,
  plan: StoredPlan,
  schedule: ReturnType<typeof calculateSchedule>,
  anchor: string,
  completed: boolean,
): void {
  const dates = new Map(schedule.tasks.map((t) => [t.id, t]));
  for (const t of plan.tasks) {
    const d = dates.get(t.id);
    if (!d || d.summary) continue;
    if (completed || d.earlyFinish < anchor) {
      const late = rng.next() < 0.2 ? 1 + rng.nextInt(4) : 0;
      const finish = shiftWorkingDays(d.earlyFinish, late);
      t.percentComplete = 100;
      t.actualStart = d.earlyStart;
      t.actualFinish = finish < anchor || completed ? finish : d.earlyFinish;
    } else if (d.earlyStart <= anchor && t.duration > 0) {
      const elapsed = dateToOffset(
        { workingWeekdays: plan.settings.workingWeekdays, holidays: plan.settings.holidays },
        d.earlyStart,
        anchor,
      );
      t.actualStart = d.earlyStart;
      t.percentComplete = Math.min(
        95,
        Math.max(5, Math.round(((elapsed / t.duration) * 100 * (0.7 + rng.next() * 0.4)) / 5) * 5),
      );
    }
  }
}

/** Moves a working date forward by whole weekdays (the demo's lateness; holidays aside). */
function shiftWorkingDays(date: string, days: number): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  for (let left = days; left > 0; ) {
    t += 86_400_000;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}
