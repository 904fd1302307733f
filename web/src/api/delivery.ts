// TanStack Query hooks for the Agile PMO pages: board, backlog, sprints, flow analytics, forecasts
// and retrospectives. Response types come from the generated OpenAPI types, so a server schema
// change shows up here as a type error.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type QueryParams } from './client';
import type { paths } from './schema.gen';

type Get<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;
type ItemOf<P extends keyof paths> = Get<P> extends { items: Array<infer Item> } ? Item : never;

export type Board = Get<'/api/v1/teams/{id}/board'>;
export type BoardColumn = Board['columns'][number];
export type BoardCard = BoardColumn['items'][number];
export type Swimlane = 'none' | 'epic' | 'assignee' | 'class_of_service';
export type Workflow = Get<'/api/v1/teams/{id}/workflow'>;
export type Sprint = ItemOf<'/api/v1/sprints'>;
export type SprintItem = ItemOf<'/api/v1/sprints/{id}/items'>;
export interface SprintBurn {
  unit: string;
  committed: number;
  burnDown: { definition: string; days: { date: string; remaining: number | null; ideal: number }[] };
  burnUp: { definition: string; days: { date: string; completed: number | null; scope: number | null }[] };
}
export interface SprintForecast {
  definition: string;
  asOf: string;
  committedItems: number;
  remainingItems: number;
  history: ThroughputHistory;
  forecast: {
    probability: number;
    days: number;
    remainingItems: number;
    likelyCompleted: Percentiles<number>;
    trials: number;
    seed: number;
  };
  /** The same "how many in the days left" question asked of the team's past; null once the sprint ended. */
  backtest: Backtest | null;
}
export type Retrospective = ItemOf<'/api/v1/retrospectives'>;
export type RetrospectiveAction = ItemOf<'/api/v1/retrospective-actions'>;
/** The velocity body is typed loosely by the server; these are the fields the page reads. */
export interface Velocity {
  unit: string;
  velocity: {
    definition: string;
    perSprint: { name: string; committed: number; completed: number }[];
    average: number | null;
    rollingAverage: number | null;
  };
  predictability: {
    definition: string;
    perSprint: { name: string; ratio: number | null; withinBand: boolean }[];
    meanRatio: number | null;
    withinBandShare: number | null;
    band: number[];
  };
}
export type FlowOverview = Get<'/api/v1/flow/overview'>;
export type CycleScatter = Get<'/api/v1/flow/cycle-time-scatter'>;
export type WipPerDay = Get<'/api/v1/flow/wip'>;
export type CumulativeFlow = Get<'/api/v1/flow/cfd'>;
export type WipAging = Get<'/api/v1/flow/aging'>;
export type FlowEfficiency = Get<'/api/v1/flow/efficiency'>;
export type LittlesLaw = Get<'/api/v1/flow/littles-law'>;

/** Which work a flow metric or forecast covers: exactly one of these ids. */
export interface FlowScope {
  kind: 'team' | 'project' | 'portfolio' | 'epic';
  id: string;
}
export const scopeQuery = (s: FlowScope): QueryParams => ({ [`${s.kind}Id`]: s.id });

// The forecast body is typed loosely by the server (it comes straight from core/forecast), so
// the shapes the pages read are spelled out here.
export type Percentiles<T> = Record<'50' | '70' | '85' | '95', T>;
export interface ThroughputHistory {
  firstDate: string;
  lastDate: string;
  days: number;
  total: number;
  mean: number;
  zeroDays: number;
  max: number;
}
export interface BacktestPoint {
  origin: string;
  /** Items finished in the history window before the origin. */
  historyItems: number;
  actual: number | null;
  forecast: Partial<Percentiles<number | null>>;
  errorP50: number | null;
  withinP85: boolean | null;
}
export interface Backtest {
  definition: string;
  historyDays: number;
  trials: number;
  calibration: Partial<Percentiles<number | null>>;
  meanAbsoluteErrorP50: number | null;
  meanErrorP50: number | null;
  points: BacktestPoint[];
  /** The rule a past date met to be scored, and how many were not. */
  scoring: { minHistoryDays: number; minHistoryItems: number };
  skipped: { allZeroHistory: number; thinHistory: number; unobservable: number };
}
export interface WhenForecast {
  definition: string;
  asOf: string;
  items: number;
  history: ThroughputHistory;
  forecast: {
    percentiles: Percentiles<string | null>;
    percentileDays: Percentiles<number | null>;
    trials: number;
    seed: number;
    unfinishedTrials: number;
    histogram: { date: string; day: number; trials: number; cumulativeShare: number }[];
  };
  backtest: Backtest | null;
}
export interface HowManyForecast {
  definition: string;
  asOf: string;
  end: string;
  history: ThroughputHistory;
  forecast: {
    percentiles: Percentiles<number>;
    mean: number;
    days: number;
    trials: number;
    seed: number;
    histogram: { count: number; trials: number; atLeastShare: number }[];
  };
  backtest: Backtest | null;
}

const get = <T>(path: string, query: QueryParams = {}) => apiRequest<T>('GET', path, { query });

export const deliveryKeys = {
  board: (teamId: string, swimlane: Swimlane) => ['delivery', 'board', teamId, swimlane] as const,
  boards: (teamId: string) => ['delivery', 'board', teamId] as const,
  sprints: (teamId: string) => ['sprints', 'team', teamId] as const,
  sprint: (id: string) => ['sprints', 'record', id] as const,
};

/** Cards per column (and lane cell) drawn; the counts and limits always cover every item. */
export const BOARD_CARDS = 20;

export function useBoard(teamId: string, swimlane: Swimlane) {
  return useQuery({
    queryKey: deliveryKeys.board(teamId, swimlane),
    queryFn: () => get<Board>(`/teams/${teamId}/board`, { swimlane, limit: BOARD_CARDS }),
  });
}

export function useWorkflow(teamId: string) {
  return useQuery({
    queryKey: ['delivery', 'workflow', teamId],
    queryFn: () => get<Workflow>(`/teams/${teamId}/workflow`),
  });
}

/** A flow metric of a scope over the default window (the 90 days to today). */
export function useFlowMetric<T>(metric: string, scope: FlowScope, extra: QueryParams = {}) {
  const query = { ...scopeQuery(scope), ...extra };
  return useQuery({
    queryKey: ['delivery', 'flow', metric, query],
    queryFn: () => get<T>(`/flow/${metric}`, query),
    staleTime: 60_000,
  });
}

export function useForecast<T>(question: 'when' | 'how-many', scope: FlowScope, extra: QueryParams) {
  const query = { ...scopeQuery(scope), ...extra };
  return useQuery({
    queryKey: ['delivery', 'forecast', question, query],
    queryFn: () => get<T>(`/forecasts/${question}`, query),
    staleTime: 60_000,
  });
}

export function useTeamSprints(teamId: string) {
  return useQuery({
    queryKey: deliveryKeys.sprints(teamId),
    queryFn: () =>
      get<{ items: Sprint[] }>('/sprints', { teamId, sort: '-startDate', limit: 200 }).then((r) => r.items),
  });
}

export function useSprint(id: string) {
  return useQuery({ queryKey: deliveryKeys.sprint(id), queryFn: () => get<Sprint>(`/sprints/${id}`) });
}

export function useSprintItems(id: string) {
  return useQuery({
    queryKey: ['sprints', 'items', id],
    queryFn: () => get<{ items: SprintItem[] }>(`/sprints/${id}/items`).then((r) => r.items),
  });
}

export function useSprintBurn(id: string, unit: 'points' | 'items') {
  return useQuery({
    queryKey: ['sprints', 'burn', id, unit],
    queryFn: () => get<SprintBurn>(`/sprints/${id}/burn`, { unit }),
  });
}

export function useSprintForecast(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['sprints', 'forecast', id],
    queryFn: () => get<SprintForecast>(`/sprints/${id}/forecast`),
    enabled,
    // "Live": moves made here invalidate it at once; others' moves show within a minute.
    refetchInterval: 60_000,
  });
}

/** Any delivery change can move a board, a sprint or a metric: refresh them all. */
export function useDeliveryMutation<V, R = unknown>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['delivery'] }),
        client.invalidateQueries({ queryKey: ['sprints'] }),
        client.invalidateQueries({ queryKey: ['work-items'] }),
      ]),
  });
}

export function useRetrospectives(teamId: string) {
  return useQuery({
    queryKey: ['delivery', 'retrospectives', teamId],
    queryFn: () =>
      get<{ items: Retrospective[] }>('/retrospectives', { teamId, sort: '-heldOn', limit: 100 }).then(
        (r) => r.items,
      ),
  });
}

export function useRetrospectiveActions(teamId: string) {
  return useQuery({
    queryKey: ['delivery', 'retrospective-actions', teamId],
    queryFn: () =>
      get<{ items: RetrospectiveAction[] }>('/retrospective-actions', { teamId, limit: 200 }).then(
        (r) => r.items,
      ),
  });
}

export type Backlog = Get<'/api/v1/teams/{id}/backlog'>;
export type BacklogItem = Backlog['items'][number];

export function useBacklog(teamId: string) {
  return useQuery({
    queryKey: ['delivery', 'backlog', teamId],
    queryFn: () => get<Backlog>(`/teams/${teamId}/backlog`),
  });
}
