import {
  type ConstraintGroup,
  groupKey,
  listExclusionPairs,
  type PortfolioPlan,
  type PortfolioProblem,
} from './problem';

/**
 * Time-indexed binary formulation of portfolio selection and scheduling, written as CPLEX LP text
 * for HiGHS. x[i,t] = 1 when candidate i starts in period t (Pritsker, Watters & Wolfe 1969,
 * "Multiproject scheduling with limited resources: a zero-one programming approach"; the selection
 * core is the multidimensional knapsack of REFERENCES.md §6.1).
 *
 *   max  Σ v_i x[i,t]
 *   s.t. Σ_t x[i,t] ≤ 1 (= 1 when mandatory)                                   assign_i
 *        Σ_i Σ_{t ≤ p < t+d_i} cost_i[p−t] x[i,t] ≤ budget_p                    bud_p
 *        Σ_i Σ_{t ≤ p < t+d_i} demand_i,k[p−t] x[i,t] ≤ capacity_k,p            cap_k_p
 *        Σ_{s ≤ t} x[b,s] ≤ Σ_{s ≤ t − d_a} x[a,s]  for every t, b after a       dep_b_a_t
 *        Σ_t x[j,t] ≤ Σ_t x[i,t]  for j requires i (selection only)              req_j_i
 *        Σ_t x[a,t] + Σ_t x[c,t] ≤ 1  for a, c mutually exclusive                 excl_a_c
 *
 * The dependency rows are the disaggregated ("strong") precedence form: "b started by t implies a
 * started by t − d_a"; at the last t it also gives selected_b ≤ selected_a. Its LP relaxation is
 * tighter than the aggregated start_b ≥ start_a + d_a with a big-M.
 */

/** One binary column: candidate index and start period. */
export interface ModelColumn {
  name: string;
  candidate: number;
  start: number;
}

/** One row in the order written; resource rows carry what the shadow-price sentences need. */
export interface ModelRow {
  name: string;
  group?: ConstraintGroup;
  resource?: { kind: 'budget' | 'capacity'; skill?: string; period: number; limit: number };
}

export interface PortfolioModel {
  lp: string;
  columns: ModelColumn[];
  rows: ModelRow[];
}

export interface ModelOptions {
  /** LP relaxation: 0 ≤ x ≤ 1 instead of binary (for bounds and shadow prices). */
  relax?: boolean;
  /** Keys (groupKey) of constraint groups to leave out, for the deletion filter. */
  dropped?: ReadonlySet<string>;
  /** Only these candidate indices (must be closed under dependsOn). */
  only?: ReadonlySet<number>;
  /** Zero objective: only feasibility matters. */
  feasibilityOnly?: boolean;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15))));

function writeTerms(terms: [number, string][]): string {
  const parts = terms.map(([c, v]) => `${c < 0 ? '-' : '+'} ${fmt(Math.abs(c))} ${v}`);
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(' '));
  return lines.join('\n   ');
}

/** Builds the LP text and the maps back from columns and rows to candidates and constraints. */
export function buildPortfolioModel(problem: PortfolioProblem, options: ModelOptions = {}): PortfolioModel {
  const dropped = options.dropped ?? new Set<string>();
  const { candidates, periods } = problem;
  const included = (i: number) => options.only === undefined || options.only.has(i);
  const starts: number[][] = candidates.map((c, i) => {
    if (!included(i)) return [];
    const relaxed = dropped.has(groupKey({ kind: 'window', candidate: c.id }));
    const lo = relaxed ? 0 : c.earliestStart;
    const hi = relaxed ? periods - c.duration : c.latestStart;
    return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, k) => lo + k);
  });
  const columns: ModelColumn[] = [];
  const name = (i: number, t: number) => `x${i}_${t}`;
  starts.forEach((ts, i) => {
    for (const t of ts) columns.push({ name: name(i, t), candidate: i, start: t });
  });
  const rows: ModelRow[] = [];
  const body: string[] = [];
  const addRow = (row: ModelRow, terms: [number, string][], sense: '<=' | '=', rhs: number) => {
    if (terms.length === 0) return;
    rows.push(row);
    body.push(` ${row.name}: ${writeTerms(terms)} ${sense} ${fmt(rhs)}`);
  };
  candidates.forEach((c, i) => {
    if (!included(i)) return;
    const group: ConstraintGroup = { kind: 'mandatory', candidate: c.id };
    const forced = c.mandatory && !dropped.has(groupKey(group));
    const terms = (starts[i] ?? []).map((t): [number, string] => [1, name(i, t)]);
    if (c.mandatory && terms.length === 0 && forced) {
      // A mandatory candidate with no start left: an always-false row keeps the infeasibility visible.
      rows.push({ name: `assign_${i}`, group });
      body.push(` assign_${i}: 0 ${columns[0]?.name ?? 'x_none'} = 1`);
      return;
    }
    addRow(
      c.mandatory ? { name: `assign_${i}`, group } : { name: `assign_${i}` },
      terms,
      forced ? '=' : '<=',
      1,
    );
  });
  const resourceRow = (
    limits: number[],
    use: (i: number) => number[],
    kind: 'budget' | 'capacity',
    skill?: string,
  ) => {
    for (let p = 0; p < periods; p++) {
      const limit = limits[p] ?? Number.POSITIVE_INFINITY;
      const group: ConstraintGroup =
        kind === 'budget' ? { kind, period: p } : { kind, skill: skill ?? '', period: p };
      if (!Number.isFinite(limit) || dropped.has(groupKey(group))) continue;
      const terms: [number, string][] = [];
      starts.forEach((ts, i) => {
        const series = use(i);
        for (const t of ts) {
          const amount = series[p - t] ?? 0;
          if (p >= t && amount !== 0) terms.push([amount, name(i, t)]);
        }
      });
      const rowName =
        kind === 'budget' ? `bud_${p}` : `cap_${Object.keys(problem.capacity).indexOf(skill ?? '')}_${p}`;
      addRow(
        { name: rowName, group, resource: { kind, ...(skill ? { skill } : {}), period: p, limit } },
        terms,
        '<=',
        limit,
      );
    }
  };
  if (problem.budget) resourceRow(problem.budget, (i) => candidates[i]?.cost ?? [], 'budget');
  for (const [skill, limits] of Object.entries(problem.capacity))
    resourceRow(limits, (i) => candidates[i]?.demand[skill] ?? [], 'capacity', skill);
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  candidates.forEach((b, bi) => {
    for (const aId of b.dependsOn) {
      const ai = index.get(aId);
      const group: ConstraintGroup = { kind: 'dependency', candidate: b.id, dependsOn: aId };
      if (ai === undefined || !included(bi) || dropped.has(groupKey(group))) continue;
      const da = candidates[ai]?.duration ?? 0;
      for (const t of starts[bi] ?? []) {
        const terms: [number, string][] = (starts[bi] ?? [])
          .filter((s) => s <= t)
          .map((s) => [1, name(bi, s)]);
        for (const s of starts[ai] ?? []) if (s + da <= t) terms.push([-1, name(ai, s)]);
        addRow({ name: `dep_${bi}_${ai}_${t}`, group }, terms, '<=', 0);
      }
    }
  });
  candidates.forEach((j, ji) => {
    for (const iId of j.requires) {
      const ii = index.get(iId);
      const group: ConstraintGroup = { kind: 'requirement', candidate: j.id, requires: iId };
      if (ii === undefined || !included(ji) || dropped.has(groupKey(group))) continue;
      const terms: [number, string][] = (starts[ji] ?? []).map((t) => [1, name(ji, t)]);
      for (const s of starts[ii] ?? []) terms.push([-1, name(ii, s)]);
      addRow({ name: `req_${ji}_${ii}`, group }, terms, '<=', 0);
    }
  });
  for (const [a, c] of listExclusionPairs(problem)) {
    const ids: [string, string] = [candidates[a]?.id ?? '', candidates[c]?.id ?? ''];
    const group: ConstraintGroup = { kind: 'exclusion', candidates: ids };
    if (!included(a) || !included(c) || dropped.has(groupKey(group))) continue;
    const terms = [a, c].flatMap((i) => (starts[i] ?? []).map((t): [number, string] => [1, name(i, t)]));
    addRow({ name: `excl_${a}_${c}`, group }, terms, '<=', 1);
  }
  const objective = options.feasibilityOnly
    ? []
    : columns
        .map((col): [number, string] => [candidates[col.candidate]?.value ?? 0, col.name])
        .filter(([v]) => v !== 0);
  const firstColumn = columns[0]?.name;
  const objectiveText = objective.length > 0 ? writeTerms(objective) : firstColumn ? `0 ${firstColumn}` : '';
  const names = columns.map((c) => c.name);
  const declare: string[] = [];
  for (let k = 0; k < names.length; k += 12) declare.push(` ${names.slice(k, k + 12).join(' ')}`);
  const lp = [
    'Maximize',
    ` obj: ${objectiveText}`,
    'Subject To',
    ...body,
    'Bounds',
    ...names.map((n) => ` 0 <= ${n} <= 1`),
    ...(options.relax || names.length === 0 ? [] : ['Binary', ...declare]),
    'End',
    '',
  ].join('\n');
  return { lp, columns, rows };
}

/** Reads a plan from column values (x ≥ 0.5 means "starts here"), sorted by start then id. */
export function decodePlan(
  problem: PortfolioProblem,
  model: PortfolioModel,
  columnValue: (column: ModelColumn, index: number) => number,
): PortfolioPlan {
  const selected = model.columns
    .filter((col, k) => columnValue(col, k) > 0.5)
    .map((col) => ({ id: problem.candidates[col.candidate]?.id ?? '', start: col.start }));
  selected.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { selected };
}

/** Column values (0/1) of a plan, for a MIP start; columns the plan does not use are 0. */
export function encodePlan(problem: PortfolioProblem, model: PortfolioModel, plan: PortfolioPlan): number[] {
  const chosen = new Set(plan.selected.map((s) => `${s.id}\u0000${s.start}`));
  return model.columns.map((col) =>
    chosen.has(`${problem.candidates[col.candidate]?.id}\u0000${col.start}`) ? 1 : 0,
  );
}
