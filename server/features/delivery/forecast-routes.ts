import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getDayNumber } from '../../../core/flow/utc-days';
import { computeForecastHowMany, computeForecastWhen } from '../../../core/forecast';
import { authenticate } from '../../auth/authenticate';
import { fieldProblem } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { CalendarDate } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { resolveScope, type ScopeQuery, visibleInScope } from './flow-scope';
import { resolveAsOf, ScopeFields } from './flow-window';
import {
  backtestBeside,
  checkSamples,
  countOpenItems,
  DEFAULT_HISTORY_DAYS,
  loadSamples,
  presentHistory,
} from './forecast-service';
import { DEFINITIONS } from './metric-definitions';

export const ForecastFields = {
  asOf: Type.Optional(CalendarDate),
  trials: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295 })),
  historyDays: Type.Optional(
    Type.Integer({
      minimum: 7,
      maximum: 1_095,
      description: 'Days of throughput history sampled (default 90)',
    }),
  ),
};
const MAX_FORECAST_DAYS = 3_650;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema };
const Loose = Type.Unknown();

type Q = ScopeQuery & { asOf?: string; trials?: number; seed?: number; historyDays?: number };

/** GET /api/v1/forecasts/when and /how-many: Monte Carlo over the scope's daily throughput. */
export function registerForecastRoutes(app: FastifyInstance, store: Store): void {
  const prepare = async (request: FastifyRequest) => {
    const principal = await authenticate(store, request);
    const q = request.query as Q;
    const { asOf } = resolveAsOf(q.asOf);
    const scope = await resolveScope(store.db, principal, q);
    const historyDays = q.historyDays ?? DEFAULT_HISTORY_DAYS;
    const window = await loadSamples(store.db, principal, scope, asOf, historyDays);
    checkSamples(window);
    return { principal, q, asOf, scope, historyDays, window, trials: q.trials ?? 10_000, seed: q.seed ?? 1 };
  };

  app.get(
    '/api/v1/forecasts/when',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Forecasts'],
        summary: 'When will N items be done? (default N: the open items of the scope)',
        querystring: Type.Object(
          {
            ...ScopeFields,
            ...ForecastFields,
            items: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            definition: Type.String(),
            scope: Type.Object({ kind: Type.String(), id: Type.String() }),
            asOf: Type.String(),
            items: Type.Integer(),
            history: Loose,
            forecast: Loose,
            backtest: Loose,
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = await prepare(request);
      const items =
        (request.query as { items?: number }).items ??
        (await countOpenItems(store.db, p.principal, visibleInScope(p.scope, p.principal)));
      if (items === 0)
        throw fieldProblem('validation_failed', 'items', 'the scope has no open items: give items');
      const forecast = computeForecastWhen({
        samples: p.window.samples,
        items,
        startDate: p.asOf,
        trials: p.trials,
        seed: p.seed,
        maxDays: MAX_FORECAST_DAYS,
      });
      const backtest = await backtestBeside(
        store.db,
        p.principal,
        p.scope,
        p.asOf,
        p.historyDays,
        { kind: 'when', items },
        p.seed,
      );
      return {
        definition: DEFINITIONS.forecastWhen,
        scope: p.scope,
        asOf: p.asOf,
        items,
        history: presentHistory(p.window),
        forecast,
        backtest,
      };
    },
  );

  app.get(
    '/api/v1/forecasts/how-many',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Forecasts'],
        summary: 'How many items will be done from asOf through the end date?',
        querystring: Type.Object(
          { ...ScopeFields, ...ForecastFields, end: CalendarDate },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            definition: Type.String(),
            scope: Type.Object({ kind: Type.String(), id: Type.String() }),
            asOf: Type.String(),
            end: Type.String(),
            history: Loose,
            forecast: Loose,
            backtest: Loose,
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const end = (request.query as { end: string }).end;
      const p = await prepare(request);
      const days = getDayNumber(end) - getDayNumber(p.asOf) + 1;
      if (days < 1) throw fieldProblem('validation_failed', 'end', 'is before asOf');
      if (days > MAX_FORECAST_DAYS)
        throw fieldProblem('validation_failed', 'end', `is more than ${MAX_FORECAST_DAYS} days ahead`);
      const forecast = computeForecastHowMany({
        samples: p.window.samples,
        startDate: p.asOf,
        endDate: end,
        trials: p.trials,
        seed: p.seed,
      });
      const backtest = await backtestBeside(
        store.db,
        p.principal,
        p.scope,
        p.asOf,
        p.historyDays,
        { kind: 'how-many', days },
        p.seed,
      );
      return {
        definition: DEFINITIONS.forecastHowMany,
        scope: p.scope,
        asOf: p.asOf,
        end,
        history: presentHistory(p.window),
        forecast,
        backtest,
      };
    },
  );
}
