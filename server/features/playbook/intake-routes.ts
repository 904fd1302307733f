import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findIntakeForm } from '../../../core/playbook/intake';
import type { Methodology } from '../../../core/playbook/vocabulary';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { expectedVersion } from '../../http/if-match';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { recordSchema } from '../../resources/resource-schemas';
import { createRecord, getRecord } from '../../resources/resource-service';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id, Name, stringEnum } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { projectSpec } from '../projects/spec';
import { adoptTemplate } from './adopt-template';
import { projectDocumentSpec } from './document-spec';
import { projectProposalSpec } from './proposal-spec';
import { getTemplateVersion } from './template-store';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const DECISIONS = ['accept', 'reject', 'defer'] as const;
type TriageDecision = (typeof DECISIONS)[number];
const STATE_OF: Record<TriageDecision, string> = {
  accept: 'accepted',
  reject: 'rejected',
  defer: 'deferred',
};
// Scrum and Kanban projects are agile projects in the portfolio model.
const APPROACH_OF: Record<Methodology, string> = {
  predictive: 'predictive',
  scrum: 'agile',
  kanban: 'agile',
  hybrid: 'hybrid',
};

const TriageBody = Type.Object(
  {
    decision: stringEnum(DECISIONS),
    rationale: Type.String({ minLength: 1, maxLength: 5000 }),
    project: Type.Optional(
      Type.Object(
        {
          key: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,9}$', description: 'Key of the new project' }),
          name: Type.Optional(Name),
          startDate: Type.Optional(CalendarDate),
        },
        { additionalProperties: false },
      ),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
interface Triage {
  decision: TriageDecision;
  rationale: string;
  project?: { key: string; name?: string; startDate?: string };
  version?: number;
}

/** Intake triage: a proposal accepted into a project on its playbook, rejected or deferred. */
export function registerIntakeRoutes(app: FastifyInstance, store: Store): void {
  app.post(
    '/api/v1/project-proposals/:id/triage',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags: ['Project proposal'],
        summary:
          'Triage a proposal: accept it into a new project on its playbook, reject or defer it, with the rationale (If-Match)',
        params: Type.Object({ id: Id }),
        body: TriageBody,
        response: {
          200: recordSchema(projectProposalSpec),
          ...errors(400, 401, 403, 404, 409, 412, 422, 428),
        },
      },
    },
    async (request) => {
      const ctx: RequestContext = {
        principal: await authenticate(store, request),
        now: new Date().toISOString(),
      };
      const { id } = request.params as { id: string };
      const body = request.body as Triage;
      const expected = expectedVersion(request, body.version);
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, projectProposalSpec, ctx.principal, id, 'write');
        return triageProposal(trx, ctx, id, expected, body);
      });
    },
  );
}

async function triageProposal(trx: Trx, ctx: RequestContext, id: string, expected: number, body: Triage) {
  const proposal = await getRecord(trx, ctx, projectProposalSpec, id);
  if (proposal.version !== expected)
    throw new ProblemError('precondition_failed', 'Someone changed the proposal since you read it.', [], {
      current: proposal,
    });
  if (proposal.state === 'accepted' || proposal.state === 'rejected')
    throw new ProblemError('conflict', `The proposal was already ${String(proposal.state)}.`, [
      { field: 'state', message: `is ${String(proposal.state)}` },
    ]);
  let projectId: string | null = null;
  if (body.decision === 'accept') {
    if (!body.project)
      throw fieldProblem('validation_failed', 'project.key', 'is required to accept a proposal');
    projectId = await createProjectFromProposal(trx, ctx, proposal, body.project);
  }
  await trx
    .updateTable('project_proposals')
    .set({
      state: STATE_OF[body.decision],
      triage_rationale: body.rationale.trim(),
      triaged_by: ctx.principal.label,
      triaged_at: ctx.now,
      project_id: projectId,
      version: expected + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: projectProposalSpec.entityType,
    entityId: id,
    action: 'update',
    changes: {
      state: { before: proposal.state, after: STATE_OF[body.decision] },
      triageRationale: { before: proposal.triageRationale ?? null, after: body.rationale.trim() },
      projectId: { before: null, after: projectId },
    },
  });
  return getRecord(trx, ctx, projectProposalSpec, id);
}

/** The new project runs on the proposal's playbook; its answers become the project's intake document. */
async function createProjectFromProposal(
  trx: Trx,
  ctx: RequestContext,
  proposal: Record<string, unknown>,
  project: NonNullable<Triage['project']>,
): Promise<string> {
  const template = await trx
    .selectFrom('methodology_templates')
    .select(['id', 'methodology'])
    .where('id', '=', String(proposal.templateId))
    .executeTakeFirst();
  if (!template) throw fieldProblem('invalid_reference', 'templateId', 'the template no longer exists');
  const taken = await trx
    .selectFrom('projects')
    .select('id')
    .where('organisation_id', '=', ctx.principal.organisationId)
    .where('key', '=', project.key)
    .executeTakeFirst();
  if (taken) throw fieldProblem('conflict', 'project.key', `${project.key} is already a project key`);
  const fields = proposal.fields as Record<string, string>;
  const created = await createRecord(trx, ctx, projectSpec, {
    portfolioId: proposal.portfolioId,
    key: project.key,
    name: project.name ?? proposal.title,
    description: fields.outcome ?? fields.problem ?? null,
    approach: APPROACH_OF[template.methodology as Methodology] ?? 'predictive',
    lifecycleState: 'proposed',
    ...(project.startDate ? { startDate: project.startDate } : {}),
  });
  const projectId = String(created.id);
  const link = await adoptTemplate(trx, ctx, projectId, template.id);
  const form = findIntakeForm((await getTemplateVersion(trx, link.templateVersionId)).content);
  if (form)
    await createRecord(trx, ctx, projectDocumentSpec, {
      projectId,
      documentKey: form.key,
      title: `${form.name}: ${String(proposal.title)}`,
      fields,
      status: 'final',
    });
  return projectId;
}
