import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { fieldProblem } from '../../http/problem';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { referenceExists } from '../../resources/resource-store';

// SQL pieces for the object-level access of value records: each lives in the scope of the record
// it hangs off (a goal's, a project's, a portfolio's), written against the table's own name.

export const goalPortfolio = (table: string) =>
  sql<string | null>`(select g.portfolio_id from goals g where g.id = ${sql.ref(`${table}.goal_id`)})`;
export const goalTeam = (table: string) =>
  sql<string | null>`(select g.team_id from goals g where g.id = ${sql.ref(`${table}.goal_id`)})`;
export const goalIsOrganisationWide = (table: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`exists (select 1 from goals g where g.id = ${sql.ref(`${table}.goal_id`)} and g.portfolio_id is null and g.team_id is null)`;

/** Tables of this feature a field may name (checked by hooks: the shared reference list is fixed). */
export type ValueTable = 'kpis' | 'value_streams';

/** A 422 naming `field` when `id` is not a record of `table` in the caller's organisation. */
export async function checkValueReference(
  trx: Trx,
  ctx: RequestContext,
  table: ValueTable,
  field: string,
  id: unknown,
): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await referenceExists(trx, table, ctx.principal.organisationId, String(id)))) {
    throw fieldProblem('invalid_reference', field, `does not name a record of this organisation (${table})`);
  }
}
