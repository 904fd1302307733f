import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { groupDailyCountsByWeek } from '../../../core/flow/throughput';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import { accessFilter, assertReadableReference } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { fieldProblem } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { referenceExists } from '../../resources/resource-store';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { projectSpec } from '../projects/spec';
import { workItemSpec } from '../work-items/spec';
import { listDailyDoneCounts } from './throughput-store';

const MAX_DAYS = 3660;

const Query = Type.Object(
  {
    teamId: Type.Optional(Id),
    projectId: Type.Optional(Id),
    from: CalendarDate,
    to: CalendarDate,
  },
  { additionalProperties: false },
);

const Response = Type.Object({
  definition: Type.String(),
  from: Type.String(),
  to: Type.String(),
  perDay: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
  perWeek: Type.Array(
    Type.Object({
      week: Type.String(),
      weekStart: Type.String(),
      count: Type.Integer(),
      days: Type.Integer(),
    }),
  ),
});

/** GET /api/v1/flow/throughput: finished stories, tasks and bugs per day and per ISO week. */
export function registerThroughputRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/flow/throughput',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Flow metrics'],
        summary: 'Throughput per day and per ISO week for a team, a project or the organisation',
        querystring: Query,
        response: { 200: Response, 400: ProblemSchema, 401: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as { teamId?: string; projectId?: string; from: string; to: string };
      const fromDay = getDayNumber(q.from);
      const toDay = getDayNumber(q.to);
      if (toDay < fromDay) throw fieldProblem('validation_failed', 'to', 'is before from');
      if (toDay - fromDay > MAX_DAYS)
        throw fieldProblem('validation_failed', 'to', `spans more than ${MAX_DAYS} days`);
      if (q.teamId && !(await referenceExists(store.db, 'teams', principal.organisationId, q.teamId))) {
        throw fieldProblem('invalid_reference', 'teamId', 'does not name a team of this organisation');
      }
      if (q.projectId) await assertReadableReference(store, projectSpec, principal, q.projectId, 'projectId');
      // Only the work items the caller may read are counted.
      const rows = await listDailyDoneCounts(store.db, accessFilter(workItemSpec, principal), {
        organisationId: principal.organisationId,
        teamId: q.teamId,
        projectId: q.projectId,
        from: q.from,
        toExclusive: addDays(q.to, 1),
      });
      const counts = new Int32Array(toDay - fromDay + 1);
      for (const r of rows) counts[getDayNumber(r.day) - fromDay] = r.count;
      return {
        definition:
          'Throughput: stories, tasks and bugs whose done date falls on the day (Kanban Guide). Epics and features are not counted.',
        from: q.from,
        to: q.to,
        perDay: Array.from(counts, (count, i) => ({ date: addDays(q.from, i), count })),
        perWeek: groupDailyCountsByWeek(counts, fromDay, toDay),
      };
    },
  );
}
