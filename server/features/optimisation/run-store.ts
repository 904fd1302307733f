import type { Trx } from '../../resources/resource-spec';
import type { OptimisationRunsTable } from '../../store/tables';

// Queries of optimisation runs. Progress and result are JSON text.

export type RunRow = OptimisationRunsTable;

export async function insertRun(trx: Trx, row: RunRow): Promise<void> {
  await trx.insertInto('optimisation_runs').values(row).execute();
}

export async function findRun(trx: Trx, organisationId: string, scenarioId: string, runId: string) {
  return trx
    .selectFrom('optimisation_runs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('scenario_id', '=', scenarioId)
    .where('id', '=', runId)
    .executeTakeFirst();
}

export async function listRuns(trx: Trx, organisationId: string, scenarioId: string, limit = 20) {
  return trx
    .selectFrom('optimisation_runs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('scenario_id', '=', scenarioId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The newest finished run of a scenario (the one comparisons and adoption use). */
export async function findLatestDoneRun(trx: Trx, organisationId: string, scenarioId: string) {
  return trx
    .selectFrom('optimisation_runs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('scenario_id', '=', scenarioId)
    .where('status', '=', 'done')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Changes a run that is still running; false when it had already ended. */
export async function updateRunningRun(
  trx: Trx,
  runId: string,
  changes: Partial<Pick<RunRow, 'status' | 'progress' | 'result' | 'error' | 'finished_at'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('optimisation_runs')
    .set(changes)
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
