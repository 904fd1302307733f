import { Type } from 'typebox';
import { column, portfolioOfProject } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, Name } from '../../resources/vocabulary-schemas';

/**
 * A renewable resource of a project's schedule (a role, a team, a named person or a machine)
 * with the units it offers on every working day; tasks demand units of it, and levelling keeps
 * every day's demand within the capacity — and gives it no work on its own non-working dates.
 */
export const scheduleResourceSpec: ResourceSpec = {
  path: 'schedule-resources',
  table: 'schedule_resources',
  entityType: 'schedule_resource',
  title: 'Schedule resource',
  defaultSort: 'name',
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: portfolioOfProject('schedule_resources', 'project_id'),
      project: column('schedule_resources', 'project_id'),
    },
  },
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    capacity: {
      column: 'capacity',
      schema: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Units available per working day' }),
      defaultValue: 1,
    },
    personId: { column: 'person_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    // The resource's own calendar exceptions (leave, local holidays) on top of the project
    // calendar: levelling gives it no work on these dates.
    nonWorkingDates: {
      column: 'non_working_dates',
      schema: Type.Array(CalendarDate, {
        maxItems: 1000,
        uniqueItems: true,
        description: 'Dates (YYYY-MM-DD) the resource does not work: leave, local holidays',
      }),
      json: true,
      nullable: true,
      defaultValue: [],
    },
  },
};
