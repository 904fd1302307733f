import type { FormEvent } from 'react';
import { useEverything } from '../../api/resources';
import { type TEAM_BOOKING_UNITS, useTeamBookingMutations, useTeamBookings } from '../../api/resources-money';
import { Badge, Button, Card, ErrorState, Input, QueryView, recordOptions, Select } from '../../design';
import { useDraftForm } from '../draft-form';
import { fieldErrors } from '../form-errors';
import { useTeamNames } from '../record-name';
import { AmountFields, type DemandUnit, useProjectChoices } from './demand-fields';
import { TableHead } from './table-head';

const UNITS: (DemandUnit & { value: (typeof TEAM_BOOKING_UNITS)[number] })[] = [
  { value: 'share', label: 'Share of the team', hint: '0.5 = half of the team’s capacity on each day' },
  { value: 'fte', label: 'FTE', hint: 'Full-time people on each working day' },
  { value: 'hours', label: 'Hours in total', hint: 'Spread over the span’s working days' },
];
const KINDS = [
  { value: 'hard', label: 'Hard (committed)' },
  { value: 'soft', label: 'Soft (tentative)' },
];

function amountText(amount: number, unit: string): string {
  if (unit === 'share') return `${Math.round(amount * 100)} % of the team`;
  if (unit === 'fte') return `${amount} FTE`;
  return `${amount} h`;
}

/**
 * Demand from agile teams: book a team's capacity to an initiative or project. The heat map spreads
 * it over the team's members by their allocation, attributed to the project.
 */
export function TeamBookingCard({ from, to }: { from: string; to: string }) {
  const teams = useEverything('teams');
  const projectChoices = useProjectChoices();
  const teamNames = useTeamNames();
  const bookings = useTeamBookings({ from, to });
  const { create, remove } = useTeamBookingMutations();
  const { draft, errors, field } = useDraftForm(
    () => ({
      teamId: '',
      projectId: '',
      startDate: from,
      endDate: to,
      amount: '0.5',
      unit: 'share',
      booking: 'hard',
    }),
    () => ({}),
    fieldErrors(create.error),
  );
  const projectName = projectChoices.nameOf;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...draft, amount: Number(draft.amount) });
  };
  const rows = bookings.data?.items ?? [];
  return (
    <Card title="Team bookings">
      <p className="muted">
        A team’s capacity booked to an initiative or project counts as demand on its members (by their
        allocation to the team), on the team and on their skills.
      </p>
      <form className="stack" aria-label="Book a team" onSubmit={submit} noValidate>
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Select
            label="Team"
            required
            placeholder="Choose a team"
            options={recordOptions(teams.data)}
            {...field('teamId')}
          />
          <Select
            label="Initiative or project"
            required
            placeholder="Choose a project"
            options={projectChoices.options}
            {...field('projectId')}
          />
          <Input label="Booked from" type="date" required {...field('startDate')} />
          <Input label="Booked to" type="date" required {...field('endDate')} />
          <AmountFields
            units={UNITS}
            amount={field('amount')}
            unit={field('unit')}
            labels={{ amount: 'Amount', unit: 'Unit' }}
            required
          />
          <Select label="Booking" options={KINDS} {...field('booking')} />
        </div>
        <div className="row">
          <Button type="submit" disabled={create.isPending}>
            Book the team
          </Button>
          {create.isSuccess && <span role="status">Booked; the heat map now counts it.</span>}
        </div>
      </form>
      <QueryView
        query={bookings}
        label="team bookings"
        empty="No team bookings in this window"
        isEmpty={() => rows.length === 0}
      >
        {() => (
          <table className="t-table">
            <caption className="visually-hidden">Team bookings in the window</caption>
            <TableHead columns={['Team', 'Project', 'From', 'To', 'Amount', 'Booking', 'Actions']} />
            <tbody>
              {rows.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{teamNames.get(b.teamId) ?? b.teamId}</th>
                  <td>{projectName.get(b.projectId) ?? b.projectId}</td>
                  <td>{b.startDate}</td>
                  <td>{b.endDate}</td>
                  <td>{amountText(b.amount, b.unit)}</td>
                  <td>
                    <Badge tone={b.booking === 'hard' ? 'neutral' : 'amber'}>{b.booking}</Badge>
                  </td>
                  <td>
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(b)}
                      aria-label={`Remove the booking of ${teamNames.get(b.teamId) ?? 'the team'} to ${projectName.get(b.projectId) ?? 'the project'}`}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {remove.isError && <ErrorState error={remove.error} />}
    </Card>
  );
}
