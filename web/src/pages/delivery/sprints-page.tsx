import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiRequest } from '../../api/client';
import { type Sprint, useDeliveryMutation, useTeamSprints } from '../../api/delivery';
import { Badge, Button, Card, Dialog, Input, QueryView, Textarea } from '../../design';
import { formatDate } from '../../lib/format';
import { fetchAllRows } from '../../lib/list-export';
import { ListExport } from '../list-export';
import { FieldErrors } from './field-errors';
import { TeamHeader } from './team-header';

const STATE_TONE = { planned: 'neutral', active: 'green', completed: 'neutral' } as const;

export function SprintStateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONE[state as keyof typeof STATE_TONE] ?? 'neutral'}>{state}</Badge>;
}

export function SprintsPage() {
  const { teamId = '' } = useParams();
  const sprints = useTeamSprints(teamId);
  const [planning, setPlanning] = useState(false);
  return (
    <>
      <TeamHeader
        teamId={teamId}
        page="Sprints"
        intro="Plan with capacity and a goal, start, and complete with carry-over"
      />
      <div className="row" style={{ marginBottom: 'var(--space-3)' }}>
        <Button variant="primary" onClick={() => setPlanning(true)}>
          Plan a sprint
        </Button>
      </div>
      <QueryView
        query={sprints}
        label="sprints"
        lines={6}
        empty="No sprints yet"
        emptyHint="Plan the team's first sprint."
        isEmpty={(sprintsData) => sprintsData.length === 0}
      >
        {(sprintsData) => (
          <Card
            title="Sprints, newest first"
            actions={
              <ListExport<Sprint>
                title="Sprints"
                fileStem="sprints"
                rows={() => fetchAllRows<Sprint>('sprints', { teamId, sort: '-startDate' })}
                columns={[
                  { header: 'Sprint', value: (s) => s.name },
                  { header: 'State', value: (s) => s.state },
                  { header: 'Start', value: (s) => s.startDate },
                  { header: 'End', value: (s) => s.endDate },
                  { header: 'Goal', value: (s) => s.goal },
                  { header: 'Capacity', value: (s) => s.capacity },
                  { header: 'Committed items', value: (s) => s.committedItems },
                  { header: 'Committed points', value: (s) => s.committedPoints },
                  { header: 'Completed items', value: (s) => s.completedItems },
                  { header: 'Completed points', value: (s) => s.completedPoints },
                ]}
              />
            }
          >
            <div className="t-table-wrap">
              <table className="t-table">
                <caption className="visually-hidden">Sprints</caption>
                <thead>
                  <tr>
                    <th scope="col">Sprint</th>
                    <th scope="col">State</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Goal</th>
                    <th scope="col">Capacity</th>
                    <th scope="col">Committed (items / points)</th>
                    <th scope="col">Completed (items / points)</th>
                  </tr>
                </thead>
                <tbody>
                  {sprintsData.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/delivery/sprints/${s.id}`}>{s.name}</Link>
                      </td>
                      <td>
                        <SprintStateBadge state={s.state} />
                      </td>
                      <td>
                        {formatDate(s.startDate)} – {formatDate(s.endDate)}
                      </td>
                      <td>{s.goal ?? '—'}</td>
                      <td className="num">{s.capacity ?? '—'}</td>
                      <td className="num">{pair(s.committedItems, s.committedPoints)}</td>
                      <td className="num">{pair(s.completedItems, s.completedPoints)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        )}
      </QueryView>
      <PlanSprintDialog teamId={teamId} open={planning} onClose={() => setPlanning(false)} />
    </>
  );
}

const pair = (a: number | null, b: number | null) => (a === null ? '—' : `${a} / ${b ?? 0}`);

function PlanSprintDialog({ teamId, open, onClose }: { teamId: string; open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', goal: '', startDate: '', endDate: '', capacity: '' });
  const create = useDeliveryMutation((body: Record<string, unknown>) =>
    apiRequest<Sprint>('POST', '/sprints', { body }),
  );
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const submit = () =>
    create.mutate(
      {
        teamId,
        name: form.name,
        goal: form.goal || null,
        startDate: form.startDate,
        endDate: form.endDate,
        capacity: form.capacity === '' ? null : Number(form.capacity),
      },
      { onSuccess: (sprint) => navigate(`/delivery/sprints/${sprint.id}`) },
    );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Plan a sprint"
      description="Choose its items on the sprint page; starting it turns them into the commitment."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={create.isPending}>
            Create sprint
          </Button>
        </>
      }
    >
      <div className="stack">
        <FieldErrors error={create.error} />
        <Input label="Name" value={form.name} onChange={set('name')} required />
        <Textarea label="Sprint goal" value={form.goal} onChange={set('goal')} />
        <div className="row">
          <Input label="Start date" type="date" value={form.startDate} onChange={set('startDate')} required />
          <Input label="End date" type="date" value={form.endDate} onChange={set('endDate')} required />
        </div>
        <Input
          label="Capacity (story points)"
          type="number"
          min={0}
          value={form.capacity}
          onChange={set('capacity')}
        />
      </div>
    </Dialog>
  );
}
