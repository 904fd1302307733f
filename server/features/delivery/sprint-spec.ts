import { Type } from 'typebox';
import { getDayNumber } from '../../../core/flow/utc-days';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Name, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import { teamDeliveryAccess } from './team-access';

type Row = Record<string, unknown>;

export const SPRINT_STATES = ['planned', 'active', 'completed'] as const;
const MAX_SPRINT_DAYS = 60;

/**
 * A sprint of a Scrum or hybrid team: plan it (dates, capacity, goal, items), start it (the
 * commitment is taken), complete it (unfinished items carry over). Start and complete are action
 * routes; this spec is the plain record.
 */
export const sprintSpec: ResourceSpec = {
  path: 'sprints',
  table: 'sprints',
  entityType: 'sprint',
  title: 'Sprint',
  defaultSort: 'startDate',
  access: teamDeliveryAccess('sprints'),
  fields: {
    teamId: {
      column: 'team_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'teams',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    goal: { column: 'goal', schema: LongText, nullable: true },
    startDate: { column: 'start_date', schema: CalendarDate, create: 'required', sortable: true },
    endDate: { column: 'end_date', schema: CalendarDate, create: 'required', sortable: true },
    capacity: {
      column: 'capacity',
      schema: Type.Number({
        minimum: 0,
        maximum: 100_000,
        description: 'Points (or hours) the team can take on',
      }),
      nullable: true,
    },
    state: {
      column: 'state',
      schema: stringEnum(SPRINT_STATES, 'Changed by the start and complete actions'),
      create: 'readonly',
      filter: 'eq',
    },
    committedItems: { column: 'committed_items', schema: Type.Integer(), nullable: true, create: 'readonly' },
    committedPoints: {
      column: 'committed_points',
      schema: Type.Number(),
      nullable: true,
      create: 'readonly',
    },
    completedItems: { column: 'completed_items', schema: Type.Integer(), nullable: true, create: 'readonly' },
    completedPoints: {
      column: 'completed_points',
      schema: Type.Number(),
      nullable: true,
      create: 'readonly',
    },
    startedAt: { column: 'started_at', schema: Timestamp, nullable: true, create: 'readonly' },
    completedAt: { column: 'completed_at', schema: Timestamp, nullable: true, create: 'readonly' },
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      row.state = 'planned';
      checkDates(row);
      await checkTeamRunsSprints(trx, ctx.principal.organisationId, String(row.team_id));
    },
    async beforeUpdate(_trx, _ctx, before, changes) {
      if (before.state === 'completed' && ('start_date' in changes || 'end_date' in changes))
        throw new ProblemError('conflict', 'A completed sprint keeps its dates.', [
          { field: 'startDate', message: 'the sprint is completed' },
        ]);
      checkDates({ ...before, ...changes });
    },
  },
};

function checkDates(row: Row): void {
  const start = getDayNumber(String(row.start_date));
  const end = getDayNumber(String(row.end_date));
  if (end < start) throw fieldProblem('validation_failed', 'endDate', 'is before startDate');
  if (end - start + 1 > MAX_SPRINT_DAYS)
    throw fieldProblem('validation_failed', 'endDate', `a sprint lasts at most ${MAX_SPRINT_DAYS} days`);
}

/** Kanban teams plan by their SLE, not in sprints. */
async function checkTeamRunsSprints(trx: Trx, organisationId: string, teamId: string): Promise<void> {
  const team = await trx
    .selectFrom('teams')
    .select('delivery_method')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (team?.delivery_method === 'kanban')
    throw fieldProblem(
      'validation_failed',
      'teamId',
      'names a Kanban team: Kanban teams work to a service level expectation, not sprints',
    );
}
