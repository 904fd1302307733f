import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { AccessSpec } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { teamSpec } from '../teams/spec';

// A team's delivery records (workflow, board, sprints, retrospectives) are read and changed by
// whoever holds a delivery role on the team itself, or on a project or portfolio the team works
// in (it has work items there). Written against the table's own `team_id` column.

const worksInProject = (teamColumn: RawBuilder<unknown>, ids: string[]) =>
  sql<SqlBool>`exists (select 1 from work_items tw where tw.team_id = ${teamColumn} and tw.project_id in (${sql.join(ids)}))`;

const worksInPortfolio = (teamColumn: RawBuilder<unknown>, ids: string[]) =>
  sql<SqlBool>`exists (select 1 from work_items tw join projects tp on tp.id = tw.project_id where tw.team_id = ${teamColumn} and tp.portfolio_id in (${sql.join(ids)}))`;

/** The access declaration of a table whose rows belong to the team in `teamColumn`. */
export function teamDeliveryAccess(table: string, teamColumn = 'team_id'): AccessSpec {
  const team = sql`${sql.ref(`${table}.${teamColumn}`)}`;
  return {
    area: 'delivery',
    scopes: {
      team: sql<string | null>`${team}`,
      project: (ids) => worksInProject(team, ids),
      portfolio: (ids) => worksInPortfolio(team, ids),
    },
  };
}

/**
 * The teams table seen through delivery access: `assertRecordAccess(trx, teamDeliverySpec, …)`
 * answers 404 for a team whose delivery data the caller may not see.
 */
export const teamDeliverySpec: ResourceSpec = {
  ...teamSpec,
  title: 'Team',
  access: teamDeliveryAccess('teams', 'id'),
};
