import { Type } from 'typebox';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Money } from '../../resources/vocabulary-schemas';
import { checkEveryWrite } from '../resources/rules';

/**
 * An hourly cost rate for a role (matched to a person's title, case-insensitive; `*` for everyone)
 * or for one person, from a date. Labour cost = hours × the rate in force on the day: the
 * person's own rate, else their role's, else `*`, each the latest whose validFrom ≤ the day.
 */
export const costRateSpec: ResourceSpec = {
  path: 'cost-rates',
  table: 'cost_rates',
  entityType: 'cost_rate',
  title: 'Cost rate',
  defaultSort: 'role',
  access: { area: 'directory' },
  fields: {
    role: {
      column: 'role',
      schema: Type.String({
        minLength: 1,
        maxLength: 200,
        description: "A person's title, or * for everyone",
      }),
      nullable: true,
      filter: 'eq',
      sortable: true,
      searchable: true,
    },
    personId: { column: 'person_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    hourlyRate: { column: 'hourly_rate', schema: Money, create: 'required' },
    validFrom: { column: 'valid_from', schema: CalendarDate, nullable: true, sortable: true },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: checkEveryWrite(check),
};

function check(row: Record<string, unknown>): void {
  const hasRole = row.role !== null && row.role !== undefined;
  const hasPerson = row.person_id !== null && row.person_id !== undefined;
  if (hasRole === hasPerson)
    throw fieldProblem('validation_failed', 'role', 'name either a role or a person (personId)');
}
