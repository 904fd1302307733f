import { Type } from 'typebox';
import { column, portfolioOfProject } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, stringEnum } from '../../resources/vocabulary-schemas';
import { checkWorkItemInProject } from '../resources/rules';
import { COST_CATEGORIES } from './money-vocabulary';

/** Hours a person worked on a project (and optionally one of its work items) on a day; costed at their rate. */
export const timeEntrySpec: ResourceSpec = {
  path: 'time-entries',
  table: 'time_entries',
  entityType: 'time_entry',
  title: 'Time entry',
  defaultSort: 'workedOn',
  access: {
    area: 'delivery',
    scopes: {
      portfolio: portfolioOfProject('time_entries', 'project_id'),
      project: column('time_entries', 'project_id'),
    },
  },
  fields: {
    personId: { column: 'person_id', schema: Id, create: 'required', references: 'people', filter: 'eq' },
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    workItemId: {
      column: 'work_item_id',
      schema: Id,
      nullable: true,
      references: 'work_items',
      filter: 'eq',
    },
    workedOn: {
      column: 'worked_on',
      schema: CalendarDate,
      create: 'required',
      filter: 'range',
      sortable: true,
    },
    hours: { column: 'hours', schema: Type.Number({ exclusiveMinimum: 0, maximum: 24 }), create: 'required' },
    category: { column: 'category', schema: stringEnum(COST_CATEGORIES), defaultValue: 'opex', filter: 'eq' },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: {
    async beforeCreate(trx, _ctx, row) {
      await checkWorkItemInProject(trx, row.work_item_id, row.project_id);
    },
    async beforeUpdate(trx, _ctx, before, changes) {
      await checkWorkItemInProject(trx, changes.work_item_id, before.project_id);
    },
  },
};
