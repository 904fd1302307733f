import type { Candidate, PortfolioProblem } from './problem';

/**
 * A scenario is a copy of a live portfolio taken at one moment, which people then edit (drop a
 * candidate, cut the budget, take a team's capacity away, force a start) without touching the
 * live records. `buildScenarioProblem` turns it into the optimiser's problem.
 */

export const VALUE_SOURCES = ['npv', 'wsjf', 'score'] as const;
/** Which value the optimiser maximises: business-case NPV, WSJF cost of delay, or a weighted score. */
export type ValueSource = (typeof VALUE_SOURCES)[number];

/** One initiative of a scenario, as copied from the live portfolio and then edited. */
export interface ScenarioCandidate {
  /** The project's id in the live portfolio. */
  id: string;
  key: string;
  name: string;
  /** Value under each source; null where the portfolio has no such data for the project. */
  values: Record<ValueSource, number | null>;
  /** A value typed into the scenario, used instead of the chosen source's. */
  valueOverride: number | null;
  duration: number;
  cost: number[];
  demand: Record<string, number[]>;
  earliestStart: number;
  latestStart: number;
  /** Part of the scenario at all (false = removed from this scenario). */
  included: boolean;
  mandatory: boolean;
  /** Must start in exactly this period (implies mandatory). */
  forcedStart: number | null;
  dependsOn: string[];
  excludes: string[];
  /** The project's delivery team, whose capacity a "team leaves" edit removes. */
  teamId: string | null;
  /** Already running at the start of the horizon: its remaining run is what the scenario plans. */
  inFlight: boolean;
}

/** A team's capacity per skill (FTE), so that "this team leaves" can subtract it. */
export interface TeamCapacity {
  name: string;
  skills: Record<string, number>;
}

export interface ScenarioConstraints {
  /** Budget per period as copied; absent = unlimited. */
  budget: number[] | null;
  /** Multiplier on every period's budget (0.8 = "budget −20 %"). */
  budgetFactor: number;
  /** Capacity per skill per period (FTE) as copied. */
  capacity: Record<string, number[]>;
  teams: Record<string, TeamCapacity>;
  /** Teams whose capacity is taken out of this scenario. */
  removedTeams: string[];
}

export interface ScenarioInput {
  valueSource: ValueSource;
  periods: number;
  candidates: ScenarioCandidate[];
  constraints: ScenarioConstraints;
}

/** A candidate left out of the problem, and why (shown beside the result). */
export interface LeftOut {
  id: string;
  reason: string;
}

/** The value a candidate counts with: the override, else its chosen source's value (never below 0). */
export function scenarioValue(c: ScenarioCandidate, source: ValueSource): number {
  const v = c.valueOverride ?? c.values[source] ?? 0;
  return Math.max(0, v);
}

/**
 * The optimiser's problem for a scenario: included candidates only (and, transitively, only those
 * whose prerequisites are included), a forced start pins the window and makes the candidate
 * mandatory, the budget is scaled, and removed teams' skills leave the capacity (never below 0).
 *
 * @example
 * buildScenarioProblem({ valueSource: 'npv', periods: 4, candidates, constraints }).problem.budget;
 */
export function buildScenarioProblem(input: ScenarioInput): {
  problem: PortfolioProblem;
  leftOut: LeftOut[];
} {
  const leftOut: LeftOut[] = [];
  let kept = input.candidates.filter((c) => {
    if (!c.included) leftOut.push({ id: c.id, reason: 'removed from the scenario' });
    return c.included;
  });
  // Removing a prerequisite removes what depends on it: it could never start.
  for (let changed = true; changed; ) {
    changed = false;
    const ids = new Set(kept.map((c) => c.id));
    kept = kept.filter((c) => {
      const missing = c.dependsOn.find((d) => !ids.has(d));
      if (missing === undefined) return true;
      leftOut.push({ id: c.id, reason: `depends on ${missing}, which is not in the scenario` });
      changed = true;
      return false;
    });
  }
  const ids = new Set(kept.map((c) => c.id));
  const candidates: Candidate[] = kept.map((c) => {
    const forced = c.forcedStart;
    return {
      id: c.id,
      value: scenarioValue(c, input.valueSource),
      duration: c.duration,
      cost: c.cost,
      demand: c.demand,
      earliestStart: forced ?? c.earliestStart,
      latestStart: forced ?? c.latestStart,
      mandatory: c.mandatory || forced !== null,
      dependsOn: c.dependsOn,
      requires: [],
      excludes: c.excludes.filter((x) => ids.has(x)),
    };
  });
  const { constraints } = input;
  const capacity: Record<string, number[]> = {};
  for (const [skill, series] of Object.entries(constraints.capacity)) {
    const removed = constraints.removedTeams.reduce(
      (sum, t) => sum + (constraints.teams[t]?.skills[skill] ?? 0),
      0,
    );
    capacity[skill] = series.map((c) => Math.max(0, c - removed));
  }
  const problem: PortfolioProblem = {
    periods: input.periods,
    capacity,
    candidates,
    ...(constraints.budget ? { budget: constraints.budget.map((b) => b * constraints.budgetFactor) } : {}),
  };
  return { problem, leftOut };
}

/** One thing wrong with a scenario's candidates or constraints, naming the field. */
export interface ScenarioError {
  field: string;
  message: string;
}

/**
 * Everything wrong with a scenario beyond what the schema checks: series lengths, start windows,
 * forced starts, references to other candidates and teams, the budget's length.
 *
 * @example
 * findScenarioErrors(4, [{ ...candidate, forcedStart: 9 }], constraints);
 * // [{ field: 'candidates[0].forcedStart', message: 'must be within 0…3' }]
 */
export function findScenarioErrors(
  periods: number,
  candidates: readonly ScenarioCandidate[],
  constraints: ScenarioConstraints,
): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const ids = new Set<string>();
  candidates.forEach((c, i) => {
    const at = `candidates[${i}]`;
    if (ids.has(c.id)) errors.push({ field: `${at}.id`, message: `${c.id} appears twice` });
    ids.add(c.id);
    if (c.duration > periods)
      errors.push({ field: `${at}.duration`, message: `${c.duration} exceeds the ${periods} periods` });
    if (c.cost.length !== c.duration)
      errors.push({
        field: `${at}.cost`,
        message: `needs ${c.duration} entries (one per period of its run)`,
      });
    for (const [skill, series] of Object.entries(c.demand))
      if (series.length !== c.duration)
        errors.push({ field: `${at}.demand.${skill}`, message: `needs ${c.duration} entries` });
    const last = periods - c.duration;
    if (c.earliestStart > c.latestStart || c.latestStart > last)
      errors.push({
        field: `${at}.latestStart`,
        message: `the window ${c.earliestStart}…${c.latestStart} must lie within 0…${last}`,
      });
    if (c.forcedStart !== null && c.forcedStart > last)
      errors.push({ field: `${at}.forcedStart`, message: `must be within 0…${last}` });
  });
  candidates.forEach((c, i) => {
    for (const [list, name] of [
      [c.dependsOn, 'dependsOn'],
      [c.excludes, 'excludes'],
    ] as const)
      for (const other of list)
        if (!ids.has(other) || other === c.id)
          errors.push({ field: `candidates[${i}].${name}`, message: `${other} is not another candidate` });
  });
  if (constraints.budget && constraints.budget.length !== periods)
    errors.push({ field: 'constraints.budget', message: `needs ${periods} entries` });
  for (const [skill, series] of Object.entries(constraints.capacity))
    if (series.length !== periods)
      errors.push({ field: `constraints.capacity.${skill}`, message: `needs ${periods} entries` });
  for (const team of constraints.removedTeams)
    if (!constraints.teams[team])
      errors.push({ field: 'constraints.removedTeams', message: `${team} is not a team of the scenario` });
  return errors;
}
