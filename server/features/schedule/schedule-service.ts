import { computeCpm } from '../../../core/schedule/cpm';
import { CycleError, ScheduleError } from '../../../core/schedule/errors';
import type { DurationDistribution } from '../../../core/schedule/pert';
import { computeScheduleRisk } from '../../../core/schedule/schedule-risk';
import type { CpmResult } from '../../../core/schedule/types';
import { fieldProblem, ProblemError } from '../../http/problem';
import { cycleIds, cycleProblem } from './schedule-cycle';
import {
  buildNetwork,
  finishDateAt,
  planStart,
  type ScheduleNetwork,
  startDateAt,
  type TaskProgress,
} from './schedule-network';
import type { StoredPlan } from './schedule-store';

// Use cases over a loaded plan: the CPM schedule with calendar dates, Monte Carlo schedule risk.
// Pure functions of the plan and the request's options; the routes load and authorise.

export interface ScheduledTask {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  summary: boolean;
  milestone: boolean;
  progress: TaskProgress;
  percentComplete: number;
  /** Working days the engine scheduled (remaining work included when rescheduled). */
  duration: number;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

export interface CalculatedSchedule {
  projectId: string;
  startDate: string;
  statusDate: string | null;
  calendar: { workingWeekdays: number[]; holidays: string[] };
  makespan: number;
  finishDate: string;
  tasks: ScheduledTask[];
  criticalPaths: string[][];
  criticalTasks: string[];
}

/** The start date of the plan, or a 422 naming `startDate` when neither schedule nor project has one. */
export function requireStart(plan: StoredPlan): string {
  const start = planStart(plan);
  if (start === null)
    throw fieldProblem(
      'validation_failed',
      'startDate',
      'the project has no start date: set the project startDate or the schedule startDate',
    );
  return start;
}

/** Runs the network through CPM, turning engine errors into problems that name the tasks. */
export function runCpm(plan: StoredPlan, network: ScheduleNetwork): CpmResult {
  try {
    return computeCpm(network.activities);
  } catch (error) {
    throw toProblem(plan, error);
  }
}

/** The network for a status date: a plain run first supplies planned starts for missing actuals. */
export function networkFor(plan: StoredPlan, statusDate: string | null): ScheduleNetwork {
  const start = requireStart(plan);
  const plain = buildNetwork(plan, start, null);
  if (statusDate === null) return plain;
  const planned = runCpm(plan, plain);
  const starts = new Map(Object.entries(planned.activities).map(([id, t]) => [id, t.es]));
  return buildNetwork(plan, start, statusDate, starts);
}

/**
 * CPM over the project's tasks on its calendar: early and late dates, floats, critical paths.
 * With a status date the remaining work is rescheduled after it.
 */
export function calculateSchedule(plan: StoredPlan, statusDate: string | null): CalculatedSchedule {
  const network = networkFor(plan, statusDate);
  const result = runCpm(plan, network);
  const { calendar, start } = network;
  const durations = new Map(network.activities.map((a) => [a.id, a.duration]));
  const tasks = plan.tasks.map((t): ScheduledTask => {
    const r = result.activities[t.id]!;
    const summary = network.summaries.has(t.id);
    return {
      id: t.id,
      name: t.name,
      parentId: t.parentId,
      position: t.position,
      summary,
      milestone: t.milestone,
      progress: network.progress.get(t.id) ?? 'not_started',
      percentComplete: t.percentComplete,
      duration: summary ? r.ef - r.es : (durations.get(t.id) ?? 0),
      es: r.es,
      ef: r.ef,
      ls: r.ls,
      lf: r.lf,
      earlyStart: startDateAt(calendar, start, r.es, r.ef),
      earlyFinish: finishDateAt(calendar, start, r.es, r.ef),
      lateStart: startDateAt(calendar, start, r.ls, r.lf),
      lateFinish: finishDateAt(calendar, start, r.ls, r.lf),
      totalFloat: r.totalFloat,
      freeFloat: r.freeFloat,
      critical: r.critical,
    };
  });
  return {
    projectId: plan.projectId,
    startDate: start,
    statusDate,
    calendar: { workingWeekdays: [...calendar.workingWeekdays], holidays: [...calendar.holidays] },
    makespan: result.makespan,
    finishDate: finishDateAt(calendar, start, 0, result.makespan),
    tasks,
    criticalPaths: result.criticalPaths,
    criticalTasks: result.criticalActivities,
  };
}

export interface RiskOptions {
  iterations: number;
  seed: number;
  distribution: DurationDistribution;
  statusDate: string | null;
}

/** Monte Carlo schedule risk (core computeScheduleRisk) with the percentiles as calendar dates. */
export function calculateRisk(plan: StoredPlan, options: RiskOptions) {
  const network = networkFor(plan, options.statusDate);
  const deterministic = runCpm(plan, network);
  const risk = computeScheduleRisk(network.riskActivities, {
    iterations: options.iterations,
    seed: options.seed,
    distribution: options.distribution,
  });
  const { calendar, start } = network;
  const names = new Map(plan.tasks.map((t) => [t.id, t.name]));
  // A finish at x work units falls on the day of unit ⌈x⌉ − 1.
  const finishAt = (x: number) => ({
    workingDays: round(x),
    date: finishDateAt(calendar, start, 0, Math.ceil(x - 1e-9)),
  });
  const leaves = plan.tasks.filter((t) => !network.summaries.has(t.id));
  return {
    projectId: plan.projectId,
    startDate: start,
    statusDate: options.statusDate,
    iterations: risk.iterations,
    seed: options.seed,
    distribution: options.distribution,
    deterministic: finishAt(deterministic.makespan),
    mean: finishAt(risk.mean),
    p50: finishAt(risk.p50),
    p80: finishAt(risk.p80),
    p95: finishAt(risk.p95),
    criticality: leaves
      .map((t) => ({ taskId: t.id, name: t.name, criticalityIndex: round(risk.criticalityIndex[t.id] ?? 0) }))
      .sort((a, b) => b.criticalityIndex - a.criticalityIndex || a.name.localeCompare(b.name)),
    tornado: risk.tornado
      .filter((bar) => !network.summaries.has(bar.id))
      .slice(0, 20)
      .map((bar) => ({
        taskId: bar.id,
        name: names.get(bar.id) ?? bar.id,
        correlation: round(bar.correlation),
      })),
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Engine errors as problem documents: a cycle is a 422 `schedule_cycle` listing the tasks along it. */
export function toProblem(plan: StoredPlan, error: unknown): unknown {
  if (!(error instanceof ScheduleError)) return error;
  const names = new Map(plan.tasks.map((t) => [t.id, t.name]));
  if (error instanceof CycleError) return cycleProblem(cycleIds(error), (id) => names.get(id) ?? id);
  return new ProblemError('validation_failed', `predecessors: ${error.message}`, [
    { field: 'predecessors', message: error.message },
  ]);
}
