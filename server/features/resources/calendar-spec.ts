import { Type } from 'typebox';
import { findCalendarErrors } from '../../../core/capacity/calendar';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Name } from '../../resources/vocabulary-schemas';
import { checkEveryWrite } from './rules';

export const Holiday = Type.Object(
  { date: CalendarDate, name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/**
 * An employment calendar: the weekdays worked, the hours of a full-time day and the public
 * holidays of a location. People use the calendar of their location, else the one without a
 * location (the organisation's default), else Monday–Friday, 8 hours, no holidays.
 */
export const workCalendarSpec: ResourceSpec = {
  path: 'work-calendars',
  table: 'work_calendars',
  entityType: 'work_calendar',
  title: 'Work calendar',
  defaultSort: 'name',
  access: { area: 'directory' },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    location: {
      column: 'location',
      schema: Type.String({ minLength: 1, maxLength: 200, description: 'People of this location use it' }),
      nullable: true,
      filter: 'eq',
    },
    workingWeekdays: {
      column: 'working_weekdays',
      schema: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
        maxItems: 7,
        description: 'ISO weekdays worked: 1 = Monday … 7 = Sunday',
      }),
      json: true,
      defaultValue: [1, 2, 3, 4, 5],
    },
    hoursPerDay: {
      column: 'hours_per_day',
      schema: Type.Number({
        exclusiveMinimum: 0,
        maximum: 24,
        description: 'Hours of a full-time working day',
      }),
      defaultValue: 8,
    },
    holidays: {
      column: 'holidays',
      schema: Type.Array(Holiday, { maxItems: 1000 }),
      json: true,
      defaultValue: [],
    },
  },
  hooks: checkEveryWrite(check),
};

function check(row: Record<string, unknown>): void {
  const holidays = JSON.parse(String(row.holidays)) as { date: string }[];
  const errors = findCalendarErrors({
    workingWeekdays: JSON.parse(String(row.working_weekdays)) as number[],
    hoursPerDay: Number(row.hours_per_day),
    holidays: holidays.map((h) => h.date),
  });
  const dates = holidays.map((h) => h.date);
  const twice = dates.findIndex((d, i) => dates.indexOf(d) !== i);
  if (twice >= 0) errors.push(`holidays/${twice}: ${dates[twice]} is listed twice`);
  if (errors.length === 0) return;
  throw new ProblemError(
    'validation_failed',
    errors.join('; '),
    errors.map((e) => ({ field: e.slice(0, e.indexOf(':')), message: e.slice(e.indexOf(':') + 2) })),
  );
}
