/** Whether a higher or a lower value of a measure is better. */
export const METRIC_DIRECTIONS = ['increase', 'decrease'] as const;

/**
 * Kinds of KPI. The customer-facing ones (NPS, satisfaction, retention, churn, adoption) are
 * first-class so benefits and key results can point at them and dashboards can single them out.
 */
export const KPI_METRIC_TYPES = [
  'financial',
  'operational',
  'delivery',
  'quality',
  'nps',
  'customer_satisfaction',
  'retention',
  'churn',
  'adoption',
] as const;
export type KpiMetricType = (typeof KPI_METRIC_TYPES)[number];
export const CUSTOMER_METRIC_TYPES: readonly KpiMetricType[] = [
  'nps',
  'customer_satisfaction',
  'retention',
  'churn',
  'adoption',
];

export const KPI_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export const VALUE_STREAM_KINDS = ['operational', 'development'] as const;
export const BENEFIT_STATUSES = [
  'planned',
  'in_progress',
  'realised',
  'partially_realised',
  'not_realised',
  'cancelled',
] as const;
export const REVIEW_OUTCOMES = ['exceeded', 'met', 'partially_met', 'not_met'] as const;
export const PERIOD_UNITS = ['year', 'quarter', 'month'] as const;
