import { column, portfolioOfProject } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Name } from '../../resources/vocabulary-schemas';

export const milestoneSpec: ResourceSpec = {
  path: 'milestones',
  table: 'milestones',
  entityType: 'milestone',
  title: 'Milestone',
  defaultSort: 'dueDate',
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: portfolioOfProject('milestones', 'project_id'),
      project: column('milestones', 'project_id'),
    },
  },
  fields: {
    projectId: { column: 'project_id', schema: Id, create: 'required', references: 'projects', filter: 'eq' },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    dueDate: {
      column: 'due_date',
      schema: CalendarDate,
      create: 'required',
      filter: 'range',
      sortable: true,
    },
    completedOn: { column: 'completed_on', schema: CalendarDate, nullable: true, filter: 'range' },
  },
};
