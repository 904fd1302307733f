import { sql } from 'kysely';
import { Type } from 'typebox';
import {
  computeKpiStatus,
  findKpiTargetHistoryErrors,
  findKpiThresholdErrors,
  type KpiTargetStep,
  type MetricDirection,
} from '../../../core/value';
import { KPI_FREQUENCIES, KPI_METRIC_TYPES, METRIC_DIRECTIONS } from '../../../core/value/vocabulary';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { checkValueReference } from './value-access';
import { Measure, Unit } from './value-schemas';

type Row = Record<string, unknown>;

const TargetStep = Type.Object(
  {
    until: CalendarDate,
    target: Type.Union([Measure, Type.Null()]),
    threshold: Type.Union([Measure, Type.Null()]),
  },
  { additionalProperties: false },
);

// A KPI belongs to its portfolio, or to its value stream's portfolio; with neither it is the
// organisation's and everyone reads it.
const portfolioOfKpi = sql<
  string | null
>`coalesce(kpis.portfolio_id, (select vs.portfolio_id from value_streams vs where vs.id = kpis.value_stream_id))`;

/** A value metric: what is measured, how often, by whom, and the target and threshold that give its status. */
export const kpiSpec: ResourceSpec = {
  path: 'kpis',
  table: 'kpis',
  entityType: 'kpi',
  title: 'KPI',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: { portfolio: portfolioOfKpi },
    orgWide: { where: sql`(${portfolioOfKpi} is null)`, writers: ['vmo_lead'] },
  },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    metricType: {
      column: 'metric_type',
      schema: stringEnum(
        KPI_METRIC_TYPES,
        'nps, customer_satisfaction, retention, churn and adoption are customer-facing',
      ),
      create: 'required',
      filter: 'eq',
    },
    unit: { column: 'unit', schema: Unit, create: 'required' },
    direction: { column: 'direction', schema: stringEnum(METRIC_DIRECTIONS), defaultValue: 'increase' },
    frequency: {
      column: 'frequency',
      schema: stringEnum(KPI_FREQUENCIES),
      defaultValue: 'monthly',
      filter: 'eq',
    },
    source: { column: 'source', schema: Type.String({ maxLength: 200 }), nullable: true },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    valueStreamId: { column: 'value_stream_id', schema: Id, nullable: true, filter: 'eq' },
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      nullable: true,
      references: 'portfolios',
      filter: 'eq',
    },
    target: { column: 'target', schema: Measure, nullable: true },
    // The alarm line on the bad side of the target: at risk up to it, off target beyond.
    threshold: { column: 'threshold', schema: Measure, nullable: true },
    // Earlier targets (migration 0015): each applied before its `until` date; see kpi-targets.ts.
    targetHistory: {
      column: 'target_history',
      schema: Type.Array(TargetStep, { maxItems: 100 }),
      json: true,
      defaultValue: [],
    },
  },
  extraResponseFields: {
    latest: Type.Union([Type.Object({ date: Type.String(), value: Type.Number() }), Type.Null()]),
    status: Type.String({ description: 'on_target, at_risk, off_target, no_target or no_data' }),
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      checkThresholds(row);
      await checkValueReference(trx, ctx, 'value_streams', 'valueStreamId', row.value_stream_id);
    },
    async beforeUpdate(trx, ctx, before, changes) {
      checkThresholds({ ...before, ...changes });
      await checkValueReference(trx, ctx, 'value_streams', 'valueStreamId', changes.value_stream_id);
    },
    async present(trx, records) {
      const latest = await trx
        .selectFrom('kpi_measurements as m')
        .select(['m.kpi_id', 'm.measured_on', 'm.value'])
        .where(
          'm.kpi_id',
          'in',
          records.map((r) => String(r.id)),
        )
        .where((eb) =>
          eb(
            'm.measured_on',
            '=',
            eb
              .selectFrom('kpi_measurements as l')
              .select((e) => e.fn.max('l.measured_on').as('d'))
              .whereRef('l.kpi_id', '=', 'm.kpi_id'),
          ),
        )
        .execute();
      for (const r of records) {
        const l = latest.find((m) => m.kpi_id === r.id);
        r.latest = l ? { date: l.measured_on, value: Number(l.value) } : null;
        r.status = computeKpiStatus(thresholdsOf(r), l ? Number(l.value) : null);
      }
    },
  },
};

/** The status inputs of a presented KPI record. */
export const thresholdsOf = (r: Row) => ({
  direction: r.direction as MetricDirection,
  target: r.target === null || r.target === undefined ? null : Number(r.target),
  threshold: r.threshold === null || r.threshold === undefined ? null : Number(r.threshold),
});

/** The earlier targets of a KPI row or record (stored as JSON text; null on rows before 0015). */
export function targetHistoryOf(r: Row): KpiTargetStep[] {
  const raw = r.target_history ?? r.targetHistory;
  if (raw === null || raw === undefined) return [];
  return (typeof raw === 'string' ? JSON.parse(raw) : raw) as KpiTargetStep[];
}

function checkThresholds(row: Row): void {
  const historyErrors = findKpiTargetHistoryErrors(row.direction as MetricDirection, targetHistoryOf(row));
  if (historyErrors.length > 0)
    throw new ProblemError(
      'validation_failed',
      `targetHistory: ${historyErrors.map(([, m]) => m).join('; ')}`,
      historyErrors.map(([i, message]) => ({ field: `targetHistory.${i}`, message })),
    );
  const errors = findKpiThresholdErrors({
    direction: row.direction as MetricDirection,
    target: row.target === null ? null : Number(row.target),
    threshold: row.threshold === null ? null : Number(row.threshold),
  });
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      `threshold: ${errors.join('; ')}`,
      errors.map((message) => ({ field: 'threshold', message })),
    );
}
