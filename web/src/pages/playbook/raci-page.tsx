import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { type RaciMatrix, usePlaybookList, usePlaybookWrite } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  Input,
  recordOptions,
  Select,
  Skeleton,
} from '../../design';
import { ConflictNotice } from './conflict-notice';
import { ProjectPlaybookHeader } from './project-playbook-header';
import { TableWrap } from './table-wrap';

type Activity = RaciMatrix['activities'][number];
type Party = { personId: string } | { role: string };
const CODES = ['', 'R', 'A', 'C', 'I'].map((c) => ({ value: c, label: c || '—' }));
const partyKey = (p: Party) => ('personId' in p ? `p:${p.personId}` : `r:${p.role}`);

/** The project's RACI matrices: activities × people or roles, edited in place, with Triad's warnings. */
export function RaciPage() {
  const { projectId = '' } = useParams();
  const matrices = usePlaybookList<RaciMatrix>('raci-matrices', { projectId });
  const { create } = usePlaybookWrite<RaciMatrix>('raci-matrices');
  return (
    <>
      <ProjectPlaybookHeader projectId={projectId} page="RACI" />
      {matrices.isPending ? (
        <Skeleton lines={6} label="Loading RACI matrices" />
      ) : matrices.isError ? (
        <ErrorState error={matrices.error} onRetry={() => void matrices.refetch()} />
      ) : matrices.data.length === 0 ? (
        <EmptyState title="No RACI matrix yet">
          <Button
            variant="primary"
            onClick={() =>
              create.mutate({
                projectId,
                name: 'Project RACI',
                activities: [{ name: 'Project charter', assignments: [] }],
              })
            }
          >
            Create a RACI matrix
          </Button>
        </EmptyState>
      ) : (
        matrices.data.map((m) => <MatrixEditor key={`${m.id}-${m.version}`} matrix={m} />)
      )}
    </>
  );
}

function MatrixEditor({ matrix }: { matrix: RaciMatrix }) {
  const people = useEverything('people');
  const { update } = usePlaybookWrite<RaciMatrix>('raci-matrices');
  const [activities, setActivities] = useState<Activity[]>(matrix.activities);
  const [extra, setExtra] = useState<Party[]>([]);
  const [newActivity, setNewActivity] = useState('');
  const [newRole, setNewRole] = useState('');
  const [newPerson, setNewPerson] = useState('');
  const parties = new Map<string, Party>();
  for (const a of activities)
    for (const c of a.assignments) {
      const p: Party = c.personId ? { personId: c.personId } : { role: c.role ?? '' };
      parties.set(partyKey(p), p);
    }
  for (const p of extra) parties.set(partyKey(p), p);
  const nameOf = (p: Party) =>
    'personId' in p ? (people.data?.find((x) => x.id === p.personId)?.name ?? '…') : p.role;
  const codeAt = (a: Activity, p: Party) =>
    a.assignments.find((c) => ('personId' in p ? c.personId === p.personId : c.role === p.role))?.code ?? '';
  const setCode = (index: number, p: Party, code: string) =>
    setActivities(
      activities.map((a, i) => {
        if (i !== index) return a;
        const others = a.assignments.filter(
          (c) => !('personId' in p ? c.personId === p.personId : c.role === p.role),
        );
        return code
          ? { ...a, assignments: [...others, { ...p, code: code as 'R' }] }
          : { ...a, assignments: others };
      }),
    );
  const dirty = JSON.stringify(activities) !== JSON.stringify(matrix.activities);
  return (
    <Card
      title={matrix.name}
      actions={
        <Button
          variant="primary"
          disabled={!dirty || update.isPending}
          onClick={() => update.mutate({ id: matrix.id, version: matrix.version, patch: { activities } })}
        >
          Save matrix
        </Button>
      }
    >
      {matrix.warnings.length > 0 ? (
        <ul aria-label="Warnings">
          {matrix.warnings.map((w) => (
            <li key={`${w.code}${w.activity}`}>
              <Badge tone="amber">Warning</Badge> {w.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No warnings: every activity has one Accountable and at least one Responsible.</p>
      )}
      <TableWrap label={`${matrix.name}: activities by people and roles`}>
        <table className="t-table">
          <caption className="visually-hidden">{matrix.name}: activities by people and roles</caption>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              {[...parties.values()].map((p) => (
                <th scope="col" key={partyKey(p)}>
                  {nameOf(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activities.map((a, index) => (
              <tr key={a.name}>
                <th scope="row">{a.name}</th>
                {[...parties.values()].map((p) => (
                  <td key={partyKey(p)}>
                    <Select
                      label={`${nameOf(p)} on ${a.name}`}
                      hideLabel
                      className="t-select raci-code"
                      value={codeAt(a, p)}
                      onChange={(e) => setCode(index, p, e.target.value)}
                      options={CODES}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <div className="row">
        <Input label="New activity" value={newActivity} onChange={(e) => setNewActivity(e.target.value)} />
        <Button
          disabled={!newActivity.trim() || activities.some((a) => a.name === newActivity.trim())}
          onClick={() => {
            setActivities([...activities, { name: newActivity.trim(), assignments: [] }]);
            setNewActivity('');
          }}
        >
          Add activity
        </Button>
        <Input label="New role column" value={newRole} onChange={(e) => setNewRole(e.target.value)} />
        <Button
          disabled={!newRole.trim()}
          onClick={() => {
            setExtra([...extra, { role: newRole.trim() }]);
            setNewRole('');
          }}
        >
          Add role
        </Button>
        <Select
          label="Person column"
          placeholder="Choose a person"
          value={newPerson}
          onChange={(e) => setNewPerson(e.target.value)}
          options={recordOptions(people.data?.slice(0, 300))}
        />
        <Button
          disabled={!newPerson}
          onClick={() => {
            setExtra([...extra, { personId: newPerson }]);
            setNewPerson('');
          }}
        >
          Add person
        </Button>
      </div>
      {isApiError(update.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        update.isError && <ErrorState error={update.error} />
      )}
    </Card>
  );
}
