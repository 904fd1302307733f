/** One criterion of a scoring model: its weight and the scale its raw scores are given on. */
export interface Criterion {
  id: string;
  /** Relative weight ≥ 0; weights are normalised to sum to 1. */
  weight: number;
  /** The scale's ends: raw scores must lie in [min, max], min < max. */
  min: number;
  max: number;
  /** 'higher-is-better' (default, e.g. value) or 'lower-is-better' (e.g. risk, cost). */
  direction?: 'higher-is-better' | 'lower-is-better';
}

export interface CriterionScore {
  criterion: string;
  raw: number;
  /** The raw score mapped onto [0, 1], 1 the best end of the scale. */
  normalised: number;
  /** The criterion's share of the total weight. */
  weight: number;
  /** weight × normalised: this criterion's part of the score. */
  contribution: number;
}

export interface WeightedScore {
  /** Σ contributions, in [0, 1]. */
  score: number;
  breakdown: CriterionScore[];
}

/** Everything wrong with a scoring model, as messages (empty when it is valid). */
export function findScoringModelErrors(criteria: readonly Criterion[]): string[] {
  const errors: string[] = [];
  if (criteria.length === 0) errors.push('a scoring model needs at least one criterion');
  const ids = new Set<string>();
  for (const c of criteria) {
    if (ids.has(c.id)) errors.push(`criterion "${c.id}" appears twice`);
    ids.add(c.id);
    if (!(Number.isFinite(c.weight) && c.weight >= 0))
      errors.push(`${c.id}: weight must be a finite number ≥ 0`);
    if (!(Number.isFinite(c.min) && Number.isFinite(c.max) && c.min < c.max)) {
      errors.push(`${c.id}: the scale needs finite min < max, got ${c.min}..${c.max}`);
    }
  }
  if (criteria.length > 0 && criteria.every((c) => c.weight === 0))
    errors.push('at least one weight must be > 0');
  return errors;
}

/**
 * Weighted-sum score (simple additive weighting; Keeney & Raiffa, "Decisions with Multiple
 * Objectives", 1976, additive value model): each raw score is normalised linearly onto [0, 1]
 * over its criterion's scale (reversed for lower-is-better criteria), weights are normalised to
 * sum to 1, and the score is Σ weight × normalised. Throws a RangeError for an invalid model, a
 * missing score or a score off its scale.
 *
 * @example
 * computeWeightedScore(
 *   [{ id: 'value', weight: 3, min: 1, max: 5 }, { id: 'risk', weight: 1, min: 1, max: 5, direction: 'lower-is-better' }],
 *   { value: 4, risk: 2 },
 * ).score; // 0.75 × 0.75 + 0.25 × 0.75 = 0.75
 */
export function computeWeightedScore(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number>>,
): WeightedScore {
  const errors = findScoringModelErrors(criteria);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  const breakdown = criteria.map((c) => {
    const raw = scores[c.id];
    if (raw === undefined || !Number.isFinite(raw))
      throw new RangeError(`missing score for criterion "${c.id}"`);
    if (raw < c.min || raw > c.max)
      throw new RangeError(`${c.id}: score ${raw} is outside its scale ${c.min}..${c.max}`);
    const up = (raw - c.min) / (c.max - c.min);
    const normalised = c.direction === 'lower-is-better' ? 1 - up : up;
    const weight = c.weight / totalWeight;
    return { criterion: c.id, raw, normalised, weight, contribution: weight * normalised };
  });
  return { score: breakdown.reduce((s, b) => s + b.contribution, 0), breakdown };
}
