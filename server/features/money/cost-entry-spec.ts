import { Type } from 'typebox';
import { column, portfolioOfProject } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Money, stringEnum } from '../../resources/vocabulary-schemas';
import { checkWorkItemInProject } from '../resources/rules';
import { COST_CATEGORIES, COST_TYPES } from './money-vocabulary';

/** An actual cost of a project (an invoice, a licence, a contractor's bill), optionally against a work item. */
export const costEntrySpec: ResourceSpec = {
  path: 'cost-entries',
  table: 'cost_entries',
  entityType: 'cost_entry',
  title: 'Cost entry',
  defaultSort: 'incurredOn',
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: portfolioOfProject('cost_entries', 'project_id'),
      project: column('cost_entries', 'project_id'),
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
    workItemId: {
      column: 'work_item_id',
      schema: Id,
      nullable: true,
      references: 'work_items',
      filter: 'eq',
    },
    incurredOn: {
      column: 'incurred_on',
      schema: CalendarDate,
      create: 'required',
      filter: 'range',
      sortable: true,
    },
    amount: { column: 'amount', schema: Money, create: 'required', sortable: true },
    category: { column: 'category', schema: stringEnum(COST_CATEGORIES), defaultValue: 'opex', filter: 'eq' },
    costType: {
      column: 'cost_type',
      schema: stringEnum(COST_TYPES),
      defaultValue: 'non_labour',
      filter: 'eq',
    },
    description: { column: 'description', schema: LongText, nullable: true, searchable: true },
    origin: {
      column: 'origin',
      schema: Type.String({ description: 'manual or csv' }),
      create: 'readonly',
      filter: 'eq',
    },
  },
  hooks: {
    async beforeCreate(trx, _ctx, row) {
      row.origin ??= 'manual';
      await checkWorkItemInProject(trx, row.work_item_id, row.project_id);
    },
    async beforeUpdate(trx, _ctx, before, changes) {
      await checkWorkItemInProject(trx, changes.work_item_id, before.project_id);
    },
  },
};
