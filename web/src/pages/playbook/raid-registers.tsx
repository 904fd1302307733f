import { useState } from 'react';
import { type Assumption, type Decision, type Issue, usePlaybookList } from '../../api/playbook';
import { Badge, Button, Card, ErrorState, humanise, Skeleton } from '../../design';
import { formatDate } from '../../lib/format';
import type { RaidKind } from './raid-entry';
import { RaidEntryDialog } from './raid-entry-dialog';

const today = () => new Date().toISOString().slice(0, 10);

/** Issues, assumptions and decisions of the project's RAID log, each with its Add form. */
export function RaidRegisters({ projectId }: { projectId: string }) {
  const issues = usePlaybookList<Issue>('issues', { projectId });
  const assumptions = usePlaybookList<Assumption>('assumptions', { projectId });
  const decisions = usePlaybookList<Decision>('decisions', { projectId });
  const [adding, setAdding] = useState<RaidKind | null>(null);
  const add = (kind: RaidKind) => (
    <Button size="sm" onClick={() => setAdding(kind)}>
      Add {kind}
    </Button>
  );
  return (
    <div className="grid-2">
      <Card title="Issues" actions={add('issue')}>
        {issues.isPending ? (
          <Skeleton label="Loading issues" />
        ) : issues.isError ? (
          <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
        ) : (
          <ul>
            {issues.data.map((i) => (
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
              </li>
            ))}
            {issues.data.length === 0 && <li>No issues.</li>}
          </ul>
        )}
      </Card>
      <div className="stack">
        <Card title="Assumptions" actions={add('assumption')}>
          {assumptions.isPending ? (
            <Skeleton label="Loading assumptions" />
          ) : assumptions.isError ? (
            <ErrorState error={assumptions.error} onRetry={() => void assumptions.refetch()} />
          ) : (
            <ul>
              {assumptions.data.map((a) => (
                <li key={a.id}>
                  {a.title} — {humanise(a.status)}, validate by {formatDate(a.validateBy)}
                </li>
              ))}
              {assumptions.data.length === 0 && <li>No assumptions.</li>}
            </ul>
          )}
        </Card>
        <Card title="Decisions" actions={add('decision')}>
          {decisions.isPending ? (
            <Skeleton label="Loading decisions" />
          ) : decisions.isError ? (
            <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
          ) : (
            <ul>
              {decisions.data.map((d) => (
                <li key={d.id}>
                  {d.title} — {humanise(d.status)}
                  {d.decidedOn && ` on ${formatDate(d.decidedOn)}`}
                  {d.rationale && <span className="muted">: {d.rationale}</span>}
                </li>
              ))}
              {decisions.data.length === 0 && <li>No decisions.</li>}
            </ul>
          )}
        </Card>
      </div>
      {adding && <RaidEntryDialog kind={adding} projectId={projectId} onClose={() => setAdding(null)} />}
    </div>
  );
}
