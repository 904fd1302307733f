import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isPassingOutcome } from '../../../core/playbook/gate-readiness';
import {
  carryOverProjectState,
  computeTemplateChanges,
  describeTemplateChanges,
} from '../../../core/playbook/template-diff';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { expectedVersion } from '../../http/if-match';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { projectSpec } from '../projects/spec';
import { listGateReviews } from './gate-service';
import { findProjectMethodology, type ProjectMethodologyRow } from './project-methodology-store';
import { getTemplateVersion } from './template-store';

// Moving a running project to another version of its template: a preview of what changes, and
// the explicit, recorded decision. Template edits alone never move a project.

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const tags = ['Project playbook'];
const Preview = Type.Object({
  fromVersion: Type.Integer(),
  toVersion: Type.Integer(),
  changes: Type.Unknown({
    description: 'Phases, gates, documents and roles added or removed; gates changed',
  }),
  summary: Type.Array(Type.String()),
  currentPhase: Type.Object({
    before: Type.Union([Type.String(), Type.Null()]),
    after: Type.Union([Type.String(), Type.Null()]),
  }),
  droppedChecklistItems: Type.Array(Type.String()),
});
const Move = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  fromVersion: Type.Integer(),
  toVersion: Type.Integer(),
  summary: Type.Array(Type.String()),
  rationale: Type.String(),
  decidedBy: Type.String(),
  decidedAt: Type.String(),
});

async function loadPreview(trx: Trx, projectId: string, toVersion: number) {
  const link = await findProjectMethodology(trx, projectId);
  if (!link) throw new ProblemError('not_found', 'The project has adopted no methodology template yet.');
  const target = await trx
    .selectFrom('methodology_template_versions')
    .select('id')
    .where('template_id', '=', link.templateId)
    .where('template_version', '=', toVersion)
    .executeTakeFirst();
  if (!target)
    throw fieldProblem('validation_failed', 'toVersion', `the template has no version ${toVersion}`);
  const from = await getTemplateVersion(trx, link.templateVersionId);
  const to = await getTemplateVersion(trx, target.id);
  const changes = computeTemplateChanges(from.content, to.content);
  const reviews = await listGateReviews(trx, projectId);
  const carried = carryOverProjectState(to.content, {
    currentPhase: link.currentPhase,
    checkedItems: link.checkedItems,
    passedGates: reviews.filter((r) => isPassingOutcome(r.outcome)).map((r) => r.gateKey),
  });
  const preview = {
    fromVersion: link.templateVersion,
    toVersion,
    changes,
    summary: describeTemplateChanges(changes),
    currentPhase: { before: link.currentPhase, after: carried.currentPhase },
    droppedChecklistItems: carried.droppedItems,
  };
  return { link, target: to, carried, preview };
}

export function registerTemplateMoveRoutes(app: FastifyInstance, store: Store): void {
  const context = async (request: Parameters<typeof authenticate>[1]): Promise<RequestContext> => ({
    principal: await authenticate(store, request),
    now: new Date().toISOString(),
  });

  app.get(
    '/api/v1/projects/:id/methodology/moves/preview',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags,
        summary: 'What moving the project to another version of its template would change',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({ toVersion: Type.Integer({ minimum: 1 }) }),
        response: { 200: Preview, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const ctx = await context(request);
      const { id } = request.params as { id: string };
      const { toVersion } = request.query as { toVersion: number };
      await assertRecordAccess(store.db, projectSpec, ctx.principal, id, 'read');
      return (await loadPreview(store.db, id, toVersion)).preview;
    },
  );

  app.post(
    '/api/v1/projects/:id/methodology/moves',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags,
        summary:
          'Move the project to another version of its template, recording the changes and the rationale (If-Match: the playbook version)',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            toVersion: Type.Integer({ minimum: 1 }),
            rationale: Type.String({ minLength: 1, maxLength: 5000 }),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Move, ...errors(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const ctx = await context(request);
      const { id } = request.params as { id: string };
      const body = request.body as { toVersion: number; rationale: string; version?: number };
      const expected = expectedVersion(request, body.version);
      const move = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, projectSpec, ctx.principal, id, 'write');
        const { link, target, carried, preview } = await loadPreview(trx, id, body.toVersion);
        if (link.version !== expected)
          throw new ProblemError(
            'precondition_failed',
            `The project's playbook is at version ${link.version}, not ${expected}: someone changed it.`,
          );
        if (body.toVersion === link.templateVersion)
          throw fieldProblem(
            'conflict',
            'toVersion',
            `the project already runs on version ${body.toVersion}`,
          );
        return recordMove(trx, ctx, link, target.id, carried, preview, body.rationale.trim());
      });
      return reply.status(201).send(move);
    },
  );

  app.get(
    '/api/v1/projects/:id/methodology/moves',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags,
        summary: 'Every recorded move of the project to another template version, oldest first',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ items: Type.Array(Move) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const ctx = await context(request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, projectSpec, ctx.principal, id, 'read');
      const rows = await store.db
        .selectFrom('project_template_moves')
        .selectAll()
        .where('project_id', '=', id)
        .orderBy('decided_at')
        .execute();
      return { items: rows.map(presentMove) };
    },
  );
}

type Preview = Awaited<ReturnType<typeof loadPreview>>['preview'];

async function recordMove(
  trx: Trx,
  ctx: RequestContext,
  link: ProjectMethodologyRow,
  targetId: string,
  carried: { currentPhase: string | null; checkedItems: string[] },
  preview: Preview,
  rationale: string,
) {
  await trx
    .updateTable('project_methodologies')
    .set({
      template_version_id: targetId,
      template_version: preview.toVersion,
      current_phase: carried.currentPhase,
      checked_items: JSON.stringify(carried.checkedItems),
      version: link.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', link.id)
    .execute();
  const row = {
    id: randomUUID(),
    organisation_id: ctx.principal.organisationId,
    project_id: link.projectId,
    from_version: preview.fromVersion,
    to_version: preview.toVersion,
    to_version_id: targetId,
    changes: JSON.stringify({ ...preview.changes, summary: preview.summary }),
    rationale,
    decided_by: ctx.principal.label,
    decided_at: ctx.now,
  };
  await trx.insertInto('project_template_moves').values(row).execute();
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: 'project_methodology',
    entityId: link.id,
    action: 'update',
    changes: {
      templateVersion: { before: preview.fromVersion, after: preview.toVersion },
      currentPhase: { before: link.currentPhase, after: carried.currentPhase },
      rationale: { before: null, after: rationale },
    },
  });
  return presentMove(row);
}

function presentMove(r: {
  id: string;
  project_id: string;
  from_version: number;
  to_version: number;
  changes: string;
  rationale: string;
  decided_by: string;
  decided_at: string;
}) {
  const changes = JSON.parse(r.changes) as { summary?: string[] };
  return {
    id: r.id,
    projectId: r.project_id,
    fromVersion: Number(r.from_version),
    toVersion: Number(r.to_version),
    summary: changes.summary ?? [],
    rationale: r.rationale,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}
