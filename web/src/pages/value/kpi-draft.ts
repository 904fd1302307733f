// The KPI definition form as a pure module: a record → the text the form shows, the text → the
// API body, and field messages under the API's names (`threshold`, `valueStreamId`), checked with
// the server's own rule for the threshold (core/value/kpi-status.ts).

import { findKpiThresholdErrors } from '../../../../core/value/kpi-status';
import type { MetricDirection } from '../../../../core/value/okr';
import type { Kpi } from '../../api/value';

/** Whose KPI it is: the organisation's, a portfolio's or a value stream's. */
export type KpiScope = 'organisation' | 'portfolio' | 'stream';

export interface KpiDraft {
  name: string;
  description: string;
  metricType: string;
  unit: string;
  direction: MetricDirection;
  frequency: string;
  source: string;
  ownerId: string;
  scope: KpiScope;
  portfolioId: string;
  valueStreamId: string;
  target: string;
  threshold: string;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));
const badNumber = (v: string) => v.trim() !== '' && !Number.isFinite(Number(v));

export const newKpiDraft = (): KpiDraft => ({
  name: '',
  description: '',
  metricType: '',
  unit: '',
  direction: 'increase',
  frequency: 'monthly',
  source: '',
  ownerId: '',
  scope: 'organisation',
  portfolioId: '',
  valueStreamId: '',
  target: '',
  threshold: '',
});

export const toKpiDraft = (k: Kpi): KpiDraft => ({
  name: k.name,
  description: k.description ?? '',
  metricType: k.metricType,
  unit: k.unit,
  direction: k.direction as MetricDirection,
  frequency: k.frequency,
  source: k.source ?? '',
  ownerId: k.ownerId ?? '',
  scope: k.valueStreamId ? 'stream' : k.portfolioId ? 'portfolio' : 'organisation',
  portfolioId: k.portfolioId ?? '',
  valueStreamId: k.valueStreamId ?? '',
  target: k.target === null ? '' : String(k.target),
  threshold: k.threshold === null ? '' : String(k.threshold),
});

export function findKpiDraftErrors(d: KpiDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'Name the KPI';
  if (!d.metricType) errors.metricType = 'Choose the kind of metric';
  if (!d.unit.trim()) errors.unit = 'Give the unit, e.g. %, points, days';
  if (d.scope === 'portfolio' && !d.portfolioId) errors.portfolioId = 'Choose the portfolio';
  if (d.scope === 'stream' && !d.valueStreamId) errors.valueStreamId = 'Choose the value stream';
  if (badNumber(d.target)) errors.target = 'Enter a number';
  if (badNumber(d.threshold)) errors.threshold = 'Enter a number';
  else if (!errors.target) {
    const [problem] = findKpiThresholdErrors({
      direction: d.direction,
      target: numberOrNull(d.target),
      threshold: numberOrNull(d.threshold),
    });
    if (problem) errors.threshold = problem;
  }
  return errors;
}

/**
 * The API body. `withTarget: false` leaves the target and threshold out: an existing KPI changes
 * its target through "Change the target", which keeps the old one in the history.
 */
export function toKpiBody(d: KpiDraft, { withTarget }: { withTarget: boolean }): Record<string, unknown> {
  return {
    name: d.name.trim(),
    description: orNull(d.description),
    metricType: d.metricType,
    unit: d.unit.trim(),
    direction: d.direction,
    frequency: d.frequency,
    source: orNull(d.source),
    ownerId: orNull(d.ownerId),
    // A stream's KPI takes the stream's portfolio; one scope at a time.
    portfolioId: d.scope === 'portfolio' ? d.portfolioId : null,
    valueStreamId: d.scope === 'stream' ? d.valueStreamId : null,
    ...(withTarget ? { target: numberOrNull(d.target), threshold: numberOrNull(d.threshold) } : {}),
  };
}
