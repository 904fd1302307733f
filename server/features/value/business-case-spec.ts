import { Type } from 'typebox';
import { computeBusinessCase } from '../../../core/finance';
import { PERIOD_UNITS } from '../../../core/value/vocabulary';
import { column, portfolioOfProject } from '../../auth/access';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { businessCaseInputOf, findBusinessCaseErrors } from './business-case-service';

const Amount = Type.Number({ minimum: 0, maximum: 1e15 });
export const BusinessCaseLine = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: stringEnum(['cost', 'benefit'] as const),
    amounts: Type.Array(Amount, {
      minItems: 1,
      maxItems: 600,
      description: 'Per period; element 0 is period 0',
    }),
  },
  { additionalProperties: false },
);
export const ScenarioAdjustment = Type.Object(
  {
    costFactor: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    benefitFactor: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    benefitDelay: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    rate: Type.Optional(Type.Number({ exclusiveMinimum: -1, maximum: 10 })),
  },
  { additionalProperties: false },
);

export const BusinessCaseFigures = Type.Object({
  npv: Type.Number(),
  irr: Type.Union([Type.Number(), Type.Null()]),
  irrs: Type.Array(Type.Number()),
  payback: Type.Union([Type.Number(), Type.Null()]),
  discountedPayback: Type.Union([Type.Number(), Type.Null()]),
  roi: Type.Union([Type.Number(), Type.Null()]),
  bcr: Type.Union([Type.Number(), Type.Null()]),
  totalCosts: Type.Number(),
  totalBenefits: Type.Number(),
  pvCosts: Type.Number(),
  pvBenefits: Type.Number(),
  netFlows: Type.Array(Type.Number()),
  warnings: Type.Array(Type.String()),
});

/** The business case of an initiative: cost and benefit lines per period and a discount rate. */
export const businessCaseSpec: ResourceSpec = {
  path: 'business-cases',
  table: 'business_cases',
  entityType: 'business_case',
  title: 'Business case',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: {
      portfolio: portfolioOfProject('business_cases', 'project_id'),
      project: column('business_cases', 'project_id'),
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
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    rate: {
      column: 'rate',
      schema: Type.Number({
        exclusiveMinimum: -1,
        maximum: 10,
        description: 'Discount rate per period, 0.1 = 10%',
      }),
      create: 'required',
    },
    periodUnit: { column: 'period_unit', schema: stringEnum(PERIOD_UNITS), defaultValue: 'year' },
    startDate: { column: 'start_date', schema: CalendarDate, nullable: true },
    lines: {
      column: 'lines',
      schema: Type.Array(BusinessCaseLine, { minItems: 1, maxItems: 50 }),
      create: 'required',
      json: true,
    },
    pessimistic: {
      column: 'pessimistic',
      schema: ScenarioAdjustment,
      json: true,
      defaultValue: { costFactor: 1.2, benefitFactor: 0.8, benefitDelay: 1 },
    },
    optimistic: {
      column: 'optimistic',
      schema: ScenarioAdjustment,
      json: true,
      defaultValue: { costFactor: 0.9, benefitFactor: 1.15 },
    },
    sensitivity: {
      column: 'sensitivity',
      schema: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Tornado swing, ±share' }),
      defaultValue: 0.2,
    },
  },
  extraResponseFields: { figures: BusinessCaseFigures },
  hooks: {
    async beforeCreate(_trx, _ctx, row) {
      check(row);
    },
    async beforeUpdate(_trx, _ctx, before, changes) {
      check({ ...before, ...changes });
    },
    async present(_trx, records) {
      for (const r of records) r.figures = computeBusinessCase(businessCaseInputOf(r));
    },
  },
};

function check(row: Record<string, unknown>): void {
  const lines = typeof row.lines === 'string' ? JSON.parse(row.lines) : row.lines;
  const errors = findBusinessCaseErrors(lines);
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      `lines: ${errors.join('; ')}`,
      errors.map((message) => ({ field: 'lines', message })),
    );
}
