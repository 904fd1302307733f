import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { STATUS_CATEGORIES } from '../../../core/model/vocabulary';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import { Id, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { workItemSpec } from './spec';

const Category = stringEnum(STATUS_CATEGORIES);
const StatusChange = Type.Object({
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.String(),
  fromCategory: Type.Union([Category, Type.Null()]),
  toCategory: Category,
  changedAt: Timestamp,
  changedBy: Type.Union([Type.String(), Type.Null()]),
});

/** GET /api/v1/work-items/:id/status-history: every status change, oldest first. */
export function registerStatusHistoryRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/work-items/:id/status-history',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Work item'],
        summary: 'Status changes of a work item, oldest first',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({ items: Type.Array(StatusChange) }),
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, workItemSpec, principal, id, 'read');
      const rows = await store.db
        .selectFrom('work_item_status_changes')
        .selectAll()
        .where('work_item_id', '=', id)
        .orderBy('changed_at')
        .orderBy('id')
        .execute();
      return {
        items: rows.map((r) => ({
          fromStatus: r.from_status,
          toStatus: r.to_status,
          fromCategory: r.from_category,
          toCategory: r.to_category,
          changedAt: r.changed_at,
          changedBy: r.changed_by,
        })),
      };
    },
  );
}
