import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { ProblemError } from '../http/problem';
import type { ResourceSpec, Trx } from '../resources/resource-spec';
import {
  type Action,
  type Area,
  DIRECTORY_WRITERS,
  roleAllows,
  type ScopedRole,
  type ScopeType,
} from './permissions';
import type { Principal } from './principal';

// Object-level authorisation for every resource, in two forms that must agree: a SQL filter that
// restricts lists (and aggregates) to what the caller may read, and a check on one record before
// it is shown, changed or deleted. Both come from the resource's `access` declaration.

export interface AccessSpec {
  /** `directory` resources (people, teams, tags) are readable by every member of the organisation. */
  area: Area | 'directory';
  /**
   * Per scope type, SQL giving the row's portfolio, project or team id (written against the
   * table's own name), or a condition on a list of granted ids for scopes a row has many of.
   */
  scopes?: Partial<Record<ScopeType, ScopeRule>>;
  /** Rows every member may read and holders of these roles (on any scope) may change. */
  orgWide?: { where: RawBuilder<SqlBool>; writers: readonly ScopedRole[] };
}

export type ScopeRule = RawBuilder<string | null> | ((ids: string[]) => RawBuilder<SqlBool>);

const NOTHING = sql<SqlBool>`1 = 0`;

/** The list filter for `action` on a resource, or undefined when the caller may see every row. */
export function accessFilter(
  spec: ResourceSpec,
  principal: Principal,
  action: Action = 'read',
): Expression<SqlBool> | undefined {
  const access = spec.access;
  if (principal.orgAdmin) return undefined;
  if (access.area === 'directory') {
    return action === 'read' || holdsAny(principal, DIRECTORY_WRITERS) ? undefined : NOTHING;
  }
  const terms: Expression<SqlBool>[] = [];
  for (const [type, rule] of Object.entries(access.scopes ?? {}) as [ScopeType, ScopeRule][]) {
    const ids = scopeIds(principal, access.area, action, type);
    if (ids.length === 0) continue;
    terms.push(typeof rule === 'function' ? rule(ids) : sql<SqlBool>`${rule} in (${sql.join(ids)})`);
  }
  if (access.orgWide && (action === 'read' || holdsAny(principal, access.orgWide.writers))) {
    terms.push(access.orgWide.where);
  }
  if (terms.length === 0) return NOTHING;
  return sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
}

/**
 * Checks `action` on one record. A record the caller may not read answers 404 exactly like a
 * missing one, so ids typed into URLs reveal nothing; one they may read but not change answers 403.
 */
export async function assertRecordAccess(
  trx: Trx,
  spec: ResourceSpec,
  principal: Principal,
  id: string,
  action: Action,
): Promise<void> {
  if (action === 'write' && principal.scope !== 'write')
    throw new ProblemError('forbidden', 'This API token is read-only.');
  if (await recordVisible(trx, spec, principal, id, action)) return;
  if (action === 'write' && (await recordVisible(trx, spec, principal, id, 'read'))) {
    throw new ProblemError('forbidden', `Your roles do not allow changing this ${spec.title.toLowerCase()}.`);
  }
  throw new ProblemError('not_found', `${spec.title} ${id} does not exist.`, [
    { field: 'id', message: 'not found' },
  ]);
}

/** A referenced record the caller cannot see is reported as a bad reference (422), naming the field. */
export async function assertReadableReference(
  store: { db: Trx },
  spec: ResourceSpec,
  principal: Principal,
  id: string,
  field: string,
): Promise<void> {
  if (!(await recordVisible(store.db, spec, principal, id, 'read'))) {
    throw new ProblemError('invalid_reference', `${field}: no such record ${id}`, [
      { field, message: 'does not name a record you can see' },
    ]);
  }
}

async function recordVisible(
  trx: Trx,
  spec: ResourceSpec,
  principal: Principal,
  id: string,
  action: Action,
): Promise<boolean> {
  const filter = accessFilter(spec, principal, action);
  let query = (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
    .selectFrom(spec.table)
    .select('id')
    .where('id', '=', id)
    .where('organisation_id', '=', principal.organisationId);
  if (filter) query = query.where(filter);
  return (await query.executeTakeFirst()) !== undefined;
}

function scopeIds(principal: Principal, area: Area, action: Action, type: ScopeType): string[] {
  return principal.grants
    .filter((g) => g.scopeType === type && roleAllows(g.role, `${area}.${action}`))
    .map((g) => g.scopeId);
}

function holdsAny(principal: Principal, roles: readonly ScopedRole[]): boolean {
  return principal.grants.some((g) => roles.includes(g.role));
}

/** SQL for "the portfolio of the project in column `projectColumn` of `table`". */
export const portfolioOfProject = (table: string, projectColumn: string) =>
  sql<
    string | null
  >`(select p.portfolio_id from projects p where p.id = ${sql.ref(`${table}.${projectColumn}`)})`;

export const column = (table: string, name: string) => sql<string | null>`${sql.ref(`${table}.${name}`)}`;
