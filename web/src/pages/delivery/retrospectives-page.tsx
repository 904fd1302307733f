import { useState } from 'react';
import { useParams } from 'react-router';
import { apiRequest } from '../../api/client';
import {
  type RetrospectiveAction,
  useDeliveryMutation,
  useRetrospectiveActions,
  useRetrospectives,
} from '../../api/delivery';
import { Badge, Button, Card, Input, QueryView, Select } from '../../design';
import { formatDate } from '../../lib/format';
import { ListExport } from '../list-export';
import { FieldErrors } from './field-errors';
import { TeamHeader } from './team-header';

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
];

export function RetrospectivesPage() {
  const { teamId = '' } = useParams();
  const retros = useRetrospectives(teamId);
  const actions = useRetrospectiveActions(teamId);
  return (
    <>
      <TeamHeader
        teamId={teamId}
        page="Retrospectives"
        intro="Improvement actions are tracked until they are done"
      />
      <QueryView query={actions} label="actions" lines={4}>
        {(actionsData) => <ActionBoard teamId={teamId} actions={actionsData} />}
      </QueryView>
      <QueryView
        query={retros}
        label="retrospectives"
        lines={6}
        empty="No retrospectives yet"
        isEmpty={(retrosData) => retrosData.length === 0}
      >
        {(retrosData) => (
          <div className="stack" style={{ marginTop: 'var(--space-4)' }}>
            {retrosData.map((r) => (
              <Card key={r.id} title={`${r.title} · ${formatDate(r.heldOn)}`}>
                <dl className="facts">
                  <dt>Went well</dt>
                  <dd>{r.wentWell ?? '—'}</dd>
                  <dt>To improve</dt>
                  <dd>{r.toImprove ?? '—'}</dd>
                  <dt>Actions</dt>
                  <dd>
                    {r.actions.done} done, {r.actions.open} open
                  </dd>
                </dl>
                <ul>
                  {(actions.data ?? [])
                    .filter((a) => a.retrospectiveId === r.id)
                    .map((a) => (
                      <li key={a.id}>
                        {a.title}{' '}
                        <Badge tone={a.status === 'done' ? 'green' : 'amber'}>
                          {a.status.replace('_', ' ')}
                        </Badge>
                      </li>
                    ))}
                </ul>
              </Card>
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}

function ActionBoard({ teamId, actions }: { teamId: string; actions: RetrospectiveAction[] }) {
  const [title, setTitle] = useState('');
  const update = useDeliveryMutation(({ action, status }: { action: RetrospectiveAction; status: string }) =>
    apiRequest('PATCH', `/retrospective-actions/${action.id}`, { body: { status }, ifMatch: action.version }),
  );
  const create = useDeliveryMutation((name: string) =>
    apiRequest('POST', '/retrospective-actions', { body: { teamId, title: name, status: 'open' } }),
  );
  const open = actions.filter((a) => a.status !== 'done');
  const done = actions.length - open.length;
  return (
    <Card
      title={`Improvement actions: ${done} of ${actions.length} done`}
      actions={
        <ListExport
          title="Improvement actions"
          fileStem="improvement-actions"
          rows={[...open, ...actions.filter((a) => a.status === 'done')]}
          disabled={actions.length === 0}
          columns={[
            { header: 'Action', value: (a) => a.title },
            { header: 'Due', value: (a) => a.dueDate },
            { header: 'Status', value: (a) => a.status },
            { header: 'Done on', value: (a) => a.doneAt },
          ]}
        />
      }
    >
      <FieldErrors error={update.error ?? create.error} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) create.mutate(title.trim(), { onSuccess: () => setTitle('') });
        }}
      >
        <Input label="New action" value={title} onChange={(e) => setTitle(e.target.value)} />
        <Button type="submit" disabled={create.isPending || title.trim() === ''}>
          Add action
        </Button>
      </form>
      <div className="t-table-wrap">
        <table className="t-table">
          <caption className="visually-hidden">Improvement actions</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Done on</th>
            </tr>
          </thead>
          <tbody>
            {[...open, ...actions.filter((a) => a.status === 'done')].map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{formatDate(a.dueDate)}</td>
                <td>
                  <Select
                    label={`Status of ${a.title}`}
                    hideLabel
                    options={STATUSES}
                    value={a.status}
                    onChange={(e) => update.mutate({ action: a, status: e.target.value })}
                  />
                </td>
                <td>{formatDate(a.doneAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
