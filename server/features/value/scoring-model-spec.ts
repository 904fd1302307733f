import { sql } from 'kysely';
import { Type } from 'typebox';
import { findScoringModelErrors } from '../../../core/prioritisation';
import { column } from '../../auth/access';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';

export const Criterion = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    weight: Type.Number({ minimum: 0, maximum: 1000 }),
    min: Type.Number({ minimum: -1e6, maximum: 1e6 }),
    max: Type.Number({ minimum: -1e6, maximum: 1e6 }),
    direction: Type.Optional(stringEnum(['higher-is-better', 'lower-is-better'] as const)),
  },
  { additionalProperties: false },
);

/** A weighted-scoring model: criteria with weights and scales (core/prioritisation computeWeightedScore). */
export const scoringModelSpec: ResourceSpec = {
  path: 'scoring-models',
  table: 'scoring_models',
  entityType: 'scoring_model',
  title: 'Scoring model',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: { portfolio: column('scoring_models', 'portfolio_id') },
    orgWide: { where: sql`(scoring_models.portfolio_id is null)`, writers: ['vmo_lead'] },
  },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      nullable: true,
      references: 'portfolios',
      filter: 'eq',
    },
    criteria: {
      column: 'criteria',
      schema: Type.Array(Criterion, { minItems: 1, maxItems: 30 }),
      create: 'required',
      json: true,
    },
  },
  hooks: {
    async beforeCreate(_trx, _ctx, row) {
      check(row.criteria);
    },
    async beforeUpdate(_trx, _ctx, _before, changes) {
      if ('criteria' in changes) check(changes.criteria);
    },
  },
};

function check(criteria: unknown): void {
  const parsed = typeof criteria === 'string' ? JSON.parse(criteria) : criteria;
  const errors = findScoringModelErrors(parsed);
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      `criteria: ${errors.join('; ')}`,
      errors.map((message) => ({ field: 'criteria', message })),
    );
}
