import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import {
  useDeleteRecord,
  useEverything,
  useRecord,
  useStatusHistory,
  useUpdateRecord,
} from '../api/resources';
import { WORK_ITEM_TYPES, type WorkItem } from '../api/types';
import { Button, Card, Dialog, ErrorState, humanise, optionsOf, recordOptions, Skeleton } from '../design';
import { formatDateTime } from '../lib/format';
import { AuditHistory } from './audit-history';
import { ConflictDialog } from './conflict-dialog';
import { InlineField } from './inline-field';
import { RecordName, usePageTitle } from './record-name';
import { StatusBadge } from './work-item-columns';

const LABELS: Record<string, string> = {
  title: 'Title',
  status: 'Status',
  type: 'Type',
  teamId: 'Team',
  assigneeId: 'Assignee',
  estimate: 'Estimate',
  description: 'Description',
};

interface Conflict {
  mine: Record<string, unknown>;
  theirs: WorkItem;
}

export function WorkItemPage() {
  const { workItemId = '' } = useParams();
  const item = useRecord('work-items', workItemId);
  const update = useUpdateRecord('work-items');
  const teams = useEverything('teams');
  const people = useEverything('people');
  const [conflict, setConflict] = useState<Conflict>();
  const [deleting, setDeleting] = useState(false);
  usePageTitle(item.data ? `${item.data.key} ${item.data.title}` : 'Work item');

  if (item.isPending) return <Skeleton lines={8} label="Loading work item" />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  const w = item.data;

  const save = (patch: Record<string, unknown>, version = w.version) =>
    update.mutate(
      { id: w.id, version, patch },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'precondition_failed' && error.current) {
            setConflict({ mine: patch, theirs: error.current as WorkItem });
          }
        },
        onSuccess: () => setConflict(undefined),
      },
    );
  const field = (name: keyof WorkItem, convert: (v: string) => unknown = (v) => v || null) => ({
    label: LABELS[name] ?? name,
    version: w.version,
    onSave: (value: string, baseVersion = w.version) => save({ [name]: convert(value) }, baseVersion),
  });
  const teamOptions = recordOptions(teams.data);
  const peopleOptions = recordOptions(people.data);
  const nameOf = (options: { value: string; label: string }[], id: string | null) =>
    id ? (options.find((o) => o.value === id)?.label ?? '…') : undefined;
  const refused =
    update.error instanceof ApiError && update.error.code !== 'precondition_failed' ? update.error : null;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="mono muted">
            {w.key} ·{' '}
            <Link to={`/portfolio/projects/${w.projectId}`}>
              <RecordName resource="projects" id={w.projectId} />
            </Link>
          </p>
          <h1>{w.title}</h1>
        </div>
        <div className="row">
          <StatusBadge item={w} />
          <Button variant="danger" onClick={() => setDeleting(true)}>
            Delete work item
          </Button>
        </div>
      </div>
      {refused && (
        <p role="alert" className="t-field__error">
          Not saved: {refused.message}
        </p>
      )}
      <p className="muted" aria-live="polite">
        {update.isPending ? 'Saving…' : `Version ${w.version}, last changed ${formatDateTime(w.updatedAt)}`}
      </p>
      <div className="grid-2">
        <Card title="Details">
          <dl className="facts">
            <dt>Title</dt>
            <dd>
              <InlineField kind="text" value={w.title} {...field('title', (v) => v)} />
            </dd>
            <dt>Status</dt>
            <dd>
              <InlineField kind="text" value={w.status} {...field('status', (v) => v)} />
            </dd>
            <dt>Type</dt>
            <dd>
              <InlineField
                kind="select"
                options={optionsOf(WORK_ITEM_TYPES)}
                value={w.type}
                display={humanise(w.type)}
                {...field('type', (v) => v)}
              />
            </dd>
            <dt>Team</dt>
            <dd>
              <InlineField
                kind="select"
                options={teamOptions}
                value={w.teamId ?? ''}
                display={nameOf(teamOptions, w.teamId)}
                {...field('teamId')}
              />
            </dd>
            <dt>Assignee</dt>
            <dd>
              <InlineField
                kind="select"
                options={peopleOptions}
                value={w.assigneeId ?? ''}
                display={nameOf(peopleOptions, w.assigneeId)}
                {...field('assigneeId')}
              />
            </dd>
            <dt>Estimate</dt>
            <dd>
              <InlineField
                kind="number"
                value={w.estimate === null ? '' : String(w.estimate)}
                {...field('estimate', (v) => (v === '' ? null : Number(v)))}
              />
            </dd>
            <dt>Description</dt>
            <dd>
              <InlineField kind="textarea" value={w.description ?? ''} {...field('description')} />
            </dd>
          </dl>
        </Card>
        <StatusHistory id={w.id} />
      </div>
      <AuditHistory resource="work-items" id={w.id} />
      <ConflictDialog
        open={conflict !== undefined}
        mine={conflict?.mine ?? {}}
        theirs={conflict?.theirs}
        labels={LABELS}
        onKeepMine={() => conflict && save(conflict.mine, conflict.theirs.version)}
        onTakeTheirs={() => {
          setConflict(undefined);
          update.reset();
        }}
      />
      <DeleteWorkItemDialog open={deleting} onClose={() => setDeleting(false)} item={w} />
    </>
  );
}

function StatusHistory({ id }: { id: string }) {
  const history = useStatusHistory(id);
  return (
    <Card title="Status history">
      {history.isPending ? (
        <Skeleton label="Loading status history" />
      ) : history.isError ? (
        <ErrorState error={history.error} />
      ) : history.data.length === 0 ? (
        <p className="muted">No status changes recorded.</p>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {history.data.map((change) => (
            <li key={change.changedAt + change.toStatus}>
              {change.fromStatus ?? 'Created'} → <strong>{change.toStatus}</strong>{' '}
              <time className="muted" dateTime={change.changedAt}>
                {formatDateTime(change.changedAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function DeleteWorkItemDialog({
  open,
  onClose,
  item,
}: {
  open: boolean;
  onClose: () => void;
  item: WorkItem;
}) {
  const remove = useDeleteRecord('work-items');
  const navigate = useNavigate();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete ${item.key}?`}
      description="The work item is removed for everyone. Its history stays in the audit log."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: item.id, version: item.version },
                {
                  onSuccess: () => void navigate(`/portfolio/projects/${item.projectId}`, { replace: true }),
                },
              )
            }
          >
            Delete
          </Button>
        </>
      }
    >
      {remove.error && (
        <p role="alert" className="t-field__error">
          {remove.error.message}
        </p>
      )}
    </Dialog>
  );
}
