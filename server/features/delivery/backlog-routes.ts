import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { workItemSpec } from '../work-items/spec';
import { IdParams, Nullable } from './schemas';
import { teamDeliverySpec } from './team-access';
import { loadAncestors, type ParentRow } from './work-item-ancestors';

/** The backlog holds at most this many items; ranking beyond it happens in the work-item list. */
const BACKLOG_CAP = 2_000;

const Parent = Nullable(Type.Object({ id: Type.String(), key: Type.String(), title: Type.String() }));
const BacklogItem = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  key: Type.String(),
  title: Type.String(),
  type: Type.String(),
  status: Type.String(),
  rank: Nullable(Type.Number()),
  estimate: Nullable(Type.Number()),
  estimateUnit: Nullable(Type.String()),
  feature: Parent,
  epic: Parent,
});

/**
 * GET /api/v1/teams/:id/backlog: the team's stories, tasks and bugs not yet started, in rank
 * order (unranked last, oldest first), each with its feature and epic, so the web app can show
 * epics → features → stories and reorder through POST /work-items/:id/rank.
 */
export function registerBacklogRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/teams/:id/backlog',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Delivery'],
        summary: "A team's ranked backlog of unstarted stories, tasks and bugs with their feature and epic",
        params: IdParams,
        response: {
          200: Type.Object({
            teamId: Type.String(),
            items: Type.Array(BacklogItem),
            truncated: Type.Boolean(),
          }),
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, teamDeliverySpec, principal, id, 'read');
      let query = store.db
        .selectFrom('work_items')
        .select([
          'id',
          'version',
          'key',
          'title',
          'type',
          'status',
          'rank',
          'estimate',
          'estimate_unit',
          'parent_id',
          'created_at',
        ])
        .where('organisation_id', '=', principal.organisationId)
        .where('team_id', '=', id)
        .where('type', 'not in', ['epic', 'feature'])
        .where('status_category', '=', 'todo');
      const restrict = accessFilter(workItemSpec, principal, 'read');
      if (restrict) query = query.where(restrict);
      const rows = await query.limit(BACKLOG_CAP + 1).execute();
      // Ranked items first in rank order, then the unranked by age: SQLite and PostgreSQL sort
      // nulls differently, so the order is fixed here.
      rows.sort((a, b) => {
        const ra = a.rank === null ? null : Number(a.rank);
        const rb = b.rank === null ? null : Number(b.rank);
        if (ra !== null && rb !== null && ra !== rb) return ra - rb;
        if ((ra === null) !== (rb === null)) return ra === null ? 1 : -1;
        return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.key < b.key ? -1 : 1;
      });
      const kept = rows.slice(0, BACKLOG_CAP);
      const parents = await loadAncestors(
        store.db,
        kept.map((r) => r.parent_id),
      );
      return {
        teamId: id,
        truncated: rows.length > BACKLOG_CAP,
        items: kept.map((r) => {
          const parent = r.parent_id ? parents.get(r.parent_id) : undefined;
          const grand = parent?.parent_id ? parents.get(parent.parent_id) : undefined;
          const feature = parent?.type === 'feature' ? parent : undefined;
          const epic = parent?.type === 'epic' ? parent : grand?.type === 'epic' ? grand : undefined;
          const brief = (p: ParentRow | undefined) => (p ? { id: p.id, key: p.key, title: p.title } : null);
          return {
            id: r.id,
            version: Number(r.version),
            key: r.key,
            title: r.title,
            type: r.type,
            status: r.status,
            rank: r.rank === null ? null : Number(r.rank),
            estimate: r.estimate === null ? null : Number(r.estimate),
            estimateUnit: r.estimate_unit,
            feature: brief(feature),
            epic: brief(epic),
          };
        }),
      };
    },
  );
}
