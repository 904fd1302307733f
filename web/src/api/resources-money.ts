// TanStack Query hooks for capacity, assignment suggestions, effort estimates, budgets and earned
// value (server/features/resources and server/features/money). Types mirror the routes' schemas.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authenticate } from './auth';
import { ApiError, apiRequest, type QueryParams } from './client';

export type PeriodKind = 'week' | 'month' | 'quarter';
export type HeatmapBy = 'person' | 'team' | 'skill' | 'role';

export interface Period {
  key: string;
  start: string;
  end: string;
}

export interface HeatCell {
  period: string;
  capacity: number;
  demand: number;
  hard: number;
  soft: number;
  requested: number;
  utilisation: number | null;
  status: string;
  excess: number;
  causes: { projectId: string | null; projectKey: string | null; projectName: string; hours: number }[];
}

export interface Heatmap {
  by: HeatmapBy;
  period: PeriodKind;
  periods: Period[];
  rows: {
    key: string;
    label: string;
    capacity: number;
    demand: number;
    overAllocatedPeriods: number;
    cells: HeatCell[];
  }[];
}

export interface AvailablePerson {
  personId: string;
  name: string;
  location: string | null;
  /** The person's title: their role. */
  title: string | null;
  /** In the skill asked for; null when only a role was. */
  proficiency: number | null;
  fte: number;
  capacityHours: number;
  hardHours: number;
  softHours: number;
  freeHours: number;
  freeFte: number;
}

export interface Suggestion {
  demandId: string;
  version: number;
  currentPersonId: string | null;
  kind: 'request' | 'soft';
  projectId: string;
  projectKey: string | null;
  projectName: string | null;
  /** Null for a request by role only. */
  skill: string | null;
  /** Null for a request by skill only. */
  role: string | null;
  totalHours: number;
  unmetHours: number;
  reason: string;
  allocations: {
    personId: string;
    name: string;
    proficiency: number | null;
    share: number;
    hours: number;
    reason: string;
  }[];
}

export interface Suggestions {
  solver: string;
  fallbackReason: string | null;
  summary: {
    demands: number;
    requestedHours: number;
    coveredHours: number;
    unmetHours: number;
    movedBookings: number;
  };
  suggestions: Suggestion[];
}

export interface Spread {
  p10: number;
  p50: number;
  p90: number;
}

export interface EffortEstimate {
  basis: string;
  sampleSize: number;
  historySize: number;
  ratio: (Spread & { mean: number }) | null;
  effort: Spread | null;
  warnings: string[];
  groups: (Spread & { type: string; teamName: string | null; sampleSize: number; mean: number })[];
}

export type Split = Record<'labour' | 'nonLabour' | 'capex' | 'opex' | 'total', number>;
export type Versions = Record<'original' | 'current' | 'forecast', Split>;

export interface BudgetVsActuals {
  budgets: {
    budgetVersion: string;
    id: string | null;
    name: string | null;
    status: string | null;
    approvedAt: string | null;
  }[];
  months: { month: string; budget: Versions; actual: Split; variance: number }[];
  totals: { budget: Versions; actual: Split; variance: number };
  uncostedHours: number;
}

export interface PortfolioRollup {
  period: string;
  periods: {
    period: string;
    budget: Versions;
    /** The portfolio's own budget (no project): its envelope for all its projects. */
    portfolioBudget: Versions;
    actual: Split;
    variance: number;
    /** The portfolio's current budget less its projects'; null without a portfolio budget. */
    unallocated: number | null;
  }[];
  projects: {
    projectId: string;
    projectKey: string;
    projectName: string;
    budget: Record<string, number>;
    approved: string[];
    actual: number;
    variance: number;
    uncostedHours: number;
  }[];
  portfolioBudgets: {
    budget: Record<string, number>;
    approved: string[];
    budgets: { budgetVersion: string; id: string | null; name: string | null; status: string | null }[];
  };
  totals: {
    budget: Versions;
    portfolioBudget: Versions;
    actual: Split;
    variance: number;
    unallocated: number | null;
  };
}

type N = number | null;
export interface EvmFigures {
  sv: number;
  cv: number;
  spi: N;
  cpi: N;
  eac: { cpi: N; atypical: number; cpiSpi: N; bottomUp: N };
  etc: N;
  vac: N;
  tcpi: { bac: N; eac: N };
  pvAtStatus: number;
  evAtStatus: number;
  acAtStatus?: number;
  at?: number;
  pd?: number;
  es?: number;
  svT?: number;
  spiT?: N;
  ieacT?: N;
}

export interface Evm {
  asOf: string;
  statusDate: string;
  budget: { name: string; budgetVersion: string; status: string };
  evMethod: string;
  /** Where the bottom-up ETC comes from (the forecast budget after the status month), or null. */
  etcBasis: string | null;
  series: { bac: number; pv: number[]; ev: number[]; ac: number[] };
  status: EvmFigures;
  sCurve: { period: number; month: string; pv: number; ev: N; ac: N; spi: N; cpi: N; es: N }[];
  forecast: {
    eac: number;
    finishPeriods: number;
    points: { period: number; month: string; ac: number }[];
  } | null;
  agile:
    | (EvmFigures & {
        ppc: number;
        apc: number;
        forecastSprints: N;
        input: {
          plannedSprints: number;
          sprintsCompleted: number;
          plannedStoryPoints: number;
          completedStoryPoints: number;
        };
      })
    | null;
  referenceClass: {
    basis: string;
    projects: number;
    ranges: { percentile: number; cost: N; duration: N; finishMonth: string | null }[];
    warnings: string[];
  };
  warnings: string[];
}

const get =
  <T>(path: string, query: QueryParams) =>
  (signal: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal });

function useGet<T>(key: string, path: string, query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [key, path, query],
    queryFn: ({ signal }) => get<T>(path, query)(signal),
    enabled,
  });
}

export const useHeatmap = (q: { by: HeatmapBy; period: PeriodKind; from: string; to: string }) =>
  useGet<Heatmap>('capacity', '/capacity/heatmap', q);

export const useAvailable = (
  q: { skill?: string; role?: string; from: string; to: string; minFte: number },
  enabled: boolean,
) => useGet<{ people: AvailablePerson[] }>('capacity', '/people/available', q, enabled);

export const useSuggestions = (q: { from: string; to: string }) =>
  useGet<Suggestions>('capacity', '/capacity/suggestions', q);

export const useEffortEstimate = (
  q: { type: string; estimate: number; unit: string; teamId?: string },
  enabled: boolean,
) => useGet<EffortEstimate>('estimate', '/estimates/effort', q, enabled);

export const useBudgetVsActuals = (projectId: string) =>
  useGet<BudgetVsActuals>('money', `/projects/${projectId}/budget-vs-actuals`, {}, projectId !== '');

export const usePortfolioRollup = (portfolioId: string, period: string) =>
  useGet<PortfolioRollup>(
    'money',
    `/portfolios/${portfolioId}/budget-rollup`,
    { period },
    portfolioId !== '',
  );

export const useEvm = (projectId: string, budgetVersion: string) =>
  useGet<Evm>('money', `/projects/${projectId}/evm`, { budgetVersion }, projectId !== '');

/** Applies one allocation of a suggestion; refreshes every capacity view and the assignments. */
export function useApplySuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { suggestion: Suggestion; personId: string; hours: number; from: string; to: string }) =>
      apiRequest<{ action: string }>('POST', '/capacity/suggestions/apply', {
        body: {
          kind: v.suggestion.kind,
          demandId: v.suggestion.demandId,
          personId: v.personId,
          hours: v.hours,
          from: v.from,
          to: v.to,
        },
        ifMatch: v.suggestion.version,
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['capacity'] });
      void client.invalidateQueries({ queryKey: ['resource-assignments'] });
    },
  });
}

/** Uploads a CSV of cost or time entries (all rows or none). */
export function useImportCsv(kind: 'cost-entries' | 'time-entries') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) => {
      const response = await fetch(
        `/api/v1/${kind}/import`,
        authenticate({
          method: 'POST',
          headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
          body: csv,
        }),
      );
      const payload = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new ApiError(response.status, payload);
      return payload as { created: number; total: number };
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['money'] });
      void client.invalidateQueries({ queryKey: [kind] });
    },
  });
}

export interface BudgetRecord {
  id: string;
  version: number;
  name: string;
  budgetVersion: string;
  status: string;
  approvedAt: string | null;
  lines: { period: string; category: string; costType: string; amount: number }[];
  updatedAt: string;
}

export interface CostEntryRecord {
  id: string;
  incurredOn: string;
  amount: number;
  category: string;
  costType: string;
  description: string | null;
  origin: string;
}

export interface TimeEntryRecord {
  id: string;
  personId: string;
  workedOn: string;
  hours: number;
  category: string;
  workItemId: string | null;
}

/** Keyed by the resource name, so the generic mutations' invalidation refreshes these too. */
function useResourceList<T>(resource: string, query: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: [resource, 'list', query],
    queryFn: ({ signal }) =>
      apiRequest<{ items: T[]; nextCursor: string | null }>('GET', `/${resource}`, { query, signal }),
    enabled,
  });
}

export const useProjectBudgets = (projectId: string) =>
  useResourceList<BudgetRecord>('budgets', { projectId, limit: 100, sort: 'name' }, projectId !== '');

export const useCostEntries = (projectId: string) =>
  useResourceList<CostEntryRecord>(
    'cost-entries',
    { projectId, limit: 50, sort: '-incurredOn' },
    projectId !== '',
  );

export const useTimeEntries = (projectId: string) =>
  useResourceList<TimeEntryRecord>(
    'time-entries',
    { projectId, limit: 50, sort: '-workedOn' },
    projectId !== '',
  );

/** Approves a budget version (or returns it to draft), guarded by its version. */
export function useSetBudgetStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { budget: BudgetRecord; status: 'approved' | 'draft' }) =>
      apiRequest<BudgetRecord>('PATCH', `/budgets/${v.budget.id}`, {
        body: { status: v.status },
        ifMatch: v.budget.version,
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['budgets'] });
      void client.invalidateQueries({ queryKey: ['money'] });
    },
  });
}

export const TEAM_BOOKING_UNITS = ['share', 'fte', 'hours'] as const;

export interface TeamBookingRecord {
  id: string;
  version: number;
  teamId: string;
  projectId: string;
  startDate: string;
  endDate: string;
  amount: number;
  unit: (typeof TEAM_BOOKING_UNITS)[number];
  booking: 'hard' | 'soft';
  note: string | null;
}

/** Team bookings that overlap a window. */
export const useTeamBookings = (q: { from: string; to: string }) =>
  useResourceList<TeamBookingRecord>(
    'team-bookings',
    { startDateTo: q.to, endDateFrom: q.from, limit: 100, sort: 'startDate' },
    true,
  );

/** Books a team's capacity to a project, or removes a booking; refreshes the capacity views. */
export function useTeamBookingMutations() {
  const client = useQueryClient();
  const onSettled = () => {
    void client.invalidateQueries({ queryKey: ['team-bookings'] });
    void client.invalidateQueries({ queryKey: ['capacity'] });
  };
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiRequest<TeamBookingRecord>('POST', '/team-bookings', { body }),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: (b: TeamBookingRecord) =>
      apiRequest<void>('DELETE', `/team-bookings/${b.id}`, { ifMatch: b.version }),
    onSettled,
  });
  return { create, remove };
}

export interface ResourceRequestRecord {
  id: string;
  version: number;
  projectId: string;
  teamId: string | null;
  /** A person's title; null for a request by skill only. */
  role: string | null;
  /** Null for a request by role only. */
  skill: string | null;
  minProficiency: number;
  startDate: string;
  endDate: string;
  amount: number;
  unit: 'hours' | 'fte';
  status: 'open' | 'filled' | 'cancelled';
  note: string | null;
}

/** Open resource requests that overlap a window. */
export const useOpenRequests = (q: { from: string; to: string }) =>
  useResourceList<ResourceRequestRecord>(
    'resource-requests',
    { status: 'open', startDateTo: q.to, endDateFrom: q.from, limit: 100, sort: 'startDate' },
    true,
  );

/** Asks for a role, a skill or both, or cancels a request (If-Match); refreshes the capacity views. */
export function useRequestMutations() {
  const client = useQueryClient();
  const onSettled = () => {
    void client.invalidateQueries({ queryKey: ['resource-requests'] });
    void client.invalidateQueries({ queryKey: ['capacity'] });
  };
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiRequest<ResourceRequestRecord>('POST', '/resource-requests', { body }),
    onSettled,
  });
  const cancel = useMutation({
    mutationFn: (r: ResourceRequestRecord) =>
      apiRequest<ResourceRequestRecord>('PATCH', `/resource-requests/${r.id}`, {
        body: { status: 'cancelled' },
        ifMatch: r.version,
      }),
    onSettled,
  });
  return { create, cancel };
}
