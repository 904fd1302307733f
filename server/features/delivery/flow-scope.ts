import { type Expression, type SqlBool, sql } from 'kysely';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { Trx } from '../../resources/resource-spec';
import { portfolioSpec } from '../portfolios/spec';
import { projectSpec } from '../projects/spec';
import { workItemSpec } from '../work-items/spec';
import { teamDeliverySpec } from './team-access';

/** What a flow metric or forecast is about: one team, epic, project or portfolio. */
export type FlowScope =
  | { kind: 'team'; id: string }
  | { kind: 'epic'; id: string }
  | { kind: 'project'; id: string }
  | { kind: 'portfolio'; id: string };

export interface ScopeQuery {
  teamId?: string;
  epicId?: string;
  projectId?: string;
  portfolioId?: string;
}

const FIELDS = { team: 'teamId', epic: 'epicId', project: 'projectId', portfolio: 'portfolioId' } as const;

/**
 * Reads exactly one of teamId / epicId / projectId / portfolioId and checks the caller may read
 * it: a scope they cannot see answers 404 naming the field, exactly like a missing one.
 */
export async function resolveScope(
  trx: Trx,
  principal: Principal,
  q: ScopeQuery,
  allowed: readonly FlowScope['kind'][] = ['team', 'epic', 'project', 'portfolio'],
): Promise<FlowScope> {
  const given = allowed.filter((k) => q[FIELDS[k]] !== undefined);
  if (given.length !== 1)
    throw fieldProblem(
      'validation_failed',
      FIELDS[allowed[0] as FlowScope['kind']],
      `give exactly one of ${allowed.map((k) => FIELDS[k]).join(', ')}`,
    );
  const kind = given[0] as FlowScope['kind'];
  const id = q[FIELDS[kind]] as string;
  const spec = { team: teamDeliverySpec, epic: workItemSpec, project: projectSpec, portfolio: portfolioSpec }[
    kind
  ];
  try {
    await assertRecordAccess(trx, spec, principal, id, 'read');
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'not_found')
      throw new ProblemError('not_found', `${FIELDS[kind]}: no ${kind} ${id} you can see.`, [
        { field: FIELDS[kind], message: 'not found' },
      ]);
    throw error;
  }
  if (kind === 'epic') {
    const item = await trx
      .selectFrom('work_items')
      .select('type')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (item.type !== 'epic')
      throw fieldProblem('validation_failed', 'epicId', `names a ${item.type}, not an epic`);
  }
  return { kind, id };
}

/** SQL restricting `work_items` (aliased `alias`) to the scope. */
export function scopeCondition(scope: FlowScope, alias = 'work_items'): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  switch (scope.kind) {
    case 'team':
      return sql<SqlBool>`${col('team_id')} = ${scope.id}`;
    case 'project':
      return sql<SqlBool>`${col('project_id')} = ${scope.id}`;
    case 'portfolio':
      return sql<SqlBool>`${col('project_id')} in (select sp.id from projects sp where sp.portfolio_id = ${scope.id})`;
    case 'epic':
      return sql<SqlBool>`(${col('parent_id')} = ${scope.id} or ${col('parent_id')} in (select sf.id from work_items sf where sf.parent_id = ${scope.id}))`;
  }
}

/** The scope and the caller's access filter on work items, as one condition. */
export function visibleInScope(scope: FlowScope, principal: Principal): Expression<SqlBool> {
  const restrict = accessFilter(workItemSpec, principal, 'read');
  const where = scopeCondition(scope);
  return restrict ? sql<SqlBool>`(${where} and ${restrict})` : where;
}
