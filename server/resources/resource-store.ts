import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { fieldProblem } from '../http/problem';
import type { ResourceSpec, Trx } from './resource-spec';

// Resources are generic over their table, so queries go through an untyped view of the schema;
// each spec's field list is what keeps column names honest (and the spec tests check them).
type Row = Record<string, unknown>;
type AnyDb = Record<string, Row>;
const untyped = (trx: Trx) => trx as unknown as Kysely<AnyDb>;

export async function findRow(
  trx: Trx,
  spec: ResourceSpec,
  organisationId: string,
  id: string,
): Promise<Row | undefined> {
  return untyped(trx)
    .selectFrom(spec.table)
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function insertRow(trx: Trx, spec: ResourceSpec, row: Row): Promise<void> {
  await untyped(trx).insertInto(spec.table).values(row).execute();
}

/** Updates only when the stored version is still `expectedVersion`; false when someone got there first. */
export async function updateRowAtVersion(
  trx: Trx,
  spec: ResourceSpec,
  key: { organisationId: string; id: string; expectedVersion: number },
  changes: Row,
): Promise<boolean> {
  const result = await untyped(trx)
    .updateTable(spec.table)
    .set({ ...changes, version: key.expectedVersion + 1 })
    .where('id', '=', key.id)
    .where('organisation_id', '=', key.organisationId)
    .where('version', '=', key.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRowAtVersion(
  trx: Trx,
  spec: ResourceSpec,
  key: { organisationId: string; id: string; expectedVersion: number },
): Promise<boolean> {
  const result = await untyped(trx)
    .deleteFrom(spec.table)
    .where('id', '=', key.id)
    .where('organisation_id', '=', key.organisationId)
    .where('version', '=', key.expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** True when `id` names a record of `table` in the organisation. */
export async function referenceExists(
  trx: Trx,
  table: string,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const row = await untyped(trx)
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ListQuery {
  limit: number;
  cursor?: string;
  sort?: string;
  q?: string;
  [filter: string]: unknown;
}

interface SortKey {
  field: string;
  column: string;
  descending: boolean;
  nullable: boolean;
}

/** One page of rows, filtered, sorted by (sort field, id) and continued from an opaque cursor. */
export async function listRows(
  trx: Trx,
  spec: ResourceSpec,
  organisationId: string,
  query: ListQuery,
  restrict?: Expression<SqlBool>,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const sort = resolveSort(spec, query.sort ?? spec.defaultSort);
  const sortExpr = sort.nullable
    ? sql<string>`coalesce(${sql.ref(sort.column)}, '')`
    : sql<string>`${sql.ref(sort.column)}`;
  let qb = untyped(trx).selectFrom(spec.table).selectAll().where('organisation_id', '=', organisationId);
  if (restrict) qb = qb.where(restrict);

  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.filter === 'eq' && typeof query[name] === 'string') {
      qb = qb.where(f.column, 'in', parseEqValues(query[name] as string));
    }
    if (f.filter === 'range') {
      const from = query[`${name}From`];
      const to = query[`${name}To`];
      if (typeof from === 'string') qb = qb.where(f.column, '>=', from);
      if (typeof to === 'string') qb = qb.where(f.column, '<', inclusiveUpperBound(to));
    }
  }
  for (const [name, extra] of Object.entries(spec.extraFilters ?? {})) {
    if (typeof query[name] === 'string') qb = qb.where(extra.where(query[name] as string));
  }
  if (typeof query.q === 'string') {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = Object.values(spec.fields)
      .filter((f) => f.searchable)
      .map((f) => f.column);
    qb = qb.where((eb) =>
      eb.or(columns.map((c) => sql<SqlBool>`lower(${sql.ref(c)}) like ${pattern} escape '\\'`)),
    );
  }
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    const op = sort.descending ? '<' : '>';
    qb = qb.where((eb) =>
      eb.or([
        eb(sortExpr as Expression<string>, op, value as string),
        eb.and([eb(sortExpr as Expression<string>, '=', value as string), eb('id', op, id)]),
      ]),
    );
  }
  const direction = sort.descending ? 'desc' : 'asc';
  const rows = await qb
    .orderBy(sortExpr, direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(sortValue(last, sort), String(last.id)) : null;
  return { rows: page, nextCursor };
}

function resolveSort(spec: ResourceSpec, sort: string): SortKey {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  if (field === 'createdAt' || field === 'updatedAt') {
    return {
      field,
      column: field === 'createdAt' ? 'created_at' : 'updated_at',
      descending,
      nullable: false,
    };
  }
  const f = spec.fields[field];
  if (!f?.sortable) throw fieldProblem('validation_failed', 'sort', `cannot sort by ${field}`);
  return { field, column: f.column, descending, nullable: f.nullable === true };
}

function sortValue(row: Row, sort: SortKey): string | number {
  const v = row[sort.column];
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? v : String(v);
}

function parseEqValues(raw: string): string[] {
  return raw
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** `To` filters are inclusive: a bare date includes that whole day. */
function inclusiveUpperBound(to: string): string {
  if (to.length !== 10) return `${to}\u0000`;
  const next = new Date(`${to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the problem below
  }
  throw fieldProblem('validation_failed', 'cursor', 'is not a cursor returned by this list');
}
