import { Type } from 'typebox';
import { computeKeyResultProgress, findKeyResultErrors, type MetricDirection } from '../../../core/value/okr';
import { METRIC_DIRECTIONS } from '../../../core/value/vocabulary';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { checkValueReference, goalIsOrganisationWide, goalPortfolio, goalTeam } from './value-access';
import { Measure, Unit } from './value-schemas';

type Row = Record<string, unknown>;

/** Key results of a goal (the goal is the objective): a metric moved from a baseline to a target. */
export const keyResultSpec: ResourceSpec = {
  path: 'key-results',
  table: 'key_results',
  entityType: 'key_result',
  title: 'Key result',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: { portfolio: goalPortfolio('key_results'), team: goalTeam('key_results') },
    orgWide: { where: goalIsOrganisationWide('key_results'), writers: ['vmo_lead'] },
  },
  fields: {
    goalId: {
      column: 'goal_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'goals',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    metric: { column: 'metric', schema: Type.String({ minLength: 1, maxLength: 200 }), create: 'required' },
    unit: { column: 'unit', schema: Unit, create: 'required' },
    direction: {
      column: 'direction',
      schema: stringEnum(METRIC_DIRECTIONS, '"decrease": lower is better'),
      defaultValue: 'increase',
      filter: 'eq',
    },
    baseline: { column: 'baseline', schema: Measure, create: 'required' },
    target: { column: 'target', schema: Measure, create: 'required' },
    kpiId: { column: 'kpi_id', schema: Id, nullable: true, filter: 'eq' },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    dueDate: { column: 'due_date', schema: CalendarDate, nullable: true, sortable: true },
  },
  extraResponseFields: {
    current: Type.Union([Type.Number(), Type.Null()]),
    confidence: Type.Union([Type.Number(), Type.Null()]),
    lastCheckInOn: Type.Union([Type.String(), Type.Null()]),
    progress: Type.Number({ description: 'Share of the way from baseline to target, 0–1' }),
    achieved: Type.Boolean(),
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      checkMeasure(row);
      await checkValueReference(trx, ctx, 'kpis', 'kpiId', row.kpi_id);
    },
    async beforeUpdate(trx, ctx, before, changes) {
      checkMeasure({ ...before, ...changes });
      await checkValueReference(trx, ctx, 'kpis', 'kpiId', changes.kpi_id);
    },
    async present(trx, records) {
      const latest = await findLatestValues(
        trx,
        records.map((r) => ({ id: String(r.id), kpiId: (r.kpiId as string | null) ?? null })),
      );
      for (const r of records) {
        const l = latest.get(String(r.id));
        const current = l?.value ?? null;
        const p = computeKeyResultProgress({
          baseline: Number(r.baseline),
          target: Number(r.target),
          direction: r.direction as MetricDirection,
          current,
        });
        Object.assign(r, {
          current,
          confidence: l?.confidence ?? null,
          lastCheckInOn: l?.date ?? null,
          progress: p.progress,
          achieved: p.achieved,
        });
      }
    },
  },
};

function checkMeasure(row: Row): void {
  const errors = findKeyResultErrors({
    baseline: Number(row.baseline),
    target: Number(row.target),
    direction: row.direction as MetricDirection,
  });
  if (errors.length > 0) {
    throw new ProblemError(
      'validation_failed',
      `target: ${errors.join('; ')}`,
      errors.map((message) => ({ field: 'target', message })),
    );
  }
}

export interface LatestValue {
  value: number;
  confidence: number | null;
  date: string;
}

/**
 * The current value of each key result: its latest check-in, or — before the first check-in —
 * the latest measurement of the KPI it points at (confidence unknown).
 */
export async function findLatestValues(
  trx: Trx,
  keyResults: { id: string; kpiId: string | null }[],
): Promise<Map<string, LatestValue>> {
  const result = new Map<string, LatestValue>();
  if (keyResults.length === 0) return result;
  const checkIns = await trx
    .selectFrom('key_result_check_ins')
    .select(['key_result_id', 'checked_on', 'value', 'confidence', 'recorded_at'])
    .where(
      'key_result_id',
      'in',
      keyResults.map((k) => k.id),
    )
    .orderBy('checked_on')
    .orderBy('recorded_at')
    .execute();
  for (const c of checkIns) {
    result.set(c.key_result_id, {
      value: Number(c.value),
      confidence: Number(c.confidence),
      date: c.checked_on,
    });
  }
  const kpiIds = [
    ...new Set(keyResults.filter((k) => !result.has(k.id) && k.kpiId).map((k) => k.kpiId as string)),
  ];
  if (kpiIds.length > 0) {
    const measurements = await trx
      .selectFrom('kpi_measurements')
      .select(['kpi_id', 'measured_on', 'value'])
      .where('kpi_id', 'in', kpiIds)
      .orderBy('measured_on')
      .execute();
    const byKpi = new Map<string, LatestValue>();
    for (const m of measurements)
      byKpi.set(m.kpi_id, { value: Number(m.value), confidence: null, date: m.measured_on });
    for (const k of keyResults) {
      const m = k.kpiId ? byKpi.get(k.kpiId) : undefined;
      if (!result.has(k.id) && m) result.set(k.id, m);
    }
  }
  return result;
}
