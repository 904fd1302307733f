import type { FastifyInstance } from 'fastify';
import type { PeriodKind } from '../../../core/capacity';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import type { SuggestionSolver } from './assignment-suggestions';
import type { HeatmapBy } from './capacity-model';
import {
  AvailableQuery,
  AvailableResponse,
  HeatmapQuery,
  HeatmapResponse,
  SuggestionsQuery,
  SuggestionsResponse,
} from './capacity-schemas';
import { computeHeatmap, computeSuggestions, findAvailablePeople } from './capacity-service';
import { registerPlanningRoutes } from './planning-routes';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 422: ProblemSchema };

/** Capacity views: the heat map, the availability finder and assignment suggestions. */
export function registerCapacityRoutes(app: FastifyInstance, store: Store): void {
  registerPlanningRoutes(app, store);
  app.get(
    '/api/v1/capacity/heatmap',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Capacity'],
        summary:
          'Capacity against demand per person, team, skill or role and week, month or quarter, with over- and under-allocation and the projects causing it',
        querystring: HeatmapQuery,
        response: { 200: HeatmapResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as {
        by?: HeatmapBy;
        period?: PeriodKind;
        from: string;
        to: string;
        overThreshold?: number;
        underThreshold?: number;
      };
      return computeHeatmap(store.db, principal, { ...q, by: q.by ?? 'person', period: q.period ?? 'week' });
    },
  );

  app.get(
    '/api/v1/people/available',
    {
      config: { permission: 'directory.read' },
      schema: {
        tags: ['Capacity'],
        summary:
          'Who with a skill, a role or both is free over a window: free hours and FTE after bookings, most free first',
        querystring: AvailableQuery,
        response: { 200: AvailableResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as {
        skill?: string;
        role?: string;
        from: string;
        to: string;
        minFte?: number;
        minProficiency?: number;
        countSoft?: boolean;
      };
      return findAvailablePeople(store.db, principal, {
        ...q,
        minFte: q.minFte ?? 0.1,
        minProficiency: q.minProficiency ?? 1,
        countSoft: q.countSoft ?? true,
      });
    },
  );

  app.get(
    '/api/v1/capacity/suggestions',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Capacity'],
        summary:
          'Suggested assignments for open requests and for soft bookings that over-allocate someone (an assignment LP solved with HiGHS, or the greedy fallback)',
        querystring: SuggestionsQuery,
        response: { 200: SuggestionsResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as { from: string; to: string; period?: PeriodKind; solver?: SuggestionSolver };
      return computeSuggestions(store.db, principal, {
        ...q,
        period: q.period ?? 'week',
        solver: q.solver ?? 'lp',
      });
    },
  );
}
