import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type Suggestion, useApplySuggestion, useSuggestions } from '../../api/resources-money';
import { Badge, Button, Card, EmptyState, ErrorState, Input, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { EffortEstimateCard } from './effort-estimate-card';
import { TableHead } from './table-head';
import { hours, monthStart, windowEnd } from './window';

/** Suggested assignments (LP over skills and free capacity), each applicable as a soft booking. */
export function SuggestionsPage() {
  usePageTitle('Assignment suggestions');
  const [from, setFrom] = useState(monthStart(0));
  const to = windowEnd(from, 2);
  const suggestions = useSuggestions({ from, to });
  const apply = useApplySuggestion();
  const [message, setMessage] = useState<string | null>(null);
  const data = suggestions.data;
  const onApply = (s: Suggestion, a: Suggestion['allocations'][number]) => {
    setMessage(null);
    apply.mutate(
      { suggestion: s, personId: a.personId, hours: a.hours, from, to },
      {
        onSuccess: (r) =>
          setMessage(
            r.action === 'moved'
              ? `Moved the soft booking on ${s.projectKey ?? 'the project'} to ${a.name}.`
              : r.action === 'split'
                ? `Moved ${hours(a.hours)} of the soft booking on ${s.projectKey ?? 'the project'} to ${a.name}.`
                : `Booked ${a.name} softly for ${hours(a.hours)} of ${askedFor(s)} on ${s.projectKey ?? 'the project'}.`,
          ),
        onError: (e) =>
          setMessage(
            isApiError(e, 'precondition_failed') || isApiError(e, 'conflict')
              ? `This suggestion is out of date (${e.message}) The list has been refreshed.`
              : `Could not apply: ${(e as Error).message}`,
          ),
      },
    );
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Assignment suggestions</h1>
          <p className="muted">
            Open requests and soft bookings of over-allocated people, matched to the best skill with the least
            overload. Applying one makes a soft booking (or moves the soft booking) in one audited step.
          </p>
        </div>
      </div>
      <div className="stack">
        <form className="row" aria-label="Suggestion window" onSubmit={(e) => e.preventDefault()}>
          <Input
            label="From"
            type="date"
            value={from}
            hint={`to ${to}`}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
          />
        </form>
        <p role="status" aria-live="polite">
          {message}
        </p>
        {suggestions.isPending ? (
          <Skeleton lines={6} label="Solving the assignment problem" />
        ) : suggestions.isError ? (
          <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        ) : !data || data.suggestions.length === 0 ? (
          <EmptyState title="Nothing to fix in this window" />
        ) : (
          <Card
            title={`${data.suggestions.length} suggestions`}
            actions={<Badge>{data.solver === 'lp' ? 'LP (HiGHS)' : 'Greedy'}</Badge>}
          >
            <p className="muted">
              Requested {hours(data.summary.requestedHours)}, covered {hours(data.summary.coveredHours)},
              unmet {hours(data.summary.unmetHours)}; {data.summary.movedBookings} soft booking(s) to move.
              {data.fallbackReason ? ` ${data.fallbackReason}.` : ''}
            </p>
            <table className="t-table">
              <caption className="visually-hidden">Suggested assignments</caption>
              <TableHead columns={['Demand', 'Role / skill', 'Suggested', 'Why', 'Apply']} />
              <tbody>
                {data.suggestions.flatMap((s) =>
                  s.allocations.map((a, i) => (
                    <tr key={`${s.demandId}-${a.personId}`}>
                      {i === 0 && (
                        <td rowSpan={s.allocations.length}>
                          <Badge tone={s.kind === 'soft' ? 'amber' : 'neutral'}>
                            {s.kind === 'soft' ? 'Move booking' : 'Open request'}
                          </Badge>{' '}
                          {s.projectKey ?? ''} {hours(s.totalHours)}
                          {s.unmetHours > 0.5 ? ` (${hours(s.unmetHours)} unmet)` : ''}
                        </td>
                      )}
                      {i === 0 && <td rowSpan={s.allocations.length}>{askedFor(s)}</td>}
                      <td>
                        {a.name} · {hours(a.hours)}
                        {a.proficiency === null ? '' : ` · proficiency ${a.proficiency}`}
                      </td>
                      <td className="muted">{a.reason || s.reason}</td>
                      <td>
                        {s.kind === 'soft' && a.personId === s.currentPersonId ? (
                          <span className="muted">Keeps it</span>
                        ) : (
                          <Button
                            size="sm"
                            disabled={apply.isPending}
                            aria-label={`Apply: ${a.name} for ${askedFor(s)} on ${s.projectKey ?? 'project'}`}
                            onClick={() => onApply(s, a)}
                          >
                            Apply
                          </Button>
                        )}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </Card>
        )}
        <EffortEstimateCard />
      </div>
    </>
  );
}

/** What a demand asks for: a role, a skill, or a role with a skill. */
function askedFor(s: Suggestion): string {
  if (s.role && s.skill) return `${s.role} with ${s.skill}`;
  return s.role ?? s.skill ?? '—';
}
