import { randomUUID } from 'node:crypto';
import { DEFAULT_TEMPLATES } from '../../../core/playbook/default-templates';
import type { MethodologyContent } from '../../../core/playbook/methodology';
import { METHODOLOGIES, type Methodology } from '../../../core/playbook/vocabulary';
import type { Trx } from '../../resources/resource-spec';

// Template rows and their immutable version snapshots.

/** Saves the template's current state as version `version` (called after every write). */
export async function snapshotTemplateVersion(
  trx: Trx,
  row: Record<string, unknown>,
  now: string,
): Promise<void> {
  await trx
    .insertInto('methodology_template_versions')
    .values({
      id: randomUUID(),
      organisation_id: String(row.organisation_id),
      template_id: String(row.id),
      template_version: Number(row.version),
      name: String(row.name),
      methodology: String(row.methodology),
      content: String(row.content),
      created_at: now,
    })
    .execute();
}

/** Creates Triad's default template for every methodology the organisation has none for (first use). */
export async function ensureDefaultTemplates(trx: Trx, organisationId: string, now: string): Promise<void> {
  const present = await trx
    .selectFrom('methodology_templates')
    .select('methodology')
    .where('organisation_id', '=', organisationId)
    .where('is_default', '=', 1)
    .execute();
  const have = new Set(present.map((p) => p.methodology));
  for (const methodology of METHODOLOGIES) {
    if (have.has(methodology)) continue;
    const t = DEFAULT_TEMPLATES[methodology];
    const row = {
      id: randomUUID(),
      organisation_id: organisationId,
      portfolio_id: null,
      name: t.name,
      methodology,
      description: t.description,
      is_default: 1,
      cloned_from_id: null,
      content: JSON.stringify(t.content),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('methodology_templates').values(row).execute();
    await snapshotTemplateVersion(trx, row, now);
  }
}

export async function findDefaultTemplateId(
  trx: Trx,
  organisationId: string,
  methodology: Methodology,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('methodology_templates')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('methodology', '=', methodology)
    .where('is_default', '=', 1)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

export interface TemplateVersion {
  id: string;
  templateId: string | null;
  templateVersion: number;
  name: string;
  methodology: string;
  content: MethodologyContent;
}

export async function getTemplateVersion(trx: Trx, id: string): Promise<TemplateVersion> {
  const row = await trx
    .selectFrom('methodology_template_versions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: Number(row.template_version),
    name: row.name,
    methodology: row.methodology,
    content: JSON.parse(row.content) as MethodologyContent,
  };
}

/** The version snapshot of a template at its current version. */
export async function findLatestTemplateVersionId(trx: Trx, templateId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('methodology_template_versions')
    .select('id')
    .where('template_id', '=', templateId)
    .orderBy('template_version', 'desc')
    .executeTakeFirst();
  return row?.id;
}
