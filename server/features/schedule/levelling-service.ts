import type { WorkCalendar } from '../../../core/schedule/calendar';
import { levelResources, RcpspInfeasibleError } from '../../../core/schedule/levelling';
import {
  capacityProfile,
  earliestStarts,
  type RcpspInstance,
  topologicalJobs,
} from '../../../core/schedule/rcpsp';
import { resourceCapacityExceptions } from '../../../core/schedule/resource-calendar';
import type { Activity } from '../../../core/schedule/types';
import { verifySchedule } from '../../../core/schedule/verify-schedule';
import { fieldProblem, ProblemError } from '../../http/problem';
import { finishDateAt, startDateAt } from './schedule-network';
import { networkFor, runCpm } from './schedule-service';
import type { StoredPlan } from './schedule-store';

// Resource levelling of a project's schedule as an RCPSP (core levelResources). The RCPSP model is
// finish-to-start with zero lag (PSPLIB), so the plan is translated conservatively:
// - every link becomes FS from the predecessor to the successor with the smallest non-negative
//   lag that still implies the original relation (SS/FF/SF and leads are tightened, never relaxed);
// - a positive lag, and a start-no-earlier-than constraint, become a job of that length that
//   uses no resource (a constraint's job has no predecessor, so it releases the task at its date);
// - links on a summary task are spread over its leaf tasks.
// - a resource's own non-working dates (leave) become periods in which it has no capacity.
// Every levelled schedule therefore keeps all of the plan's links and constraints, never uses
// more than a resource's capacity on any working day and none on a day the resource is away.

export interface LevelOptions {
  seed: number;
  timeLimitMs: number;
  maxSchedules?: number;
  statusDate: string | null;
}

export interface LevelledModel {
  instance: RcpspInstance;
  /** Job index of each leaf task. */
  jobOf: Map<string, number>;
  leafIds: string[];
}

/** The RCPSP instance of a plan's network (exported for the capacity test). */
export function buildLevellingModel(
  plan: StoredPlan,
  activities: readonly Activity[],
  calendar?: { calendar: WorkCalendar; start: string },
): LevelledModel {
  const parents = new Set(activities.map((a) => a.parent).filter((p): p is string => p !== undefined));
  const leaves = activities.filter((a) => !parents.has(a.id));
  const parentOf = new Map(activities.map((a) => [a.id, a.parent]));
  const leavesOf = new Map<string, string[]>();
  for (const a of leaves) {
    for (let p = a.parent; p !== undefined; p = parentOf.get(p)) {
      leavesOf.set(p, [...(leavesOf.get(p) ?? []), a.id]);
    }
  }
  const expand = (id: string) => leavesOf.get(id) ?? [id];
  const resourceIndex = new Map(plan.resources.map((r, i) => [r.id, i]));
  const durations: number[] = [];
  const demands: number[][] = [];
  const successors: number[][] = [];
  const addJob = (duration: number, demand: number[]) => {
    durations.push(duration);
    demands.push(demand);
    successors.push([]);
    return durations.length - 1;
  };
  const jobOf = new Map<string, number>();
  const none = () => plan.resources.map(() => 0);
  for (const a of leaves) {
    const demand = none();
    for (const d of plan.assignments) {
      const r = resourceIndex.get(d.resourceId);
      if (d.taskId === a.id && r !== undefined) demand[r]! += d.units;
    }
    jobOf.set(a.id, addJob(a.duration, demand));
  }
  const durationOf = (id: string) => durations[jobOf.get(id)!]!;
  const precede = (from: number, to: number, lag: number) => {
    if (lag <= 0) {
      if (!successors[from]!.includes(to)) successors[from]!.push(to);
      return;
    }
    const gap = addJob(lag, none());
    successors[from]!.push(gap);
    successors[gap]!.push(to);
  };
  for (const a of activities) {
    for (const link of a.predecessors) {
      for (const succ of expand(a.id)) {
        for (const pred of expand(link.id)) {
          const dp = durationOf(pred);
          const ds = durationOf(succ);
          // The original relation is S_succ ≥ S_pred + c; FS with lag g gives S_succ ≥ S_pred + dp + g.
          const c =
            link.type === 'FS'
              ? dp + link.lag
              : link.type === 'SS'
                ? link.lag
                : link.type === 'FF'
                  ? dp + link.lag - ds
                  : link.lag - ds;
          precede(jobOf.get(pred)!, jobOf.get(succ)!, Math.max(0, c - dp));
        }
      }
    }
  }
  for (const a of leaves) {
    if (a.startNoEarlierThan !== undefined && a.startNoEarlierThan > 0) {
      const release = addJob(a.startNoEarlierThan, none());
      successors[release]!.push(jobOf.get(a.id)!);
    }
  }
  const capacityExceptions = calendar
    ? resourceCapacityExceptions(calendar.calendar, calendar.start, plan.resources)
    : [];
  return {
    instance: {
      durations,
      demands,
      capacities: plan.resources.map((r) => r.capacity),
      successors,
      capacityExceptions,
    },
    jobOf,
    leafIds: leaves.map((a) => a.id),
  };
}

/** Levels the plan's leaf tasks under its resources' capacities within a time limit. */
export function levelSchedule(plan: StoredPlan, options: LevelOptions) {
  const network = networkFor(plan, options.statusDate);
  runCpm(plan, network); // names the tasks of a cycle before the RCPSP model would only say "cycle"
  const model = buildLevellingModel(plan, network.activities, network);
  const { instance, jobOf } = model;
  const names = new Map(plan.tasks.map((t) => [t.id, t.name]));
  instance.durations.forEach((d, job) => {
    instance.capacities.forEach((cap, r) => {
      if (d > 0 && (instance.demands[job]?.[r] ?? 0) > cap) {
        const taskId = [...jobOf].find(([, j]) => j === job)?.[0] ?? '';
        throw fieldProblem(
          'validation_failed',
          'assignments',
          `task "${names.get(taskId)}" needs ${instance.demands[job]?.[r]} of ${plan.resources[r]?.name}, whose capacity is ${cap}`,
        );
      }
    });
  });
  const order = topologicalJobs(instance) ?? [];
  const before = earliestStarts(instance, order);
  const makespanOf = (starts: readonly number[]) =>
    starts.reduce((m, s, i) => Math.max(m, s + instance.durations[i]!), 0);
  const deadline = Date.now() + options.timeLimitMs;
  let result: ReturnType<typeof levelResources>;
  try {
    result = levelResources(instance, {
      seed: options.seed,
      shouldStop: () => Date.now() > deadline,
      ...(options.maxSchedules === undefined ? {} : { maxSchedules: options.maxSchedules }),
    });
  } catch (error) {
    if (error instanceof RcpspInfeasibleError) throw new ProblemError('validation_failed', error.message);
    throw error;
  }
  const check = verifySchedule(instance, result.starts);
  const { calendar, start } = network;
  const makespanBefore = makespanOf(before);
  return {
    projectId: plan.projectId,
    startDate: start,
    statusDate: options.statusDate,
    seed: options.seed,
    timeLimitMs: options.timeLimitMs,
    before: {
      makespan: makespanBefore,
      finishDate: finishDateAt(calendar, start, 0, makespanBefore),
      overloads: usageOverloads(instance, before, plan),
    },
    after: {
      makespan: result.makespan,
      finishDate: finishDateAt(calendar, start, 0, result.makespan),
      overloads: usageOverloads(instance, result.starts, plan),
    },
    lowerBound: result.lowerBound,
    provenOptimal: result.provenOptimal,
    schedules: result.schedules,
    feasible: check.feasible,
    resources: plan.resources.map((r, i) => ({
      resourceId: r.id,
      name: r.name,
      capacity: r.capacity,
      peakBefore: peakUsage(instance, before, i),
      peakAfter: peakUsage(instance, result.starts, i),
    })),
    tasks: model.leafIds.map((id) => {
      const job = jobOf.get(id)!;
      const s = result.starts[job]!;
      const f = s + instance.durations[job]!;
      return {
        taskId: id,
        name: names.get(id) ?? id,
        earlyStart: startDateAt(calendar, start, before[job]!, before[job]! + instance.durations[job]!),
        start: startDateAt(calendar, start, s, f),
        finish: finishDateAt(calendar, start, s, f),
        startOffset: s,
        delay: s - before[job]!,
      };
    }),
  };
}

function usage(instance: RcpspInstance, starts: readonly number[], r: number): number[] {
  const horizon = starts.reduce((m, s, i) => Math.max(m, s + instance.durations[i]!), 0);
  const used = new Array<number>(horizon).fill(0);
  starts.forEach((s, i) => {
    const demand = instance.demands[i]?.[r] ?? 0;
    if (demand === 0) return;
    for (let t = s; t < s + instance.durations[i]!; t++) used[t]! += demand;
  });
  return used;
}

function peakUsage(instance: RcpspInstance, starts: readonly number[], r: number): number {
  return Math.max(0, ...usage(instance, starts, r));
}

/** Resource-days on which demand exceeds capacity (0 on the resource's non-working dates). */
function usageOverloads(instance: RcpspInstance, starts: readonly number[], plan: StoredPlan): number {
  const capacityAt = capacityProfile(instance);
  let overloads = 0;
  plan.resources.forEach((_, r) => {
    usage(instance, starts, r).forEach((u, t) => {
      if (u > capacityAt(r, t)) overloads++;
    });
  });
  return overloads;
}
