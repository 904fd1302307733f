import { Type } from 'typebox';
import {
  findScenarioErrors,
  type ScenarioCandidate,
  type ScenarioConstraints,
} from '../../../core/portfolio/scenario';
import { column } from '../../auth/access';
import { ProblemError } from '../../http/problem';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';
import { Id, LongText, Name, Timestamp } from '../../resources/vocabulary-schemas';
import { snapshotPortfolio } from './portfolio-snapshot';
import { quarterIndex, quarterStart } from './quarters';
import { ScenarioCandidatesSchema, ScenarioConstraintsSchema, ValueSourceSchema } from './scenario-schemas';

/**
 * A named what-if copy of a portfolio for the optimiser: created by copying the live portfolio's
 * projects (values, costs, demand, dependencies) and limits (budget, skill capacity per quarter),
 * then edited freely. Readable by whoever may read the portfolio's value data; a caller without
 * access to the portfolio gets 404. Adoption is its own audited route (optimisation-routes.ts).
 */
export const scenarioSpec: ResourceSpec = {
  path: 'optimisation-scenarios',
  table: 'optimisation_scenarios',
  entityType: 'optimisation_scenario',
  title: 'Optimisation scenario',
  defaultSort: 'name',
  access: { area: 'value', scopes: { portfolio: column('optimisation_scenarios', 'portfolio_id') } },
  fields: {
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'portfolios',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    valueSource: { column: 'value_source', schema: ValueSourceSchema, defaultValue: 'npv', filter: 'eq' },
    horizonStart: {
      column: 'horizon_start',
      schema: Type.String({
        format: 'date',
        description:
          'First quarter of the plan (default: the current quarter; projects already running are pinned to it with the rest of their run)',
      }),
      updatable: false,
    },
    periods: {
      column: 'periods',
      schema: Type.Integer({ minimum: 2, maximum: 16, description: 'Quarters planned' }),
      defaultValue: 8,
      updatable: false,
    },
    candidates: { column: 'candidates', schema: ScenarioCandidatesSchema, json: true },
    constraints: { column: 'constraints', schema: ScenarioConstraintsSchema, json: true },
    createdBy: { column: 'created_by', schema: Type.String(), nullable: true, create: 'readonly' },
    adoptedAt: {
      column: 'adopted_at',
      schema: Timestamp,
      nullable: true,
      create: 'readonly',
      sortable: true,
    },
    adoptedBy: { column: 'adopted_by', schema: Type.String(), nullable: true, create: 'readonly' },
    adoptedRunId: { column: 'adopted_run_id', schema: Type.String(), nullable: true, create: 'readonly' },
    adoptionRationale: { column: 'adoption_rationale', schema: LongText, nullable: true, create: 'readonly' },
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      row.created_by = ctx.principal.userId;
      // By default the plan starts this quarter: what is spent is spent, and a project already
      // running is pinned to the first quarter with the rest of its run.
      const horizon = quarterStart(quarterIndex(String(row.horizon_start ?? ctx.now.slice(0, 10))));
      row.horizon_start = horizon;
      if (row.candidates === null || row.constraints === null) {
        await copyLivePortfolio(trx, ctx, row, horizon);
      }
      checkScenario(row);
    },
    async beforeUpdate(_trx, _ctx, before, changes) {
      if ('candidates' in changes || 'constraints' in changes) checkScenario({ ...before, ...changes });
    },
  },
};

async function copyLivePortfolio(
  trx: Trx,
  ctx: RequestContext,
  row: Record<string, unknown>,
  horizon: string,
) {
  const snapshot = await snapshotPortfolio(
    trx,
    ctx.principal.organisationId,
    String(row.portfolio_id),
    horizon,
    Number(row.periods),
  );
  if (row.candidates === null) row.candidates = JSON.stringify(snapshot.candidates);
  if (row.constraints === null) row.constraints = JSON.stringify(snapshot.constraints);
}

function checkScenario(row: Record<string, unknown>) {
  const errors = findScenarioErrors(
    Number(row.periods),
    JSON.parse(String(row.candidates)) as ScenarioCandidate[],
    JSON.parse(String(row.constraints)) as ScenarioConstraints,
  );
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors.slice(0, 20),
    );
}
