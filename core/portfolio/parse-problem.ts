import type { Candidate, PortfolioProblem } from './problem';

/** A malformed portfolio file; `issues` lists every problem found, one sentence each. */
export class ProblemFormatError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid portfolio file: ${issues.join('; ')}`);
    this.name = 'ProblemFormatError';
  }
}

type Issues = string[];
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isNonNegativeInt = (v: unknown): v is number => isNonNegative(v) && Number.isInteger(v);

function readSeries(v: unknown, length: number, where: string, issues: Issues): number[] {
  if (!Array.isArray(v)) {
    issues.push(`${where} must be an array of ${length} numbers`);
    return [];
  }
  if (v.length !== length) issues.push(`${where} has ${v.length} entries, expected ${length}`);
  if (!v.every(isNonNegative)) issues.push(`${where} must hold non-negative numbers only`);
  return v.filter(isNonNegative);
}

function readIds(v: unknown, where: string, issues: Issues): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    issues.push(`${where} must be an array of candidate ids`);
    return [];
  }
  return [...new Set(v as string[])];
}

function readCandidate(raw: unknown, i: number, periods: number, hasBudget: boolean, issues: Issues) {
  const at = `candidates[${i}]`;
  if (!isObject(raw)) {
    issues.push(`${at} must be an object`);
    return undefined;
  }
  const id = raw.id;
  if (typeof id !== 'string' || id === '') issues.push(`${at}.id must be a non-empty string`);
  const name = typeof id === 'string' && id !== '' ? `candidate '${id}'` : at;
  if (!isNonNegative(raw.value)) issues.push(`${name}: value must be a non-negative number`);
  const duration = raw.duration;
  const durationOk = isNonNegativeInt(duration) && duration >= 1;
  if (!durationOk) issues.push(`${name}: duration must be a whole number of periods, at least 1`);
  else if (duration > periods) issues.push(`${name}: duration ${duration} exceeds the ${periods} periods`);
  const d = durationOk ? duration : 0;
  // A missing cost is zero cost when no budget is set; with a budget it is almost surely an omission.
  let cost: number[] = new Array<number>(d).fill(0);
  if (raw.cost !== undefined) cost = readSeries(raw.cost, d, `${name}: cost`, issues);
  else if (hasBudget) issues.push(`${name}: cost is missing (the file sets a budget)`);
  const demand: Record<string, number[]> = {};
  if (raw.demand !== undefined) {
    if (!isObject(raw.demand)) issues.push(`${name}: demand must be an object of skill → per-period array`);
    else
      for (const [skill, series] of Object.entries(raw.demand)) {
        demand[skill] = readSeries(series, d, `${name}: demand of '${skill}'`, issues);
      }
  }
  const last = periods - d;
  const earliestStart = raw.earliestStart ?? 0;
  const latestStart = raw.latestStart ?? Math.max(last, 0);
  if (!isNonNegativeInt(earliestStart)) issues.push(`${name}: earliestStart must be a whole number ≥ 0`);
  if (!isNonNegativeInt(latestStart)) issues.push(`${name}: latestStart must be a whole number ≥ 0`);
  if (durationOk && d <= periods && isNonNegativeInt(earliestStart) && isNonNegativeInt(latestStart)) {
    if (latestStart > last)
      issues.push(`${name}: latestStart ${latestStart} would run past the last period (at most ${last})`);
    if (earliestStart > latestStart)
      issues.push(`${name}: earliestStart ${earliestStart} is after latestStart ${latestStart}`);
  }
  if (raw.mandatory !== undefined && typeof raw.mandatory !== 'boolean')
    issues.push(`${name}: mandatory must be true or false`);
  const candidate: Candidate = {
    id: typeof id === 'string' ? id : '',
    value: isNonNegative(raw.value) ? raw.value : 0,
    duration: d,
    cost,
    demand,
    earliestStart: isNonNegativeInt(earliestStart) ? earliestStart : 0,
    latestStart: isNonNegativeInt(latestStart) ? latestStart : 0,
    mandatory: raw.mandatory === true,
    dependsOn: readIds(raw.dependsOn, `${name}: dependsOn`, issues),
    requires: readIds(raw.requires, `${name}: requires`, issues),
    excludes: readIds(raw.excludes, `${name}: excludes`, issues),
  };
  return candidate;
}

/** Reports references to unknown or own ids, and dependency cycles (which would make every candidate on the cycle unselectable). */
function checkReferences(candidates: Candidate[], issues: Issues): void {
  const ids = new Set<string>();
  for (const c of candidates) {
    if (c.id === '') continue;
    if (ids.has(c.id)) issues.push(`duplicate candidate id '${c.id}'`);
    ids.add(c.id);
  }
  for (const c of candidates)
    for (const [list, field] of [
      [c.dependsOn, 'dependsOn'],
      [c.requires, 'requires'],
      [c.excludes, 'excludes'],
    ] as const)
      for (const ref of list) {
        if (ref === c.id) issues.push(`candidate '${c.id}': ${field} names itself`);
        else if (!ids.has(ref)) issues.push(`candidate '${c.id}': ${field} names unknown candidate '${ref}'`);
      }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      issues.push(`dependency cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
      return;
    }
    state.set(id, 'open');
    for (const next of byId.get(id)?.dependsOn ?? []) if (byId.has(next)) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const c of candidates) visit(c.id, []);
}

/**
 * Checks a parsed JSON document against the portfolio file format and fills the defaults
 * (`earliestStart` 0, `latestStart` periods − duration, no budget / capacity = unlimited).
 * Throws ProblemFormatError listing every issue.
 *
 * @example
 * parseProblem({ periods: 2, candidates: [{ id: 'a', value: 3, duration: 1 }] }).candidates[0].latestStart; // 1
 */
export function parseProblem(raw: unknown): PortfolioProblem {
  const issues: Issues = [];
  if (!isObject(raw)) throw new ProblemFormatError(['the file must hold a JSON object']);
  const periods = raw.periods;
  if (!isNonNegativeInt(periods) || periods < 1) {
    throw new ProblemFormatError(['periods must be a whole number, at least 1']);
  }
  const budget = raw.budget === undefined ? undefined : readSeries(raw.budget, periods, 'budget', issues);
  const capacity: Record<string, number[]> = {};
  if (raw.capacity !== undefined) {
    if (!isObject(raw.capacity)) issues.push('capacity must be an object of skill → per-period array');
    else
      for (const [skill, series] of Object.entries(raw.capacity)) {
        capacity[skill] = readSeries(series, periods, `capacity of '${skill}'`, issues);
      }
  }
  if (!Array.isArray(raw.candidates))
    throw new ProblemFormatError([...issues, 'candidates must be an array']);
  const candidates = raw.candidates.flatMap((c, i) => {
    const parsed = readCandidate(c, i, periods, budget !== undefined, issues);
    return parsed ? [parsed] : [];
  });
  checkReferences(candidates, issues);
  if (issues.length > 0) throw new ProblemFormatError(issues);
  return budget === undefined ? { periods, capacity, candidates } : { periods, budget, capacity, candidates };
}

/** Skills that candidates demand but `capacity` does not limit (treated as unlimited). */
export function listUnlimitedSkills(problem: PortfolioProblem): string[] {
  const skills = new Set(problem.candidates.flatMap((c) => Object.keys(c.demand)));
  return [...skills].filter((s) => problem.capacity[s] === undefined).sort();
}
