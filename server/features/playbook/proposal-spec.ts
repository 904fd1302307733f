import { Type } from 'typebox';
import { findIntakeForm, findProposalErrors } from '../../../core/playbook/intake';
import { column } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { Id, LongText, Name, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import { assertTemplateVisible } from './adopt-template';
import {
  ensureDefaultTemplates,
  findDefaultTemplateId,
  findLatestTemplateVersionId,
  getTemplateVersion,
} from './template-store';

export const PROPOSAL_STATES = ['submitted', 'accepted', 'rejected', 'deferred'] as const;

/**
 * A proposal for a new project in a portfolio, filled in on the intake form of the playbook it
 * would run on (the template's `intakeDocument`). Triage (POST /project-proposals/:id/triage)
 * accepts it into a project, rejects or defers it; accepted and rejected proposals are final.
 */
export const projectProposalSpec: ResourceSpec = {
  path: 'project-proposals',
  table: 'project_proposals',
  entityType: 'project_proposal',
  title: 'Project proposal',
  defaultSort: '-createdAt',
  access: { area: 'portfolio', scopes: { portfolio: column('project_proposals', 'portfolio_id') } },
  fields: {
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'portfolios',
      filter: 'eq',
    },
    templateId: {
      column: 'template_id',
      schema: Id,
      updatable: false,
      filter: 'eq',
    },
    title: { column: 'title', schema: Name, create: 'required', searchable: true, sortable: true },
    fields: {
      column: 'fields',
      schema: Type.Record(
        Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
        Type.String({ maxLength: 20_000 }),
        { maxProperties: 50, description: 'Intake form field key → answer' },
      ),
      json: true,
      create: 'required',
    },
    state: { column: 'state', schema: stringEnum(PROPOSAL_STATES), create: 'readonly', filter: 'eq' },
    submittedBy: { column: 'submitted_by', schema: Type.String(), create: 'readonly' },
    triageRationale: { column: 'triage_rationale', schema: LongText, nullable: true, create: 'readonly' },
    triagedBy: { column: 'triaged_by', schema: Type.String(), nullable: true, create: 'readonly' },
    triagedAt: { column: 'triaged_at', schema: Timestamp, nullable: true, create: 'readonly' },
    projectId: { column: 'project_id', schema: Id, nullable: true, create: 'readonly', filter: 'eq' },
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      // Without a template the proposal uses the organisation's default predictive playbook.
      if (row.template_id === null || row.template_id === undefined) {
        await ensureDefaultTemplates(trx, ctx.principal.organisationId, ctx.now);
        row.template_id = await findDefaultTemplateId(trx, ctx.principal.organisationId, 'predictive');
      }
      await checkAnswers(trx, ctx.principal, row);
      row.state = 'submitted';
      row.submitted_by = ctx.principal.label;
    },
    async beforeUpdate(trx, ctx, before, changes) {
      if (before.state === 'accepted' || before.state === 'rejected')
        throw new ProblemError('conflict', `The proposal was ${String(before.state)}; it cannot change.`, [
          { field: 'state', message: `is ${String(before.state)}` },
        ]);
      if ('fields' in changes) await checkAnswers(trx, ctx.principal, { ...before, ...changes });
    },
  },
};

/** The template must be one the caller can see, and the answers must fill its intake form. */
async function checkAnswers(trx: Trx, principal: Principal, row: Record<string, unknown>): Promise<void> {
  await assertTemplateVisible(trx, principal, String(row.template_id));
  const versionId = await findLatestTemplateVersionId(trx, String(row.template_id));
  if (!versionId) throw fieldProblem('invalid_reference', 'templateId', 'has no saved version');
  const template = await getTemplateVersion(trx, versionId);
  const form = findIntakeForm(template.content);
  if (!form) throw fieldProblem('validation_failed', 'templateId', `${template.name} defines no intake form`);
  const errors = findProposalErrors(form, JSON.parse(String(row.fields ?? '{}')) as Record<string, unknown>);
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
}
