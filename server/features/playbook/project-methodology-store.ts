import type { Trx } from '../../resources/resource-spec';
import { getTemplateVersion, type TemplateVersion } from './template-store';

export interface ProjectMethodologyRow {
  id: string;
  projectId: string;
  templateId: string;
  templateVersionId: string;
  templateVersion: number;
  currentPhase: string | null;
  checkedItems: string[];
  adoptedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export async function findProjectMethodology(
  trx: Trx,
  projectId: string,
): Promise<ProjectMethodologyRow | undefined> {
  const row = await trx
    .selectFrom('project_methodologies')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    projectId: row.project_id,
    templateId: row.template_id,
    templateVersionId: row.template_version_id,
    templateVersion: Number(row.template_version),
    currentPhase: row.current_phase,
    checkedItems: JSON.parse(row.checked_items) as string[],
    adoptedBy: row.adopted_by,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The template version the project runs on, if it has adopted one. */
export async function findProjectTemplate(trx: Trx, projectId: string): Promise<TemplateVersion | undefined> {
  const link = await findProjectMethodology(trx, projectId);
  return link ? getTemplateVersion(trx, link.templateVersionId) : undefined;
}
