import { useState } from 'react';
import { isApiError } from '../../api/client';
import {
  type Assumption,
  type Decision,
  type Issue,
  usePlaybookList,
  usePlaybookWrite,
} from '../../api/playbook';
import { Badge, Button, Card, ErrorState, humanise, QueryView } from '../../design';
import { formatDate } from '../../lib/format';
import { ConflictNotice } from './conflict-notice';
import type { RaidKind, RaidRecord } from './raid-entry';
import { RaidEntryDialog } from './raid-entry-dialog';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Issues, assumptions and decisions of the project's RAID log, each with its Add form and the next
 * step in place: escalate or resolve an issue, validate or invalidate an assumption, decide a decision.
 */
export function RaidRegisters({ projectId }: { projectId: string }) {
  const issues = usePlaybookList<Issue>('issues', { projectId });
  const assumptions = usePlaybookList<Assumption>('assumptions', { projectId });
  const decisions = usePlaybookList<Decision>('decisions', { projectId });
  const [adding, setAdding] = useState<RaidKind | null>(null);
  const [editing, setEditing] = useState<{ kind: RaidKind; entry: RaidRecord } | null>(null);
  const issueWrite = usePlaybookWrite<Issue>('issues').update;
  const assumptionWrite = usePlaybookWrite<Assumption>('assumptions').update;
  const decisionWrite = usePlaybookWrite<Decision>('decisions').update;
  const failed = [issueWrite, assumptionWrite, decisionWrite].find((w) => w.isError)?.error;
  const add = (kind: RaidKind) => (
    <Button size="sm" onClick={() => setAdding(kind)}>
      Add {kind}
    </Button>
  );
  const edit = (kind: RaidKind, entry: RaidRecord) => (
    <Button size="sm" onClick={() => setEditing({ kind, entry })} aria-label={`Edit ${entry.title}`}>
      Edit
    </Button>
  );
  return (
    <div className="grid-2">
      <Card title="Issues" actions={add('issue')}>
        <QueryView query={issues} label="issues">
          {(issuesData) => (
            <ul>
              {issuesData.map((i) => (
                <li key={i.id}>
                  <Badge tone={i.severity === 'critical' || i.severity === 'high' ? 'red' : 'amber'}>
                    {humanise(i.severity)}
                  </Badge>{' '}
                  {i.title} — due {formatDate(i.dueDate)}
                  {i.dueDate && i.dueDate < today() && i.status !== 'resolved' && i.status !== 'closed' && (
                    <>
                      {' '}
                      <Badge tone="red">Overdue</Badge>
                    </>
                  )}
                  {i.escalationLevel > 0 && (
                    <span className="muted"> · escalated to {i.escalationPath[i.escalationLevel - 1]}</span>
                  )}
                  {i.escalationLevel === 0 && i.escalationPath.length > 0 && (
                    <span className="muted"> · escalates to {i.escalationPath.join(', then ')}</span>
                  )}
                  {i.resolution && <span className="muted"> · resolution: {i.resolution}</span>}
                  <span className="row">
                    {edit('issue', i)}
                    {i.status !== 'resolved' && i.status !== 'closed' && (
                      <>
                        {i.escalationLevel < i.escalationPath.length && (
                          <Button
                            size="sm"
                            disabled={issueWrite.isPending}
                            onClick={() =>
                              issueWrite.mutate({
                                id: i.id,
                                version: i.version,
                                patch: { escalationLevel: i.escalationLevel + 1 },
                              })
                            }
                            aria-label={`Escalate ${i.title} to ${i.escalationPath[i.escalationLevel]}`}
                          >
                            Escalate
                          </Button>
                        )}
                        <Button
                          size="sm"
                          disabled={issueWrite.isPending}
                          onClick={() =>
                            issueWrite.mutate({ id: i.id, version: i.version, patch: { status: 'resolved' } })
                          }
                          aria-label={`Resolve ${i.title}`}
                        >
                          Resolve
                        </Button>
                      </>
                    )}
                  </span>
                </li>
              ))}
              {issuesData.length === 0 && <li>No issues.</li>}
            </ul>
          )}
        </QueryView>
      </Card>
      <div className="stack">
        <Card title="Assumptions" actions={add('assumption')}>
          <QueryView query={assumptions} label="assumptions">
            {(assumptionsData) => (
              <ul>
                {assumptionsData.map((a) => (
                  <li key={a.id}>
                    {a.title} — {humanise(a.status)}, validate by {formatDate(a.validateBy)}
                    {a.notes && <span className="muted">: {a.notes}</span>}
                    <span className="row">
                      {edit('assumption', a)}
                      {a.status === 'open' &&
                        (['validated', 'invalidated'] as const).map((status) => (
                          <Button
                            key={status}
                            size="sm"
                            disabled={assumptionWrite.isPending}
                            onClick={() =>
                              assumptionWrite.mutate({ id: a.id, version: a.version, patch: { status } })
                            }
                            aria-label={`${humanise(status)}: ${a.title}`}
                          >
                            {humanise(status)}
                          </Button>
                        ))}
                    </span>
                  </li>
                ))}
                {assumptionsData.length === 0 && <li>No assumptions.</li>}
              </ul>
            )}
          </QueryView>
        </Card>
        <Card title="Decisions" actions={add('decision')}>
          <QueryView query={decisions} label="decisions">
            {(decisionsData) => (
              <ul>
                {decisionsData.map((d) => (
                  <li key={d.id}>
                    {d.title} — {humanise(d.status)}
                    {d.decidedOn && ` on ${formatDate(d.decidedOn)}`}
                    {d.rationale && <span className="muted">: {d.rationale}</span>}
                    <span className="row">
                      {edit('decision', d)}
                      {d.status === 'proposed' && (
                        <Button
                          size="sm"
                          disabled={decisionWrite.isPending}
                          onClick={() =>
                            decisionWrite.mutate({
                              id: d.id,
                              version: d.version,
                              patch: { status: 'decided', decidedOn: today() },
                            })
                          }
                          aria-label={`Mark decided: ${d.title}`}
                        >
                          Mark decided
                        </Button>
                      )}
                    </span>
                  </li>
                ))}
                {decisionsData.length === 0 && <li>No decisions.</li>}
              </ul>
            )}
          </QueryView>
        </Card>
      </div>
      {failed !== undefined &&
        (isApiError(failed, 'precondition_failed') ? <ConflictNotice /> : <ErrorState error={failed} />)}
      {adding && <RaidEntryDialog kind={adding} projectId={projectId} onClose={() => setAdding(null)} />}
      {editing && (
        <RaidEntryDialog
          key={editing.entry.id}
          kind={editing.kind}
          projectId={projectId}
          entry={editing.entry}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
