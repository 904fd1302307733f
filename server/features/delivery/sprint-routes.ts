import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  computeBurnDown,
  computeBurnUp,
  computeSprintPredictability,
  computeVelocity,
} from '../../../core/flow';
import { getDayNumber } from '../../../core/flow/utc-days';
import { computeLiveSprintForecast } from '../../../core/forecast';
import { assertRecordAccess } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import { Id, stringEnum } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { resolveScope } from './flow-scope';
import { resolveAsOf } from './flow-window';
import { ForecastFields } from './forecast-routes';
import {
  backtestBeside,
  checkSamples,
  DEFAULT_HISTORY_DAYS,
  loadSamples,
  presentHistory,
} from './forecast-service';
import { DEFINITIONS } from './metric-definitions';
import { IdParams } from './schemas';
import { completeSprint, presentSprint, setSprintItems, startSprint } from './sprint-service';
import { sprintSpec } from './sprint-spec';
import { getSprintRow, listSprintItems, pointsOf, presentSprintItem } from './sprint-store';

const errors = (...s: number[]) => Object.fromEntries(s.map((x) => [x, ProblemSchema]));
const Loose = Type.Unknown();
const SprintItem = Type.Object({
  workItemId: Type.String(),
  key: Type.String(),
  title: Type.String(),
  type: Type.String(),
  status: Type.String(),
  statusCategory: Type.String(),
  estimate: Type.Union([Type.Number(), Type.Null()]),
  estimateUnit: Type.Union([Type.String(), Type.Null()]),
  committed: Type.Boolean(),
  addedAt: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  carriedFromSprintId: Type.Union([Type.String(), Type.Null()]),
});
const ItemsResponse = Type.Object({ items: Type.Array(SprintItem) });
const BurnUnit = stringEnum(['points', 'items'] as const);

/** Sprint planning, start and completion (carry-over), burn charts, live forecast and velocity. */
export function registerSprintRoutes(app: FastifyInstance, store: Store): void {
  const load = async (request: FastifyRequest, action: 'read' | 'write') => {
    const principal = await authenticate(store, request);
    if (action === 'write') requireWrite(principal);
    const { id } = request.params as { id: string };
    return { principal, id };
  };
  const sprintOf = async (principal: Principal, id: string, action: 'read' | 'write') => {
    await assertRecordAccess(store.db, sprintSpec, principal, id, action);
    return getSprintRow(store.db, principal.organisationId, id);
  };

  app.get(
    '/api/v1/sprints/:id/items',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Sprint'],
        summary: "The sprint's items with commitment and outcome",
        params: IdParams,
        response: { 200: ItemsResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { principal, id } = await load(request, 'read');
      await sprintOf(principal, id, 'read');
      return { items: (await listSprintItems(store.db, id)).map(presentSprintItem) };
    },
  );

  app.put(
    '/api/v1/sprints/:id/items',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Sprint'],
        summary: "Set the sprint's items (the plan; once started, additions are added scope)",
        params: IdParams,
        body: Type.Object(
          { workItemIds: Type.Array(Id, { maxItems: 500, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { 200: ItemsResponse, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { principal, id } = await load(request, 'write');
      const { workItemIds } = request.body as { workItemIds: string[] };
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, sprintSpec, principal, id, 'write');
        await setSprintItems(
          trx,
          principal,
          now,
          await getSprintRow(trx, principal.organisationId, id),
          workItemIds,
        );
        return { items: (await listSprintItems(trx, id)).map(presentSprintItem) };
      });
    },
  );

  app.post(
    '/api/v1/sprints/:id/start',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Sprint'],
        summary: 'Start a planned sprint: its items become the commitment',
        params: IdParams,
        response: { 200: Loose, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { principal, id } = await load(request, 'write');
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, sprintSpec, principal, id, 'write');
        const started = await startSprint(
          trx,
          principal,
          now,
          await getSprintRow(trx, principal.organisationId, id),
        );
        return presentSprint(trx, started);
      });
    },
  );

  app.post(
    '/api/v1/sprints/:id/complete',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Sprint'],
        summary: 'Complete an active sprint; unfinished items carry over into the next sprint',
        params: IdParams,
        body: Type.Optional(
          Type.Object({ nextSprintId: Type.Optional(Id) }, { additionalProperties: false }),
        ),
        response: {
          200: Type.Object({ sprint: Loose, nextSprint: Loose, carriedOver: Type.Array(Type.String()) }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const { principal, id } = await load(request, 'write');
      const nextSprintId = (request.body as { nextSprintId?: string } | undefined)?.nextSprintId;
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, sprintSpec, principal, id, 'write');
        const r = await completeSprint(
          trx,
          principal,
          now,
          await getSprintRow(trx, principal.organisationId, id),
          nextSprintId,
        );
        return {
          sprint: await presentSprint(trx, r.sprint),
          nextSprint: await presentSprint(trx, r.nextSprint),
          carriedOver: r.carriedOver,
        };
      });
    },
  );

  app.get(
    '/api/v1/sprints/:id/burn',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Sprint'],
        summary: 'Burn-down and burn-up of a sprint, in story points or items',
        params: IdParams,
        querystring: Type.Object(
          { unit: Type.Optional(BurnUnit), asOf: ForecastFields.asOf },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            unit: Type.String(),
            committed: Type.Number(),
            burnDown: Type.Object({ definition: Type.String(), days: Loose }),
            burnUp: Type.Object({ definition: Type.String(), days: Loose }),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { principal, id } = await load(request, 'read');
      const sprint = await sprintOf(principal, id, 'read');
      const q = request.query as { unit?: 'points' | 'items'; asOf?: string };
      const unit = q.unit ?? 'points';
      const size = (i: { estimate: number | null; estimate_unit: string | null }) =>
        unit === 'items' ? 1 : pointsOf(i);
      const items = (await listSprintItems(store.db, id)).filter((i) => i.outcome !== 'dropped');
      const committedItems = items.filter((i) => i.committed === 1);
      const committed =
        sprint.state === 'planned'
          ? items.reduce((s, i) => s + size(i), 0)
          : committedItems.reduce((s, i) => s + size(i), 0);
      const events = [
        ...items
          .filter((i) => i.done_at !== null)
          .map((i) => ({ date: String(i.done_at).slice(0, 10), completed: size(i) })),
        ...items
          .filter((i) => i.committed === 0 && sprint.state !== 'planned')
          .map((i) => ({ date: i.added_at.slice(0, 10), added: size(i) })),
      ];
      const asOf = resolveAsOf(q.asOf).asOf;
      const input = { start: sprint.start_date, end: sprint.end_date, committed, events, asOf };
      return {
        unit,
        committed,
        burnDown: { definition: DEFINITIONS.burnDown, days: computeBurnDown(input) },
        burnUp: { definition: DEFINITIONS.burnUp, days: computeBurnUp(input) },
      };
    },
  );

  app.get(
    '/api/v1/sprints/:id/forecast',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Sprint'],
        summary: 'Live chance of finishing the committed items by the end of the sprint',
        params: IdParams,
        querystring: Type.Object(ForecastFields, { additionalProperties: false }),
        response: {
          200: Type.Object({
            definition: Type.String(),
            asOf: Type.String(),
            committedItems: Type.Integer(),
            remainingItems: Type.Integer(),
            history: Loose,
            forecast: Loose,
            backtest: Type.Union([Loose, Type.Null()], {
              description:
                'How far to trust it: "how many in this many days" asked weekly from past dates of the team (null once the sprint has ended)',
            }),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { principal, id } = await load(request, 'read');
      const sprint = await sprintOf(principal, id, 'read');
      const q = request.query as { asOf?: string; trials?: number; seed?: number; historyDays?: number };
      const { asOf } = resolveAsOf(q.asOf);
      const items = (await listSprintItems(store.db, id)).filter(
        (i) => i.outcome !== 'dropped' && (sprint.state === 'planned' || i.committed === 1),
      );
      const remaining = items.filter((i) => i.status_category !== 'done').length;
      const team = { kind: 'team' as const, id: sprint.team_id };
      const historyDays = q.historyDays ?? DEFAULT_HISTORY_DAYS;
      const window = await loadSamples(store.db, principal, team, asOf, historyDays);
      checkSamples(window);
      const fromDate = getDayNumber(asOf) < getDayNumber(sprint.start_date) ? sprint.start_date : asOf;
      const forecast = computeLiveSprintForecast({
        samples: window.samples,
        remainingItems: remaining,
        fromDate,
        sprintEnd: sprint.end_date,
        trials: q.trials ?? 10_000,
        seed: q.seed ?? 1,
      });
      // The chance is a "how many in the days left" forecast: its backtest asks the same question
      // of the team's past, so the page shows how often such a forecast held.
      const backtest =
        forecast.days >= 1
          ? await backtestBeside(
              store.db,
              principal,
              team,
              asOf,
              historyDays,
              { kind: 'how-many', days: forecast.days },
              q.seed ?? 1,
            )
          : null;
      return {
        definition: DEFINITIONS.liveSprint,
        asOf,
        committedItems: items.length,
        remainingItems: remaining,
        history: presentHistory(window),
        forecast,
        backtest,
      };
    },
  );

  app.get(
    '/api/v1/flow/velocity',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Flow metrics'],
        summary: "Velocity and sprint predictability over a team's completed sprints",
        querystring: Type.Object(
          {
            teamId: Id,
            unit: Type.Optional(BurnUnit),
            sprints: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 200,
                description: 'Last N completed sprints (default 12)',
              }),
            ),
            window: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            unit: Type.String(),
            velocity: Type.Object({ definition: Type.String() }, { additionalProperties: true }),
            predictability: Type.Object({ definition: Type.String() }, { additionalProperties: true }),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as {
        teamId: string;
        unit?: 'points' | 'items';
        sprints?: number;
        window?: number;
      };
      const scope = await resolveScope(store.db, principal, q, ['team']);
      const unit = q.unit ?? 'points';
      const rows = await store.db
        .selectFrom('sprints')
        .selectAll()
        .where('organisation_id', '=', principal.organisationId)
        .where('team_id', '=', scope.id)
        .where('state', '=', 'completed')
        .orderBy('end_date', 'desc')
        .limit(q.sprints ?? 12)
        .execute();
      const outcomes = rows.reverse().map((s) => ({
        name: s.name,
        committed: Number((unit === 'points' ? s.committed_points : s.committed_items) ?? 0),
        completed: Number((unit === 'points' ? s.completed_points : s.completed_items) ?? 0),
      }));
      const velocity = computeVelocity(outcomes, { window: q.window ?? 3 });
      const predictability = computeSprintPredictability(outcomes);
      const nulls = <T extends object>(o: T) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === undefined ? null : v]));
      return {
        unit,
        velocity: { definition: DEFINITIONS.velocity, ...nulls(velocity) },
        predictability: { definition: DEFINITIONS.predictability, ...nulls(predictability) },
      };
    },
  );
}
