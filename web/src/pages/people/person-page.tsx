import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useInfiniteList, useList, useRecord } from '../../api/resources';
import type { Person, WorkItem } from '../../api/types';
import { Card, DataTable, EmptyState, ErrorState, Skeleton } from '../../design';
import { AuditHistory } from '../audit-history';
import { usePageTitle, usePeopleNames, useTeamNames } from '../record-name';
import { workItemColumns } from '../work-item-columns';
import { usePersonAssignments } from './person-api';
import { PersonAllocations, PersonInvolvement } from './person-involvement';
import { proficiencyLabel } from './person-links';

/** One person: profile, skills, the teams and projects they work in, current work, allocations, history. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const person = useRecord('people', personId);
  usePageTitle(person.data?.name ?? 'Person');
  if (person.isPending) return <Skeleton lines={8} label="Loading person" />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{p.name}</h1>
          <p className="muted">
            {[p.title, p.location].filter(Boolean).join(' · ') || 'No title or location'}
          </p>
        </div>
      </div>
      <div className="grid-2">
        <Profile person={p} />
        <Skills person={p} />
      </div>
      <PersonWork person={p} />
      <AuditHistory resource="people" id={p.id} />
    </>
  );
}

function Profile({ person }: { person: Person }) {
  return (
    <Card title="Profile">
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : '—'}</dd>
        <dt>Title</dt>
        <dd>{person.title ?? '—'}</dd>
        <dt>Location</dt>
        <dd>{person.location ?? '—'}</dd>
        <dt>Contracted FTE</dt>
        <dd>{person.fte}</dd>
      </dl>
    </Card>
  );
}

function Skills({ person }: { person: Person }) {
  return (
    <Card title="Skills">
      {person.skills.length === 0 ? (
        <EmptyState title="No skills recorded" />
      ) : (
        <ul className="skill-list">
          {person.skills.map((s) => (
            <li key={s.skill}>
              <Link to={`/people?skill=${encodeURIComponent(s.skill)}`}>{s.skill}</Link>
              {/* The meter carries the value for assistive technology; the words say it for everyone. */}
              <meter min={0} max={5} value={s.proficiency} aria-label={`${s.skill} proficiency`} />
              <span className="muted">
                {s.proficiency}/5 · {proficiencyLabel(s.proficiency)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function PersonWork({ person }: { person: Person }) {
  const current = useInfiniteList('work-items', {
    assigneeId: person.id,
    statusCategory: 'in_progress',
    sort: '-startedAt',
  });
  // The latest 200 items of any status tell which teams and projects the person works with.
  const recent = useList('work-items', { assigneeId: person.id, sort: '-updatedAt', limit: 200 });
  const assignments = usePersonAssignments(person.id);
  const people = usePeopleNames();
  const teams = useTeamNames();
  const columns = useMemo(
    () => workItemColumns(people, teams).filter((c) => c.id !== 'assignee' && c.id !== 'doneAt'),
    [people, teams],
  );
  const rows = useMemo(() => current.data?.pages.flatMap((p) => p.items) ?? [], [current.data]);
  return (
    <>
      <Card title="Current work">
        {current.isPending ? (
          <Skeleton label="Loading current work" />
        ) : current.isError ? (
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="Nothing in progress">
            No work item assigned to {person.name} is in progress.
          </EmptyState>
        ) : (
          <DataTable<WorkItem>
            caption={`Work in progress of ${person.name}`}
            rows={rows}
            columns={columns}
            rowKey={(w) => w.id}
            height={320}
            onEndReached={() => {
              if (current.hasNextPage && !current.isFetchingNextPage) void current.fetchNextPage();
            }}
            footer={`${rows.length}${current.hasNextPage ? '+' : ''} in progress`}
          />
        )}
      </Card>
      <PersonInvolvement work={recent} assignments={assignments} />
      <PersonAllocations assignments={assignments} />
    </>
  );
}
