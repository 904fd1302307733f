import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  computeDurationStats,
  computeItemTimelines,
  computeMean,
  computeWipPerDay,
  groupDailyCountsByWeek,
  listFinishedItems,
} from '../../../core/flow';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { listDailyDoneCounts } from '../flow/throughput-store';
import { loadFlowData } from './flow-data';
import { DurationOut, durationSummary, METRICS, type Query } from './flow-metrics';
import { type FlowScope, resolveScope, visibleInScope } from './flow-scope';
import { type ResolvedWindow, resolveWindow, ScopeFields, WindowFields } from './flow-window';
import { DEFINITIONS } from './metric-definitions';

const ScopeOut = Type.Object({ kind: Type.String(), id: Type.String() });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema };

/** Throughput of any scope: the database counts per day (the store query of /flow/throughput). */
async function throughput(store: Store, principal: Principal, scope: FlowScope, w: ResolvedWindow) {
  const rows = await listDailyDoneCounts(store.db, visibleInScope(scope, principal), {
    organisationId: principal.organisationId,
    from: w.from,
    toExclusive: addDays(w.to, 1),
  });
  const fromDay = getDayNumber(w.from);
  const toDay = getDayNumber(w.to);
  const counts = new Int32Array(toDay - fromDay + 1);
  for (const r of rows) counts[getDayNumber(r.day) - fromDay] = r.count;
  return { counts, perWeek: groupDailyCountsByWeek(counts, fromDay, toDay) };
}

/** GET /api/v1/flow/{metric}: flow analytics of a team, epic, project or portfolio. */
export function registerFlowRoutes(app: FastifyInstance, store: Store): void {
  const context = async (request: FastifyRequest) => {
    const principal = await authenticate(store, request);
    const query = request.query as Query;
    const window = resolveWindow(query);
    const scope = await resolveScope(store.db, principal, query);
    return { principal, query, window, scope };
  };

  for (const metric of METRICS) {
    app.get(
      `/api/v1/flow/${metric.path}`,
      {
        config: { permission: 'delivery.read' },
        schema: {
          tags: ['Flow metrics'],
          summary: metric.summary,
          querystring: Type.Object(
            { ...ScopeFields, ...WindowFields, ...(metric.query ?? {}) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              scope: ScopeOut,
              from: Type.String(),
              to: Type.String(),
              ...metric.response,
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { principal, query, window, scope } = await context(request);
        const data = await loadFlowData(store.db, principal, scope, window);
        const body = await metric.compute(
          {
            principal,
            scope,
            window,
            query,
            timelines: computeItemTimelines(data.items),
            blockedStatuses: data.blockedStatuses,
            statuses: data.statuses,
          },
          store,
        );
        return { scope, from: window.from, to: window.to, ...body };
      },
    );
  }

  app.get(
    '/api/v1/flow/overview',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Flow metrics'],
        summary:
          'Headline flow figures of a team, epic, project or portfolio: throughput, cycle and lead time, WIP',
        querystring: Type.Object({ ...ScopeFields, ...WindowFields }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            scope: ScopeOut,
            from: Type.String(),
            to: Type.String(),
            throughput: Type.Object({
              definition: Type.String(),
              total: Type.Integer(),
              perDay: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
              perWeek: Type.Array(
                Type.Object({
                  week: Type.String(),
                  weekStart: Type.String(),
                  count: Type.Integer(),
                  days: Type.Integer(),
                }),
              ),
            }),
            cycleTime: Type.Object({ definition: Type.String(), ...DurationOut }),
            leadTime: Type.Object({ definition: Type.String(), ...DurationOut }),
            wip: Type.Object({
              definition: Type.String(),
              average: Type.Union([Type.Number(), Type.Null()]),
            }),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { principal, window, scope } = await context(request);
      const tp = await throughput(store, principal, scope, window);
      const data = await loadFlowData(store.db, principal, scope, window);
      const timelines = computeItemTimelines(data.items);
      const range = { from: window.from, to: window.to };
      const wip = computeWipPerDay(timelines, range);
      // Found and sorted once for both cycle and lead time.
      const finished = listFinishedItems(timelines, range);
      const from = window.from;
      return {
        scope,
        from: window.from,
        to: window.to,
        throughput: {
          definition: `${DEFINITIONS.throughputPerDay} ${DEFINITIONS.throughputPerWeek}`,
          total: tp.counts.reduce((s, c) => s + c, 0),
          perDay: Array.from(tp.counts, (count, i) => ({ date: addDays(from, i), count })),
          perWeek: tp.perWeek,
        },
        cycleTime: {
          definition: DEFINITIONS.cycleTime,
          unit: 'elapsed',
          ...durationSummary(computeDurationStats(finished, 'cycle')),
        },
        leadTime: {
          definition: DEFINITIONS.leadTime,
          unit: 'elapsed',
          ...durationSummary(computeDurationStats(finished, 'lead')),
        },
        wip: { definition: DEFINITIONS.wip, average: computeMean(wip.map((d) => d.count)) ?? null },
      };
    },
  );
}
