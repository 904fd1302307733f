import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import {
  type Template,
  useCloneTemplate,
  usePlaybookRecord,
  usePlaybookWrite,
  useTemplateVersions,
} from '../../api/playbook';
import { Badge, Button, Card, Dialog, ErrorState, humanise, Input, Skeleton, Textarea } from '../../design';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../record-name';

/** One methodology template: phases, gates, roles and documents, its versions, clone and edit. */
export function TemplatePage() {
  const { templateId = '' } = useParams();
  const template = usePlaybookRecord<Template>('methodology-templates', templateId);
  const [editing, setEditing] = useState(false);
  const [cloning, setCloning] = useState(false);
  usePageTitle(template.data?.name ?? 'Template');
  if (template.isPending) return <Skeleton lines={8} label="Loading template" />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} />;
  const t = template.data;
  const roleName = (key: string) => t.content.roles.find((r) => r.key === key)?.name ?? key;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.name}</h1>
          <p className="muted">
            {humanise(t.methodology)} · version {t.version} · {t.projectCount} project(s){' '}
            {t.isDefault && <Badge>Triad default</Badge>}
          </p>
          {t.description && <p>{t.description}</p>}
        </div>
        <div className="row">
          <Button onClick={() => setCloning(true)}>Clone</Button>
          <Button variant="primary" onClick={() => setEditing(true)}>
            Edit
          </Button>
        </div>
      </div>
      <div className="grid-2">
        <Card title="Phases">
          <ol>
            {t.content.phases.map((p) => (
              <li key={p.key}>
                {p.name} {p.delivery && <span className="muted">({humanise(p.delivery)} delivery)</span>}
              </li>
            ))}
          </ol>
        </Card>
        <Card title="Roles">
          <ul>
            {t.content.roles.map((r) => (
              <li key={r.key}>
                {r.name} <span className="muted">— Triad roles: {r.triadRoles.map(humanise).join(', ')}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title="Gates">
        <ul className="gate-list">
          {t.content.gates.map((g) => (
            <li key={g.key} className="t-card">
              <h3>{g.name}</h3>
              <p className="muted">
                Closes {t.content.phases.find((p) => p.key === g.afterPhase)?.name ?? g.afterPhase} · decided
                by {g.approverRoles.map(roleName).join(' or ')} · requires{' '}
                {g.requiredArtefacts
                  .map((a) => t.content.documents.find((d) => d.key === a)?.name ?? a)
                  .join(', ') || 'no artefact'}
              </p>
              <div className="grid-2">
                <div>
                  <h4>Entry criteria</h4>
                  <ul>
                    {g.entryCriteria.length ? (
                      g.entryCriteria.map((c) => <li key={c}>{c}</li>)
                    ) : (
                      <li>None</li>
                    )}
                  </ul>
                  <h4>Exit criteria</h4>
                  <ul>
                    {g.exitCriteria.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4>Checklist</h4>
                  <ul>
                    {g.checklist.map((i) => (
                      <li key={i.key}>
                        {i.text} {i.required ? <Badge tone="amber">Required</Badge> : <Badge>Optional</Badge>}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Document templates">
        <ul>
          {t.content.documents.map((d) => (
            <li key={d.key}>
              <strong>{d.name}</strong>
              {d.key === (t.content.intakeDocument ?? 'business_case') && (
                <>
                  {' '}
                  <Badge tone="green">Intake form</Badge>
                </>
              )}
              <span className="muted">
                {' '}
                — {d.fields.map((f) => `${f.label}${f.required ? '' : ' (optional)'}`).join('; ')}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Versions templateId={t.id} />
      {editing && <EditDialog template={t} onClose={() => setEditing(false)} />}
      {cloning && <CloneDialog template={t} onClose={() => setCloning(false)} />}
    </>
  );
}

function Versions({ templateId }: { templateId: string }) {
  const versions = useTemplateVersions(templateId);
  return (
    <Card title="Versions">
      {versions.isPending ? (
        <Skeleton label="Loading versions" />
      ) : versions.isError ? (
        <ErrorState error={versions.error} />
      ) : (
        <ul>
          {versions.data.map((v) => (
            <li key={v.templateVersion}>
              Version {v.templateVersion} — {formatDateTime(v.createdAt)} · {v.projectCount} project(s)
              running on it
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CloneDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const clone = useCloneTemplate();
  const navigate = useNavigate();
  const [name, setName] = useState(`${template.name} (copy)`);
  return (
    <Dialog
      open
      onClose={onClose}
      title="Clone template"
      description="The copy starts at version 1 and can be edited freely."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={clone.isPending || !name.trim()}
            onClick={() =>
              clone.mutate(
                { id: template.id, name },
                { onSuccess: (t) => navigate(`/portfolio/playbook/${t.id}`) },
              )
            }
          >
            Clone
          </Button>
        </>
      }
    >
      <Input label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      {clone.isError && <ErrorState error={clone.error} />}
    </Dialog>
  );
}

/**
 * Edits name, description and the content (as JSON, checked by the server, which names each wrong
 * field). Saving makes a new version; running projects stay on theirs.
 */
function EditDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const { update } = usePlaybookWrite<Template>('methodology-templates');
  const [name, setName] = useState(template.name);
  const [description, setDescription] = useState(template.description ?? '');
  const [content, setContent] = useState(JSON.stringify(template.content, null, 2));
  const [parseError, setParseError] = useState<string>();
  const save = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : 'not JSON');
      return;
    }
    setParseError(undefined);
    update.mutate(
      { id: template.id, version: template.version, patch: { name, description, content: parsed } },
      { onSuccess: onClose },
    );
  };
  const fieldErrors = isApiError(update.error) ? update.error.errors : [];
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Edit ${template.name}`}
      description={`Saving creates version ${template.version + 1}. Projects keep the version they run on until moved.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={update.isPending} onClick={save}>
            Save new version
          </Button>
        </>
      }
    >
      <Input label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      <Textarea label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
      <Textarea
        label="Content (phases, gates, roles, documents) as JSON"
        rows={16}
        className="t-textarea mono"
        value={content}
        onChange={(e) => setContent(e.target.value)}
        error={parseError}
      />
      {fieldErrors.length > 0 && (
        <ul role="alert">
          {fieldErrors.map((e) => (
            <li key={`${e.field}${e.message}`}>
              <span className="mono">{e.field}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {update.isError && fieldErrors.length === 0 && <ErrorState error={update.error} />}
    </Dialog>
  );
}
