import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { keyResultSpec } from './key-result-spec';
import { buildStrategyTree, StrategyTree } from './strategy-tree';
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
});
const CheckInBody = Type.Object(
  {
    date: CalendarDate,
    value: Measure,
    confidence: Confidence,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** Check-ins on key results and the strategy tree. */
export function registerOkrRoutes(app: FastifyInstance, store: Store): void {
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
        response: {
          201: CheckIn,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const body = request.body as { date: string; value: number; confidence: number; note?: string };
      const now = new Date().toISOString();
      const row = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, keyResultSpec, principal, id, 'write');
        const row = {
          id: randomUUID(),
          organisation_id: principal.organisationId,
          key_result_id: id,
          checked_on: body.date,
          value: body.value,
          confidence: body.confidence,
          note: body.note ?? null,
          recorded_by: principal.label,
          recorded_at: now,
        };
        await trx.insertInto('key_result_check_ins').values(row).execute();
        await recordAudit(trx, principal, now, {
          entityType: 'key_result',
          entityId: id,
          action: 'update',
          changes: {
            checkIn: {
              before: null,
              after: { date: body.date, value: body.value, confidence: body.confidence },
            },
          },
        });
        return row;
      });
      reply.status(201);
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

  app.get(
    '/api/v1/goals/tree',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Goal'],
        summary:
          'Strategy tree: goals with key-result progress, the share of spend (project budgets) and of team capacity aligned to each, and unaligned work',
        querystring: Type.Object(
          {
            asOf: Type.Optional(CalendarDate),
            capacityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660, default: 90 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: StrategyTree, 400: ProblemSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as { asOf?: string; capacityDays?: number };
      return buildStrategyTree(store.db, principal, {
        asOf: q.asOf ?? new Date().toISOString().slice(0, 10),
        capacityDays: q.capacityDays ?? 90,
      });
    },
  );
}

function presentCheckIn(r: {
  id: string;
  key_result_id: string;
  checked_on: string;
  value: number;
  confidence: number;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}) {
  return {
    id: r.id,
    keyResultId: r.key_result_id,
    date: r.checked_on,
    value: Number(r.value),
    confidence: Number(r.confidence),
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}
