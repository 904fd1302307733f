import { Link } from 'react-router';
import { useList, useRecord } from '../../api/resources';
import { Card, EmptyState, ErrorState, Skeleton } from '../../design';
import { useProjectAssignments } from './person-api';
import { computeInvolvement, describeInvolvement } from './person-links';

const SHOWN = 24;

function PersonLink({ id }: { id: string }) {
  const person = useRecord('people', id);
  return <Link to={`/people/${id}`}>{person.data?.name ?? '…'}</Link>;
}

/**
 * A project's members: the owner, the people booked on it (resource assignments) and the assignees
 * of its latest 200 work items, most involved first. The API has no project-membership route, so
 * membership is what the records show, and each name says why it is listed.
 */
export function ProjectMembers({ projectId, ownerId }: { projectId: string; ownerId: string | null }) {
  const work = useList('work-items', { projectId, sort: '-updatedAt', limit: 200 });
  const booked = useProjectAssignments(projectId);
  const pending = work.isPending || booked.isPending;
  const error = work.error ?? booked.error;
  const members = computeInvolvement(work.data?.items ?? [], booked.data?.items ?? [], {
    work: (w) => w.assigneeId,
    assignment: (a) => a.personId,
  }).filter((m) => m.id !== ownerId);
  return (
    <Card title="Members">
      {pending ? (
        <Skeleton label="Loading members" />
      ) : error ? (
        <ErrorState error={error} />
      ) : members.length === 0 && !ownerId ? (
        <EmptyState title="No members yet">Nobody owns, is booked on or is assigned work here.</EmptyState>
      ) : (
        <ul className="link-list">
          {ownerId && (
            <li>
              <PersonLink id={ownerId} /> <span className="muted">(owner)</span>
            </li>
          )}
          {members.slice(0, SHOWN).map((m) => (
            <li key={m.id}>
              <PersonLink id={m.id} /> <span className="muted">({describeInvolvement(m)})</span>
            </li>
          ))}
          {members.length > SHOWN && <li className="muted">and {members.length - SHOWN} more</li>}
        </ul>
      )}
    </Card>
  );
}
