import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import {
  CUSTOMER_METRIC_TYPES,
  computeKpiStatus,
  computeKpiTargetAt,
  computeTrend,
  type KpiMetricType,
} from '../../../core/value';
import { recordAudit } from '../../audit/audit-store';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { refuseBadFile } from '../../http/csv-import';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { presentRows } from '../../resources/resource-presenter';
import type { Trx } from '../../resources/resource-spec';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { portfolioSpec } from '../portfolios/spec';
import { parseMeasurementsCsv } from './kpi-csv';
import { kpiSpec, targetHistoryOf, thresholdsOf } from './kpi-spec';
import { Measure } from './value-schemas';
import { valueStreamSpec } from './value-stream-spec';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Measurement = Type.Object({
  date: Type.String(),
  value: Type.Number(),
  origin: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  target: Type.Optional(NullableNumber),
  threshold: Type.Optional(NullableNumber),
});
const MeasurementInput = Type.Object(
  { date: CalendarDate, value: Measure, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const PushBody = Type.Object(
  {
    measurements: Type.Array(MeasurementInput, { minItems: 1, maxItems: 10_000 }),
    origin: Type.Optional(Type.Unsafe<'manual' | 'api'>({ type: 'string', enum: ['manual', 'api'] })),
  },
  { additionalProperties: false },
);
const WriteResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
const DashboardQuery = Type.Object(
  { from: Type.Optional(CalendarDate), to: Type.Optional(CalendarDate) },
  { additionalProperties: false },
);

type Input = { date: string; value: number; note?: string | null };

/** KPI measurement history (manual entry, API push, CSV import) and KPI dashboards. */
export function registerKpiRoutes(app: FastifyInstance, store: Store): void {
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }

  app.post(
    '/api/v1/kpis/:id/measurements',
    {
      config: { permission: 'value.write' },
      schema: {
        tags: ['KPI'],
        summary: 'Record measurements (manual entry or API push); a date already measured is overwritten',
        params: Type.Object({ id: Id }),
        body: PushBody,
        response: {
          200: WriteResult,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const body = request.body as { measurements: Input[]; origin?: string };
      const dates = body.measurements.map((m) => m.date);
      const twice = dates.findIndex((d, i) => dates.indexOf(d) !== i);
      if (twice >= 0)
        throw new ProblemError('validation_failed', `measurements/${twice}/date: given twice`, [
          { field: `measurements/${twice}/date`, message: `${dates[twice]} is given twice` },
        ]);
      return writeMeasurements(store, principal, id, body.measurements, body.origin ?? 'api');
    },
  );

  app.post(
    '/api/v1/kpis/:id/measurements/import',
    {
      config: { permission: 'value.write' },
      schema: {
        tags: ['KPI'],
        summary:
          'Import measurements from CSV (text/csv; header "date,value[,note]"). All rows or none: bad rows are reported by line number',
        params: Type.Object({ id: Id }),
        response: {
          200: WriteResult,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          415: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      if (typeof request.body !== 'string')
        throw new ProblemError('unsupported_media_type', 'Send the file as text/csv.');
      await assertRecordAccess(store.db, kpiSpec, principal, id, 'write');
      const { rows, errors } = parseMeasurementsCsv(request.body);
      refuseBadFile(errors);
      return writeMeasurements(store, principal, id, rows, 'csv');
    },
  );

  app.get(
    '/api/v1/kpis/:id/measurements',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['KPI'],
        summary: 'Measurement history of a KPI, oldest first',
        params: Type.Object({ id: Id }),
        querystring: DashboardQuery,
        response: {
          200: Type.Object({ items: Type.Array(Measurement) }),
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const q = request.query as { from?: string; to?: string };
      await assertRecordAccess(store.db, kpiSpec, principal, id, 'read');
      const kpi = await store.db
        .selectFrom('kpis')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const current = thresholdsOf(kpi);
      const steps = targetHistoryOf(kpi);
      const items = await listMeasurements(store.db, [id], q.from, q.to);
      // Each point carries the target and threshold in effect on its date (targets move over time).
      return {
        items: items.map((m) => {
          const t = computeKpiTargetAt(current, steps, m.date);
          return { ...m, target: t.target, threshold: t.threshold };
        }),
      };
    },
  );

  const dashboard = (kind: 'value-streams' | 'portfolios') =>
    app.get(
      `/api/v1/${kind}/:id/kpi-dashboard`,
      {
        config: { permission: 'value.read' },
        schema: {
          tags: [kind === 'portfolios' ? 'Portfolio' : 'Value stream'],
          summary:
            kind === 'portfolios'
              ? "KPI dashboard of a portfolio: its KPIs and its value streams' KPIs with status, trend and history"
              : 'KPI dashboard of a value stream: its KPIs with status, trend and history',
          params: Type.Object({ id: Id }),
          querystring: DashboardQuery,
          response: { 200: Dashboard, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (request) => {
        const principal = await authenticate(store, request);
        const { id } = request.params as { id: string };
        const q = request.query as { from?: string; to?: string };
        const to = q.to ?? new Date().toISOString().slice(0, 10);
        const from = q.from ?? addDays(to, -548);
        if (from > to)
          throw new ProblemError('validation_failed', 'from: is after to', [
            { field: 'from', message: 'is after to' },
          ]);
        await assertRecordAccess(
          store.db,
          kind === 'portfolios' ? portfolioSpec : valueStreamSpec,
          principal,
          id,
          'read',
        );
        return buildDashboard(store.db, principal, kind, id, from, to);
      },
    );
  dashboard('value-streams');
  dashboard('portfolios');
}

async function writeMeasurements(
  store: Store,
  principal: Principal,
  kpiId: string,
  items: Input[],
  origin: string,
) {
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    await assertRecordAccess(trx, kpiSpec, principal, kpiId, 'write');
    const existing = new Set(
      (
        await trx
          .selectFrom('kpi_measurements')
          .select('measured_on')
          .where('kpi_id', '=', kpiId)
          .where(
            'measured_on',
            'in',
            items.map((m) => m.date),
          )
          .execute()
      ).map((r) => r.measured_on),
    );
    // Overwriting a day keeps one value per KPI and day, so re-importing a file changes nothing.
    if (existing.size > 0)
      await trx
        .deleteFrom('kpi_measurements')
        .where('kpi_id', '=', kpiId)
        .where('measured_on', 'in', [...existing])
        .execute();
    for (let i = 0; i < items.length; i += 500) {
      await trx
        .insertInto('kpi_measurements')
        .values(
          items.slice(i, i + 500).map((m) => ({
            id: randomUUID(),
            organisation_id: principal.organisationId,
            kpi_id: kpiId,
            measured_on: m.date,
            value: m.value,
            origin,
            note: m.note ?? null,
            recorded_at: now,
          })),
        )
        .execute();
    }
    const result = { created: items.length - existing.size, updated: existing.size };
    await recordAudit(trx, principal, now, {
      entityType: 'kpi',
      entityId: kpiId,
      action: 'update',
      changes: { measurements: { before: null, after: { origin, ...result } } },
    });
    return result;
  });
}

async function listMeasurements(trx: Trx, kpiIds: string[], from?: string, to?: string) {
  if (kpiIds.length === 0) return [];
  let query = trx
    .selectFrom('kpi_measurements')
    .select(['kpi_id', 'measured_on', 'value', 'origin', 'note'])
    .where('kpi_id', 'in', kpiIds);
  if (from) query = query.where('measured_on', '>=', from);
  if (to) query = query.where('measured_on', '<=', to);
  const rows = await query.orderBy('measured_on').execute();
  return rows.map((r) => ({
    kpiId: r.kpi_id,
    date: r.measured_on,
    value: Number(r.value),
    origin: r.origin,
    note: r.note,
  }));
}

const Dashboard = Type.Object({
  scope: Type.Object({ type: Type.String(), id: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  summary: Type.Record(Type.String(), Type.Integer()),
  kpis: Type.Array(
    Type.Object({
      kpi: Type.Record(Type.String(), Type.Unknown()),
      customerFacing: Type.Boolean(),
      latest: Type.Union([Type.Object({ date: Type.String(), value: Type.Number() }), Type.Null()]),
      status: Type.String(),
      trend: Type.Union([Type.Object({ slopePerDay: Type.Number(), trend: Type.String() }), Type.Null()]),
      history: Type.Array(
        Type.Object({
          date: Type.String(),
          value: Type.Number(),
          target: NullableNumber,
          threshold: NullableNumber,
        }),
      ),
    }),
  ),
});

async function buildDashboard(
  trx: Trx,
  principal: Principal,
  kind: 'value-streams' | 'portfolios',
  id: string,
  from: string,
  to: string,
) {
  const filter = accessFilter(kpiSpec, principal);
  let query = trx.selectFrom('kpis').selectAll().where('organisation_id', '=', principal.organisationId);
  query =
    kind === 'value-streams'
      ? query.where('value_stream_id', '=', id)
      : query.where((eb) =>
          eb.or([
            eb('portfolio_id', '=', id),
            eb(
              'value_stream_id',
              'in',
              eb.selectFrom('value_streams').select('id').where('portfolio_id', '=', id),
            ),
          ]),
        );
  if (filter) query = query.where(filter);
  const kpis = await presentRows(trx, kpiSpec, await query.orderBy('name').orderBy('id').execute());
  const history = await listMeasurements(
    trx,
    kpis.map((k) => String(k.id)),
    from,
    to,
  );
  const summary: Record<string, number> = {
    on_target: 0,
    at_risk: 0,
    off_target: 0,
    no_target: 0,
    no_data: 0,
  };
  const items = kpis.map((kpi) => {
    const thresholds = thresholdsOf(kpi);
    const steps = targetHistoryOf(kpi);
    const points = history
      .filter((h) => h.kpiId === kpi.id)
      .map((h) => {
        const t = computeKpiTargetAt(thresholds, steps, h.date);
        return { date: h.date, value: h.value, target: t.target, threshold: t.threshold };
      });
    const last = points.at(-1) ?? null;
    const status = computeKpiStatus(thresholds, last ? last.value : null);
    summary[status] = (summary[status] ?? 0) + 1;
    return {
      kpi,
      customerFacing: CUSTOMER_METRIC_TYPES.includes(kpi.metricType as KpiMetricType),
      latest: last ? { date: last.date, value: last.value } : null,
      status,
      trend: computeTrend(
        points.map((p) => ({ day: getDayNumber(p.date), value: p.value })),
        thresholds.direction,
      ),
      history: points,
    };
  });
  return {
    scope: { type: kind === 'portfolios' ? 'portfolio' : 'value_stream', id },
    from,
    to,
    summary,
    kpis: items,
  };
}
