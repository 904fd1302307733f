import { randomUUID } from 'node:crypto';
import {
  buildScenarioProblem,
  type ScenarioCandidate,
  type ScenarioConstraints,
  type ValueSource,
} from '../../../core/portfolio/scenario';
import { recordAudit } from '../../audit/audit-store';
import type { AnalysisProgress } from '../../optimisation/analyse-portfolio';
import { analysePortfolioInWorker, SolveCancelledError } from '../../optimisation/worker-runner';
import type { RequestContext } from '../../resources/resource-spec';
import type { Store } from '../../store/database';
import type { OptimisationScenariosTable } from '../../store/tables';
import { presentRunResult } from './run-result';
import { insertRun, type RunRow, updateRunningRun } from './run-store';

// Background optimiser runs (docs/optimisation.md, "Runs"): each run is a row that the worker's
// progress updates (at most every PROGRESS_EVERY_MS) and its result or error closes. The runs of
// one server process are tracked here so they can be cancelled; a run found "running" without a
// live job (the server restarted) is closed as failed when it is read.

const PROGRESS_EVERY_MS = 400;

export interface RunRegistry {
  active: Map<string, { controller: AbortController; done: Promise<void> }>;
}

export const newRunRegistry = (): RunRegistry => ({ active: new Map() });

export function scenarioInput(row: OptimisationScenariosTable) {
  return {
    valueSource: row.value_source as ValueSource,
    horizonStart: row.horizon_start,
    periods: Number(row.periods),
    candidates: JSON.parse(row.candidates) as ScenarioCandidate[],
    constraints: JSON.parse(row.constraints) as ScenarioConstraints,
  };
}

/** Records a new run and starts it on a worker thread; returns at once with the stored row. */
export async function startRun(
  store: Store,
  registry: RunRegistry,
  ctx: RequestContext,
  scenario: OptimisationScenariosTable,
  timeLimitMs: number,
): Promise<RunRow> {
  const input = scenarioInput(scenario);
  const { problem, leftOut } = buildScenarioProblem(input);
  const row: RunRow = {
    id: randomUUID(),
    organisation_id: ctx.principal.organisationId,
    scenario_id: scenario.id,
    status: 'running',
    time_limit_ms: timeLimitMs,
    progress: JSON.stringify(initialProgress()),
    result: null,
    error: null,
    created_by: ctx.principal.userId,
    started_at: ctx.now,
    finished_at: null,
  };
  await store.db.transaction().execute(async (trx) => {
    await insertRun(trx, row);
    await recordAudit(trx, ctx.principal, ctx.now, {
      entityType: 'optimisation_run',
      entityId: row.id,
      action: 'create',
      changes: {
        scenarioId: { before: null, after: scenario.id },
        timeLimitMs: { before: null, after: timeLimitMs },
      },
    });
  });
  const controller = new AbortController();
  let lastWrite = 0;
  let pending: AnalysisProgress | undefined;
  const writeProgress = async () => {
    if (!pending) return;
    const progress = JSON.stringify(pending);
    pending = undefined;
    lastWrite = Date.now();
    await updateRunningRun(store.db, row.id, { progress });
  };
  const done = analysePortfolioInWorker(problem, {
    timeLimitMs,
    signal: controller.signal,
    onProgress: (progress) => {
      pending = progress;
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) void writeProgress().catch(() => undefined);
    },
  })
    .then(async (analysis) => {
      await writeProgress();
      const result = presentRunResult(input, problem, leftOut, analysis);
      await updateRunningRun(store.db, row.id, {
        status: 'done',
        result: JSON.stringify(result),
        finished_at: new Date().toISOString(),
      });
    })
    .catch(async (error: unknown) => {
      const cancelled = error instanceof SolveCancelledError;
      await updateRunningRun(store.db, row.id, {
        status: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? null : error instanceof Error ? error.message : String(error),
        finished_at: new Date().toISOString(),
      }).catch(() => undefined);
    })
    .finally(() => registry.active.delete(row.id));
  registry.active.set(row.id, { controller, done });
  return row;
}

export function initialProgress(): AnalysisProgress {
  return {
    phase: 'solving',
    elapsedMs: 0,
    incumbent: null,
    bound: null,
    gap: null,
    frontierDone: 0,
    frontierTotal: 0,
  };
}

/**
 * Cancels a running run: stops its worker (if this process runs it) and marks it cancelled.
 * Returns false when the run had already ended.
 */
export async function cancelRun(
  store: Store,
  registry: RunRegistry,
  ctx: RequestContext,
  runId: string,
): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const changed = await updateRunningRun(trx, runId, { status: 'cancelled', finished_at: ctx.now });
    if (!changed) return false;
    await recordAudit(trx, ctx.principal, ctx.now, {
      entityType: 'optimisation_run',
      entityId: runId,
      action: 'update',
      changes: { status: { before: 'running', after: 'cancelled' } },
    });
    registry.active.get(runId)?.controller.abort();
    return true;
  });
}

/** Closes a run left "running" by a process that no longer exists (it can never finish). */
export async function closeOrphanedRun(store: Store, registry: RunRegistry, run: RunRow): Promise<RunRow> {
  if (run.status !== 'running' || registry.active.has(run.id)) return run;
  const graceMs = Number(run.time_limit_ms) * 3 + 60_000;
  if (Date.now() - Date.parse(run.started_at) < graceMs) return run;
  const changes = {
    status: 'failed',
    error: 'the server stopped during this run',
    finished_at: new Date().toISOString(),
  };
  await updateRunningRun(store.db, run.id, changes);
  return { ...run, ...changes };
}
