import { fieldProblem } from '../../http/problem';
import type { FieldSpec, RequestContext, ResourceHooks, Trx } from '../../resources/resource-spec';
import { referenceExists } from '../../resources/resource-store';
import { CalendarDate } from '../../resources/vocabulary-schemas';

// Checks the resource and money specs share: date order, and references to this feature's own
// tables (the shared reference list of resource-spec.ts is fixed, so hooks check them).

/** `startDate` and `endDate` of a span of whole days, both required; `checkSpan` keeps them in order. */
export const SPAN_FIELDS = {
  startDate: {
    column: 'start_date',
    schema: CalendarDate,
    create: 'required',
    filter: 'range',
    sortable: true,
  },
  endDate: {
    column: 'end_date',
    schema: CalendarDate,
    create: 'required',
    filter: 'range',
    sortable: true,
  },
} satisfies Record<string, FieldSpec>;

/** Hooks that run `check` on the row as created, and on the row as an update would leave it. */
export function checkEveryWrite(
  check: (row: Record<string, unknown>, trx: Trx, ctx: RequestContext) => void | Promise<void>,
): Required<Pick<ResourceHooks, 'beforeCreate' | 'beforeUpdate'>> {
  return {
    async beforeCreate(trx, ctx, row) {
      await check(row, trx, ctx);
    },
    async beforeUpdate(trx, ctx, before, changes) {
      await check({ ...before, ...changes }, trx, ctx);
    },
  };
}

/** A 400 naming `endField` when the span ends before it starts. */
export function checkSpan(
  row: Record<string, unknown>,
  startColumn: string,
  endColumn: string,
  endField: string,
) {
  const start = row[startColumn];
  const end = row[endColumn];
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    throw fieldProblem('validation_failed', endField, `${end} is before the start ${start}`);
  }
}

/** A 422 naming `field` when `id` is not a record of `table` in the caller's organisation. */
export async function checkOwnReference(
  trx: Trx,
  ctx: RequestContext,
  table: 'resource_requests',
  field: string,
  id: unknown,
): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await referenceExists(trx, table, ctx.principal.organisationId, String(id)))) {
    throw fieldProblem('invalid_reference', field, `does not name a record of this organisation (${table})`);
  }
}

/** A 422 naming `field` when the work item is not one of the project's. */
export async function checkWorkItemInProject(
  trx: Trx,
  workItemId: unknown,
  projectId: unknown,
  field = 'workItemId',
): Promise<void> {
  if (workItemId === null || workItemId === undefined) return;
  const row = await trx
    .selectFrom('work_items')
    .select('project_id')
    .where('id', '=', String(workItemId))
    .executeTakeFirst();
  if (row && row.project_id !== projectId) {
    throw fieldProblem('invalid_reference', field, 'names a work item of another project');
  }
}
