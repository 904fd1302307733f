import { useState } from 'react';
import { Link } from 'react-router';
import { type AvailablePerson, useAvailable } from '../../api/resources-money';
import { Button, Card, DataTable, EmptyState, ErrorState, Input, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { hours, monthStart, windowEnd } from './window';

/** "Who with skill X is free in March?": people with the skill and free time after bookings. */
export function AvailabilityPage() {
  usePageTitle('Availability');
  const [draft, setDraft] = useState({ skill: 'Python', month: monthStart(1).slice(0, 7), minFte: '0.2' });
  const [query, setQuery] = useState(draft);
  const from = `${query.month}-01`;
  const to = windowEnd(from, 1);
  const minFte = Number(query.minFte);
  const valid =
    query.skill.trim() !== '' && /^\d{4}-\d{2}$/.test(query.month) && minFte >= 0 && minFte <= 1.5;
  const available = useAvailable({ skill: query.skill.trim(), from, to, minFte }, valid);
  const people = available.data?.people ?? [];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Availability</h1>
          <p className="muted">
            Who with a skill is free in a month: capacity after holidays and leave, less hard and soft
            bookings.
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
              required
              onChange={(e) => setDraft({ ...draft, skill: e.target.value })}
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
            <EmptyState title="Enter a skill, a month and an FTE between 0 and 1.5" />
          ) : available.isPending ? (
            <Skeleton lines={6} label="Finding available people" />
          ) : available.isError ? (
            <ErrorState error={available.error} onRetry={() => void available.refetch()} />
          ) : people.length === 0 ? (
            <EmptyState title={`Nobody with ${query.skill} has ${query.minFte} FTE free in ${query.month}`} />
          ) : (
            <>
              <p role="status">
                {people.length} {people.length === 1 ? 'person' : 'people'} with {query.skill} free in{' '}
                {query.month}, most free first.
              </p>
              <DataTable<AvailablePerson>
                caption={`People with ${query.skill} free in ${query.month}`}
                rows={people}
                rowKey={(p) => p.personId}
                height={480}
                columns={[
                  {
                    id: 'name',
                    header: 'Name',
                    cell: (p) => <Link to={`/people/${p.personId}`}>{p.name}</Link>,
                  },
                  { id: 'location', header: 'Location', cell: (p) => p.location ?? '—' },
                  {
                    id: 'proficiency',
                    header: 'Proficiency (1–5)',
                    cell: (p) => p.proficiency,
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
