import { Type } from 'typebox';
import { BOOKING_KINDS } from '../../../core/capacity/load';
import { TEAM_BOOKING_UNITS } from '../../../core/capacity/team-demand';
import { column, portfolioOfProject } from '../../auth/access';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, stringEnum } from '../../resources/vocabulary-schemas';
import { checkEveryWrite, checkSpan, SPAN_FIELDS } from './rules';

/**
 * Demand from an agile team: a share of the team's capacity (or FTE, or hours in total) booked to
 * an initiative or project over a span, hard or soft. The capacity views spread it over the team's
 * members by their allocation, so it shows on people, the team and skills, attributed to the project.
 */
export const teamBookingSpec: ResourceSpec = {
  path: 'team-bookings',
  table: 'team_bookings',
  entityType: 'team_booking',
  title: 'Team booking',
  defaultSort: 'startDate',
  access: {
    area: 'delivery',
    scopes: {
      portfolio: portfolioOfProject('team_bookings', 'project_id'),
      project: column('team_bookings', 'project_id'),
      team: column('team_bookings', 'team_id'),
    },
  },
  fields: {
    teamId: {
      column: 'team_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'teams',
      filter: 'eq',
    },
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    ...SPAN_FIELDS,
    amount: {
      column: 'amount',
      schema: Type.Number({
        exclusiveMinimum: 0,
        maximum: 1e6,
        description:
          "unit share: the part of the team's capacity on each day (0–1]; fte: full-time people on each working day; hours: in total over the span",
      }),
      create: 'required',
    },
    unit: {
      column: 'unit',
      schema: stringEnum(TEAM_BOOKING_UNITS, 'share, fte or hours'),
      defaultValue: 'share',
      filter: 'eq',
    },
    booking: { column: 'booking', schema: stringEnum(BOOKING_KINDS), defaultValue: 'hard', filter: 'eq' },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: checkEveryWrite(check),
};

function check(row: Record<string, unknown>): void {
  checkSpan(row, 'start_date', 'end_date', 'endDate');
  if (row.unit === 'share' && typeof row.amount === 'number' && row.amount > 1)
    throw fieldProblem('validation_failed', 'amount', 'a share of the team is at most 1 (the whole team)');
}
