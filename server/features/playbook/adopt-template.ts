import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/audit-store';
import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { findProjectMethodology, type ProjectMethodologyRow } from './project-methodology-store';
import { methodologyTemplateSpec } from './template-spec';
import { findLatestTemplateVersionId, getTemplateVersion } from './template-store';

/**
 * Starts a project on the current version of a template (the caller has checked access to both).
 * The project keeps this version until someone moves it on explicitly.
 */
export async function adoptTemplate(
  trx: Trx,
  ctx: RequestContext,
  projectId: string,
  templateId: string,
): Promise<ProjectMethodologyRow> {
  if (await findProjectMethodology(trx, projectId))
    throw new ProblemError('conflict', 'The project already runs on a methodology template.', [
      { field: 'id', message: 'already adopted' },
    ]);
  const versionId = await findLatestTemplateVersionId(trx, templateId);
  if (!versionId) throw fieldProblem('invalid_reference', 'templateId', 'has no saved version');
  const version = await getTemplateVersion(trx, versionId);
  const linkId = randomUUID();
  await trx
    .insertInto('project_methodologies')
    .values({
      id: linkId,
      organisation_id: ctx.principal.organisationId,
      project_id: projectId,
      template_id: templateId,
      template_version_id: versionId,
      template_version: version.templateVersion,
      current_phase: version.content.phases[0]?.key ?? null,
      checked_items: '[]',
      adopted_by: ctx.principal.label,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: 'project_methodology',
    entityId: linkId,
    action: 'create',
    changes: {
      projectId: { before: null, after: projectId },
      templateId: { before: null, after: templateId },
      templateVersion: { before: null, after: version.templateVersion },
    },
  });
  return (await findProjectMethodology(trx, projectId)) as ProjectMethodologyRow;
}

/** Refuses (422 on `templateId`) a template id the caller cannot read. */
export async function assertTemplateVisible(
  trx: Trx,
  principal: Principal,
  templateId: string,
): Promise<void> {
  const visible = accessFilter(methodologyTemplateSpec, principal, 'read');
  let q = trx
    .selectFrom('methodology_templates')
    .select('id')
    .where('id', '=', templateId)
    .where('organisation_id', '=', principal.organisationId);
  if (visible) q = q.where(visible);
  if (!(await q.executeTakeFirst()))
    throw fieldProblem('invalid_reference', 'templateId', 'does not name a template you can see');
}
