import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { expectedVersion } from '../../http/if-match';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { adoptScenario } from './adopt-scenario';
import { compareScenarios } from './compare-scenarios';
import {
  AdoptBody,
  CompareParams,
  CompareResponse,
  DecisionResponse,
  RunListResponse,
  RunParams,
  RunResponse,
  ScenarioParams,
  StartRunBody,
} from './optimisation-schemas';
import type { RunResultValue } from './run-result';
import { cancelRun, closeOrphanedRun, newRunRegistry, startRun } from './run-service';
import { findLatestDoneRun, findRun, listRuns, type RunRow } from './run-store';
import { scenarioSpec } from './scenario-spec';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const tags = ['Optimisation'];
const BASE = '/api/v1/optimisation-scenarios/:id';
const read = { permission: 'value.read' as const };
const write = { permission: 'value.write' as const };
const DEFAULT_TIME_LIMIT_MS = 10_000;
/** Runs one process solves at once (each holds a worker thread busy for its whole time limit). */
const MAX_ACTIVE_RUNS = 4;

function presentRun(run: RunRow) {
  return {
    id: run.id,
    scenarioId: run.scenario_id,
    status: run.status as 'running' | 'done' | 'failed' | 'cancelled',
    timeLimitMs: Number(run.time_limit_ms),
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    createdBy: run.created_by,
    progress: JSON.parse(run.progress),
    result: run.result === null ? null : (JSON.parse(run.result) as RunResultValue),
    error: run.error,
  };
}

/**
 * The optimiser on a scenario: background runs with progress and cancel, side-by-side comparison
 * of two scenarios' newest runs, and adopting one as the portfolio's plan with a decision record.
 * Scenarios themselves are the `optimisation-scenarios` resource (scenario-spec.ts).
 */
export function registerOptimisationRoutes(app: FastifyInstance, store: Store): void {
  const registry = newRunRegistry();
  app.addHook('onClose', async () => {
    const running = [...registry.active.values()];
    for (const run of running) run.controller.abort();
    await Promise.all(running.map((r) => r.done));
  });

  /** Authenticates and checks the scenario: 404 when the caller may not read it, 403 when not change it. */
  const open = async (request: FastifyRequest, action: 'read' | 'write') => {
    const principal = await authenticate(store, request);
    const { id } = request.params as { id: string };
    await assertRecordAccess(store.db, scenarioSpec, principal, id, action);
    const scenario = await store.db
      .selectFrom('optimisation_scenarios')
      .selectAll()
      .where('id', '=', id)
      .where('organisation_id', '=', principal.organisationId)
      .executeTakeFirstOrThrow();
    return { principal, scenario, ctx: { principal, now: new Date().toISOString() } };
  };
  const getRun = async (organisationId: string, scenarioId: string, runId: string) => {
    const run = await findRun(store.db, organisationId, scenarioId, runId);
    if (!run)
      throw new ProblemError('not_found', `Run ${runId} does not exist.`, [
        { field: 'runId', message: 'not found' },
      ]);
    return closeOrphanedRun(store, registry, run);
  };

  app.post(
    `${BASE}/runs`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Start the optimiser on a scenario in the background (202 with the run; poll it for progress)',
        params: ScenarioParams,
        body: StartRunBody,
        response: { 202: RunResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { scenario, ctx } = await open(request, 'write');
      if (registry.active.size >= MAX_ACTIVE_RUNS)
        throw new ProblemError(
          'conflict',
          `${MAX_ACTIVE_RUNS} runs are in progress; wait for one or cancel it.`,
        );
      const body = (request.body ?? {}) as { timeLimitMs?: number };
      const run = await startRun(store, registry, ctx, scenario, body.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
      return reply.status(202).send(presentRun(run));
    },
  );

  app.get(
    `${BASE}/runs`,
    {
      config: read,
      schema: {
        tags,
        summary: "A scenario's optimiser runs, newest first (the last 20)",
        params: ScenarioParams,
        response: { 200: RunListResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { principal, scenario } = await open(request, 'read');
      const runs = await listRuns(store.db, principal.organisationId, scenario.id);
      const items = await Promise.all(runs.map((r) => closeOrphanedRun(store, registry, r)));
      return { items: items.map(presentRun) };
    },
  );

  app.get(
    `${BASE}/runs/:runId`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'One optimiser run: status, progress (incumbent, bound, gap, phase) and, when done, its result',
        params: RunParams,
        response: { 200: RunResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { principal, scenario } = await open(request, 'read');
      const { runId } = request.params as { runId: string };
      return presentRun(await getRun(principal.organisationId, scenario.id, runId));
    },
  );

  const cancel = async (request: FastifyRequest) => {
    const { principal, scenario, ctx } = await open(request, 'write');
    const { runId } = request.params as { runId: string };
    const run = await getRun(principal.organisationId, scenario.id, runId);
    if (run.status !== 'running' || !(await cancelRun(store, registry, ctx, run.id)))
      throw new ProblemError('conflict', `Run ${runId} has already ended (${run.status}).`, [
        { field: 'runId', message: 'not running' },
      ]);
    return presentRun(await getRun(principal.organisationId, scenario.id, runId));
  };
  const cancelSchema = (summary: string) => ({
    tags,
    summary,
    params: RunParams,
    response: { 200: RunResponse, ...errors(401, 403, 404, 409) },
  });
  app.post(
    `${BASE}/runs/:runId/cancel`,
    { config: write, schema: cancelSchema('Cancel a running optimiser run') },
    cancel,
  );
  app.delete(
    `${BASE}/runs/:runId`,
    { config: write, schema: cancelSchema('Cancel a running optimiser run (same as POST …/cancel)') },
    cancel,
  );

  app.get(
    `${BASE}/compare/:otherId`,
    {
      config: read,
      schema: {
        tags,
        summary:
          "Two scenarios side by side: their newest runs' value, cost, capacity use per period and what changed",
        params: CompareParams,
        response: { 200: CompareResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const first = await open(request, 'read');
      const { otherId } = request.params as { otherId: string };
      await assertRecordAccess(store.db, scenarioSpec, first.principal, otherId, 'read').catch(() => {
        throw fieldProblem('not_found', 'otherId', `Optimisation scenario ${otherId} does not exist.`);
      });
      const other = await store.db
        .selectFrom('optimisation_scenarios')
        .selectAll()
        .where('id', '=', otherId)
        .executeTakeFirstOrThrow();
      const side = async (row: typeof other) => {
        const run = await findLatestDoneRun(store.db, first.principal.organisationId, row.id);
        return {
          row,
          runId: run?.id ?? null,
          result: run?.result ? (JSON.parse(run.result) as RunResultValue) : null,
        };
      };
      return compareScenarios(await side(first.scenario), await side(other));
    },
  );

  app.post(
    `${BASE}/adopt`,
    {
      config: write,
      schema: {
        tags,
        summary:
          "Adopt the scenario's run as the portfolio's plan, with a decision record (who, when, why); audited (If-Match or version)",
        params: ScenarioParams,
        body: AdoptBody,
        response: { 200: DecisionResponse, ...errors(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request) => {
      const { scenario, ctx } = await open(request, 'write');
      const body = request.body as { rationale: string; runId?: string; version?: number };
      const version = expectedVersion(request, body.version);
      return store.db
        .transaction()
        .execute((trx) =>
          adoptScenario(trx, ctx, scenario, { ...body, rationale: body.rationale.trim() }, version),
        );
    },
  );
}
