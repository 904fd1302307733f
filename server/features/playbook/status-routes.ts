import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Rag } from '../../../core/playbook/vocabulary';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import { presentRows } from '../../resources/resource-presenter';
import { recordSchema } from '../../resources/resource-schemas';
import { createRecord, getRecord } from '../../resources/resource-service';
import type { RequestContext } from '../../resources/resource-spec';
import { CalendarDate, Id, Money } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { portfolioSpec } from '../portfolios/spec';
import { projectSpec } from '../projects/spec';
import { renderStatusMarkdown, renderTextPdf } from './status-export';
import { HealthSchema, statusReportSpec } from './status-report-spec';
import { computeProjectStatus } from './status-signals';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const Params = Type.Object({ id: Id });
const today = () => new Date().toISOString().slice(0, 10);
const context = async (store: Store, request: FastifyRequest): Promise<RequestContext> => ({
  principal: await authenticate(store, request),
  now: new Date().toISOString(),
});
const Dimension = Type.Object({
  rag: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.Array(Type.String()),
});

/** Status drafts pre-filled from data, exports, project health and the portfolio status roll-up. */
export function registerStatusRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['Status report'];

  app.post(
    '/api/v1/projects/:id/status-reports/draft',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags,
        summary: 'Create a draft status report pre-filled from milestones, RAID, budget burn and throughput',
        params: Params,
        body: Type.Object(
          {
            periodEnd: Type.Optional(CalendarDate),
            actualCost: Type.Optional(Type.Union([Money, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: recordSchema(statusReportSpec), ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const ctx = await context(store, request);
      requireWrite(ctx.principal);
      const { id } = request.params as { id: string };
      const body = (request.body ?? {}) as { periodEnd?: string; actualCost?: number | null };
      const periodEnd = body.periodEnd ?? today();
      const created = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, projectSpec, ctx.principal, id, 'read');
        const { signals, draft, health } = await computeProjectStatus(
          trx,
          ctx.principal.organisationId,
          id,
          periodEnd,
          body.actualCost,
        );
        const reasons = (k: keyof typeof draft) => draft[k].reasons.join('; ');
        const record = await createRecord(trx, ctx, statusReportSpec, {
          projectId: id,
          periodEnd,
          scheduleRag: draft.schedule.rag,
          costRag: draft.cost.rag,
          scopeRag: draft.scope.rag,
          riskRag: draft.risk.rag,
          overallRag: draft.overall.rag,
          actualCost: signals.actualCost,
          comments: {
            schedule: reasons('schedule'),
            cost: reasons('cost'),
            scope: reasons('scope'),
            risk: reasons('risk'),
          },
        });
        await trx
          .updateTable('status_reports')
          .set({ signals: JSON.stringify({ ...signals, draft, health: health.score }) })
          .where('id', '=', String(record.id))
          .execute();
        return getRecord(trx, ctx, statusReportSpec, String(record.id));
      });
      return reply
        .status(201)
        .header('location', `/api/v1/status-reports/${String(created.id)}`)
        .send(created);
    },
  );

  app.get(
    '/api/v1/status-reports/:id/export',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags,
        summary: 'The report as Markdown (format=markdown, the default) or PDF (format=pdf)',
        params: Params,
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('markdown'), Type.Literal('pdf')])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      const report = await getRecord(store.db, ctx, statusReportSpec, id);
      const project = await store.db
        .selectFrom('projects')
        .select(['key', 'name'])
        .where('id', '=', String(report.projectId))
        .executeTakeFirstOrThrow();
      const markdown = renderStatusMarkdown(report, project);
      const name = `status-${project.key}-${String(report.periodEnd)}`;
      if ((request.query as { format?: string }).format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(renderTextPdf(markdown));
      }
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.md"`)
        .send(markdown);
    },
  );

  app.get(
    '/api/v1/projects/:id/health',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Project playbook'],
        summary: 'Project health score from its signals, with the formula and the reasons per dimension',
        params: Params,
        querystring: Type.Object({ asOf: Type.Optional(CalendarDate) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            asOf: Type.String(),
            score: Type.Union([Type.Number(), Type.Null()]),
            rating: Type.Union([Type.String(), Type.Null()]),
            formula: Type.String(),
            components: Type.Array(Type.Unknown()),
            dimensions: Type.Object({
              schedule: Dimension,
              cost: Dimension,
              scope: Dimension,
              risk: Dimension,
              overall: Dimension,
            }),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, projectSpec, ctx.principal, id, 'read');
      const asOf = (request.query as { asOf?: string }).asOf ?? today();
      const { draft, health } = await computeProjectStatus(store.db, ctx.principal.organisationId, id, asOf);
      return { asOf, ...health, dimensions: draft };
    },
  );

  app.get(
    '/api/v1/portfolios/:id/status-rollup',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Portfolio'],
        summary: "Each project's latest published status report and the portfolio's RAG counts",
        params: Params,
        response: {
          200: Type.Object({
            portfolioId: Type.String(),
            counts: Type.Object({
              green: Type.Integer(),
              amber: Type.Integer(),
              red: Type.Integer(),
              none: Type.Integer(),
            }),
            averageHealth: Type.Union([Type.Number(), Type.Null()]),
            projects: Type.Array(
              Type.Object({
                projectId: Type.String(),
                key: Type.String(),
                name: Type.String(),
                latest: Type.Union([
                  Type.Object({
                    id: Type.String(),
                    periodEnd: Type.String(),
                    scheduleRag: Type.Union([Type.String(), Type.Null()]),
                    costRag: Type.Union([Type.String(), Type.Null()]),
                    scopeRag: Type.Union([Type.String(), Type.Null()]),
                    riskRag: Type.Union([Type.String(), Type.Null()]),
                    overallRag: Type.Union([Type.String(), Type.Null()]),
                    health: HealthSchema,
                    publishedAt: Type.Union([Type.String(), Type.Null()]),
                  }),
                  Type.Null(),
                ]),
                reports: Type.Integer(),
              }),
            ),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, portfolioSpec, ctx.principal, id, 'read');
      let projects = store.db
        .selectFrom('projects')
        .select(['id', 'key', 'name'])
        .where('organisation_id', '=', ctx.principal.organisationId)
        .where('portfolio_id', '=', id);
      const visible = accessFilter(projectSpec, ctx.principal);
      if (visible) projects = projects.where(visible);
      const list = await projects.orderBy('name').orderBy('id').execute();
      let reportQuery = store.db
        .selectFrom('status_reports')
        .selectAll()
        .where('state', '=', 'published')
        .where('project_id', 'in', list.length === 0 ? [''] : list.map((p) => p.id));
      const reportFilter = accessFilter(statusReportSpec, ctx.principal);
      if (reportFilter) reportQuery = reportQuery.where(reportFilter);
      const reports = await presentRows(
        store.db,
        statusReportSpec,
        await reportQuery.orderBy('period_end', 'desc').orderBy('published_at', 'desc').execute(),
      );
      const counts = { green: 0, amber: 0, red: 0, none: 0 };
      const scores: number[] = [];
      const rows = list.map((p) => {
        const mine = reports.filter((r) => r.projectId === p.id);
        const latest = mine[0];
        const overall = (latest?.overallRag ?? null) as Rag | null;
        counts[overall ?? 'none'] += 1;
        const health = latest?.health as { score: number | null } | undefined;
        if (health?.score !== null && health?.score !== undefined) scores.push(health.score);
        return { projectId: p.id, key: p.key, name: p.name, latest: latest ?? null, reports: mine.length };
      });
      return {
        portfolioId: id,
        counts,
        averageHealth:
          scores.length === 0
            ? null
            : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
        projects: rows,
      };
    },
  );
}
