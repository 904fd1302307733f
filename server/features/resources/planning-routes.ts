import type { FastifyInstance } from 'fastify';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { expectedVersion } from '../../http/if-match';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { type ApplyBody, applySuggestion } from './apply-suggestion';
import { ApplyBodySchema, ApplyResponse, EffortQuery, EffortResponse } from './effort-schemas';
import { computeEffortEstimate } from './effort-service';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  422: ProblemSchema,
};

/** Effort estimates from the organisation's history, and applying an assignment suggestion. */
export function registerPlanningRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/estimates/effort',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Capacity'],
        summary:
          'Effort of new work from the actual/estimate ratios of finished work by type and team: P10, P50, P90 and the sample size',
        querystring: EffortQuery,
        response: { 200: EffortResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const q = request.query as {
        type: string;
        teamId?: string;
        estimate: number;
        unit?: 'hours' | 'points';
        minSample?: number;
      };
      return computeEffortEstimate(store.db, principal, {
        ...q,
        unit: q.unit ?? 'hours',
        minSample: q.minSample ?? 5,
      });
    },
  );

  app.post(
    '/api/v1/capacity/suggestions/apply',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Capacity'],
        summary:
          'Apply one allocation of a suggestion: book the person softly to the request, or move the over-allocating soft booking. If-Match: the version of the request or booking the suggestion saw',
        body: ApplyBodySchema,
        response: {
          201: ApplyResponse,
          ...errors,
          409: ProblemSchema,
          412: ProblemSchema,
          428: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const version = expectedVersion(request);
      const body = request.body as ApplyBody;
      const ctx = { principal, now: new Date().toISOString() };
      const result = await store.db.transaction().execute((trx) => applySuggestion(trx, ctx, body, version));
      return reply.code(201).send(result);
    },
  );
}
