import {
  type AssignmentDemand,
  type AssignmentProblem,
  buildAssignmentModel,
  computeGreedyAssignment,
  type DemandSuggestion,
  decodeAssignment,
  type Period,
  sumByPeriod,
} from '../../../core/capacity';
import { loadHighsRuntime, runModel } from '../../optimisation/highs-solver';
import { type CapacityModel, skillOfBooking, TEAM_BOOKING } from './capacity-model';
import { SCHEDULE_BOOKING } from './schedule-demand';

export type SuggestionSolver = 'lp' | 'greedy';

export interface SuggestionResult {
  solver: SuggestionSolver;
  /** Why the greedy fallback ran, when it did. */
  fallbackReason: string | null;
  suggestions: DemandSuggestion[];
}

/**
 * The assignment problem of a window: every open request (what its assignments leave), and every
 * soft booking of a person who is over capacity in a period it touches (it may move). Each
 * person's free hours per period are their capacity less hard bookings and soft bookings that
 * stay put.
 */
export function buildSuggestionProblem(
  model: CapacityModel,
  periods: readonly Period[],
  /** Demand of other projects stays as it is (the caller may not plan what they cannot read). */
  canPlan: (projectId: string) => boolean = () => true,
): AssignmentProblem {
  const sum = (daily: Float64Array) => sumByPeriod(daily, model.fromDay, periods);
  const booked = new Map<string, number[]>();
  for (const b of model.bookings) {
    const row = booked.get(b.personId) ?? periods.map(() => 0);
    sum(b.daily).forEach((h, t) => {
      row[t] = (row[t] ?? 0) + h;
    });
    booked.set(b.personId, row);
  }
  const capacity = new Map(model.people.map((p) => [p.person.id, sum(p.daily)]));
  const demands: AssignmentDemand[] = [];
  const movable = new Set<string>();
  for (const b of model.bookings) {
    // Demand derived from schedules and team bookings moves with them, not person by person: never offered.
    if (
      b.kind !== 'soft' ||
      !canPlan(b.projectId) ||
      b.id.startsWith(SCHEDULE_BOOKING) ||
      b.id.startsWith(TEAM_BOOKING)
    )
      continue;
    const hours = sum(b.daily);
    const cap = capacity.get(b.personId) ?? [];
    const load = booked.get(b.personId) ?? [];
    const over = hours.some((h, t) => h > 0 && (load[t] ?? 0) > (cap[t] ?? 0) + 1e-9);
    const skill = skillOfBooking(model, b);
    if (!over || !skill) continue;
    movable.add(b.id);
    demands.push({
      id: b.id,
      kind: 'soft',
      projectId: b.projectId,
      skill,
      hours,
      currentPersonId: b.personId,
    });
  }
  for (const d of model.openDemand) {
    const hours = sum(d.daily);
    if (!canPlan(d.projectId) || hours.every((h) => h <= 1e-9)) continue;
    demands.push({
      id: d.id,
      kind: 'request',
      projectId: d.projectId,
      skill: d.skill,
      role: d.role,
      minProficiency: d.minProficiency,
      hours,
    });
  }
  const fixed = new Map<string, number[]>();
  for (const b of model.bookings) {
    if (movable.has(b.id)) continue;
    const row = fixed.get(b.personId) ?? periods.map(() => 0);
    sum(b.daily).forEach((h, t) => {
      row[t] = (row[t] ?? 0) + h;
    });
    fixed.set(b.personId, row);
  }
  return {
    periods: periods.map((p) => p.key),
    demands,
    candidates: model.people.map((p) => ({
      personId: p.person.id,
      name: p.person.name,
      skills: p.skills,
      role: p.person.title,
      free: (capacity.get(p.person.id) ?? []).map((c, t) => c - (fixed.get(p.person.id)?.[t] ?? 0)),
    })),
  };
}

/**
 * Solves the problem as an LP with HiGHS in-process (the models are small: demands × eligible
 * people columns), falling back to the greedy rule of core/capacity when asked to or when the
 * solver does not return an optimum.
 */
export async function suggestAssignments(
  problem: AssignmentProblem,
  solver: SuggestionSolver,
): Promise<SuggestionResult> {
  if (solver === 'greedy' || problem.demands.length === 0) {
    return { solver: 'greedy', fallbackReason: null, suggestions: computeGreedyAssignment(problem) };
  }
  const model = buildAssignmentModel(problem);
  try {
    const highs = await loadHighsRuntime();
    const result = runModel(
      highs,
      {
        lp: model.lp,
        columns: model.columns.map((c, k) => ({ name: c.name, candidate: k, start: 0 })),
        rows: model.rows,
      },
      { timeLimitMs: 10_000 },
    );
    if (result.outcome === 'optimal')
      return {
        solver: 'lp',
        fallbackReason: null,
        suggestions: decodeAssignment(problem, model, result.values),
      };
    return {
      solver: 'greedy',
      fallbackReason: `HiGHS ended with "${result.outcome}"`,
      suggestions: computeGreedyAssignment(problem),
    };
  } catch (error) {
    return {
      solver: 'greedy',
      fallbackReason: `HiGHS failed: ${(error as Error).message}`,
      suggestions: computeGreedyAssignment(problem),
    };
  }
}
