import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useEverything } from '../../api/resources';
import type { Page, WorkItem } from '../../api/types';
import { Badge, Card, DataTable, EmptyState, ErrorState, humanise, QueryView, Skeleton } from '../../design';
import { formatDate } from '../../lib/format';
import { useTeamNames } from '../record-name';
import type { ResourceAssignment } from './person-api';
import { byField, computeInvolvement, describeInvolvement, type Involvement } from './person-links';

type Query<T> = UseQueryResult<Page<T>>;

/** Teams and projects, each with the evidence (work items, assignments) that ties the person to it. */
export function PersonInvolvement({
  work,
  assignments,
}: {
  work: Query<WorkItem>;
  assignments: Query<ResourceAssignment>;
}) {
  const teams = useTeamNames();
  const projects = useEverything('projects');
  const projectNames = new Map((projects.data ?? []).map((p) => [p.id, `${p.key} · ${p.name}`]));
  const pending = work.isPending || assignments.isPending;
  const error = work.error ?? assignments.error;
  const items = work.data?.items ?? [];
  const booked = assignments.data?.items ?? [];
  const body = (key: 'teamId' | 'projectId', render: (e: Involvement) => React.ReactNode, none: string) => {
    if (pending) return <Skeleton label="Loading" />;
    if (error) return <ErrorState error={error} />;
    const list = computeInvolvement(items, booked, byField(key));
    if (list.length === 0) return <EmptyState title={none} />;
    return (
      <ul className="link-list">
        {list.map((e) => (
          <li key={e.id}>
            {render(e)} <span className="muted">({describeInvolvement(e)})</span>
          </li>
        ))}
      </ul>
    );
  };
  return (
    <div className="grid-2">
      <Card title="Teams">
        <p className="muted">From assigned work and allocations.</p>
        {body(
          'teamId',
          (e) => (
            <Link to={`/delivery/teams/${e.id}`}>{teams.get(e.id) ?? 'Team'}</Link>
          ),
          'No team work',
        )}
      </Card>
      <Card title="Projects">
        <p className="muted">From assigned work and allocations.</p>
        {body(
          'projectId',
          (e) => (
            <Link to={`/portfolio/projects/${e.id}`}>{projectNames.get(e.id) ?? 'Project'}</Link>
          ),
          'No project work',
        )}
      </Card>
    </div>
  );
}

/** Resource assignments: which project books how much of the person, when, hard or soft. */
export function PersonAllocations({ assignments }: { assignments: Query<ResourceAssignment> }) {
  const projects = useEverything('projects');
  const names = new Map((projects.data ?? []).map((p) => [p.id, `${p.key} · ${p.name}`]));
  const rows = assignments.data?.items ?? [];
  return (
    <Card title="Allocations">
      <QueryView
        query={assignments}
        label="allocations"
        empty="No allocations"
        emptyHint="Nobody has booked this person on a project."
        isEmpty={() => rows.length === 0}
      >
        {() => (
          <DataTable<ResourceAssignment>
            caption="Allocations"
            rows={rows}
            rowKey={(a) => a.id}
            height={300}
            columns={[
              {
                id: 'project',
                header: 'Project',
                cell: (a) => (
                  <Link to={`/portfolio/projects/${a.projectId}`}>{names.get(a.projectId) ?? '…'}</Link>
                ),
              },
              { id: 'from', header: 'From', cell: (a) => formatDate(a.startDate) },
              { id: 'to', header: 'To', cell: (a) => formatDate(a.endDate) },
              {
                id: 'amount',
                header: 'Amount',
                numeric: true,
                cell: (a) => (a.unit === 'fte' ? `${a.amount} FTE` : `${a.amount} h`),
              },
              {
                id: 'booking',
                header: 'Booking',
                cell: (a) => (
                  <Badge tone={a.booking === 'hard' ? 'green' : 'neutral'}>{humanise(a.booking)}</Badge>
                ),
              },
              { id: 'skill', header: 'Skill', cell: (a) => a.skill ?? '—' },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}
