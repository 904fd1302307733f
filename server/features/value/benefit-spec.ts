import { findKeyResultErrors, type MetricDirection } from '../../../core/value/okr';
import { BENEFIT_STATUSES, METRIC_DIRECTIONS, REVIEW_OUTCOMES } from '../../../core/value/vocabulary';
import { column, portfolioOfProject } from '../../auth/access';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Money, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { checkValueReference } from './value-access';
import { DatedValues, Measure, Unit } from './value-schemas';

/**
 * A planned benefit of an initiative: a measure (often a KPI) expected to move from a baseline to
 * a target along a trajectory, its owner and status, and the post-implementation review.
 */
export const benefitSpec: ResourceSpec = {
  path: 'benefits',
  table: 'benefits',
  entityType: 'benefit',
  title: 'Benefit',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: {
      portfolio: portfolioOfProject('benefits', 'project_id'),
      project: column('benefits', 'project_id'),
    },
  },
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    kpiId: { column: 'kpi_id', schema: Id, nullable: true, filter: 'eq' },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    status: { column: 'status', schema: stringEnum(BENEFIT_STATUSES), defaultValue: 'planned', filter: 'eq' },
    unit: { column: 'unit', schema: Unit, create: 'required' },
    direction: { column: 'direction', schema: stringEnum(METRIC_DIRECTIONS), defaultValue: 'increase' },
    baseline: { column: 'baseline', schema: Measure, create: 'required' },
    target: { column: 'target', schema: Measure, create: 'required' },
    financialValue: {
      column: 'financial_value',
      schema: Money,
      nullable: true,
    },
    trajectory: { column: 'trajectory', schema: DatedValues, json: true, defaultValue: [] },
    actuals: { column: 'actuals', schema: DatedValues, json: true, defaultValue: [] },
    reviewDate: { column: 'review_date', schema: CalendarDate, nullable: true },
    reviewOutcome: { column: 'review_outcome', schema: stringEnum(REVIEW_OUTCOMES), nullable: true },
    reviewNotes: { column: 'review_notes', schema: LongText, nullable: true },
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      check(row);
      await checkValueReference(trx, ctx, 'kpis', 'kpiId', row.kpi_id);
    },
    async beforeUpdate(trx, ctx, before, changes) {
      check({ ...before, ...changes });
      await checkValueReference(trx, ctx, 'kpis', 'kpiId', changes.kpi_id);
    },
  },
};

function check(row: Record<string, unknown>): void {
  const errors = findKeyResultErrors({
    baseline: Number(row.baseline),
    target: Number(row.target),
    direction: row.direction as MetricDirection,
  }).map((message) => ({ field: 'target', message }));
  // A date twice in one list would make the planned or realised level on that day ambiguous.
  for (const field of ['trajectory', 'actuals'] as const) {
    const value = row[field];
    const points = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as { date: string }[];
    const seen = new Set<string>();
    points.forEach((p, i) => {
      if (seen.has(p.date)) errors.push({ field: `${field}.${i}.date`, message: `${p.date} appears twice` });
      seen.add(p.date);
    });
  }
  if (row.review_outcome !== null && row.review_outcome !== undefined && !row.review_date)
    errors.push({ field: 'reviewDate', message: 'a review outcome needs the date of the review' });
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
}
