/**
 * Guarded division for EVM indices: a zero (or missing) denominator gives null and a warning
 * naming the figure, never Infinity or NaN; so does a missing (null) operand, which comes from an
 * earlier undefined figure. A denominator within rounding error of zero
 * (|d| ≤ 1e-12 × `scale`) counts as zero, so EAC − AC after EV = BAC does not give 10^15.
 *
 * @example
 * const warnings: string[] = [];
 * divideOrNull(35, 0, 'CPI', 'AC is 0', warnings); // null; warnings = ['CPI is undefined: AC is 0']
 */
export function divideOrNull(
  numerator: number | null,
  denominator: number | null,
  figure: string,
  reason: string,
  warnings: string[],
  scale = 0,
): number | null {
  if (numerator === null || denominator === null) {
    warnings.push(`${figure} is undefined: it depends on a figure that is undefined`);
    return null;
  }
  if (denominator === 0 || Math.abs(denominator) <= 1e-12 * Math.abs(scale)) {
    warnings.push(`${figure} is undefined: ${reason}`);
    return null;
  }
  const value = numerator / denominator;
  if (!Number.isFinite(value)) {
    warnings.push(`${figure} is undefined: ${reason}`);
    return null;
  }
  // 0 / −100 is −0 in IEEE 754; an index of "minus nothing" means nothing, so answer 0.
  return value === 0 ? 0 : value;
}
