import type { AccessSpec } from '../../auth/access';
import { column, portfolioOfProject } from '../../auth/access';

/** Records that hang off a project are read and changed by whoever may read and change the project's portfolio records. */
export const projectRecordAccess = (table: string): AccessSpec => ({
  area: 'portfolio',
  scopes: {
    portfolio: portfolioOfProject(table, 'project_id'),
    project: column(table, 'project_id'),
  },
});
