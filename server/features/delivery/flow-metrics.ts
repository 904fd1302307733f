import { type TSchema, Type } from 'typebox';
import {
  computeCumulativeFlow,
  computeCycleTimeScatter,
  computeCycleTimes,
  computeFlowEfficiency,
  computeLeadTimes,
  computeLittlesLawCheck,
  computeMean,
  computeWipAge,
  computeWipPerDay,
  type DurationStats,
  type ItemTimeline,
} from '../../../core/flow';
import type { Principal } from '../../auth/principal';
import { stringEnum } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import type { FlowScope, ScopeQuery } from './flow-scope';
import type { ResolvedWindow, WindowQuery } from './flow-window';
import { DEFINITIONS } from './metric-definitions';
import { Sle } from './schemas';
import { findWorkflow } from './workflow-store';

// The per-metric flow routes, as a table: each entry's query, response schema and computation.

export type Query = ScopeQuery & WindowQuery & Record<string, unknown>;

export interface MetricContext {
  principal: Principal;
  scope: FlowScope;
  window: ResolvedWindow;
  query: Query;
  timelines: ItemTimeline[];
  blockedStatuses: string[];
  statuses: string[];
}

const Unit = stringEnum(
  ['elapsed', 'calendar'] as const,
  'elapsed: fractional days; calendar: end day − start day + 1',
);
const Percentiles = Type.Record(Type.String(), Type.Number(), {
  description: 'Percentile → days (nearest rank)',
});

export const durationSummary = (s: DurationStats) => ({
  count: s.samples.length,
  percentiles: s.percentiles,
  mean: s.mean ?? null,
  excluded: s.excluded.length,
});
export const DurationOut = {
  unit: Type.String(),
  count: Type.Integer(),
  percentiles: Percentiles,
  mean: Type.Union([Type.Number(), Type.Null()]),
  excluded: Type.Integer({
    description: 'Finished items left out: done before they started or were created',
  }),
};

export interface MetricRoute {
  path: string;
  summary: string;
  query?: Record<string, TSchema>;
  response: Record<string, TSchema>;
  compute(ctx: MetricContext, store: Store): Promise<Record<string, unknown>> | Record<string, unknown>;
}

export const METRICS: MetricRoute[] = [
  {
    path: 'cycle-time',
    summary: 'Cycle time percentiles 50/70/85/95 (nearest rank) and mean of items finished in the window',
    query: { unit: Type.Optional(Unit) },
    response: { definition: Type.String(), ...DurationOut },
    compute: ({ timelines, window, query }) => {
      const unit = (query.unit as 'elapsed' | 'calendar' | undefined) ?? 'elapsed';
      const stats = computeCycleTimes(timelines, { unit, doneWithin: { from: window.from, to: window.to } });
      return { definition: DEFINITIONS.cycleTime, unit, ...durationSummary(stats) };
    },
  },
  {
    path: 'lead-time',
    summary: 'Lead time percentiles 50/70/85/95 (nearest rank) and mean of items finished in the window',
    query: { unit: Type.Optional(Unit) },
    response: { definition: Type.String(), ...DurationOut },
    compute: ({ timelines, window, query }) => {
      const unit = (query.unit as 'elapsed' | 'calendar' | undefined) ?? 'elapsed';
      const stats = computeLeadTimes(timelines, { unit, doneWithin: { from: window.from, to: window.to } });
      return { definition: DEFINITIONS.leadTime, unit, ...durationSummary(stats) };
    },
  },
  {
    path: 'cycle-time-scatter',
    summary: 'Cycle-time scatterplot: one point per finished item and the percentile lines',
    query: { unit: Type.Optional(Unit) },
    response: {
      definition: Type.String(),
      unit: Type.String(),
      percentiles: Percentiles,
      points: Type.Array(Type.Object({ id: Type.String(), doneDate: Type.String(), days: Type.Number() })),
    },
    compute: ({ timelines, window, query }) => {
      const unit = (query.unit as 'elapsed' | 'calendar' | undefined) ?? 'calendar';
      const s = computeCycleTimeScatter(timelines, {
        unit,
        doneWithin: { from: window.from, to: window.to },
      });
      return { definition: DEFINITIONS.scatter, unit, percentiles: s.percentiles, points: s.points };
    },
  },
  {
    path: 'wip',
    summary: 'Work in progress per day over the window',
    response: {
      definition: Type.String(),
      average: Type.Union([Type.Number(), Type.Null()]),
      perDay: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
    },
    compute: ({ timelines, window }) => {
      const perDay = computeWipPerDay(timelines, { from: window.from, to: window.to });
      return {
        definition: DEFINITIONS.wip,
        average: computeMean(perDay.map((d) => d.count)) ?? null,
        perDay,
      };
    },
  },
  {
    path: 'cfd',
    summary: 'Cumulative flow diagram per workflow state (by status) or per category',
    query: { by: Type.Optional(stringEnum(['status', 'category'] as const)) },
    response: {
      definition: Type.String(),
      states: Type.Array(Type.String()),
      days: Type.Array(
        Type.Object({
          date: Type.String(),
          inState: Type.Array(Type.Integer()),
          reachedOrLater: Type.Array(Type.Integer()),
        }),
      ),
    },
    compute: ({ timelines, window, query, statuses }) => {
      const by = (query.by as 'status' | 'category' | undefined) ?? 'status';
      const cfd = computeCumulativeFlow(timelines, {
        by,
        statuses,
        range: { from: window.from, to: window.to },
      });
      return { definition: DEFINITIONS.cfd, ...cfd };
    },
  },
  {
    path: 'aging',
    summary: 'Age of work in progress against the SLE, with breach flags and warnings',
    query: {
      sleDays: Type.Optional(Sle.properties.days),
      slePercentile: Type.Optional(Sle.properties.percentile),
    },
    response: {
      definition: Type.String(),
      asOf: Type.String(),
      sle: Type.Object({ days: Type.Number(), percentile: Type.Integer(), source: Type.String() }),
      historicalPercentiles: Percentiles,
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          key: Type.String(),
          title: Type.String(),
          status: Type.String(),
          startedAt: Type.String(),
          ageDays: Type.Number(),
          remainingDays: Type.Number(),
          breached: Type.Boolean(),
          exceededPercentile: Type.Union([Type.Integer(), Type.Null()]),
        }),
      ),
      breaches: Type.Integer(),
      warnings: Type.Array(Type.String()),
    },
    compute: async ({ timelines, window, query, scope, principal }, store) => {
      const history = computeCycleTimes(timelines, {
        unit: 'elapsed',
        doneWithin: { from: window.from, to: window.to },
      }).percentiles;
      let sle: { days: number; percentile: number; source: string } | undefined;
      if (query.sleDays !== undefined)
        sle = { days: Number(query.sleDays), percentile: Number(query.slePercentile ?? 85), source: 'query' };
      else if (scope.kind === 'team') {
        const wf = await findWorkflow(store.db, principal.organisationId, scope.id);
        if (wf?.workflow.sle_days != null && wf.workflow.sle_percentile != null)
          sle = {
            days: Number(wf.workflow.sle_days),
            percentile: wf.workflow.sle_percentile,
            source: 'team',
          };
      }
      // Without a stated SLE the team's own P85 cycle time over the window stands in for it.
      sle ??= {
        days: history[85] ?? 10,
        percentile: 85,
        source: history[85] === undefined ? 'default' : 'history',
      };
      const report = computeWipAge(timelines, {
        asOf: window.asOfInstant,
        sle,
        historicalPercentiles: history,
      });
      const names = await loadItemNames(
        store,
        report.items.map((i) => i.id),
      );
      return {
        definition: DEFINITIONS.aging,
        asOf: window.asOfInstant,
        sle,
        historicalPercentiles: history,
        items: report.items.map((i) => ({
          ...i,
          key: names.get(i.id)?.key ?? '',
          title: names.get(i.id)?.title ?? '',
        })),
        breaches: report.items.filter((i) => i.breached).length,
        warnings: report.warnings,
      };
    },
  },
  {
    path: 'efficiency',
    summary: 'Flow efficiency of items finished in the window (active vs blocked or waiting time)',
    response: {
      definition: Type.String(),
      efficiency: Type.Union([Type.Number(), Type.Null()]),
      activeDays: Type.Number(),
      waitingDays: Type.Number(),
      items: Type.Integer(),
      waitingStatuses: Type.Array(Type.String()),
    },
    compute: ({ timelines, window, blockedStatuses }) => {
      const r = computeFlowEfficiency(timelines, {
        waitingStatuses: blockedStatuses,
        doneWithin: { from: window.from, to: window.to },
      });
      return {
        definition: DEFINITIONS.flowEfficiency,
        efficiency: r.efficiency ?? null,
        activeDays: r.activeDays,
        waitingDays: r.waitingDays,
        items: r.items.length,
        waitingStatuses: blockedStatuses,
      };
    },
  },
  {
    path: 'littles-law',
    summary: "Little's law consistency check over the window",
    response: {
      definition: Type.String(),
      days: Type.Integer(),
      averageWip: Type.Number(),
      throughputPerDay: Type.Number(),
      averageCycleTime: Type.Union([Type.Number(), Type.Null()]),
      impliedCycleTime: Type.Union([Type.Number(), Type.Null()]),
      ratio: Type.Union([Type.Number(), Type.Null()]),
    },
    compute: ({ timelines, window }) => {
      const c = computeLittlesLawCheck(timelines, { from: window.from, to: window.to });
      return {
        definition: DEFINITIONS.littlesLaw,
        days: c.days,
        averageWip: c.averageWip,
        throughputPerDay: c.throughputPerDay,
        averageCycleTime: c.averageCycleTime ?? null,
        impliedCycleTime: c.impliedCycleTime ?? null,
        ratio: c.ratio ?? null,
      };
    },
  },
];

/** Keys and titles of the items named in a report (the aging list is the WIP: small). */
async function loadItemNames(store: Store, ids: string[]) {
  const names = new Map<string, { key: string; title: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db
      .selectFrom('work_items')
      .select(['id', 'key', 'title'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, { key: r.key, title: r.title });
  }
  return names;
}
