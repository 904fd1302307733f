import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { accessFilter } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { refuseBadFile } from '../../http/csv-import';
import { type FieldError, ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';
import type { Database } from '../../store/tables';

/** What a CSV import of money entries (costs, time) says for itself; the route does the rest. */
export interface EntryImport<Row extends { row: number; project: string }, Columns extends object> {
  /** The resource the rows become: its table, audit entity type and write rule. */
  spec: ResourceSpec;
  parse(text: string): { rows: Row[]; errors: FieldError[] };
  /** Looks up what the rows refer to, reports rows naming nothing, and maps a row to its columns. */
  resolve(
    db: Kysely<Database>,
    organisationId: string,
    rows: Row[],
    problems: FieldError[],
  ): Promise<(row: Row) => Columns>;
  /** The audited values of a new entry, in the API's field names. */
  audit(columns: Columns): Record<string, unknown>;
  /** What the response totals (amount, hours). */
  total(columns: Columns): number;
  /** Words for the refusal: `Your roles do not allow ${refused} …`, `you may not ${verb} this project`. */
  refused: string;
  verb: string;
}

/**
 * The body of an import route: the whole file or nothing. Bad cells and unknown references answer
 * 400 with every row named; rows landing in a project the caller may not write answer 403; each
 * created entry is audited.
 */
export async function importEntries<Row extends { row: number; project: string }, Columns extends object>(
  store: Store,
  request: FastifyRequest,
  entries: EntryImport<Row, Columns>,
): Promise<{ created: number; total: number }> {
  const principal = await authenticate(store, request);
  requireWrite(principal);
  if (typeof request.body !== 'string')
    throw new ProblemError('unsupported_media_type', 'Send the file as text/csv.');
  const org = principal.organisationId;
  const { rows, errors: problems } = entries.parse(request.body);
  const columnsOf = await entries.resolve(store.db, org, rows, problems);
  refuseBadFile(problems);
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    const values = rows.map((r) => ({
      id: randomUUID(),
      organisation_id: org,
      ...columnsOf(r),
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    const table = entries.spec.table;
    await insertInBatches(trx, table, values);
    // Every row must land in a project the caller may write to (the resource's own rule).
    const writable = new Set<string>();
    const restrict = accessFilter(entries.spec, principal, 'write');
    const db = trx as unknown as Kysely<Record<string, { id: string }>>;
    for (let i = 0; i < values.length; i += 500) {
      let query = db
        .selectFrom(table)
        .select('id')
        .where(
          'id',
          'in',
          values.slice(i, i + 500).map((v) => v.id),
        );
      if (restrict) query = query.where(restrict);
      for (const r of await query.execute()) writable.add(r.id);
    }
    const refused = rows.filter((_, i) => !writable.has(values[i]?.id ?? ''));
    if (refused.length > 0) {
      throw new ProblemError(
        'forbidden',
        `Your roles do not allow ${entries.refused} ${[...new Set(refused.map((r) => r.project))].join(', ')}; nothing imported.`,
        refused.slice(0, 100).map((r) => ({
          field: `row ${r.row}: project`,
          message: `you may not ${entries.verb} this project`,
        })),
      );
    }
    await insertInBatches(
      trx,
      'audit_events',
      values.map((v) => ({
        id: randomUUID(),
        organisation_id: org,
        entity_type: entries.spec.entityType,
        entity_id: v.id,
        action: 'create',
        actor_id: principal.userId,
        actor_label: principal.label,
        at: now,
        changes: JSON.stringify(
          Object.fromEntries(
            Object.entries(entries.audit(v)).map(([k, value]) => [k, { before: null, after: value }]),
          ),
        ),
      })),
    );
    return { created: values.length, total: values.reduce((s, v) => s + entries.total(v), 0) };
  });
}

/** Project ids by key for the rows' `project` cells; a key naming no project is a problem of its row. */
export async function resolveProjectKeys(
  db: Kysely<Database>,
  organisationId: string,
  rows: readonly { row: number; project: string }[],
  problems: FieldError[],
): Promise<Map<string, string>> {
  const keys = [...new Set(rows.map((r) => r.project))];
  const projects = keys.length
    ? await db
        .selectFrom('projects')
        .select(['id', 'key'])
        .where('organisation_id', '=', organisationId)
        .where('key', 'in', keys)
        .execute()
    : [];
  const idOf = new Map(projects.map((p) => [p.key, p.id]));
  for (const r of rows) {
    if (!idOf.has(r.project))
      problems.push({ field: `row ${r.row}: project`, message: `no project with key "${r.project}"` });
  }
  return idOf;
}
