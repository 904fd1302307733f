import { type Expression, type SqlBool, sql } from 'kysely';
import type { Trx } from '../../resources/resource-spec';
import type {
  LeaveEntriesTable,
  ResourceAssignmentsTable,
  ResourceRequestsTable,
  TeamBookingsTable,
  WorkCalendarsTable,
} from '../../store/tables';
import { listScheduleBookings } from './schedule-demand';

// Kysely queries behind the capacity views: everything that overlaps a window, in one organisation.

export interface PersonRow {
  id: string;
  name: string;
  location: string | null;
  fte: number;
  title: string | null;
}

export interface SkillRow {
  person_id: string;
  skill: string;
  proficiency: number;
}

export interface CapacityRows {
  people: PersonRow[];
  skills: SkillRow[];
  calendars: WorkCalendarsTable[];
  leave: LeaveEntriesTable[];
  members: { team_id: string; person_id: string; allocation: number }[];
  teams: { id: string; name: string }[];
  assignments: ResourceAssignmentsTable[];
  requests: ResourceRequestsTable[];
  teamBookings: TeamBookingsTable[];
}

/** Rows whose span from `start_date` to `end_date` (inclusive days) meets the window. */
const overlaps = (window: { from: string; to: string }) =>
  sql<SqlBool>`start_date <= ${window.to} and end_date >= ${window.from}`;

export async function listCapacityRows(
  trx: Trx,
  organisationId: string,
  window: { from: string; to: string },
): Promise<CapacityRows> {
  const org = organisationId;
  const [people, skills, calendars, leave, members, teams, assignments, requests, teamBookings] =
    await Promise.all([
      trx
        .selectFrom('people')
        .select(['id', 'name', 'location', 'fte', 'title'])
        .where('organisation_id', '=', org)
        .orderBy('name')
        .orderBy('id')
        .execute(),
      trx
        .selectFrom('person_skills')
        .select(['person_id', 'skill', 'proficiency'])
        .where('organisation_id', '=', org)
        .execute(),
      trx.selectFrom('work_calendars').selectAll().where('organisation_id', '=', org).orderBy('id').execute(),
      trx
        .selectFrom('leave_entries')
        .selectAll()
        .where('organisation_id', '=', org)
        .where(overlaps(window))
        .execute(),
      trx
        .selectFrom('team_members')
        .select(['team_id', 'person_id', 'allocation'])
        .where('organisation_id', '=', org)
        .execute(),
      trx
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('organisation_id', '=', org)
        .orderBy('name')
        .execute(),
      trx
        .selectFrom('resource_assignments')
        .selectAll()
        .where('organisation_id', '=', org)
        .where(overlaps(window))
        .orderBy('id')
        .execute(),
      trx
        .selectFrom('resource_requests')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('status', '=', 'open')
        .where(overlaps(window))
        .orderBy('id')
        .execute(),
      trx
        .selectFrom('team_bookings')
        .selectAll()
        .where('organisation_id', '=', org)
        .where(overlaps(window))
        .orderBy('id')
        .execute(),
    ]);
  const scheduled = await listScheduleBookings(trx, org, window, assignments);
  return {
    people,
    skills,
    calendars,
    leave,
    members,
    teams,
    assignments: [...assignments, ...scheduled],
    requests,
    teamBookings,
  };
}

/** Projects the caller may read (by the projects resource's access filter), with key and name. */
export async function listReadableProjects(
  trx: Trx,
  organisationId: string,
  restrict: Expression<SqlBool> | undefined,
): Promise<Map<string, { key: string; name: string }>> {
  let query = trx
    .selectFrom('projects')
    .select(['id', 'key', 'name'])
    .where('organisation_id', '=', organisationId);
  if (restrict) query = query.where(restrict);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, { key: r.key, name: r.name }]));
}
