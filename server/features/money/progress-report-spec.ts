import { Type } from 'typebox';
import { column, portfolioOfProject } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText } from '../../resources/vocabulary-schemas';

/** A project manager's measured percent complete on a day: the earned value of predictive projects. */
export const progressReportSpec: ResourceSpec = {
  path: 'progress-reports',
  table: 'progress_reports',
  entityType: 'progress_report',
  title: 'Progress report',
  defaultSort: 'reportedOn',
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: portfolioOfProject('progress_reports', 'project_id'),
      project: column('progress_reports', 'project_id'),
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
    reportedOn: {
      column: 'reported_on',
      schema: CalendarDate,
      create: 'required',
      filter: 'range',
      sortable: true,
    },
    percentComplete: {
      column: 'percent_complete',
      schema: Type.Number({
        minimum: 0,
        maximum: 100,
        description: 'Work performed as a percent of the whole scope',
      }),
      create: 'required',
    },
    note: { column: 'note', schema: LongText, nullable: true },
  },
};
