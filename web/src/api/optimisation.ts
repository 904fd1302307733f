// TanStack Query hooks for the portfolio optimiser (server/features/optimisation,
// docs/optimisation.md): scenarios (a copy of a live portfolio, edited), background runs with
// progress and cancel, comparison of two scenarios and adoption with a decision record.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// The scenario's shape is the pure model's (core/portfolio/scenario.ts), so the editor and the
// optimiser cannot disagree about it.
import type { ScenarioCandidate, ScenarioConstraints, ValueSource } from '../../../core/portfolio/scenario';
import { apiRequest } from './client';

export type { ScenarioCandidate, ScenarioConstraints, ValueSource };

export interface Scenario {
  id: string;
  version: number;
  portfolioId: string;
  name: string;
  description: string | null;
  valueSource: ValueSource;
  horizonStart: string;
  periods: number;
  candidates: ScenarioCandidate[];
  constraints: ScenarioConstraints;
  createdBy: string | null;
  adoptedAt: string | null;
  adoptedBy: string | null;
  adoptedRunId: string | null;
  adoptionRationale: string | null;
  updatedAt: string;
}

export interface Initiative {
  id: string;
  key: string;
  name: string;
  start: number;
  duration: number;
  value: number;
  cost: number;
}

export interface ResourceUse {
  used: number[];
  limit: (number | null)[];
}

export interface RunResult {
  status: string;
  valueSource: ValueSource;
  periodLabels: string[];
  objective: number | null;
  bound: number | null;
  gap: number | null;
  totalCost: number;
  selected: Initiative[];
  greedy: { objective: number; totalCost: number; selected: Initiative[] };
  uplift: number | null;
  leftOut: { id: string; reason: string }[];
  conflicts: string[];
  frontier: { factor: number; totalBudget: number; status: string; value: number | null }[];
  shadowPrices: {
    kind: 'budget' | 'capacity';
    skill: string | null;
    period: number;
    price: number;
    sentence: string;
  }[];
  usage: { budget: ResourceUse; capacity: Record<string, ResourceUse> };
}

export interface Run {
  id: string;
  scenarioId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  timeLimitMs: number;
  startedAt: string;
  finishedAt: string | null;
  progress: {
    phase: 'solving' | 'shadow-prices' | 'frontier';
    elapsedMs: number;
    incumbent: number | null;
    bound: number | null;
    gap: number | null;
    frontierDone: number;
    frontierTotal: number;
  };
  result: RunResult | null;
  error: string | null;
}

interface Side {
  id: string;
  name: string;
  valueSource: string;
  runId: string | null;
  status: string | null;
  objective: number | null;
  totalCost: number | null;
  selectedCount: number;
  budgetUsed: number[];
  budgetLimit: (number | null)[];
  capacity: { skill: string; used: number[]; limit: (number | null)[] }[];
}

type Named = { id: string; key: string; name: string };

export interface Comparison {
  periodLabels: string[];
  first: Side;
  second: Side;
  valueDifference: number | null;
  selected: (Named & { start: number })[];
  deselected: (Named & { start: number })[];
  moved: (Named & { from: number; to: number })[];
  inputChanges: string[];
}

const PATH = '/optimisation-scenarios';
const keys = {
  all: ['optimisation-scenarios'] as const,
  list: (portfolioId: string) => ['optimisation-scenarios', 'list', portfolioId] as const,
  one: (id: string) => ['optimisation-scenarios', 'record', id] as const,
  runs: (id: string) => ['optimisation-scenarios', 'runs', id] as const,
  compare: (a: string, b: string) => ['optimisation-scenarios', 'compare', a, b] as const,
};

export function useScenarios(portfolioId: string) {
  return useQuery({
    queryKey: keys.list(portfolioId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: Scenario[] }>('GET', PATH, {
        query: { portfolioId, limit: 200, sort: 'name' },
        signal,
      }),
    enabled: Boolean(portfolioId),
  });
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => apiRequest<Scenario>('GET', `${PATH}/${id}`, { signal }),
  });
}

export function useCreateScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      portfolioId: string;
      name: string;
      valueSource: ValueSource;
      horizonStart?: string;
      periods?: number;
    }) => apiRequest<Scenario>('POST', PATH, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: Partial<Scenario> }) =>
      apiRequest<Scenario>('PATCH', `${PATH}/${id}`, { body: patch, ifMatch: version }),
    onSuccess: (scenario) => {
      client.setQueryData(keys.one(scenario.id), scenario);
      return client.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** A scenario's runs, polled every second while one is running. */
export function useRuns(scenarioId: string) {
  return useQuery({
    queryKey: keys.runs(scenarioId),
    queryFn: ({ signal }) => apiRequest<{ items: Run[] }>('GET', `${PATH}/${scenarioId}/runs`, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
  });
}

export function useStartRun(scenarioId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (timeLimitMs: number) =>
      apiRequest<Run>('POST', `${PATH}/${scenarioId}/runs`, { body: { timeLimitMs } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.runs(scenarioId) }),
  });
}

export function useCancelRun(scenarioId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) =>
      apiRequest<Run>('POST', `${PATH}/${scenarioId}/runs/${runId}/cancel`, { body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.runs(scenarioId) }),
  });
}

export function useAdoptScenario(scenarioId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { rationale: string; runId: string; version: number }) =>
      apiRequest<{ adoptedAt: string; rationale: string }>('POST', `${PATH}/${scenarioId}/adopt`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useComparison(first: string, second: string) {
  return useQuery({
    queryKey: keys.compare(first, second),
    queryFn: ({ signal }) => apiRequest<Comparison>('GET', `${PATH}/${first}/compare/${second}`, { signal }),
    enabled: Boolean(first && second),
  });
}
