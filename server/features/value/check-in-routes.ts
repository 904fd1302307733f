import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { etagOf, expectedVersion } from '../../http/if-match';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import type { KeyResultCheckInsTable } from '../../store/tables';
import { keyResultSpec } from './key-result-spec';
import { Confidence, Measure } from './value-schemas';

const CheckIn = Type.Object({
  id: Id,
  keyResultId: Id,
  date: Type.String(),
  value: Type.Number(),
  confidence: Type.Number(),
  note: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String(),
  version: Type.Integer(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const Note = Type.String({ maxLength: 2000 });
const CheckInBody = Type.Object(
  { date: CalendarDate, value: Measure, confidence: Confidence, note: Type.Optional(Note) },
  { additionalProperties: false },
);
const CheckInPatch = Type.Object(
  {
    date: Type.Optional(CalendarDate),
    value: Type.Optional(Measure),
    confidence: Type.Optional(Confidence),
    note: Type.Optional(Type.Union([Note, Type.Null()])),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
type Body = { date: string; value: number; confidence: number; note?: string | null };
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** Check-ins on key results: record, list, and correct one (If-Match on the check-in's version). */
export function registerCheckInRoutes(app: FastifyInstance, store: Store): void {
  app.post(
    '/api/v1/key-results/:id/check-ins',
    {
      config: { permission: 'value.write' },
      schema: {
        tags: ['Key result'],
        summary:
          'Record a check-in: the metric value on a date and the confidence (0–1) of reaching the target',
        params: Type.Object({ id: Id }),
        body: CheckInBody,
        response: { 201: CheckIn, ...errors },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const body = request.body as Body;
      const now = new Date().toISOString();
      const row = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, keyResultSpec, principal, id, 'write');
        const row: KeyResultCheckInsTable = {
          id: randomUUID(),
          organisation_id: principal.organisationId,
          key_result_id: id,
          checked_on: body.date,
          value: body.value,
          confidence: body.confidence,
          note: body.note ?? null,
          recorded_by: principal.label,
          recorded_at: now,
          version: 1,
          updated_at: null,
        };
        await trx.insertInto('key_result_check_ins').values(row).execute();
        await recordAudit(trx, principal, now, {
          entityType: 'key_result',
          entityId: id,
          action: 'update',
          changes: { checkIn: { before: null, after: auditedFields(row) } },
        });
        return row;
      });
      void reply.status(201).header('etag', etagOf(row.version));
      return presentCheckIn(row);
    },
  );

  app.patch(
    '/api/v1/key-results/:id/check-ins/:checkInId',
    {
      config: { permission: 'value.write' },
      schema: {
        tags: ['Key result'],
        summary:
          'Correct a check-in (date, value, confidence, note); send its version as If-Match, a stale one answers 412',
        params: Type.Object({ id: Id, checkInId: Id }),
        body: CheckInPatch,
        response: { 200: CheckIn, ...errors, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      const { id, checkInId } = request.params as { id: string; checkInId: string };
      const { version, ...body } = request.body as Partial<Body> & { version?: number };
      const expected = expectedVersion(request, version);
      const now = new Date().toISOString();
      const row = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, keyResultSpec, principal, id, 'write');
        const before = await trx
          .selectFrom('key_result_check_ins')
          .selectAll()
          .where('id', '=', checkInId)
          .where('key_result_id', '=', id)
          .executeTakeFirst();
        if (!before)
          throw new ProblemError('not_found', `Key result ${id} has no check-in ${checkInId}.`, [
            { field: 'checkInId', message: 'not found' },
          ]);
        if (Number(before.version) !== expected)
          throw new ProblemError(
            'precondition_failed',
            `The check-in is at version ${before.version}, not ${expected}: someone else changed it.`,
            [],
            { current: presentCheckIn(before) },
          );
        const after: KeyResultCheckInsTable = {
          ...before,
          checked_on: body.date ?? before.checked_on,
          value: body.value ?? Number(before.value),
          confidence: body.confidence ?? Number(before.confidence),
          note: body.note === undefined ? before.note : body.note,
          version: Number(before.version) + 1,
          updated_at: now,
        };
        await trx
          .updateTable('key_result_check_ins')
          .set({
            checked_on: after.checked_on,
            value: after.value,
            confidence: after.confidence,
            note: after.note,
            version: after.version,
            updated_at: now,
          })
          .where('id', '=', checkInId)
          .execute();
        await recordAudit(trx, principal, now, {
          entityType: 'key_result',
          entityId: id,
          action: 'update',
          changes: { checkIn: { before: auditedFields(before), after: auditedFields(after) } },
        });
        return after;
      });
      void reply.header('etag', etagOf(row.version));
      return presentCheckIn(row);
    },
  );

  app.get(
    '/api/v1/key-results/:id/check-ins',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Key result'],
        summary: 'Check-ins of a key result, oldest first',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({ items: Type.Array(CheckIn) }),
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, keyResultSpec, principal, id, 'read');
      const rows = await store.db
        .selectFrom('key_result_check_ins')
        .selectAll()
        .where('key_result_id', '=', id)
        .orderBy('checked_on')
        .orderBy('recorded_at')
        .execute();
      return { items: rows.map(presentCheckIn) };
    },
  );
}

function auditedFields(r: KeyResultCheckInsTable) {
  return { id: r.id, date: r.checked_on, value: r.value, confidence: r.confidence, note: r.note };
}

function presentCheckIn(r: KeyResultCheckInsTable) {
  return {
    id: r.id,
    keyResultId: r.key_result_id,
    date: r.checked_on,
    value: Number(r.value),
    confidence: Number(r.confidence),
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}
