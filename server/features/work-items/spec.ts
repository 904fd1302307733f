import { Type } from 'typebox';
import { ESTIMATE_UNITS, STATUS_CATEGORIES, WORK_ITEM_TYPES } from '../../../core/model/vocabulary';
import { column, portfolioOfProject } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import { combineHooks, TagIds, tagFilter, taggable } from '../tags/taggable';
import { workItemHooks } from './work-item-rules';

export const workItemSpec: ResourceSpec = {
  path: 'work-items',
  table: 'work_items',
  entityType: 'work_item',
  title: 'Work item',
  defaultSort: 'createdAt',
  access: {
    area: 'delivery',
    scopes: {
      portfolio: portfolioOfProject('work_items', 'project_id'),
      project: column('work_items', 'project_id'),
      team: column('work_items', 'team_id'),
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
    key: { column: 'key', schema: Type.String(), create: 'readonly', filter: 'eq', searchable: true },
    type: {
      column: 'type',
      schema: stringEnum(WORK_ITEM_TYPES),
      create: 'required',
      filter: 'eq',
      sortable: true,
    },
    title: {
      column: 'title',
      schema: Type.String({ minLength: 1, maxLength: 500 }),
      create: 'required',
      searchable: true,
      sortable: true,
    },
    description: { column: 'description', schema: LongText, nullable: true },
    status: {
      column: 'status',
      schema: Type.String({
        minLength: 1,
        maxLength: 80,
        description: 'Workflow state name, e.g. "In Review"',
      }),
      defaultValue: 'To Do',
      filter: 'eq',
      sortable: true,
    },
    statusCategory: {
      column: 'status_category',
      schema: stringEnum(STATUS_CATEGORIES, 'Derived from common status names when omitted'),
      filter: 'eq',
    },
    teamId: { column: 'team_id', schema: Id, nullable: true, references: 'teams', filter: 'eq' },
    parentId: { column: 'parent_id', schema: Id, nullable: true, references: 'work_items', filter: 'eq' },
    assigneeId: { column: 'assignee_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    estimate: { column: 'estimate', schema: Type.Number({ minimum: 0, maximum: 100_000 }), nullable: true },
    estimateUnit: { column: 'estimate_unit', schema: stringEnum(ESTIMATE_UNITS), nullable: true },
    rank: { column: 'rank', schema: Type.Number(), nullable: true },
    startedAt: {
      column: 'started_at',
      schema: Timestamp,
      nullable: true,
      create: 'readonly',
      filter: 'range',
      sortable: true,
    },
    doneAt: {
      column: 'done_at',
      schema: Timestamp,
      nullable: true,
      create: 'readonly',
      filter: 'range',
      sortable: true,
    },
    customFields: {
      column: 'custom_fields',
      schema: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 }),
      json: true,
      defaultValue: {},
    },
    source: { column: 'source', schema: Type.String(), nullable: true, create: 'readonly', filter: 'eq' },
    sourceKey: { column: 'source_key', schema: Type.String(), nullable: true, create: 'readonly' },
  },
  extraWritableFields: { tagIds: TagIds },
  extraResponseFields: { tagIds: TagIds },
  extraFilters: { tag: tagFilter('work_item', 'work_items') },
  hooks: combineHooks(workItemHooks, taggable('work_item')),
};
