import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  type Template,
  useCloneTemplate,
  usePlaybookRecord,
  usePlaybookWrite,
  useTemplateVersions,
} from '../../api/playbook';
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  Dialog,
  ErrorState,
  humanise,
  Input,
  QueryView,
  Skeleton,
} from '../../design';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../record-name';
import { FieldProblems } from './decision-dialog';

/** One methodology template: phases, gates, roles and documents, its versions; clone, edit, delete. */
export function TemplatePage() {
  const { templateId = '' } = useParams();
  const template = usePlaybookRecord<Template>('methodology-templates', templateId);
  const [deleting, setDeleting] = useState(false);
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
          <Button variant="danger" onClick={() => setDeleting(true)}>
            Delete
          </Button>
          <ButtonLink variant="primary" to={`/portfolio/playbook/${t.id}/edit`}>
            Edit
          </ButtonLink>
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
      {deleting && <DeleteDialog template={t} onClose={() => setDeleting(false)} />}
      {cloning && <CloneDialog template={t} onClose={() => setCloning(false)} />}
    </>
  );
}

function Versions({ templateId }: { templateId: string }) {
  const versions = useTemplateVersions(templateId);
  return (
    <Card title="Versions">
      <QueryView query={versions} label="versions">
        {(versionsData) => (
          <ul>
            {versionsData.map((v) => (
              <li key={v.templateVersion}>
                Version {v.templateVersion} — {formatDateTime(v.createdAt)} · {v.projectCount} project(s)
                running on it
              </li>
            ))}
          </ul>
        )}
      </QueryView>
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

/** Deletes the template; the server refuses while any project runs on one of its versions. */
function DeleteDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const { remove } = usePlaybookWrite<Template>('methodology-templates');
  const navigate = useNavigate();
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete ${template.name}?`}
      description={
        template.projectCount > 0
          ? `${template.projectCount} project(s) run on this template, so it cannot be deleted; clone it instead.`
          : 'The template and its unused versions are deleted. Gate reviews keep the versions they were made on.'
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: template.id, version: template.version },
                { onSuccess: () => navigate('/portfolio/playbook') },
              )
            }
          >
            Delete template
          </Button>
        </>
      }
    >
      <FieldProblems error={remove.error} />
    </Dialog>
  );
}
