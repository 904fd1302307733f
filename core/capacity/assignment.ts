// Assignment suggestions for open demand: a transportation problem (Hitchcock 1941; Dantzig 1951)
// in which each open request or movable soft booking is a source of hours per period and each
// person a sink with free hours per period. Pure: builds the LP, decodes a solution, and provides
// the greedy fallback used when no solver is available.

export interface AssignmentDemand {
  id: string;
  /** `request`: open demand; `soft`: a soft booking that may move to someone else. */
  kind: 'request' | 'soft';
  projectId: string;
  /** The skill asked for; null when only a role is. */
  skill: string | null;
  /** The role asked for (a person's title); null or absent when only a skill is. */
  role?: string | null;
  /** Lowest acceptable proficiency 1–5 in the skill (default 1). */
  minProficiency?: number;
  /** Hours asked for per period. */
  hours: readonly number[];
  /** For a soft booking: who holds it now. */
  currentPersonId?: string;
}

export interface AssignmentCandidate {
  personId: string;
  name: string;
  /** Proficiency 1–5 per skill, keys in lower case. */
  skills: Readonly<Record<string, number>>;
  /** The person's role (title), if any. */
  role?: string | null;
  /** Free hours per period: capacity less every booking that is not movable (may be negative). */
  free: readonly number[];
}

export interface AssignmentWeights {
  /** Cost per hour per proficiency point below 5 (a worse match costs more). */
  mismatch: number;
  /** Cost per hour of moving a soft booking away from its holder. */
  move: number;
  /** Cost per hour above a person's capacity. */
  overload: number;
  /** Cost per hour of open demand left uncovered (below `overload`: never overload to cover). */
  unmet: number;
}

export const DEFAULT_ASSIGNMENT_WEIGHTS: AssignmentWeights = {
  mismatch: 1,
  move: 2,
  overload: 50,
  unmet: 20,
};

export interface AssignmentProblem {
  periods: readonly string[];
  demands: readonly AssignmentDemand[];
  candidates: readonly AssignmentCandidate[];
  weights?: Partial<AssignmentWeights>;
}

/** Share x of demand d given to candidate c. */
export interface AssignmentColumn {
  name: string;
  demand: number;
  candidate: number | null;
}

export interface AssignmentModel {
  lp: string;
  /** The x (share) and u (unmet share) columns, in the order a solution is decoded. */
  columns: AssignmentColumn[];
  rows: { name: string }[];
}

export interface Allocation {
  personId: string;
  name: string;
  /** Proficiency in the demand's skill; null for a demand by role only. */
  proficiency: number | null;
  share: number;
  hours: number;
  reason: string;
}

export interface DemandSuggestion {
  demandId: string;
  kind: AssignmentDemand['kind'];
  projectId: string;
  skill: string | null;
  role: string | null;
  totalHours: number;
  allocations: Allocation[];
  unmetHours: number;
  reason: string;
}

const totalOf = (hours: readonly number[]) => hours.reduce((s, h) => s + h, 0);
const lower = (s: string) => s.trim().toLowerCase();
const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

function weightsOf(problem: AssignmentProblem): AssignmentWeights {
  return { ...DEFAULT_ASSIGNMENT_WEIGHTS, ...problem.weights };
}

/** What a demand asks for, in words: "Java", "Developer", or "Developer with Java". */
export function describeDemand(d: Pick<AssignmentDemand, 'skill' | 'role'>): string {
  if (d.role && d.skill) return `${d.role} with ${d.skill}`;
  return d.role ?? d.skill ?? 'anyone';
}

/** A candidate's proficiency in the demand's skill; null when the demand names no skill. */
function proficiencyFor(d: AssignmentDemand, c: AssignmentCandidate): number | null {
  return d.skill ? (c.skills[lower(d.skill)] ?? 0) : null;
}

/**
 * Candidates allowed for a demand: those in its role (title, case-insensitive) when it names one
 * and with its skill at the minimum proficiency when it names one; plus a soft booking's holder.
 */
export function listEligible(problem: AssignmentProblem, d: AssignmentDemand): number[] {
  const min = d.minProficiency ?? 1;
  const out: number[] = [];
  problem.candidates.forEach((c, i) => {
    const inRole = !d.role || (c.role ? lower(c.role) === lower(d.role) : false);
    const skilled = !d.skill || (c.skills[lower(d.skill)] ?? 0) >= min;
    if ((inRole && skilled && (d.role || d.skill)) || c.personId === d.currentPersonId) out.push(i);
  });
  return out;
}

// A demand by role only grades nobody: everyone in the role matches it equally (no mismatch cost),
// so free hours decide between them.
function costPerHour(w: AssignmentWeights, d: AssignmentDemand, c: AssignmentCandidate): number {
  const proficiency = proficiencyFor(d, c) ?? 5;
  const move = d.kind === 'soft' && c.personId !== d.currentPersonId ? w.move : 0;
  return w.mismatch * (5 - Math.min(5, proficiency)) + move;
}

/**
 * The LP (CPLEX LP text): minimise Σ cost·H_d·x[d,c] + overload·Σ o[c,p] + unmet·H_d·u[d]
 * subject to Σ_c x[d,c] + u[d] = 1 for each demand (u only for requests: a soft booking must stay
 * somewhere), Σ_d h[d,p]·x[d,c] − o[c,p] ≤ free[c,p] for each person and period, 0 ≤ x, u ≤ 1,
 * o ≥ 0. The constraint matrix is that of a transportation problem with a slack per sink.
 */
export function buildAssignmentModel(problem: AssignmentProblem): AssignmentModel {
  const w = weightsOf(problem);
  const columns: AssignmentColumn[] = [];
  const objective: string[] = [];
  const rows: { name: string }[] = [];
  const constraints: string[] = [];
  const bounds: string[] = [];
  const load = new Map<string, string[]>();
  problem.demands.forEach((d, di) => {
    const total = totalOf(d.hours);
    const terms: string[] = [];
    for (const ci of listEligible(problem, d)) {
      const c = problem.candidates[ci] as AssignmentCandidate;
      const name = `x${di}_${ci}`;
      columns.push({ name, demand: di, candidate: ci });
      objective.push(`${num(costPerHour(w, d, c) * total)} ${name}`);
      terms.push(name);
      bounds.push(` 0 <= ${name} <= 1`);
      d.hours.forEach((h, p) => {
        if (h <= 0) return;
        const key = `${ci}_${p}`;
        load.set(key, [...(load.get(key) ?? []), `${num(h)} ${name}`]);
      });
    }
    if (d.kind === 'request') {
      const name = `u${di}`;
      columns.push({ name, demand: di, candidate: null });
      objective.push(`${num(w.unmet * total)} ${name}`);
      terms.push(name);
      bounds.push(` 0 <= ${name} <= 1`);
    }
    if (terms.length === 0) return;
    rows.push({ name: `cover${di}` });
    constraints.push(` cover${di}: ${terms.join(' + ')} = 1`);
  });
  for (const [key, terms] of load) {
    const [ci, p] = key.split('_').map(Number) as [number, number];
    const free = problem.candidates[ci]?.free[p] ?? 0;
    objective.push(`${num(w.overload)} o${key}`);
    rows.push({ name: `cap${key}` });
    constraints.push(` cap${key}: ${terms.join(' + ')} - o${key} <= ${num(free)}`);
  }
  const lp = [
    'Minimize',
    ` obj: ${objective.length > 0 ? objective.join(' + ') : '0'}`,
    'Subject To',
    ...(constraints.length > 0 ? constraints : [' empty: 0 = 0']),
    'Bounds',
    ...bounds,
    'End',
    '',
  ].join('\n');
  return { lp, columns, rows };
}

/** Suggestions from the shares of a solved model (values in `model.columns` order). */
export function decodeAssignment(
  problem: AssignmentProblem,
  model: AssignmentModel,
  values: readonly number[],
): DemandSuggestion[] {
  const shares = problem.demands.map(() => new Map<number, number>());
  model.columns.forEach((col, k) => {
    const v = values[k] ?? 0;
    if (col.candidate !== null && v > 1e-6) shares[col.demand]?.set(col.candidate, v);
  });
  return presentSuggestions(problem, shares);
}

/**
 * Greedy fallback: demands with the most hours first; a soft booking stays with its holder when
 * they have room; otherwise the best-matching people (highest proficiency, then most free hours)
 * take as large a share as fits in every period without overload. What is left of a request is
 * unmet; what is left of a soft booking stays with its holder.
 */
export function computeGreedyAssignment(problem: AssignmentProblem): DemandSuggestion[] {
  const w = weightsOf(problem);
  const free = problem.candidates.map((c) => [...c.free]);
  const order = problem.demands
    .map((_, i) => i)
    .sort((a, b) => {
      const ha = totalOf(problem.demands[a]?.hours ?? []);
      const hb = totalOf(problem.demands[b]?.hours ?? []);
      return hb - ha || a - b;
    });
  const shares = problem.demands.map(() => new Map<number, number>());
  const fits = (ci: number, d: AssignmentDemand) => {
    let f = 1;
    d.hours.forEach((h, p) => {
      if (h > 0) f = Math.min(f, Math.max(0, free[ci]?.[p] ?? 0) / h);
    });
    return f;
  };
  const take = (di: number, ci: number, share: number) => {
    const d = problem.demands[di] as AssignmentDemand;
    d.hours.forEach((h, p) => {
      const row = free[ci];
      if (row) row[p] = (row[p] ?? 0) - h * share;
    });
    shares[di]?.set(ci, (shares[di]?.get(ci) ?? 0) + share);
  };
  for (const di of order) {
    const d = problem.demands[di] as AssignmentDemand;
    let left = 1;
    const holder = problem.candidates.findIndex((c) => c.personId === d.currentPersonId);
    if (holder >= 0 && fits(holder, d) >= 1 - 1e-9) {
      take(di, holder, 1);
      continue;
    }
    const eligible = listEligible(problem, d)
      .filter((ci) => ci !== holder)
      .sort((a, b) => {
        const ca = costPerHour(w, d, problem.candidates[a] as AssignmentCandidate);
        const cb = costPerHour(w, d, problem.candidates[b] as AssignmentCandidate);
        return ca - cb || totalOf(free[b] ?? []) - totalOf(free[a] ?? []) || a - b;
      });
    if (holder >= 0) eligible.unshift(holder);
    for (const ci of eligible) {
      if (left <= 1e-9) break;
      const share = Math.min(left, fits(ci, d));
      if (share <= 1e-9) continue;
      take(di, ci, share);
      left -= share;
    }
    if (d.kind === 'soft' && left > 1e-9 && holder >= 0) take(di, holder, left);
  }
  return presentSuggestions(problem, shares);
}

function presentSuggestions(problem: AssignmentProblem, shares: Map<number, number>[]): DemandSuggestion[] {
  const freeBefore = problem.candidates.map((c) => [...c.free]);
  return problem.demands.map((d, di) => {
    const total = totalOf(d.hours);
    const allocations: Allocation[] = [...(shares[di] ?? new Map<number, number>())]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([ci, share]) => {
        const c = problem.candidates[ci] as AssignmentCandidate;
        const proficiency = proficiencyFor(d, c);
        const window = d.hours.reduce(
          (s, h, p) => (h > 0 ? s + Math.max(0, freeBefore[ci]?.[p] ?? 0) : s),
          0,
        );
        const hours = share * total;
        const kept = c.personId === d.currentPersonId;
        const overload = d.hours.reduce(
          (s, h, p) => s + Math.max(0, h * share - Math.max(0, freeBefore[ci]?.[p] ?? 0)),
          0,
        );
        const parts = [
          kept
            ? 'keeps the booking'
            : [
                d.role ? `in the role ${d.role}` : null,
                d.skill ? `${d.skill} proficiency ${proficiency}/5` : null,
              ]
                .filter((x) => x !== null)
                .join(', '),
          `${Math.round(window)} h free in the periods asked`,
          overload > 0.5 ? `goes ${Math.round(overload)} h over capacity` : 'stays within capacity',
        ];
        return { personId: c.personId, name: c.name, proficiency, share, hours, reason: parts.join('; ') };
      });
    const covered = allocations.reduce((s, a) => s + a.hours, 0);
    const unmetHours = Math.max(0, total - covered);
    const asked = describeDemand(d);
    const moved = d.kind === 'soft' && allocations.some((a) => a.personId !== d.currentPersonId);
    const reason =
      d.kind === 'soft'
        ? moved
          ? 'soft booking of an over-allocated person: moving it relieves the overload'
          : 'soft booking: nobody with the skill has room, it stays where it is'
        : unmetHours > 0.5
          ? `${Math.round(unmetHours)} h cannot be covered without overloading anyone (${asked}): hire, contract or re-plan`
          : `covered by the best match for ${asked} with room`;
    return {
      demandId: d.id,
      kind: d.kind,
      projectId: d.projectId,
      skill: d.skill,
      role: d.role ?? null,
      totalHours: total,
      allocations,
      unmetHours,
      reason,
    };
  });
}
