import { Type } from 'typebox';
import { computeHealthScore } from '../../../core/playbook/health';
import { type Rag as RagRating, STATUS_REPORT_STATES } from '../../../core/playbook/vocabulary';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { RequestContext, ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Money, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import { projectRecordAccess } from './playbook-access';
import { Nullable, Rag } from './playbook-schemas';

const Comment = Type.Optional(Type.String({ maxLength: 5000 }));
const Comments = Type.Object(
  { schedule: Comment, cost: Comment, scope: Comment, risk: Comment, overall: Comment },
  { additionalProperties: false },
);
export const HealthSchema = Type.Object({
  score: Nullable(Type.Number()),
  rating: Nullable(Rag),
  formula: Type.String(),
});

/**
 * A periodic status report: RAG per dimension with comments. Drafts are pre-filled from data
 * (POST /projects/:id/status-reports/draft) and edited by the project manager; publishing freezes
 * the report, so the list by project is its history.
 */
export const statusReportSpec: ResourceSpec = {
  path: 'status-reports',
  table: 'status_reports',
  entityType: 'status_report',
  title: 'Status report',
  defaultSort: '-periodEnd',
  access: projectRecordAccess('status_reports'),
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    periodEnd: {
      column: 'period_end',
      schema: CalendarDate,
      create: 'required',
      sortable: true,
      filter: 'range',
    },
    state: { column: 'state', schema: stringEnum(STATUS_REPORT_STATES), defaultValue: 'draft', filter: 'eq' },
    scheduleRag: { column: 'schedule_rag', schema: Rag, nullable: true },
    costRag: { column: 'cost_rag', schema: Rag, nullable: true },
    scopeRag: { column: 'scope_rag', schema: Rag, nullable: true },
    riskRag: { column: 'risk_rag', schema: Rag, nullable: true },
    overallRag: { column: 'overall_rag', schema: Rag, nullable: true, filter: 'eq' },
    summary: { column: 'summary', schema: LongText, nullable: true },
    comments: { column: 'comments', schema: Comments, json: true, defaultValue: {} },
    actualCost: { column: 'actual_cost', schema: Money, nullable: true },
    signals: {
      column: 'signals',
      schema: Type.Unknown({
        description: 'What the draft was pre-filled from, with the reasons per dimension',
      }),
      create: 'readonly',
      json: true,
    },
    publishedAt: { column: 'published_at', schema: Timestamp, nullable: true, create: 'readonly' },
    publishedBy: { column: 'published_by', schema: Type.String(), nullable: true, create: 'readonly' },
  },
  extraResponseFields: { health: HealthSchema },
  hooks: {
    async beforeCreate(_trx, ctx, row) {
      if (row.state === 'published') publish(ctx, row, row);
    },
    async beforeUpdate(_trx, ctx, before, changes) {
      if (before.state === 'published')
        throw new ProblemError(
          'conflict',
          'A published status report is part of the history and cannot change; write the next one instead.',
          [{ field: 'state', message: 'is published' }],
        );
      if (changes.state === 'published') publish(ctx, { ...before, ...changes }, changes);
    },
    async present(_trx, records) {
      for (const r of records) {
        const { score, rating, formula } = computeHealthScore({
          schedule: r.scheduleRag as RagRating | null,
          cost: r.costRag as RagRating | null,
          scope: r.scopeRag as RagRating | null,
          risk: r.riskRag as RagRating | null,
        });
        r.health = { score, rating, formula };
      }
    },
  },
};

function publish(
  ctx: RequestContext,
  merged: Record<string, unknown>,
  target: Record<string, unknown>,
): void {
  if (merged.overall_rag === null || merged.overall_rag === undefined)
    throw fieldProblem('validation_failed', 'overallRag', 'is required to publish');
  target.published_at = ctx.now;
  target.published_by = ctx.principal.label;
}
