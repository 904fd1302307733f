// TanStack Query hooks of the value-management API (docs/value.md): strategy tree and check-ins,
// KPIs and dashboards, business cases, benefits realisation and prioritisation. Types come from
// the generated OpenAPI types, so a server change shows up here as a type error.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authenticate } from './auth';
import { ApiError, apiRequest, isApiError, type QueryParams } from './client';
import type { paths } from './schema.gen';

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? JsonOf<R>
  : never;
type ItemOf<P extends keyof paths> = Get<P> extends { items: Array<infer Item> } ? Item : never;

export type StrategyTree = Get<'/api/v1/goals/tree'>;
export type TreeGoal = StrategyTree['goals'][number];
export type KeyResult = ItemOf<'/api/v1/key-results'>;
export type CheckIn = ItemOf<'/api/v1/key-results/{id}/check-ins'>;
export type Kpi = ItemOf<'/api/v1/kpis'>;
export type Measurement = ItemOf<'/api/v1/kpis/{id}/measurements'>;
export type KpiDashboard = Get<'/api/v1/portfolios/{id}/kpi-dashboard'>;
export type DashboardKpi = KpiDashboard['kpis'][number];
export type ValueStream = ItemOf<'/api/v1/value-streams'>;
export type BusinessCase = ItemOf<'/api/v1/business-cases'>;
export type Figures = BusinessCase['figures'];
export type Analysis = Get<'/api/v1/business-cases/{id}/analysis'>;
export type Benefit = ItemOf<'/api/v1/benefits'>;
export type Realisation = Get<'/api/v1/benefits/{id}/realisation'>;
export type PortfolioRealisation = Get<'/api/v1/portfolios/{id}/benefits-realisation'>;
export type Backlog = Get<'/api/v1/portfolios/{id}/backlog'>;
export type BacklogItem = Backlog['items'][number];
export type ScoringModel = ItemOf<'/api/v1/scoring-models'>;
export type Criterion = ScoringModel['criteria'][number];
export type Prioritisation = Get<'/api/v1/work-items/{id}/prioritisation'>;
export type GoalAlignment = ItemOf<'/api/v1/goal-alignments'>;
export type Goal = ItemOf<'/api/v1/goals'>;

/** The value resources (and goals, which OKRs hang off) served by the generic CRUD routes. */
export interface ValueResources {
  goals: Goal;
  'key-results': KeyResult;
  'goal-alignments': GoalAlignment;
  kpis: Kpi;
  'value-streams': ValueStream;
  'business-cases': BusinessCase;
  benefits: Benefit;
  'scoring-models': ScoringModel;
}
export type ValueResource = keyof ValueResources;

const get = <T>(path: string, query: QueryParams = {}) => ({
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<T>('GET', path, { query, signal }),
});

/** Every record of a value resource (they are few: tens to hundreds per organisation). */
export function useValueList<R extends ValueResource>(resource: R, params: QueryParams = {}) {
  return useQuery({
    queryKey: ['value', resource, 'list', params],
    queryFn: async ({ signal }) => {
      const items: ValueResources[R][] = [];
      let cursor: string | undefined;
      do {
        const page = await apiRequest<{ items: ValueResources[R][]; nextCursor: string | null }>(
          'GET',
          `/${resource}`,
          { query: { ...params, limit: 500, cursor }, signal },
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < 5000);
      return items;
    },
  });
}

export function useValueRecord<R extends ValueResource>(resource: R, id: string | undefined) {
  return useQuery({
    queryKey: ['value', resource, 'record', id],
    ...get<ValueResources[R]>(`/${resource}/${id}`),
    enabled: Boolean(id),
  });
}

/** Create (no id) or update (id and version, sent as If-Match) a value record. */
export function useSaveValueRecord<R extends ValueResource>(resource: R) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Record<string, unknown> }) =>
      id
        ? apiRequest<ValueResources[R]>('PATCH', `/${resource}/${id}`, { body, ifMatch: version ?? 0 })
        : apiRequest<ValueResources[R]>('POST', `/${resource}`, { body }),
    onSettled: () => refreshValue(client),
  });
}

/** Delete a value record at the version the user saw (a stale one answers 412). */
export function useDeleteValueRecord(resource: ValueResource) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<void>('DELETE', `/${resource}/${id}`, { ifMatch: version }),
    // Not awaited: the page showing the deleted record must be able to move on before its own
    // query comes back 404.
    onSettled: () => {
      void refreshValue(client);
    },
  });
}

/** Value figures depend on each other (a check-in moves the tree, a measurement the dashboards). */
function refreshValue(client: QueryClient) {
  return client.invalidateQueries({ queryKey: ['value'] });
}

export const useStrategyTree = () =>
  useQuery({ queryKey: ['value', 'tree'], ...get<StrategyTree>('/goals/tree') });

export const useCheckIns = (keyResultId: string) =>
  useQuery({
    queryKey: ['value', 'check-ins', keyResultId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: CheckIn[] }>('GET', `/key-results/${keyResultId}/check-ins`, { signal }).then(
        (r) => r.items,
      ),
  });

export interface CheckInInput {
  date: string;
  value: number;
  confidence: number;
  note?: string | null;
}

/** Add a check-in, or correct one (with its version as If-Match; a stale one answers 412). */
export function useSaveCheckIn(keyResultId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: CheckInInput }) =>
      id
        ? apiRequest<CheckIn>('PATCH', `/key-results/${keyResultId}/check-ins/${id}`, {
            body: input,
            ifMatch: version ?? 0,
          })
        : apiRequest<CheckIn>('POST', `/key-results/${keyResultId}/check-ins`, {
            body: { ...input, note: input.note || undefined },
          }),
    onSettled: () => refreshValue(client),
  });
}

export const useMeasurements = (kpiId: string) =>
  useQuery({
    queryKey: ['value', 'measurements', kpiId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Measurement[] }>('GET', `/kpis/${kpiId}/measurements`, { signal }).then(
        (r) => r.items,
      ),
  });

export function useAddMeasurement(kpiId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { date: string; value: number; note?: string }) =>
      apiRequest<{ created: number; updated: number }>('POST', `/kpis/${kpiId}/measurements`, {
        body: { measurements: [m], origin: 'manual' },
      }),
    onSettled: () => refreshValue(client),
  });
}

/** CSV import (all or nothing): the body is the file's text, sent as text/csv. */
export function useImportMeasurements(kpiId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) => {
      const response = await fetch(
        `/api/v1/kpis/${kpiId}/measurements/import`,
        authenticate({
          method: 'POST',
          headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
          body: csv,
        }),
      );
      const payload = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new ApiError(response.status, payload);
      return payload as { created: number; updated: number };
    },
    onSettled: () => refreshValue(client),
  });
}

export const useKpiDashboard = (scope: 'portfolios' | 'value-streams', id: string | undefined) =>
  useQuery({
    queryKey: ['value', 'dashboard', scope, id],
    ...get<KpiDashboard>(`/${scope}/${id}/kpi-dashboard`),
    enabled: Boolean(id),
  });

export const useAnalysis = (id: string | undefined) =>
  useQuery({
    queryKey: ['value', 'analysis', id],
    ...get<Analysis>(`/business-cases/${id}/analysis`),
    enabled: Boolean(id),
  });

export const useCompare = (ids: readonly string[]) =>
  useQuery({
    queryKey: ['value', 'compare', ids],
    ...get<{ items: Analysis[] }>('/business-cases/compare', { ids }),
    enabled: ids.length > 0,
  });

export const useRealisation = (benefitId: string | undefined) =>
  useQuery({
    queryKey: ['value', 'realisation', benefitId],
    ...get<Realisation>(`/benefits/${benefitId}/realisation`),
    enabled: Boolean(benefitId),
  });

export const usePortfolioRealisation = (portfolioId: string | undefined) =>
  useQuery({
    queryKey: ['value', 'portfolio-realisation', portfolioId],
    ...get<PortfolioRealisation>(`/portfolios/${portfolioId}/benefits-realisation`),
    enabled: Boolean(portfolioId),
  });

export const useBacklog = (portfolioId: string | undefined, model: string) =>
  useQuery({
    queryKey: ['value', 'backlog', portfolioId, model],
    ...get<Backlog>(`/portfolios/${portfolioId}/backlog`, { model }),
    enabled: Boolean(portfolioId && model),
  });

export const usePrioritisation = (workItemId: string) =>
  useQuery({
    queryKey: ['value', 'prioritisation', workItemId],
    ...get<Prioritisation>(`/work-items/${workItemId}/prioritisation`),
  });

export interface PrioritisationChange {
  workItemId: string;
  /** The inputs' version the change is based on (0 before the first save), sent as If-Match. */
  version: number;
  body: Record<string, unknown>;
}
export interface PrioritisationSaved {
  saved: Prioritisation[];
  /** Changes refused with 412: someone else saved the item's inputs first (`current`). */
  conflicts: { change: PrioritisationChange; current: Prioritisation }[];
}

/**
 * Write prioritisation inputs of several work items, one PUT each with its version as If-Match
 * (sections left out keep their value). Stale ones come back as conflicts, not as a failure, so
 * the others still save; any other refusal fails the whole call after the rest were tried.
 */
export function useSavePrioritisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (changes: PrioritisationChange[]): Promise<PrioritisationSaved> => {
      const results = await Promise.allSettled(
        changes.map((c) =>
          apiRequest<Prioritisation>('PUT', `/work-items/${c.workItemId}/prioritisation`, {
            body: c.body,
            ifMatch: c.version,
          }),
        ),
      );
      const outcome: PrioritisationSaved = { saved: [], conflicts: [] };
      let failure: unknown;
      results.forEach((r, i) => {
        const change = changes[i] as PrioritisationChange;
        if (r.status === 'fulfilled') outcome.saved.push(r.value);
        else if (isApiError(r.reason, 'precondition_failed') && r.reason.current)
          outcome.conflicts.push({ change, current: r.reason.current as Prioritisation });
        else failure ??= r.reason;
      });
      if (failure) throw failure;
      return outcome;
    },
    onSettled: () => refreshValue(client),
  });
}
