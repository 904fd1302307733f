import { randomUUID } from 'node:crypto';
import { diffRecords, recordAudit } from '../audit/audit-store';
import { accessFilter, assertRecordAccess } from '../auth/access';
import { ProblemError } from '../http/problem';
import { presentRows } from './resource-presenter';
import type { RequestContext, ResourceSpec, Trx } from './resource-spec';
import {
  deleteRowAtVersion,
  findRow,
  insertRow,
  type ListQuery,
  listRows,
  referenceExists,
  updateRowAtVersion,
} from './resource-store';

// The use cases every resource shares: create, read, list, update and delete, each scoped to the
// caller's organisation, guarded by the record's version and written to the audit trail in the
// same transaction as the change.

type Row = Record<string, unknown>;

export async function getRecord(trx: Trx, ctx: RequestContext, spec: ResourceSpec, id: string): Promise<Row> {
  await assertRecordAccess(trx, spec, ctx.principal, id, 'read');
  const row = await findRow(trx, spec, ctx.principal.organisationId, id);
  if (!row) throw notFound(spec, id);
  return presentOne(trx, spec, row);
}

export async function listRecords(trx: Trx, ctx: RequestContext, spec: ResourceSpec, query: ListQuery) {
  const restrict = accessFilter(spec, ctx.principal, 'read');
  const { rows, nextCursor } = await listRows(trx, spec, ctx.principal.organisationId, query, restrict);
  return { items: await presentRows(trx, spec, rows), nextCursor };
}

export async function createRecord(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  body: Row,
): Promise<Row> {
  const { columns, extras } = splitBody(spec, body);
  const row: Row = { id: randomUUID(), organisation_id: ctx.principal.organisationId };
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.create === 'readonly') continue;
    const value = name in body ? columns[f.column] : toColumnValue(f.json, f.defaultValue ?? null);
    row[f.column] = value ?? null;
  }
  Object.assign(row, { version: 1, created_at: ctx.now, updated_at: ctx.now });
  await checkReferences(trx, ctx, spec, row);
  await spec.hooks?.beforeCreate?.(trx, ctx, row);
  await insertRow(trx, spec, row);
  // Checked on the inserted row, inside the transaction: a refusal rolls the insert back.
  await assertCreateAccess(trx, ctx, spec, String(row.id));
  await spec.hooks?.afterWrite?.(trx, ctx, { before: undefined, after: row, extras });
  const record = await getRecord(trx, ctx, spec, String(row.id));
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: spec.entityType,
    entityId: String(row.id),
    action: 'create',
    changes: diffRecords({}, record, auditedFields(spec)),
  });
  return record;
}

export async function updateRecord(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  id: string,
  body: Row,
  expectedVersion: number,
): Promise<Row> {
  const beforeRow = await requireAtVersion(trx, ctx, spec, id, expectedVersion);
  const { columns, extras } = splitBody(spec, body);
  const changes: Row = {};
  for (const [column, value] of Object.entries(columns)) {
    if (JSON.stringify(beforeRow[column] ?? null) !== JSON.stringify(value)) changes[column] = value;
  }
  await checkReferences(trx, ctx, spec, changes);
  await spec.hooks?.beforeUpdate?.(trx, ctx, beforeRow, changes);
  const before = await presentOne(trx, spec, beforeRow);
  if (Object.keys(changes).length === 0 && Object.keys(extras).length === 0) return before;

  changes.updated_at = ctx.now;
  const key = { organisationId: ctx.principal.organisationId, id, expectedVersion };
  if (!(await updateRowAtVersion(trx, spec, key, changes))) throw await stale(trx, ctx, spec, id);
  // The change may move the record into another scope: the caller must be allowed there too.
  await assertRecordAccess(trx, spec, ctx.principal, id, 'write');
  const afterRow = (await findRow(trx, spec, ctx.principal.organisationId, id)) as Row;
  await spec.hooks?.afterWrite?.(trx, ctx, { before: beforeRow, after: afterRow, extras });
  const after = await presentOne(trx, spec, afterRow);
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: spec.entityType,
    entityId: id,
    action: 'update',
    changes: diffRecords(before, after, auditedFields(spec)),
  });
  return after;
}

export async function deleteRecord(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const row = await requireAtVersion(trx, ctx, spec, id, expectedVersion);
  const before = await presentOne(trx, spec, row);
  const key = { organisationId: ctx.principal.organisationId, id, expectedVersion };
  if (!(await deleteRowAtVersion(trx, spec, key))) throw await stale(trx, ctx, spec, id);
  await spec.hooks?.afterDelete?.(trx, ctx, row);
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: spec.entityType,
    entityId: id,
    action: 'delete',
    changes: diffRecords(before, {}, auditedFields(spec)),
  });
}

async function requireAtVersion(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  id: string,
  expected: number,
) {
  await assertRecordAccess(trx, spec, ctx.principal, id, 'write');
  const row = await findRow(trx, spec, ctx.principal.organisationId, id);
  if (!row) throw notFound(spec, id);
  if (Number(row.version) !== expected) throw staleProblem(spec, await presentOne(trx, spec, row), expected);
  return row;
}

async function stale(trx: Trx, ctx: RequestContext, spec: ResourceSpec, id: string): Promise<ProblemError> {
  const row = await findRow(trx, spec, ctx.principal.organisationId, id);
  if (!row) return notFound(spec, id);
  return staleProblem(spec, await presentOne(trx, spec, row), undefined);
}

function staleProblem(spec: ResourceSpec, current: Row, expected: number | undefined): ProblemError {
  const detail =
    expected === undefined
      ? `${spec.title} was changed by someone else while you were saving.`
      : `${spec.title} is at version ${String(current.version)}, not ${expected}: someone else changed it. Review the current record and try again.`;
  return new ProblemError('precondition_failed', detail, [], { current });
}

async function assertCreateAccess(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  id: string,
): Promise<void> {
  try {
    await assertRecordAccess(trx, spec, ctx.principal, id, 'write');
  } catch (error) {
    if (!(error instanceof ProblemError) || error.code !== 'not_found') throw error;
    throw new ProblemError(
      'forbidden',
      `Your roles do not allow creating a ${spec.title.toLowerCase()} there.`,
    );
  }
}

const notFound = (spec: ResourceSpec, id: string) =>
  new ProblemError('not_found', `${spec.title} ${id} does not exist.`, [
    { field: 'id', message: 'not found' },
  ]);

async function presentOne(trx: Trx, spec: ResourceSpec, row: Row): Promise<Row> {
  const [record] = await presentRows(trx, spec, [row]);
  return record as Row;
}

/** Splits a request body into column values (JSON encoded where stored as text) and hook-handled extras. */
function splitBody(spec: ResourceSpec, body: Row): { columns: Row; extras: Row } {
  const columns: Row = {};
  const extras: Row = {};
  for (const [name, value] of Object.entries(body)) {
    const f = spec.fields[name];
    if (f && f.create !== 'readonly') columns[f.column] = toColumnValue(f.json, value);
    else if (spec.extraWritableFields && name in spec.extraWritableFields) extras[name] = value;
  }
  return { columns, extras };
}

const toColumnValue = (json: boolean | undefined, value: unknown) =>
  json && value !== null ? JSON.stringify(value) : value;

/** Every referenced id must name a record of the caller's own organisation. */
async function checkReferences(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  columns: Row,
): Promise<void> {
  for (const [name, f] of Object.entries(spec.fields)) {
    const value = columns[f.column];
    if (!f.references || value === null || value === undefined) continue;
    if (!(await referenceExists(trx, f.references, ctx.principal.organisationId, String(value)))) {
      throw new ProblemError('invalid_reference', `${name}: no such record ${String(value)}`, [
        { field: name, message: `does not name a record of this organisation (${f.references})` },
      ]);
    }
  }
}

const auditedFields = (spec: ResourceSpec) => [
  ...Object.keys(spec.fields),
  ...Object.keys(spec.extraResponseFields ?? {}),
];
