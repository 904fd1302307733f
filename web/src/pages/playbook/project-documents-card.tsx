import { useState } from 'react';
import type { DocumentTemplate } from '../../../../core/playbook/methodology';
import { isApiError } from '../../api/client';
import { type ProjectDocument, usePlaybookList, useSaveProjectDocument } from '../../api/playbook';
import { Badge, Button, Card, Dialog, Input, optionsOf, QueryView, Select, Textarea } from '../../design';
import { ConflictNotice } from './conflict-notice';
import { FieldProblems, fieldErrorOf } from './decision-dialog';
import { computeCompletion, filledFields } from './document-completion';
import { TableWrap } from './table-wrap';

/**
 * The project's documents against its playbook's document templates (charter, business case, …):
 * which exist, how many required fields are filled, and a form to fill them in. Gates count a
 * document as an artefact once every required field has text.
 */
export function ProjectDocumentsCard({
  projectId,
  templates,
}: {
  projectId: string;
  templates: DocumentTemplate[];
}) {
  const documents = usePlaybookList<ProjectDocument>('project-documents', { projectId });
  const [editing, setEditing] = useState<{ template: DocumentTemplate; document?: ProjectDocument } | null>(
    null,
  );
  return (
    <Card title="Documents">
      <QueryView query={documents} label="project documents">
        {(documentsData) => (
          <TableWrap label="Project documents">
            <table className="t-table">
              <caption className="visually-hidden">Project documents</caption>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Required fields</th>
                  <th scope="col">Status</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {templates.map((t) => {
                  // Several documents may fill one template; the most complete one counts, as at the gate.
                  const mine = documentsData
                    .filter((d) => d.documentKey === t.key)
                    .map((d) => ({ d, c: computeCompletion(t, d.fields) }))
                    .sort((a, b) => a.c.missing.length - b.c.missing.length);
                  const best = mine[0];
                  return (
                    <tr key={t.key}>
                      <td>{best ? best.d.title : t.name}</td>
                      <td>
                        {!best ? (
                          <span className="muted">Not started</span>
                        ) : best.c.complete ? (
                          <Badge tone="green">All {best.c.required} filled</Badge>
                        ) : (
                          <>
                            <Badge tone="amber">
                              {best.c.filled} of {best.c.required}
                            </Badge>{' '}
                            <span className="muted">missing {best.c.missing.join(', ')}</span>
                          </>
                        )}
                      </td>
                      <td>{best ? (best.d.status === 'final' ? 'Final' : 'Draft') : '—'}</td>
                      <td>
                        <Button
                          size="sm"
                          onClick={() =>
                            setEditing(best ? { template: t, document: best.d } : { template: t })
                          }
                          aria-label={`${best ? 'Edit' : 'Fill in'} ${t.name}`}
                        >
                          {best ? 'Edit' : 'Fill in'}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      {editing && (
        <DocumentDialog
          projectId={projectId}
          template={editing.template}
          {...(editing.document ? { document: editing.document } : {})}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function DocumentDialog({
  projectId,
  template,
  document,
  onClose,
}: {
  projectId: string;
  template: DocumentTemplate;
  document?: ProjectDocument;
  onClose: () => void;
}) {
  const save = useSaveProjectDocument(projectId);
  const [title, setTitle] = useState(document?.title ?? template.name);
  const [status, setStatus] = useState<string>(document?.status ?? 'draft');
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(template.fields.map((f) => [f.key, String(document?.fields[f.key] ?? '')])),
  );
  const completion = computeCompletion(template, values);
  const submit = () =>
    save.mutate(
      {
        ...(document ? { id: document.id, version: document.version } : {}),
        body: { documentKey: template.key, title: title.trim(), fields: filledFields(values), status },
      },
      { onSuccess: onClose },
    );
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={document ? `Edit ${template.name}` : `Fill in ${template.name}`}
      description={`${completion.filled} of ${completion.required} required fields filled. Gates count it once all are.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={save.isPending || !title.trim()} onClick={submit}>
            Save document
          </Button>
        </>
      }
    >
      <div className="row">
        <Input
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrorOf(save.error, 'title')}
        />
        <Select
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={optionsOf(['draft', 'final'])}
        />
      </div>
      {template.fields.map((f) => (
        <Textarea
          key={f.key}
          label={`${f.label} (${f.required ? 'required' : 'optional'})`}
          rows={2}
          value={values[f.key] ?? ''}
          onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
          error={fieldErrorOf(save.error, `fields.${f.key}`)}
        />
      ))}
      {isApiError(save.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        <FieldProblems
          error={save.error}
          shown={['title', ...template.fields.map((f) => `fields.${f.key}`)]}
        />
      )}
    </Dialog>
  );
}
