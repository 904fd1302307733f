import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { workItemSpec } from '../work-items/spec';
import { computeNewRank } from './backlog-rank';
import { BlockBody, BlockResponse, IdParams, RankBody, RankResponse } from './schemas';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

/** Blocked flags (with reason and time) and backlog ranking of work items. */
export function registerWorkItemActionRoutes(app: FastifyInstance, store: Store): void {
  const flag = (blocked: boolean) => async (request: import('fastify').FastifyRequest) => {
    const principal = await authenticate(store, request);
    requireWrite(principal);
    const { id } = request.params as { id: string };
    const now = new Date().toISOString();
    return store.db.transaction().execute(async (trx) => {
      await assertRecordAccess(trx, workItemSpec, principal, id, 'write');
      const open = await trx
        .selectFrom('work_item_blocks')
        .selectAll()
        .where('work_item_id', '=', id)
        .where('unblocked_at', 'is', null)
        .executeTakeFirst();
      if (blocked && open) throw new ProblemError('conflict', `The item is already blocked: ${open.reason}`);
      if (!blocked && !open) throw new ProblemError('conflict', 'The item is not blocked.');
      let row: { reason: string; blocked_at: string; unblocked_at: string | null };
      if (blocked) {
        const reason = (request.body as { reason: string }).reason.trim();
        row = { reason, blocked_at: now, unblocked_at: null };
        await trx
          .insertInto('work_item_blocks')
          .values({
            id: randomUUID(),
            organisation_id: principal.organisationId,
            work_item_id: id,
            reason,
            blocked_at: now,
            blocked_by: principal.userId,
            unblocked_at: null,
            unblocked_by: null,
          })
          .execute();
      } else {
        const o = open as NonNullable<typeof open>;
        row = { reason: o.reason, blocked_at: o.blocked_at, unblocked_at: now };
        await trx
          .updateTable('work_item_blocks')
          .set({ unblocked_at: now, unblocked_by: principal.userId })
          .where('id', '=', o.id)
          .execute();
      }
      await recordAudit(trx, principal, now, {
        entityType: 'work_item',
        entityId: id,
        action: 'update',
        changes: { blocked: { before: blocked ? null : row.reason, after: blocked ? row.reason : null } },
      });
      return {
        workItemId: id,
        blocked,
        reason: row.reason,
        blockedAt: row.blocked_at,
        unblockedAt: row.unblocked_at,
      };
    });
  };

  app.post(
    '/api/v1/work-items/:id/block',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Delivery'],
        summary: 'Flag a work item as blocked, with the reason (the time is now)',
        params: IdParams,
        body: BlockBody,
        response: { 200: BlockResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    flag(true),
  );
  app.post(
    '/api/v1/work-items/:id/unblock',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Delivery'],
        summary: 'Clear the blocked flag of a work item',
        params: IdParams,
        response: { 200: BlockResponse, ...errors(401, 403, 404, 409) },
      },
    },
    flag(false),
  );

  app.post(
    '/api/v1/work-items/:id/rank',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Delivery'],
        summary: 'Move a backlog item just before or just after another (fractional ranks)',
        params: IdParams,
        body: RankBody,
        response: { 200: RankResponse, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const { id } = request.params as { id: string };
      const body = request.body as { before?: string; after?: string };
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, workItemSpec, principal, id, 'write');
        const anchor = body.before ?? body.after;
        if (anchor) {
          try {
            await assertRecordAccess(trx, workItemSpec, principal, anchor, 'read');
          } catch {
            const field = body.before ? 'before' : 'after';
            throw new ProblemError('invalid_reference', `${field}: no such work item ${anchor}`, [
              { field, message: 'does not name a work item you can see' },
            ]);
          }
        }
        const { rank, others } = await computeNewRank(trx, principal.organisationId, id, body);
        const moves = new Map(others).set(id, rank);
        const before = await trx
          .selectFrom('work_items')
          .select(['id', 'rank'])
          .where('id', 'in', [...moves.keys()])
          .execute();
        for (const [itemId, value] of moves) {
          await trx
            .updateTable('work_items')
            .set({ rank: value, version: sql`version + 1`, updated_at: now })
            .where('id', '=', itemId)
            .execute();
          await recordAudit(trx, principal, now, {
            entityType: 'work_item',
            entityId: itemId,
            action: 'update',
            changes: { rank: { before: before.find((b) => b.id === itemId)?.rank ?? null, after: value } },
          });
        }
        const row = await trx
          .selectFrom('work_items')
          .select(['id', 'rank', 'version'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { id: row.id, rank: Number(row.rank), version: Number(row.version) };
      });
    },
  );
}
