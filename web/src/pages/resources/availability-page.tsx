import { useState } from 'react';
import { Link } from 'react-router';
import { type AvailablePerson, useAvailable } from '../../api/resources-money';
import { Button, Card, DataTable, EmptyState, ErrorState, Input, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { hours, monthStart, windowEnd } from './window';

/**
 * "Who with skill X is free in March?": people with the skill, the role (their title), or both,
 * and free time after bookings.
 */
export function AvailabilityPage() {
  usePageTitle('Availability');
  const [draft, setDraft] = useState({
    skill: 'Python',
    role: '',
    month: monthStart(1).slice(0, 7),
    minFte: '0.2',
  });
  const [query, setQuery] = useState(draft);
  const from = `${query.month}-01`;
  const to = windowEnd(from, 1);
  const minFte = Number(query.minFte);
  const skill = query.skill.trim();
  const role = query.role.trim();
  const who = [role, skill ? `with ${skill}` : ''].filter((x) => x !== '').join(' ');
  const valid =
    (skill !== '' || role !== '') && /^\d{4}-\d{2}$/.test(query.month) && minFte >= 0 && minFte <= 1.5;
  const available = useAvailable({ skill, role, from, to, minFte }, valid);
  const people = available.data?.people ?? [];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Availability</h1>
          <p className="muted">
            Who with a skill, in a role (their title) or both is free in a month: capacity after holidays and
            leave, less hard and soft bookings.
          </p>
        </div>
      </div>
      <Card>
        <div className="stack">
          <form
            className="row"
            aria-label="Find available people"
            onSubmit={(e) => {
              e.preventDefault();
              setQuery(draft);
            }}
          >
            <Input
              label="Skill"
              value={draft.skill}
              onChange={(e) => setDraft({ ...draft, skill: e.target.value })}
            />
            <Input
              label="Role"
              value={draft.role}
              hint="A job title; leave empty for anyone"
              onChange={(e) => setDraft({ ...draft, role: e.target.value })}
            />
            <Input
              label="Month"
              type="month"
              value={draft.month}
              required
              onChange={(e) => setDraft({ ...draft, month: e.target.value })}
            />
            <Input
              label="At least FTE free"
              type="number"
              min={0}
              max={1.5}
              step={0.1}
              value={draft.minFte}
              onChange={(e) => setDraft({ ...draft, minFte: e.target.value })}
            />
            <Button type="submit" variant="primary">
              Find
            </Button>
          </form>
          {!valid ? (
            <EmptyState title="Enter a skill or a role, a month and an FTE between 0 and 1.5" />
          ) : available.isPending ? (
            <Skeleton lines={6} label="Finding available people" />
          ) : available.isError ? (
            <ErrorState error={available.error} onRetry={() => void available.refetch()} />
          ) : people.length === 0 ? (
            <EmptyState title={`Nobody ${who} has ${query.minFte} FTE free in ${query.month}`} />
          ) : (
            <>
              <p role="status">
                {people.length} {people.length === 1 ? 'person' : 'people'} {who} free in {query.month}, most
                free first.
              </p>
              <DataTable<AvailablePerson>
                caption={`People ${who} free in ${query.month}`}
                rows={people}
                rowKey={(p) => p.personId}
                height={480}
                columns={[
                  {
                    id: 'name',
                    header: 'Name',
                    cell: (p) => <Link to={`/people/${p.personId}`}>{p.name}</Link>,
                  },
                  { id: 'title', header: 'Role', cell: (p) => p.title ?? '—' },
                  { id: 'location', header: 'Location', cell: (p) => p.location ?? '—' },
                  {
                    id: 'proficiency',
                    header: 'Proficiency (1–5)',
                    cell: (p) => p.proficiency ?? '—',
                    numeric: true,
                  },
                  { id: 'free', header: 'Free FTE', cell: (p) => p.freeFte.toFixed(2), numeric: true },
                  { id: 'freeHours', header: 'Free', cell: (p) => hours(p.freeHours), numeric: true },
                  { id: 'capacity', header: 'Capacity', cell: (p) => hours(p.capacityHours), numeric: true },
                  { id: 'hard', header: 'Hard booked', cell: (p) => hours(p.hardHours), numeric: true },
                  { id: 'soft', header: 'Soft booked', cell: (p) => hours(p.softHours), numeric: true },
                ]}
              />
            </>
          )}
        </div>
      </Card>
    </>
  );
}
