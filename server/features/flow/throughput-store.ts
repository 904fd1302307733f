import { type Expression, type SqlBool, sql } from 'kysely';
import type { Trx } from '../../resources/resource-spec';

export interface ThroughputScope {
  organisationId: string;
  teamId?: string;
  projectId?: string;
  /** Inclusive first day, YYYY-MM-DD. */
  from: string;
  /** Exclusive day after the last, YYYY-MM-DD. */
  toExclusive: string;
}

/** Items finished per UTC day, counted by the database (done_at is ISO text on both engines). */
export async function listDailyDoneCounts(
  trx: Trx,
  restrict: Expression<SqlBool> | undefined,
  scope: ThroughputScope,
): Promise<{ day: string; count: number }[]> {
  const day = sql<string>`substr(done_at, 1, 10)`;
  let query = trx
    .selectFrom('work_items')
    .select([day.as('day'), (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('organisation_id', '=', scope.organisationId)
    .where('done_at', '>=', scope.from)
    .where('done_at', '<', scope.toExclusive)
    // Epics and features finish when their children do; counting them would double the flow.
    .where('type', 'not in', ['epic', 'feature']);
  if (restrict) query = query.where(restrict);
  if (scope.teamId) query = query.where('team_id', '=', scope.teamId);
  if (scope.projectId) query = query.where('project_id', '=', scope.projectId);
  const rows = await query.groupBy(day).orderBy(day).execute();
  // PostgreSQL returns count(*) as a bigint string.
  return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
}
