// TanStack Query hooks for a project's schedule (server/features/schedule, docs/scheduling-api.md):
// the CPM schedule, its tasks with links and versions, baselines and variance, schedule risk, and
// moving a task (a start-no-earlier-than date written with If-Match).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface ScheduledTask {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  summary: boolean;
  milestone: boolean;
  progress: 'complete' | 'in_progress' | 'not_started';
  percentComplete: number;
  duration: number;
  /** Early start and finish as working-day offsets from the start (what link lags count in). */
  es: number;
  ef: number;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

export interface Schedule {
  projectId: string;
  startDate: string;
  statusDate: string | null;
  makespan: number;
  finishDate: string;
  tasks: ScheduledTask[];
  criticalPaths: string[][];
  criticalTasks: string[];
}

/** A task record of the `schedule-tasks` resource: links, constraint and version for writes. */
export interface TaskRecord {
  id: string;
  version: number;
  name: string;
  duration: number;
  constraintType: 'asap' | 'snet' | 'fnlt';
  constraintDate: string | null;
  predecessors: { taskId: string; type?: LinkType; lag?: number }[];
}

export interface BaselineSummary {
  id: string;
  name: string;
  startDate: string;
  finishDate: string;
  createdAt: string;
}

export interface VarianceRow {
  taskId: string;
  name: string;
  milestone: boolean;
  summary: boolean;
  status: 'late' | 'early' | 'on_time' | 'not_in_baseline';
  baselineStart: string | null;
  baselineFinish: string | null;
  start: string;
  finish: string;
  startVariance: number | null;
  finishVariance: number | null;
  durationVariance: number | null;
}

export interface Variance {
  baselineId: string;
  baselineName: string;
  baselineFinishDate: string;
  finishDate: string;
  finishVariance: number;
  tasks: VarianceRow[];
  milestones: VarianceRow[];
}

export interface FinishPoint {
  workingDays: number;
  date: string;
}

export interface Risk {
  iterations: number;
  seed: number;
  distribution: string;
  deterministic: FinishPoint;
  mean: FinishPoint;
  p50: FinishPoint;
  p80: FinishPoint;
  p95: FinishPoint;
  criticality: { taskId: string; name: string; criticalityIndex: number }[];
  tornado: { taskId: string; name: string; correlation: number }[];
}

export interface RiskOptions {
  iterations: number;
  seed: number;
  distribution: 'pert' | 'triangular';
}

const base = (projectId: string) => `/projects/${projectId}/schedule`;
export const scheduleKeys = {
  all: (projectId: string) => ['schedule', projectId] as const,
  tasks: (projectId: string) => ['schedule-tasks', 'everything', { projectId }] as const,
};

export function useSchedule(projectId: string) {
  return useQuery({
    queryKey: [...scheduleKeys.all(projectId), 'cpm'],
    queryFn: ({ signal }) => apiRequest<Schedule>('GET', base(projectId), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every task record of the project (links, constraints, versions), read in pages of 500. */
export function useTaskRecords(projectId: string) {
  return useQuery({
    queryKey: scheduleKeys.tasks(projectId),
    queryFn: async ({ signal }) => {
      const items: TaskRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await apiRequest<{ items: TaskRecord[]; nextCursor: string | null }>(
          'GET',
          '/schedule-tasks',
          { query: { projectId, limit: 500, cursor }, signal },
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < 20_000);
      return items;
    },
  });
}

export function useBaselines(projectId: string) {
  return useQuery({
    queryKey: [...scheduleKeys.all(projectId), 'baselines'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: BaselineSummary[] }>('GET', `${base(projectId)}/baselines`, { signal }).then(
        (r) => r.items,
      ),
  });
}

export function useVariance(projectId: string, baselineId: string | undefined) {
  return useQuery({
    queryKey: [...scheduleKeys.all(projectId), 'variance', baselineId],
    queryFn: ({ signal }) =>
      apiRequest<Variance>('GET', `${base(projectId)}/baselines/${baselineId}/variance`, { signal }),
    enabled: Boolean(baselineId),
  });
}

export function useScheduleRisk(projectId: string, options: RiskOptions | null) {
  return useQuery({
    queryKey: [...scheduleKeys.all(projectId), 'risk', options],
    queryFn: ({ signal }) =>
      apiRequest<Risk>('GET', `${base(projectId)}/risk`, { query: { ...options }, signal }),
    enabled: options !== null,
    staleTime: Number.POSITIVE_INFINITY, // seeded: the same options give the same answer
  });
}

export interface MoveTask {
  task: TaskRecord;
  /** The new start: written as a start-no-earlier-than date; the server reschedules around it. */
  start: string;
}

/** Moves a task by giving it a start-no-earlier-than date (If-Match on its version). */
export function useMoveTask(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ task, start }: MoveTask) =>
      apiRequest<TaskRecord>('PATCH', `/schedule-tasks/${task.id}`, {
        body: { constraintType: 'snet', constraintDate: start },
        ifMatch: task.version,
      }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: scheduleKeys.all(projectId) }),
        client.invalidateQueries({ queryKey: scheduleKeys.tasks(projectId) }),
      ]),
  });
}

export interface Levelling {
  before: { makespan: number; finishDate: string; overloads: number };
  after: { makespan: number; finishDate: string; overloads: number };
  lowerBound: number;
  provenOptimal: boolean;
  feasible: boolean;
  resources: { resourceId: string; name: string; capacity: number; peakBefore: number; peakAfter: number }[];
  tasks: { taskId: string; name: string; earlyStart: string; start: string; finish: string; delay: number }[];
}

/** The resource-levelled schedule (seeded, time-limited search on the server); runs when asked. */
export function useLevelling(projectId: string, run: boolean) {
  return useQuery({
    queryKey: [...scheduleKeys.all(projectId), 'levelling'],
    queryFn: ({ signal }) =>
      apiRequest<Levelling>('GET', `${base(projectId)}/levelling`, {
        query: { timeLimitMs: 1000, seed: 1 },
        signal,
      }),
    enabled: run,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
