import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type CalendarEvent, renderCalendar } from '../../../core/export/icalendar';
import { authenticate } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { listRecords } from '../../resources/resource-service';
import type { RequestContext } from '../../resources/resource-spec';
import type { Store } from '../../store/database';
import { sprintSpec } from '../delivery/sprint-spec';
import { milestoneSpec } from '../milestones/spec';

const Query = Type.Object(
  {
    token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'API token (calendar clients cannot send headers)',
      }),
    ),
    projectId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this project’s milestones' })),
    teamId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this team’s sprints' })),
  },
  { additionalProperties: false },
);

/** Every readable record of a list, page by page. */
async function listAll(
  ctx: RequestContext,
  store: Store,
  spec: typeof milestoneSpec,
  filters: Record<string, unknown>,
) {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(store.db, ctx, spec, {
      ...filters,
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...(page.items as Record<string, unknown>[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < 20_000);
  return out;
}

/**
 * `GET /api/v1/calendar.ics?token=…`: an iCalendar feed (RFC 5545) of the milestones and sprints
 * the token's user may read, for a calendar client's "subscribe by URL". Calendar clients send no
 * Authorization header, so the API token travels in the query; a read-only token is enough.
 */
export function registerCalendarRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/calendar.ics',
    {
      // `public` only lets the request past the header check: the handler demands the token.
      config: { permission: 'public' },
      schema: {
        tags: ['Export'],
        summary: 'iCalendar feed of milestones and sprints, authenticated by an API token in the URL',
        querystring: Query,
        response: {
          200: Type.String({ description: 'text/calendar' }),
          400: ProblemSchema,
          401: ProblemSchema,
        },
      },
    },
    async (request: FastifyRequest, reply) => {
      const { token, projectId, teamId } = request.query as {
        token?: string;
        projectId?: string;
        teamId?: string;
      };
      if (token) request.headers.authorization = `Bearer ${token}`;
      else if (!request.headers.authorization)
        throw new ProblemError('unauthenticated', 'Add ?token=<API token> to the calendar URL.', [
          { field: 'token', message: 'is required' },
        ]);
      const principal = await authenticate(store, request);
      const ctx = { principal, now: new Date().toISOString() };
      const projects = new Map(
        (
          await store.db
            .selectFrom('projects')
            .select(['id', 'key'])
            .where('organisation_id', '=', principal.organisationId)
            .execute()
        ).map((p) => [p.id, p.key]),
      );
      const events: CalendarEvent[] = [];
      for (const m of await listAll(ctx, store, milestoneSpec, projectId ? { projectId } : {})) {
        events.push({
          uid: `milestone-${m.id}@triad`,
          stamp: String(m.updatedAt),
          start: String(m.dueDate),
          end: String(m.dueDate),
          summary: `${projects.get(String(m.projectId)) ?? ''} ${m.completedOn ? '✓ ' : ''}${m.name}`.trim(),
          description: (m.description as string | null) ?? null,
          categories: ['Milestone'],
        });
      }
      for (const s of await listAll(ctx, store, sprintSpec, teamId ? { teamId } : {})) {
        events.push({
          uid: `sprint-${s.id}@triad`,
          stamp: String(s.updatedAt),
          start: String(s.startDate),
          end: String(s.endDate),
          summary: String(s.name),
          description: (s.goal as string | null) ?? null,
          categories: ['Sprint'],
        });
      }
      events.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
      reply.header('cache-control', 'private, max-age=300');
      return reply
        .type('text/calendar; charset=utf-8')
        .send(renderCalendar('Triad milestones and sprints', events));
    },
  );
}
