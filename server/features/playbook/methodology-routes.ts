import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { GATE_OUTCOMES, METHODOLOGIES, type Methodology } from '../../../core/playbook/vocabulary';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { recordSchema } from '../../resources/resource-schemas';
import { createRecord, getRecord } from '../../resources/resource-service';
import type { RequestContext } from '../../resources/resource-spec';
import { CalendarDate, Id, Name, stringEnum } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { projectSpec } from '../projects/spec';
import { adoptTemplate, assertTemplateVisible } from './adopt-template';
import { decideGate, listGateReviews } from './gate-service';
import { presentProjectMethodology } from './methodology-view';
import { findProjectMethodology } from './project-methodology-store';
import { methodologyTemplateSpec } from './template-spec';
import { ensureDefaultTemplates, findDefaultTemplateId, getTemplateVersion } from './template-store';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const ProjectParams = Type.Object({ id: Id });
const View = Type.Object({
  projectId: Type.String(),
  templateId: Type.String(),
  templateName: Type.String(),
  methodology: Type.String(),
  templateVersion: Type.Integer(),
  latestTemplateVersion: Type.Union([Type.Integer(), Type.Null()]),
  currentPhase: Type.Union([Type.String(), Type.Null()]),
  adoptedBy: Type.String(),
  adoptedAt: Type.String(),
  version: Type.Integer(),
  roles: Type.Array(Type.Unknown()),
  phases: Type.Array(Type.Unknown()),
  documents: Type.Array(Type.Unknown()),
  gates: Type.Array(Type.Unknown(), {
    description: 'Each gate with its checklist state, readiness and reviews',
  }),
});
const Review = Type.Unknown({ description: 'A recorded gate decision' });

const context = async (store: Store, request: FastifyRequest): Promise<RequestContext> => ({
  principal: await authenticate(store, request),
  now: new Date().toISOString(),
});

/** Templates (defaults, clone, versions), each project's adopted playbook, checklists and gate reviews. */
export function registerMethodologyRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['Methodology template'];
  const templateRecord = recordSchema(methodologyTemplateSpec);

  app.post(
    '/api/v1/methodology-templates/defaults',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: "Create Triad's default template for each methodology the organisation lacks (idempotent)",
        response: { 200: Type.Object({ items: Type.Array(templateRecord) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const ctx = await context(store, request);
      requireWrite(ctx.principal);
      return store.db.transaction().execute(async (trx) => {
        await ensureDefaultTemplates(trx, ctx.principal.organisationId, ctx.now);
        const rows = await trx
          .selectFrom('methodology_templates')
          .select('id')
          .where('organisation_id', '=', ctx.principal.organisationId)
          .where('is_default', '=', 1)
          .orderBy('methodology')
          .execute();
        return {
          items: await Promise.all(rows.map((r) => getRecord(trx, ctx, methodologyTemplateSpec, r.id))),
        };
      });
    },
  );

  app.post(
    '/api/v1/methodology-templates/:id/clone',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags,
        summary: 'Copy a template (its current version) into a new, editable template',
        params: ProjectParams,
        body: Type.Object(
          { name: Type.Optional(Name), portfolioId: Type.Optional(Type.Union([Id, Type.Null()])) },
          { additionalProperties: false },
        ),
        response: { 201: templateRecord, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const ctx = await context(store, request);
      requireWrite(ctx.principal);
      const { id } = request.params as { id: string };
      const body = request.body as { name?: string; portfolioId?: string | null };
      const created = await store.db.transaction().execute(async (trx) => {
        const source = await getRecord(trx, ctx, methodologyTemplateSpec, id);
        const clone = await createRecord(trx, ctx, methodologyTemplateSpec, {
          name: body.name ?? `${String(source.name)} (copy)`,
          methodology: source.methodology,
          description: source.description,
          portfolioId: body.portfolioId === undefined ? source.portfolioId : body.portfolioId,
          content: source.content,
        });
        await trx
          .updateTable('methodology_templates')
          .set({ cloned_from_id: id })
          .where('id', '=', String(clone.id))
          .execute();
        return { ...clone, clonedFromId: id };
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/methodology-templates/:id/versions',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags,
        summary: 'Every saved version of a template, newest first, with the projects running on each',
        params: ProjectParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                templateVersion: Type.Integer(),
                name: Type.String(),
                createdAt: Type.String(),
                projectCount: Type.Integer(),
                content: Type.Unknown(),
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
      await assertRecordAccess(store.db, methodologyTemplateSpec, ctx.principal, id, 'read');
      const rows = await store.db
        .selectFrom('methodology_template_versions as v')
        .select(['v.template_version', 'v.name', 'v.created_at', 'v.content'])
        .select((eb) =>
          eb
            .selectFrom('project_methodologies as pm')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('pm.template_version_id', '=', 'v.id')
            .as('project_count'),
        )
        .where('v.template_id', '=', id)
        .orderBy('v.template_version', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          templateVersion: Number(r.template_version),
          name: r.name,
          createdAt: r.created_at,
          projectCount: Number(r.project_count ?? 0),
          content: JSON.parse(r.content),
        })),
      };
    },
  );

  app.post(
    '/api/v1/projects/:id/methodology',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags: ['Project playbook'],
        summary:
          "Start a project on a template's current version (or the organisation's default for a methodology)",
        params: ProjectParams,
        body: Type.Object(
          { templateId: Type.Optional(Id), methodology: Type.Optional(stringEnum(METHODOLOGIES)) },
          { additionalProperties: false },
        ),
        response: { 201: View, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      const body = request.body as { templateId?: string; methodology?: Methodology };
      if (!body.templateId === !body.methodology)
        throw fieldProblem(
          'validation_failed',
          'templateId',
          'give exactly one of templateId or methodology',
        );
      const view = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, projectSpec, ctx.principal, id, 'write');
        let templateId = body.templateId;
        if (body.methodology) {
          await ensureDefaultTemplates(trx, ctx.principal.organisationId, ctx.now);
          templateId = await findDefaultTemplateId(trx, ctx.principal.organisationId, body.methodology);
        } else {
          await assertTemplateVisible(trx, ctx.principal, String(templateId));
        }
        return presentProjectMethodology(trx, await adoptTemplate(trx, ctx, id, String(templateId)));
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/projects/:id/methodology',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Project playbook'],
        summary: "The project's playbook: template version, current phase, gates with readiness and reviews",
        params: ProjectParams,
        response: { 200: View, ...errors(401, 404) },
      },
    },
    async (request) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, projectSpec, ctx.principal, id, 'read');
      const link = await findProjectMethodology(store.db, id);
      if (!link) throw new ProblemError('not_found', 'The project has adopted no methodology template yet.');
      return presentProjectMethodology(store.db, link);
    },
  );

  app.put(
    '/api/v1/projects/:id/methodology/checklist',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags: ['Project playbook'],
        summary: 'Tick or untick a gate checklist item',
        params: ProjectParams,
        body: Type.Object(
          {
            gateKey: Type.String({ minLength: 1, maxLength: 40 }),
            itemKey: Type.String({ minLength: 1, maxLength: 40 }),
            done: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        response: { 200: View, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      const body = request.body as { gateKey: string; itemKey: string; done: boolean };
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, projectSpec, ctx.principal, id, 'write');
        const link = await findProjectMethodology(trx, id);
        if (!link)
          throw new ProblemError('not_found', 'The project has adopted no methodology template yet.');
        const template = await getTemplateVersion(trx, link.templateVersionId);
        const gate = template.content.gates.find((g) => g.key === body.gateKey);
        if (!gate)
          throw fieldProblem('validation_failed', 'gateKey', 'is not a gate of the project’s playbook');
        if (!gate.checklist.some((i) => i.key === body.itemKey))
          throw fieldProblem('validation_failed', 'itemKey', `is not an item of ${gate.name}'s checklist`);
        const key = `${body.gateKey}.${body.itemKey}`;
        const items = new Set(link.checkedItems);
        const before = items.has(key);
        if (body.done) items.add(key);
        else items.delete(key);
        if (before !== body.done) {
          await trx
            .updateTable('project_methodologies')
            .set({
              checked_items: JSON.stringify([...items].sort()),
              version: link.version + 1,
              updated_at: ctx.now,
            })
            .where('id', '=', link.id)
            .execute();
          await recordAudit(trx, ctx.principal, ctx.now, {
            entityType: 'project_methodology',
            entityId: link.id,
            action: 'update',
            changes: { [`checklist.${key}`]: { before, after: body.done } },
          });
        }
        return presentProjectMethodology(trx, (await findProjectMethodology(trx, id)) as typeof link);
      });
    },
  );

  app.post(
    '/api/v1/projects/:id/gates/:gateKey/reviews',
    {
      // Who may decide is the template's business: its approver roles, mapped to Triad roles.
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Project playbook'],
        summary: 'Record a gate decision (pass, pass with conditions, recycle, stop) with its rationale',
        params: Type.Object({ id: Id, gateKey: Type.String({ minLength: 1, maxLength: 40 }) }),
        body: Type.Object(
          {
            outcome: stringEnum(GATE_OUTCOMES),
            rationale: Type.String({ minLength: 1, maxLength: 5000 }),
            conditions: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 20 })),
            decidedOn: Type.Optional(CalendarDate),
          },
          { additionalProperties: false },
        ),
        response: { 201: Review, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = await context(store, request);
      requireWrite(ctx.principal);
      const { id, gateKey } = request.params as { id: string; gateKey: string };
      const review = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, projectSpec, ctx.principal, id, 'read');
        return decideGate(trx, ctx, id, gateKey, request.body as Parameters<typeof decideGate>[4]);
      });
      return reply.status(201).send(review);
    },
  );

  app.get(
    '/api/v1/projects/:id/gate-reviews',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Project playbook'],
        summary: 'Every gate decision of the project, oldest first',
        params: ProjectParams,
        response: { 200: Type.Object({ items: Type.Array(Review) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const ctx = await context(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, projectSpec, ctx.principal, id, 'read');
      return { items: await listGateReviews(store.db, id) };
    },
  );
}
