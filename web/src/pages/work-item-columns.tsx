import { Link } from 'react-router';
import type { WorkItem } from '../api/types';
import { Badge, type BadgeTone, type Column, humanise } from '../design';
import { formatDate } from '../lib/format';

const CATEGORY_TONE: Record<WorkItem['statusCategory'], BadgeTone> = {
  todo: 'neutral',
  in_progress: 'amber',
  done: 'green',
};

export function StatusBadge({ item }: { item: Pick<WorkItem, 'status' | 'statusCategory'> }) {
  return <Badge tone={CATEGORY_TONE[item.statusCategory]}>{item.status}</Badge>;
}

export function workItemColumns(people: Map<string, string>, teams: Map<string, string>): Column<WorkItem>[] {
  return [
    {
      id: 'key',
      header: 'Key',
      cell: (w) => (
        <Link to={`/delivery/work-items/${w.id}`} className="mono">
          {w.key}
        </Link>
      ),
      value: (w) => w.key,
      width: 110,
    },
    { id: 'title', header: 'Title', cell: (w) => w.title, value: (w) => w.title, sortField: 'title' },
    { id: 'type', header: 'Type', cell: (w) => humanise(w.type), value: (w) => w.type, sortField: 'type' },
    {
      id: 'status',
      header: 'Status',
      cell: (w) => <StatusBadge item={w} />,
      value: (w) => w.status,
      sortField: 'status',
    },
    {
      id: 'team',
      header: 'Team',
      cell: (w) => (w.teamId ? (teams.get(w.teamId) ?? '…') : '—'),
      value: (w) => (w.teamId ? teams.get(w.teamId) : ''),
    },
    {
      id: 'assignee',
      header: 'Assignee',
      cell: (w) => (w.assigneeId ? (people.get(w.assigneeId) ?? '…') : '—'),
      value: (w) => (w.assigneeId ? people.get(w.assigneeId) : ''),
    },
    {
      id: 'estimate',
      header: 'Estimate',
      cell: (w) => w.estimate ?? '—',
      value: (w) => w.estimate,
      numeric: true,
    },
    {
      id: 'doneAt',
      header: 'Done',
      cell: (w) => formatDate(w.doneAt),
      value: (w) => w.doneAt,
      sortField: 'doneAt',
    },
  ];
}
