import { useState } from 'react';
import { useParams } from 'react-router';
import type { DocumentTemplate } from '../../../../core/playbook/methodology';
import { isApiError } from '../../api/client';
import {
  type PlaybookGate,
  type Template,
  usePlaybookActions,
  usePlaybookList,
  useProjectPlaybook,
  useTemplateMoves,
} from '../../api/playbook';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  ErrorState,
  humanise,
  Select,
  Skeleton,
  Textarea,
} from '../../design';
import { formatDate, formatDateTime } from '../../lib/format';
import { DecisionDialog, fieldErrorOf } from './decision-dialog';
import { MoveVersionDialog } from './move-version-dialog';
import { ProjectDocumentsCard } from './project-documents-card';
import { ProjectPlaybookHeader } from './project-playbook-header';

const STATUS_TONE: Record<PlaybookGate['status'], BadgeTone> = {
  pending: 'neutral',
  passed: 'green',
  passed_with_conditions: 'green',
  recycled: 'amber',
  stopped: 'red',
};

/** A project's gates: checklists, readiness, decisions with rationale, and its template version. */
export function GatesPage() {
  const { projectId = '' } = useParams();
  const playbook = useProjectPlaybook(projectId);
  const [deciding, setDeciding] = useState<PlaybookGate | null>(null);
  const [moving, setMoving] = useState(false);
  const actions = usePlaybookActions(projectId);
  return (
    <>
      <ProjectPlaybookHeader projectId={projectId} page="Gates" />
      {playbook.isPending ? (
        <Skeleton lines={6} label="Loading the project's playbook" />
      ) : isApiError(playbook.error, 'not_found') ? (
        <Adopt projectId={projectId} />
      ) : playbook.isError ? (
        <ErrorState error={playbook.error} onRetry={() => void playbook.refetch()} />
      ) : (
        <>
          <Card
            title="Playbook"
            actions={
              playbook.data.latestTemplateVersion !== null &&
              playbook.data.latestTemplateVersion !== playbook.data.templateVersion && (
                <Button onClick={() => setMoving(true)}>
                  Move to version {playbook.data.latestTemplateVersion}
                </Button>
              )
            }
          >
            <dl className="facts">
              <dt>Template</dt>
              <dd>
                {playbook.data.templateName} ({humanise(playbook.data.methodology)})
              </dd>
              <dt>Version</dt>
              <dd>
                {playbook.data.templateVersion}
                {playbook.data.latestTemplateVersion !== playbook.data.templateVersion &&
                  ` (template is at version ${playbook.data.latestTemplateVersion})`}
              </dd>
              <dt>Current phase</dt>
              <dd>
                {(playbook.data.phases as { key: string; name: string }[]).find(
                  (p) => p.key === playbook.data.currentPhase,
                )?.name ?? humanise(playbook.data.currentPhase ?? '—')}
              </dd>
            </dl>
          </Card>
          <ProjectDocumentsCard
            projectId={projectId}
            templates={playbook.data.documents as DocumentTemplate[]}
          />
          <ul className="gate-list" aria-label="Gates">
            {(playbook.data.gates as PlaybookGate[]).map((gate) => (
              <li key={gate.key}>
                <Card
                  title={gate.name}
                  actions={
                    <>
                      <Badge tone={STATUS_TONE[gate.status]}>{humanise(gate.status)}</Badge>
                      {!gate.passed && (
                        <Button size="sm" variant="primary" onClick={() => setDeciding(gate)}>
                          Record decision
                        </Button>
                      )}
                    </>
                  }
                >
                  <p className="muted">
                    Decided by Triad roles {gate.approverTriadRoles.map(humanise).join(' or ')} ·{' '}
                    {gate.readiness.ready
                      ? 'ready to pass'
                      : gate.readiness.blockedBy
                        ? `waits for ${gate.readiness.blockedBy}`
                        : 'not ready: items or artefacts missing'}
                  </p>
                  <fieldset className="stack" style={{ border: 0, padding: 0 }}>
                    <legend>Checklist</legend>
                    {gate.checklist.map((item) => (
                      <label key={item.key} className="t-check">
                        <input
                          type="checkbox"
                          checked={item.done}
                          disabled={actions.tick.isPending}
                          onChange={(e) =>
                            actions.tick.mutate({
                              gateKey: gate.key,
                              itemKey: item.key,
                              done: e.target.checked,
                            })
                          }
                        />{' '}
                        {item.text} {item.required ? '' : <span className="muted">(optional)</span>}
                      </label>
                    ))}
                  </fieldset>
                  <p className="muted">
                    Required artefacts:{' '}
                    {gate.requiredArtefacts.map((a) => documentName(playbook.data.documents, a)).join(', ') ||
                      'none'}
                  </p>
                  {!gate.passed && (
                    <MissingForGate gate={gate} documents={playbook.data.documents as DocumentTemplate[]} />
                  )}
                  {gate.reviews.length > 0 && (
                    <ul>
                      {gate.reviews.map((r) => (
                        <li key={r.id}>
                          <strong>{humanise(r.outcome)}</strong> on {formatDate(r.decidedOn)} by{' '}
                          {r.approverLabel}: {r.rationale}
                          {r.conditions.length > 0 && <> — conditions: {r.conditions.join('; ')}</>}
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </li>
            ))}
          </ul>
          <Moves projectId={projectId} />
          {deciding && (
            <DecideDialog projectId={projectId} gate={deciding} onClose={() => setDeciding(null)} />
          )}
          {moving && playbook.data.latestTemplateVersion !== null && (
            <MoveVersionDialog
              projectId={projectId}
              toVersion={playbook.data.latestTemplateVersion}
              version={playbook.data.version}
              onClose={() => setMoving(false)}
            />
          )}
        </>
      )}
    </>
  );
}

const documentName = (documents: unknown, key: string) =>
  (documents as DocumentTemplate[]).find((d) => d.key === key)?.name ?? key;

/** What still stands between a gate and a pass: absent or incomplete artefacts, open checklist items. */
function MissingForGate({ gate, documents }: { gate: PlaybookGate; documents: DocumentTemplate[] }) {
  const label = (doc: string, field: string) =>
    documents.find((d) => d.key === doc)?.fields.find((f) => f.key === field)?.label ?? field;
  const { missingArtefacts = [], missingChecklistItems = [] } = gate.readiness;
  if (missingArtefacts.length === 0 && missingChecklistItems.length === 0) return null;
  return (
    <ul aria-label={`Missing before ${gate.name} can pass`}>
      {missingArtefacts.map((a) => (
        <li key={a.documentKey}>
          <Badge tone="amber">{a.reason === 'absent' ? 'Absent' : 'Incomplete'}</Badge> {a.name}
          {a.reason === 'incomplete' && (
            <span className="muted">
              {' '}
              lacks {a.missingFields.map((f) => label(a.documentKey, f)).join(', ')}
            </span>
          )}
        </li>
      ))}
      {missingChecklistItems.map((i) => (
        <li key={i.key}>
          <Badge tone="amber">Open</Badge> {i.text}
        </li>
      ))}
    </ul>
  );
}

function Adopt({ projectId }: { projectId: string }) {
  const templates = usePlaybookList<Template>('methodology-templates', { sort: 'name' });
  const { adopt } = usePlaybookActions(projectId);
  const [templateId, setTemplateId] = useState('');
  return (
    <Card title="No playbook yet">
      <p>Start this project on a methodology template. It keeps that version until you move it.</p>
      <Select
        label="Template"
        placeholder="Choose a template"
        value={templateId}
        onChange={(e) => setTemplateId(e.target.value)}
        options={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name} v${t.version}` }))}
      />
      <Button
        variant="primary"
        disabled={!templateId || adopt.isPending}
        onClick={() => adopt.mutate(templateId)}
      >
        Start on this template
      </Button>
      {adopt.isError && <ErrorState error={adopt.error} />}
    </Card>
  );
}

function Moves({ projectId }: { projectId: string }) {
  const moves = useTemplateMoves(projectId);
  if (!moves.data || moves.data.length === 0) return null;
  return (
    <Card title="Template version moves">
      <ul>
        {moves.data.map((m) => (
          <li key={m.id}>
            Version {m.fromVersion} → {m.toVersion} on {formatDateTime(m.decidedAt)} by {m.decidedBy}:{' '}
            {m.rationale}
          </li>
        ))}
      </ul>
    </Card>
  );
}

const GATE_OUTCOMES = [
  { value: 'pass', label: 'Pass' },
  { value: 'pass_with_conditions', label: 'Pass with conditions' },
  { value: 'recycle', label: 'Recycle' },
  { value: 'stop', label: 'Stop' },
];

function DecideDialog({
  projectId,
  gate,
  onClose,
}: {
  projectId: string;
  gate: PlaybookGate;
  onClose: () => void;
}) {
  const { decide } = usePlaybookActions(projectId);
  const [conditions, setConditions] = useState('');
  return (
    <DecisionDialog
      title={`Decide ${gate.name}`}
      description="The decision is recorded with your name, the date and the readiness at the time."
      outcomes={GATE_OUTCOMES}
      pending={decide.isPending}
      error={decide.error}
      inlineFields={['conditions']}
      onClose={onClose}
      onSubmit={({ outcome, rationale }) =>
        decide.mutate(
          {
            gateKey: gate.key,
            outcome,
            rationale,
            ...(outcome === 'pass_with_conditions'
              ? { conditions: conditions.split('\n').filter((c) => c.trim()) }
              : {}),
          },
          { onSuccess: onClose },
        )
      }
    >
      {(outcome) =>
        outcome === 'pass_with_conditions' && (
          <Textarea
            label="Conditions, one per line"
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
            error={fieldErrorOf(decide.error, 'conditions')}
          />
        )
      }
    </DecisionDialog>
  );
}
