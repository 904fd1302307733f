import { Type } from 'typebox';
import { column } from '../../auth/access';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';
import { Id, LongText, Name, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import { BUDGET_STATUSES, BUDGET_VERSIONS, BudgetLine } from './money-vocabulary';

/**
 * A budget of a project (or of a whole portfolio when no project is named): monthly lines by
 * category and cost type, a version (original, current, forecast) and an approval status. An
 * approved budget is frozen: its lines change only after it goes back to draft, and approving
 * records who approved it and when.
 */
export const budgetSpec: ResourceSpec = {
  path: 'budgets',
  table: 'budgets',
  entityType: 'budget',
  title: 'Budget',
  defaultSort: 'name',
  access: {
    area: 'portfolio',
    scopes: { portfolio: column('budgets', 'portfolio_id'), project: column('budgets', 'project_id') },
  },
  fields: {
    portfolioId: {
      column: 'portfolio_id',
      schema: Type.String({
        minLength: 1,
        maxLength: 64,
        description: "Defaults to the project's portfolio",
      }),
      updatable: false,
      references: 'portfolios',
      filter: 'eq',
    },
    projectId: {
      column: 'project_id',
      schema: Id,
      nullable: true,
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    budgetVersion: {
      column: 'budget_version',
      schema: stringEnum(BUDGET_VERSIONS, 'original, current or forecast'),
      defaultValue: 'current',
      filter: 'eq',
    },
    status: { column: 'status', schema: stringEnum(BUDGET_STATUSES), defaultValue: 'draft', filter: 'eq' },
    approvedBy: { column: 'approved_by', schema: Type.String(), nullable: true, create: 'readonly' },
    approvedAt: { column: 'approved_at', schema: Timestamp, nullable: true, create: 'readonly' },
    lines: {
      column: 'lines',
      schema: Type.Array(BudgetLine, { maxItems: 2000 }),
      json: true,
      defaultValue: [],
    },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      await fillPortfolio(trx, ctx, row);
      if (row.status === 'approved') Object.assign(row, approval(ctx));
    },
    async beforeUpdate(_trx, ctx, before, changes) {
      if (
        before.status === 'approved' &&
        'lines' in changes &&
        (changes.status ?? 'approved') === 'approved'
      ) {
        throw new ProblemError(
          'conflict',
          'lines: the budget is approved; set its status to draft to change it',
          [{ field: 'lines', message: 'an approved budget is frozen' }],
        );
      }
      if (changes.status === 'approved') Object.assign(changes, approval(ctx));
      else if (typeof changes.status === 'string')
        Object.assign(changes, { approved_by: null, approved_at: null });
    },
  },
};

function approval(ctx: RequestContext) {
  return { approved_by: ctx.principal.userId, approved_at: ctx.now };
}

async function fillPortfolio(trx: Trx, ctx: RequestContext, row: Record<string, unknown>): Promise<void> {
  if (row.project_id === null || row.project_id === undefined) {
    if (row.portfolio_id === null || row.portfolio_id === undefined)
      throw fieldProblem('validation_failed', 'portfolioId', 'name a portfolio or a project');
    return;
  }
  const project = await trx
    .selectFrom('projects')
    .select('portfolio_id')
    .where('id', '=', String(row.project_id))
    .where('organisation_id', '=', ctx.principal.organisationId)
    .executeTakeFirst();
  if (!project) return;
  if (
    row.portfolio_id !== null &&
    row.portfolio_id !== undefined &&
    row.portfolio_id !== project.portfolio_id
  )
    throw fieldProblem('validation_failed', 'portfolioId', "is not the project's portfolio");
  row.portfolio_id = project.portfolio_id;
}
