/**
 * Domain types of portfolio selection and scheduling (issue 9): which candidate initiatives to fund
 * and in which period each starts, so that total value is as large as possible while every period
 * stays within its budget and skill capacity.
 *
 * Periods are numbered from 0, as in the CLI's input file. A candidate that starts in period `s`
 * with duration `d` runs in periods s … s + d − 1 and spends `cost[k]` / `demand[skill][k]` in
 * its k-th period of running (k = 0 … d − 1).
 */

/** One initiative that may be funded. Window and lists are already resolved (see normaliseProblem). */
export interface Candidate {
  id: string;
  value: number;
  duration: number;
  /** Cost in each period of its own run; `duration` entries. */
  cost: number[];
  /** Skill demand in each period of its own run; `duration` entries per skill. */
  demand: Record<string, number[]>;
  earliestStart: number;
  latestStart: number;
  mandatory: boolean;
  /** Candidates that must be selected and finished before this one starts. */
  dependsOn: string[];
  /** Candidates that must be selected too, with no timing rule (REFERENCES.md §6.1 "j requires i"). */
  requires: string[];
  /** Candidates that may not be selected together with this one (symmetric). */
  excludes: string[];
}

/** A portfolio problem. `budget` / a skill missing from `capacity` means unlimited. */
export interface PortfolioProblem {
  periods: number;
  budget?: number[];
  capacity: Record<string, number[]>;
  candidates: Candidate[];
}

/** A chosen start for one selected candidate. */
export interface PlannedStart {
  id: string;
  start: number;
}

/** A plan: the selected candidates and their start periods (unselected ones are absent). */
export interface PortfolioPlan {
  selected: PlannedStart[];
}

/** Outcome of the optimiser. `gap` is (bound − objective) / max(|objective|, 1). */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

/** One group of constraints that takes part in an infeasibility (see explain-infeasibility.ts). */
export type ConstraintGroup =
  | { kind: 'mandatory'; candidate: string }
  | { kind: 'budget'; period: number }
  | { kind: 'capacity'; skill: string; period: number }
  | { kind: 'dependency'; candidate: string; dependsOn: string }
  | { kind: 'requirement'; candidate: string; requires: string }
  | { kind: 'exclusion'; candidates: [string, string] }
  | { kind: 'window'; candidate: string };

/** A stable key naming a constraint group, e.g. `capacity:data:2`. */
export function groupKey(group: ConstraintGroup): string {
  switch (group.kind) {
    case 'mandatory':
    case 'window':
      return `${group.kind}:${group.candidate}`;
    case 'budget':
      return `budget:${group.period}`;
    case 'capacity':
      return `capacity:${group.skill}:${group.period}`;
    case 'dependency':
      return `dependency:${group.candidate}:${group.dependsOn}`;
    case 'requirement':
      return `requirement:${group.candidate}:${group.requires}`;
    case 'exclusion':
      return `exclusion:${group.candidates[0]}:${group.candidates[1]}`;
  }
}

/** A sentence describing a constraint group, for conflict reports. */
export function describeGroup(group: ConstraintGroup): string {
  switch (group.kind) {
    case 'mandatory':
      return `candidate '${group.candidate}' is mandatory`;
    case 'window':
      return `candidate '${group.candidate}' must start within its earliest/latest start window`;
    case 'budget':
      return `the budget of period ${group.period}`;
    case 'capacity':
      return `the '${group.skill}' capacity of period ${group.period}`;
    case 'dependency':
      return `'${group.candidate}' may start only after '${group.dependsOn}' finishes`;
    case 'requirement':
      return `'${group.candidate}' may be selected only together with '${group.requires}'`;
    case 'exclusion':
      return `'${group.candidates[0]}' and '${group.candidates[1]}' exclude each other`;
  }
}

/** Sum of the values of the selected candidates: the objective, with no solver noise. */
export function computePlanValue(problem: PortfolioProblem, plan: PortfolioPlan): number {
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  return plan.selected.reduce((sum, s) => sum + (byId.get(s.id)?.value ?? 0), 0);
}

/** Symmetric, de-duplicated exclusion pairs as [earlier index, later index] in candidate order. */
export function listExclusionPairs(problem: PortfolioProblem): [number, number][] {
  const index = new Map(problem.candidates.map((c, i) => [c.id, i]));
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  problem.candidates.forEach((c, i) => {
    for (const other of c.excludes) {
      const j = index.get(other);
      if (j === undefined || j === i) continue;
      const pair: [number, number] = i < j ? [i, j] : [j, i];
      const key = `${pair[0]}:${pair[1]}`;
      if (!seen.has(key)) {
        seen.add(key);
        pairs.push(pair);
      }
    }
  });
  return pairs;
}
