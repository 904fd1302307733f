import { offsetToDate } from '../core/schedule/calendar';
import { computeCpm } from '../core/schedule/cpm';
import { buildNetwork } from '../server/features/schedule/schedule-network';
import { calculateSchedule } from '../server/features/schedule/schedule-service';
import type { StoredPlan } from '../server/features/schedule/schedule-store';
import { type BenchRow, type BenchSuite, formatMs, percentileMs, sampleMs } from './harness';

// What the Gantt page waits for on a 5,000-task plan: the server's schedule calculation (CPM plus
// calendar dates for every task) — 50 phases of 99 chained tasks under a summary, each phase
// starting after the 10th task of the one before (a ten-year plan), four resources with leave —
// beside the bare CPM on the same network, and dating the tasks the way the route did before
// (one `offsetToDate` scan from the start per date) — all in the same run.

const TASKS = 5000;

function plan(leave: boolean): StoredPlan {
  const tasks: StoredPlan['tasks'] = [];
  const links: StoredPlan['links'] = [];
  for (let i = 0; i < TASKS; i++) {
    const phase = Math.floor(i / 100);
    tasks.push({
      id: `t${i}`,
      parentId: i % 100 === 0 ? null : `t${phase * 100}`,
      position: i,
      name: `Task ${i}`,
      duration: 1 + (i % 7),
      estimate: null,
      milestone: false,
      constraintType: 'asap',
      constraintDate: null,
      percentComplete: 0,
      actualStart: null,
      actualFinish: null,
    });
    if (i % 100 > 1) links.push({ predecessorId: `t${i - 1}`, successorId: `t${i}`, type: 'FS', lag: 0 });
    if (i % 100 === 1 && i > 100)
      links.push({ predecessorId: `t${i - 90}`, successorId: `t${i}`, type: 'FS', lag: 0 });
  }
  const resources = [0, 1, 2, 3].map((r) => ({
    id: `r${r}`,
    name: `Resource ${r}`,
    capacity: 2,
    nonWorkingDates: leave ? ['2025-02-03', '2025-08-11', '2025-08-12', '2026-01-05', '2027-04-19'] : [],
  }));
  const assignments = tasks
    .filter((t) => !t.id.endsWith('00') && t.id !== 't0')
    .map((t, k) => ({ taskId: t.id, resourceId: `r${k % 4}`, units: 1 }));
  return {
    projectId: 'bench',
    projectName: 'Bench',
    projectStart: '2025-01-06',
    settings: {
      startDate: null,
      statusDate: null,
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: ['2025-12-25', '2025-12-26', '2026-12-25'],
    },
    tasks,
    links,
    resources,
    assignments,
  };
}

async function run(): Promise<BenchRow[]> {
  const plain = plan(false);
  const withLeave = plan(true);
  const activities = buildNetwork(plain, '2025-01-06', null).activities;
  const cpmMs = percentileMs(await sampleMs(() => computeCpm(activities), 10), 50);
  const rows: BenchRow[] = [];
  const routeMs: number[] = [];
  for (const [label, p] of [
    ['project calendar', plain],
    ['resources with leave', withLeave],
  ] as const) {
    const ms = percentileMs(await sampleMs(() => calculateSchedule(p, null), 10), 50);
    routeMs.push(ms);
    rows.push({
      name: `Schedule of ${TASKS} tasks with dates (${label}, p50)`,
      value: formatMs(ms),
      baseline: `${formatMs(cpmMs)} bare computeCpm`,
      ratio: ms / cpmMs,
    });
  }
  const network = buildNetwork(plain, '2025-01-06', null);
  const result = computeCpm(network.activities);
  const scanMs = percentileMs(
    await sampleMs(
      () => {
        for (const t of Object.values(result.activities))
          for (const x of [t.es, Math.max(t.es, t.ef - 1), t.ls, Math.max(t.ls, t.lf - 1)])
            offsetToDate(network.calendar, '2025-01-06', Math.max(0, Math.round(x)));
      },
      1,
      0,
    ),
    50,
  );
  rows.push({
    name: `Dating the same ${TASKS} tasks by one calendar scan per date (the route before, 1 run)`,
    value: formatMs(scanMs),
    baseline: `${formatMs(routeMs[0]!)} now`,
    ratio: scanMs / routeMs[0]!,
  });
  return rows;
}

const suite: BenchSuite = { name: 'Schedule calculation for the Gantt (5,000 tasks)', run };
export default suite;
