import { type Assumption, type Decision, type Issue, usePlaybookList } from '../../api/playbook';
import { Badge, Card, humanise, Skeleton } from '../../design';
import { formatDate } from '../../lib/format';

const today = () => new Date().toISOString().slice(0, 10);

/** Issues, assumptions and decisions of the project's RAID log. */
export function RaidRegisters({ projectId }: { projectId: string }) {
  const issues = usePlaybookList<Issue>('issues', { projectId });
  const assumptions = usePlaybookList<Assumption>('assumptions', { projectId });
  const decisions = usePlaybookList<Decision>('decisions', { projectId });
  return (
    <div className="grid-2">
      <Card title="Issues">
        {issues.isPending ? (
          <Skeleton label="Loading issues" />
        ) : (
          <ul>
            {(issues.data ?? []).map((i) => (
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
              </li>
            ))}
            {issues.data?.length === 0 && <li>No issues.</li>}
          </ul>
        )}
      </Card>
      <Card title="Assumptions and decisions">
        <h3>Assumptions</h3>
        <ul>
          {(assumptions.data ?? []).map((a) => (
            <li key={a.id}>
              {a.title} — {humanise(a.status)}, validate by {formatDate(a.validateBy)}
            </li>
          ))}
        </ul>
        <h3>Decisions</h3>
        <ul>
          {(decisions.data ?? []).map((d) => (
            <li key={d.id}>
              {d.title} — {humanise(d.status)}
              {d.rationale && <span className="muted">: {d.rationale}</span>}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
