/** SAFe's modified Fibonacci sequence for relative estimates (job size, and often the CoD terms). */
export const MODIFIED_FIBONACCI: readonly number[] = [1, 2, 3, 5, 8, 13, 20, 40, 100];

/** True when `n` is on the modified Fibonacci scale (1, 2, 3, 5, 8, 13, 20, 40, 100). */
export function isModifiedFibonacci(n: number): boolean {
  return MODIFIED_FIBONACCI.includes(n);
}

/** The three cost-of-delay terms and the job size of one item, each scored relative to the others. */
export interface WsjfInput {
  userBusinessValue: number;
  timeCriticality: number;
  /** Risk reduction and/or opportunity enablement. */
  riskReductionOpportunityEnablement: number;
  jobSize: number;
}

export interface WsjfOptions {
  /**
   * 'modified-fibonacci' (default) requires the job size on 1, 2, 3, 5, 8, 13, 20, 40, 100;
   * 'any' accepts any positive size (for teams scoring on another relative scale).
   */
  jobSizeScale?: 'modified-fibonacci' | 'any';
}

export interface Wsjf {
  /** User-business value + time criticality + risk reduction / opportunity enablement. */
  costOfDelay: number;
  /** Cost of delay / job size. */
  wsjf: number;
}

/** Everything wrong with a WSJF input, as messages (empty when it is valid). */
export function findWsjfInputErrors(input: WsjfInput, options: WsjfOptions = {}): string[] {
  const errors: string[] = [];
  const terms = [
    ['userBusinessValue', input.userBusinessValue],
    ['timeCriticality', input.timeCriticality],
    ['riskReductionOpportunityEnablement', input.riskReductionOpportunityEnablement],
  ] as const;
  for (const [name, value] of terms) {
    if (!(Number.isFinite(value) && value >= 0))
      errors.push(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  const scale = options.jobSizeScale ?? 'modified-fibonacci';
  if (scale === 'modified-fibonacci' && !isModifiedFibonacci(input.jobSize)) {
    errors.push(
      `jobSize must be on the modified Fibonacci scale (${MODIFIED_FIBONACCI.join(', ')}), got ${input.jobSize}`,
    );
  } else if (!(Number.isFinite(input.jobSize) && input.jobSize > 0)) {
    errors.push(`jobSize must be a finite number > 0, got ${input.jobSize}`);
  }
  return errors;
}

/**
 * Weighted Shortest Job First (SAFe, "WSJF", Scaled Agile Framework; after Reinertsen, "The
 * Principles of Product Development Flow", 2009, principle F16): cost of delay = user-business
 * value + time criticality + risk reduction / opportunity enablement; WSJF = cost of delay / job
 * size. Do the highest WSJF first. Throws a RangeError listing every invalid field.
 *
 * @example
 * // extrapinchofsalt.com ad-load bug: 7 + 9 + 5 = 21, size 2 → WSJF 10.5
 * computeWsjf({ userBusinessValue: 7, timeCriticality: 9, riskReductionOpportunityEnablement: 5, jobSize: 2 });
 */
export function computeWsjf(input: WsjfInput, options: WsjfOptions = {}): Wsjf {
  const errors = findWsjfInputErrors(input, options);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  const costOfDelay =
    input.userBusinessValue + input.timeCriticality + input.riskReductionOpportunityEnablement;
  return { costOfDelay, wsjf: costOfDelay / input.jobSize };
}
