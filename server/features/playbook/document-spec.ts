import { Type } from 'typebox';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { Id, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { projectRecordAccess } from './playbook-access';
import { findProjectTemplate } from './project-methodology-store';

/**
 * A project document filled from one of the playbook's document templates (charter, business
 * case, status report, closure report, …). Gates count it as an artefact when every required field
 * of its template is filled.
 */
export const projectDocumentSpec: ResourceSpec = {
  path: 'project-documents',
  table: 'project_documents',
  entityType: 'project_document',
  title: 'Project document',
  defaultSort: 'title',
  access: projectRecordAccess('project_documents'),
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    documentKey: {
      column: 'document_key',
      schema: Type.String({
        pattern: '^[a-z][a-z0-9_]{0,39}$',
        description: 'Document template key, e.g. charter',
      }),
      create: 'required',
      updatable: false,
      filter: 'eq',
    },
    title: { column: 'title', schema: Name, create: 'required', searchable: true, sortable: true },
    fields: {
      column: 'fields',
      schema: Type.Record(
        Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
        Type.String({ maxLength: 20_000 }),
        {
          maxProperties: 50,
          description: 'Field key → text, as the document template defines them',
        },
      ),
      json: true,
      defaultValue: {},
    },
    status: { column: 'status', schema: stringEnum(['draft', 'final']), defaultValue: 'draft', filter: 'eq' },
  },
  hooks: {
    async beforeCreate(trx, _ctx, row) {
      await checkAgainstTemplate(trx, row);
    },
    async beforeUpdate(trx, _ctx, before, changes) {
      if ('fields' in changes) await checkAgainstTemplate(trx, { ...before, ...changes });
    },
  },
};

/** When the project runs on a playbook, the document and its fields must be ones the playbook defines. */
async function checkAgainstTemplate(trx: Trx, row: Record<string, unknown>): Promise<void> {
  const template = await findProjectTemplate(trx, String(row.project_id));
  if (!template) return;
  const doc = template.content.documents.find((d) => d.key === row.document_key);
  if (!doc)
    throw fieldProblem(
      'validation_failed',
      'documentKey',
      `is not a document of the project's playbook (${template.content.documents.map((d) => d.key).join(', ')})`,
    );
  const known = new Set(doc.fields.map((f) => f.key));
  for (const key of Object.keys(JSON.parse(String(row.fields ?? '{}')) as object))
    if (!known.has(key))
      throw fieldProblem('validation_failed', `fields.${key}`, `is not a field of ${doc.name}`);
}
