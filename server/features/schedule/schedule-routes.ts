import { randomUUID } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CycleError, ScheduleError } from '../../../core/schedule/errors';
import type { DurationDistribution } from '../../../core/schedule/pert';
import { diffRecords, recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { expectedVersion } from '../../http/if-match';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { parseMspdi } from '../../importers/mspdi/parse-mspdi';
import { MspdiFormatError } from '../../importers/mspdi/plan';
import { serialiseMspdi } from '../../importers/mspdi/serialise-mspdi';
import type { Trx } from '../../resources/resource-spec';
import type { Store } from '../../store/database';
import { projectSpec } from '../projects/spec';
import { compareWithBaseline, presentBaseline, snapshotTasks } from './baseline-service';
import { levelSchedule } from './levelling-service';
import { fromMspdiPlan, toMspdiPlan } from './mspdi-exchange';
import { cycleIds, cycleProblem } from './schedule-cycle';
import { planCalendar } from './schedule-network';
import {
  BaselineBody,
  BaselineDeleteQuery,
  BaselineListResponse,
  BaselineParams,
  BaselineResponse,
  ImportBody,
  ImportResponse,
  LevelQuery,
  LevelResponse,
  ProjectParams,
  RiskQuery,
  RiskResponse,
  ScheduleResponse,
  SettingsBody,
  SettingsResponse,
  StatusQuery,
  VarianceResponse,
} from './schedule-schemas';
import { calculateRisk, calculateSchedule } from './schedule-service';
import {
  deleteBaseline,
  findBaseline,
  findScheduleSettings,
  insertBaseline,
  listBaselines,
  loadPlan,
  replacePlan,
  type StoredPlan,
  saveScheduleSettings,
} from './schedule-store';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const tags = ['Schedule'];
const BASE = '/api/v1/projects/:id/schedule';
const read = { permission: 'portfolio.read' as const };
const write = { permission: 'portfolio.write' as const };
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

type Params = { id: string };

/**
 * The schedule of a project: CPM dates, settings (calendar, start and status date), baselines and
 * their variance, Monte Carlo schedule risk, resource levelling and MS Project XML exchange.
 * Tasks and resources themselves are the `schedule-tasks` and `schedule-resources` resources.
 */
export function registerScheduleRoutes(app: FastifyInstance, store: Store): void {
  /** Authenticates and checks the project: 404 when the caller may not read it, 403 when not change it. */
  const open = async (request: FastifyRequest, action: 'read' | 'write') => {
    const principal = await authenticate(store, request);
    const { id } = request.params as Params;
    await assertRecordAccess(store.db, projectSpec, principal, id, action);
    return { principal, projectId: id };
  };
  const statusOf = (requested: string | undefined, plan: StoredPlan) =>
    requested === 'none' ? null : (requested ?? plan.settings.statusDate);

  app.get(
    BASE,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Critical path schedule: early/late dates, floats, critical paths (remaining work after the status date)',
        params: ProjectParams,
        querystring: StatusQuery,
        response: { 200: ScheduleResponse, ...errors(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'read');
      const q = request.query as { statusDate?: string };
      const plan = await loadPlan(store.db, principal.organisationId, projectId);
      return calculateSchedule(plan, statusOf(q.statusDate, plan));
    },
  );

  app.get(
    `${BASE}/settings`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Schedule calendar (working weekdays, holidays), start date and status date',
        params: ProjectParams,
        response: { 200: SettingsResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'read');
      return presentSettings(store.db, principal, projectId);
    },
  );

  app.put(
    `${BASE}/settings`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Change the schedule calendar, start date or status date (If-Match or version; 0 before the first save)',
        params: ProjectParams,
        body: SettingsBody,
        response: { 200: SettingsResponse, ...errors(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'write');
      const body = request.body as {
        startDate?: string | null;
        statusDate?: string | null;
        workingWeekdays?: number[];
        holidays?: string[];
        version?: number;
      };
      const version = expectedVersion(request, body.version);
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        const before = await findScheduleSettings(trx, principal.organisationId, projectId);
        const next = {
          startDate: body.startDate === undefined ? before.startDate : body.startDate,
          statusDate: body.statusDate === undefined ? before.statusDate : body.statusDate,
          workingWeekdays: body.workingWeekdays ?? before.workingWeekdays,
          holidays: body.holidays ?? before.holidays,
        };
        const key = { organisationId: principal.organisationId, projectId, now, expectedVersion: version };
        if (!(await saveScheduleSettings(trx, key, next))) {
          throw new ProblemError(
            'precondition_failed',
            `The schedule settings are at version ${before.version ?? 0}, not ${version}.`,
            [],
            { current: await presentSettings(trx, principal, projectId) },
          );
        }
        await recordAudit(trx, principal, now, {
          entityType: 'project_schedule',
          entityId: projectId,
          action: 'update',
          changes: diffRecords({ ...before }, next, [
            'startDate',
            'statusDate',
            'workingWeekdays',
            'holidays',
          ]),
        });
        return presentSettings(trx, principal, projectId);
      });
    },
  );

  app.get(
    `${BASE}/risk`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Monte Carlo schedule risk: P50/P80/P95 finish dates, criticality index, tornado (seeded)',
        params: ProjectParams,
        querystring: RiskQuery,
        response: { 200: RiskResponse, ...errors(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'read');
      const q = request.query as {
        statusDate?: string;
        iterations?: number;
        seed?: number;
        distribution?: DurationDistribution;
      };
      const plan = await loadPlan(store.db, principal.organisationId, projectId);
      return calculateRisk(plan, {
        iterations: q.iterations ?? 2000,
        seed: q.seed ?? 1,
        distribution: q.distribution ?? 'pert',
        statusDate: statusOf(q.statusDate, plan),
      });
    },
  );

  app.get(
    `${BASE}/levelling`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Resource-levelled schedule within the resources’ capacities (time-limited search)',
        params: ProjectParams,
        querystring: LevelQuery,
        response: { 200: LevelResponse, ...errors(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'read');
      const q = request.query as {
        statusDate?: string;
        seed?: number;
        timeLimitMs?: number;
        maxSchedules?: number;
      };
      const plan = await loadPlan(store.db, principal.organisationId, projectId);
      return levelSchedule(plan, {
        seed: q.seed ?? 1,
        timeLimitMs: q.timeLimitMs ?? 1000,
        ...(q.maxSchedules === undefined ? {} : { maxSchedules: q.maxSchedules }),
        statusDate: statusOf(q.statusDate, plan),
      });
    },
  );

  app.get(
    `${BASE}/baselines`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The project’s saved baselines',
        params: ProjectParams,
        response: { 200: BaselineListResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'read');
      const rows = await listBaselines(store.db, principal.organisationId, projectId);
      return { items: rows.map(presentBaseline) };
    },
  );

  app.post(
    `${BASE}/baselines`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Save the current schedule as a named baseline',
        params: ProjectParams,
        body: BaselineBody,
        response: { 201: BaselineResponse, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { principal, projectId } = await open(request, 'write');
      const body = request.body as { name: string; statusDate?: string };
      const now = new Date().toISOString();
      const row = await store.db.transaction().execute(async (trx) => {
        const plan = await loadPlan(trx, principal.organisationId, projectId);
        const schedule = calculateSchedule(plan, statusOf(body.statusDate, plan));
        const taken = (await listBaselines(trx, principal.organisationId, projectId)).some(
          (b) => b.name === body.name.trim(),
        );
        if (taken) throw fieldProblem('conflict', 'name', 'a baseline of this project already has this name');
        const baseline = {
          id: randomUUID(),
          organisation_id: principal.organisationId,
          project_id: projectId,
          name: body.name.trim(),
          start_date: schedule.startDate,
          finish_date: schedule.finishDate,
          tasks: JSON.stringify(snapshotTasks(schedule)),
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await insertBaseline(trx, baseline);
        await recordAudit(trx, principal, now, {
          entityType: 'schedule_baseline',
          entityId: baseline.id,
          action: 'create',
          changes: { name: { before: null, after: baseline.name } },
        });
        return baseline;
      });
      void reply.status(201);
      return presentBaseline(row);
    },
  );

  app.get(
    `${BASE}/baselines/:baselineId/variance`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Variance of the current schedule against a baseline, per task and milestone',
        params: BaselineParams,
        querystring: StatusQuery,
        response: { 200: VarianceResponse, ...errors(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const { principal, projectId } = await open(request, 'read');
      const { baselineId } = request.params as { baselineId: string };
      const q = request.query as { statusDate?: string };
      const baseline = await findBaseline(store.db, principal.organisationId, projectId, baselineId);
      if (!baseline) throw baselineNotFound(baselineId);
      const plan = await loadPlan(store.db, principal.organisationId, projectId);
      const schedule = calculateSchedule(plan, statusOf(q.statusDate, plan));
      return compareWithBaseline(schedule, baseline, planCalendar(plan));
    },
  );

  app.delete(
    `${BASE}/baselines/:baselineId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a baseline',
        params: BaselineParams,
        querystring: BaselineDeleteQuery,
        response: { ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { principal, projectId } = await open(request, 'write');
      const { baselineId } = request.params as { baselineId: string };
      const now = new Date().toISOString();
      await store.db.transaction().execute(async (trx) => {
        const baseline = await findBaseline(trx, principal.organisationId, projectId, baselineId);
        if (!baseline) throw baselineNotFound(baselineId);
        await deleteBaseline(trx, baselineId);
        await recordAudit(trx, principal, now, {
          entityType: 'schedule_baseline',
          entityId: baselineId,
          action: 'delete',
          changes: { name: { before: baseline.name, after: null } },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    `${BASE}/export.xml`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The schedule as MS Project XML (MSPDI)',
        params: ProjectParams,
        response: { 200: { type: 'string', description: 'MSPDI document' }, ...errors(401, 404, 422) },
      },
    },
    async (request, reply: FastifyReply) => {
      const { principal, projectId } = await open(request, 'read');
      const plan = await loadPlan(store.db, principal.organisationId, projectId);
      const schedule = calculateSchedule(plan, null);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="schedule-${projectId}.xml"`)
        .send(serialiseMspdi(toMspdiPlan(plan, schedule)));
    },
  );

  // XML bodies are parsed as text only for the import route (an encapsulated context).
  void app.register(async (scope) => {
    scope.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      `${BASE}/import`,
      {
        config: write,
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Replace the schedule with an MS Project XML (MSPDI) plan: tasks, links, calendar, resources, assignments',
          params: ProjectParams,
          body: ImportBody,
          response: { 200: ImportResponse, ...errors(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      async (request) => {
        const { principal, projectId } = await open(request, 'write');
        const xml = typeof request.body === 'string' ? request.body : (request.body as { xml: string }).xml;
        const imported = readMspdi(xml);
        const now = new Date().toISOString();
        return store.db.transaction().execute(async (trx) => {
          const counts = await replacePlan(
            trx,
            { organisationId: principal.organisationId, projectId, now },
            imported.plan,
          );
          const before = await findScheduleSettings(trx, principal.organisationId, projectId);
          const startDate = imported.startDate ?? before.startDate;
          await saveScheduleSettings(
            trx,
            { organisationId: principal.organisationId, projectId, now },
            {
              startDate,
              statusDate: before.statusDate,
              workingWeekdays:
                imported.workingWeekdays.length > 0 ? imported.workingWeekdays : before.workingWeekdays,
              holidays: imported.holidays,
            },
          );
          await recordAudit(trx, principal, now, {
            entityType: 'project_schedule',
            entityId: projectId,
            action: 'update',
            changes: { mspdiImport: { before: null, after: counts } },
          });
          return { projectId, ...counts, startDate };
        });
      },
    );
  });
}

function readMspdi(xml: string) {
  if (/<!ENTITY/i.test(xml))
    throw fieldProblem('validation_failed', 'xml', 'entity declarations are not allowed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw fieldProblem(
      'validation_failed',
      'xml',
      `malformed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  try {
    return fromMspdiPlan(parseMspdi(xml));
  } catch (error) {
    if (error instanceof MspdiFormatError) throw fieldProblem('validation_failed', 'xml', error.message);
    // MSPDI cycles are reported by task UID, the only name the file is sure to give.
    if (error instanceof CycleError) throw cycleProblem(cycleIds(error), (uid) => `UID ${uid}`, 'xml');
    if (error instanceof ScheduleError || error instanceof RangeError)
      throw fieldProblem('validation_failed', 'xml', error.message);
    throw error;
  }
}

async function presentSettings(trx: Trx, principal: Principal, projectId: string) {
  const settings = await findScheduleSettings(trx, principal.organisationId, projectId);
  const project = await trx
    .selectFrom('projects')
    .select('start_date')
    .where('id', '=', projectId)
    .executeTakeFirst();
  return {
    projectId,
    startDate: settings.startDate,
    projectStartDate: project?.start_date ?? null,
    statusDate: settings.statusDate,
    workingWeekdays: settings.workingWeekdays,
    holidays: settings.holidays,
    version: settings.version ?? 0,
  };
}

const baselineNotFound = (id: string) =>
  new ProblemError('not_found', `Baseline ${id} does not exist.`, [
    { field: 'baselineId', message: 'not found' },
  ]);
