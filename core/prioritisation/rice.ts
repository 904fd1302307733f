/** Intercom's impact scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. */
export const INTERCOM_IMPACT_SCALE: readonly number[] = [0.25, 0.5, 1, 2, 3];

export interface RiceInput {
  /** People or events per time period (e.g. customers per quarter). */
  reach: number;
  /** Impact per person, on the impact scale. */
  impact: number;
  /** Confidence in the estimates, in percent (0–100; Intercom uses 100, 80 and 50). */
  confidencePercent: number;
  /** Person-months (any positive unit, used consistently). */
  effort: number;
}

export interface RiceOptions {
  /** Allowed impact values (default Intercom's); null accepts any impact ≥ 0. */
  impactScale?: readonly number[] | null;
}

/** Everything wrong with a RICE input, as messages (empty when it is valid). */
export function findRiceInputErrors(input: RiceInput, options: RiceOptions = {}): string[] {
  const errors: string[] = [];
  const scale = options.impactScale === undefined ? INTERCOM_IMPACT_SCALE : options.impactScale;
  if (!(Number.isFinite(input.reach) && input.reach >= 0))
    errors.push(`reach must be a finite number ≥ 0, got ${input.reach}`);
  if (scale !== null && !scale.includes(input.impact)) {
    errors.push(`impact must be one of ${scale.join(', ')}, got ${input.impact}`);
  } else if (!(Number.isFinite(input.impact) && input.impact >= 0)) {
    errors.push(`impact must be a finite number ≥ 0, got ${input.impact}`);
  }
  if (!(input.confidencePercent >= 0 && input.confidencePercent <= 100)) {
    errors.push(`confidencePercent must be between 0 and 100, got ${input.confidencePercent}`);
  }
  if (!(Number.isFinite(input.effort) && input.effort > 0))
    errors.push(`effort must be a finite number > 0, got ${input.effort}`);
  return errors;
}

/**
 * RICE score (McBride, "RICE: Simple prioritization for product managers", Intercom blog, 2016):
 * reach × impact × confidence / effort, with confidence as a fraction. Throws a RangeError
 * listing every invalid field.
 *
 * @example
 * computeRice({ reach: 2000, impact: 2, confidencePercent: 80, effort: 4 }); // 800
 */
export function computeRice(input: RiceInput, options: RiceOptions = {}): number {
  const errors = findRiceInputErrors(input, options);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  return (input.reach * input.impact * (input.confidencePercent / 100)) / input.effort;
}
