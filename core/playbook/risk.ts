import { addDays } from '../flow/utc-days';
import type { RiskRating, RiskTrend } from './vocabulary';

// Qualitative risk analysis on a probability × impact matrix (PMBOK 7th ed. §4.6.5; PMI Practice
// Standard for Project Risk Management, 2009, probability and impact matrix). Levels run 1..size;
// the score is probability level × impact level, so a 5×5 matrix scores 1..25.

export interface RiskMatrix {
  /** One band per probability level, lowest first; `value` is the band's probability (0–1) used for EMV. */
  probabilities: { label: string; value: number }[];
  impacts: { label: string }[];
  /** Scores at or above `high` rate high, at or above `medium` medium, the rest low. */
  thresholds: { medium: number; high: number };
  /** Days between reviews of an open risk before it is flagged overdue. */
  reviewIntervalDays: number;
}

/** The default 5×5 matrix; probability midpoints 10 %, 30 %, 50 %, 70 %, 90 % as in the PMI practice standard. */
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  probabilities: [
    { label: 'Very low', value: 0.1 },
    { label: 'Low', value: 0.3 },
    { label: 'Medium', value: 0.5 },
    { label: 'High', value: 0.7 },
    { label: 'Very high', value: 0.9 },
  ],
  impacts: [
    { label: 'Very low' },
    { label: 'Low' },
    { label: 'Medium' },
    { label: 'High' },
    { label: 'Very high' },
  ],
  thresholds: { medium: 5, high: 12 },
  reviewIntervalDays: 30,
};

/** Everything wrong with a matrix (empty when valid). */
export function findRiskMatrixErrors(m: RiskMatrix): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const size = m.probabilities.length;
  if (size !== 5) errors.push({ field: 'riskMatrix.probabilities', message: 'must have 5 levels' });
  if (m.impacts.length !== 5) errors.push({ field: 'riskMatrix.impacts', message: 'must have 5 levels' });
  m.probabilities.forEach((p, i) => {
    if (!(p.value > 0 && p.value < 1))
      errors.push({ field: `riskMatrix.probabilities.${i}.value`, message: 'must be between 0 and 1' });
    const prev = m.probabilities[i - 1];
    if (prev && p.value <= prev.value)
      errors.push({ field: `riskMatrix.probabilities.${i}.value`, message: 'must increase with the level' });
  });
  const max = size * m.impacts.length;
  if (!(m.thresholds.medium >= 1 && m.thresholds.medium < m.thresholds.high && m.thresholds.high <= max))
    errors.push({ field: 'riskMatrix.thresholds', message: `need 1 ≤ medium < high ≤ ${max}` });
  return errors;
}

/** Probability level × impact level. @example scoreRisk(4, 5) // 20 */
export const scoreRisk = (probability: number, impact: number): number => probability * impact;

/** low / medium / high by the matrix thresholds. @example rateRiskScore(12, DEFAULT_RISK_MATRIX) // 'high' */
export function rateRiskScore(score: number, matrix: RiskMatrix): RiskRating {
  if (score >= matrix.thresholds.high) return 'high';
  if (score >= matrix.thresholds.medium) return 'medium';
  return 'low';
}

/**
 * Expected monetary value of a threat: probability × cost impact (PMBOK 7th ed. §4.6.5; a 30 %
 * chance of a £40,000 overrun has EMV £12,000). Null when the cost impact is unknown.
 */
export function computeExpectedMonetaryValue(
  probabilityLevel: number,
  costImpact: number | null,
  matrix: RiskMatrix,
): number | null {
  if (costImpact === null) return null;
  const p = matrix.probabilities[probabilityLevel - 1]?.value;
  return p === undefined ? null : p * costImpact;
}

/** Direction of the last score change in a risk's history (oldest first). */
export function computeRiskTrend(history: readonly { score: number }[]): RiskTrend {
  const last = history.at(-1);
  const previous = history.at(-2);
  if (!last || !previous) return 'new';
  if (last.score > previous.score) return 'rising';
  if (last.score < previous.score) return 'falling';
  return 'stable';
}

/** Counts of risks per cell: `cells[p - 1][i - 1]` for probability level p and impact level i. */
export function computeRiskHeatMap(
  risks: readonly { probability: number; impact: number }[],
  size = 5,
): number[][] {
  const cells = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const r of risks) {
    const row = cells[r.probability - 1];
    if (row && r.impact >= 1 && r.impact <= size) row[r.impact - 1] = (row[r.impact - 1] ?? 0) + 1;
  }
  return cells;
}

export interface RiskFlagInput {
  status: string;
  /** When the owner last reviewed it (YYYY-MM-DD), or when it was raised. */
  lastReviewedOn: string;
  nextReviewOn: string | null;
  trend: RiskTrend;
  rating: RiskRating;
  responseStrategy: string | null;
}

export type RiskFlag = 'review_overdue' | 'escalating';

/**
 * Flags of an open risk on `asOf`: `review_overdue` when its next review date has passed (or, with
 * none set, the matrix's review interval since the last review); `escalating` when its score is
 * rising or it is high with the response `escalate`.
 */
export function flagRisk(risk: RiskFlagInput, asOf: string, matrix: RiskMatrix): RiskFlag[] {
  if (risk.status !== 'open') return [];
  const flags: RiskFlag[] = [];
  const due = risk.nextReviewOn ?? addDays(risk.lastReviewedOn, matrix.reviewIntervalDays);
  if (due < asOf) flags.push('review_overdue');
  if (risk.trend === 'rising' || (risk.rating === 'high' && risk.responseStrategy === 'escalate'))
    flags.push('escalating');
  return flags;
}
