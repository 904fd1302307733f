import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/tables';

type Db = Kysely<Database> | Transaction<Database>;

/** A resolved work item as the flow metrics need it: ISO 8601 UTC timestamps. */
export interface ResolvedItemRow {
  key: string;
  created_at: string;
  started_at: string | null;
  done_at: string;
}

/**
 * The project a key names: an imported tracker project key (e.g. a Jira key that is not a valid
 * Triad key) first, then a Triad project key.
 */
export async function findProjectIdByKey(
  db: Db,
  organisationId: string,
  key: string,
): Promise<string | undefined> {
  const imported = await db
    .selectFrom('imported_projects')
    .select('project_id')
    .where('organisation_id', '=', organisationId)
    .where('external_key', '=', key)
    .orderBy('system')
    .executeTakeFirst();
  if (imported) return imported.project_id;
  const project = await db
    .selectFrom('projects')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .executeTakeFirst();
  return project?.id;
}

/**
 * Items of the project with a done_at in [fromIso, toIso). Timestamps are stored as ISO text, so
 * the bounds compare as strings; the service re-checks the instants.
 */
export async function listResolvedItems(
  db: Db,
  projectId: string,
  range: { fromIso?: string | undefined; toIso?: string | undefined },
): Promise<ResolvedItemRow[]> {
  let query = db
    .selectFrom('work_items')
    .select(['key', 'created_at', 'started_at', 'done_at'])
    .where('project_id', '=', projectId)
    .where('done_at', 'is not', null);
  if (range.fromIso) query = query.where('done_at', '>=', range.fromIso);
  if (range.toIso) query = query.where('done_at', '<', range.toIso);
  const rows = await query.orderBy('done_at').orderBy('key').execute();
  return rows as ResolvedItemRow[];
}
