import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import { CalendarDate } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { buildStrategyTree, StrategyTree } from './strategy-tree';

/** The strategy tree (check-ins are in check-in-routes.ts). */
export function registerOkrRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/goals/tree',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Goal'],
        summary:
          'Strategy tree: goals with key-result progress, the share of spend (project budgets) and of team capacity aligned to each, and unaligned work',
        querystring: Type.Object(
          {
            asOf: Type.Optional(CalendarDate),
            capacityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660, default: 90 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: StrategyTree, 400: ProblemSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as { asOf?: string; capacityDays?: number };
      return buildStrategyTree(store.db, principal, {
        asOf: q.asOf ?? new Date().toISOString().slice(0, 10),
        capacityDays: q.capacityDays ?? 90,
      });
    },
  );
}
