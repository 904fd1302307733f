import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { getRecord } from '../../resources/resource-service';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { analyseBusinessCase } from './business-case-service';
import { BusinessCaseFigures, businessCaseSpec } from './business-case-spec';

const TornadoBar = Type.Object({
  driver: Type.String(),
  base: Type.Number(),
  lowInput: Type.Number(),
  highInput: Type.Number(),
  lowOutput: Type.Number(),
  highOutput: Type.Number(),
  swing: Type.Number(),
});
const Analysis = Type.Object({
  id: Type.String(),
  name: Type.String(),
  projectId: Type.String(),
  rate: Type.Number(),
  periodUnit: Type.String(),
  expected: BusinessCaseFigures,
  scenarios: Type.Object({
    pessimistic: BusinessCaseFigures,
    expected: BusinessCaseFigures,
    optimistic: BusinessCaseFigures,
    weightedNpv: Type.Number(),
    weights: Type.Object({ pessimistic: Type.Number(), expected: Type.Number(), optimistic: Type.Number() }),
  }),
  tornado: Type.Object({ baseOutput: Type.Number(), bars: Type.Array(TornadoBar) }),
});

/** Business-case analysis (scenarios, tornado) and the side-by-side comparison of initiatives. */
export function registerBusinessCaseRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/business-cases/:id/analysis',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Business case'],
        summary:
          'NPV, IRR(s), payback, ROI and BCR; pessimistic/expected/optimistic scenarios and the NPV tornado',
        params: Type.Object({ id: Id }),
        response: { 200: Analysis, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      return analysis(store, principal, id);
    },
  );

  app.get(
    '/api/v1/business-cases/compare',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Business case'],
        summary: 'Several business cases side by side, ranked by expected NPV',
        querystring: Type.Object(
          {
            ids: Type.String({
              minLength: 1,
              maxLength: 2000,
              description: 'Comma-separated business case ids (2–20)',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Analysis) }),
          400: ProblemSchema,
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const ids = [
        ...new Set(
          (request.query as { ids: string }).ids
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (ids.length < 1 || ids.length > 20)
        throw new ProblemError('validation_failed', 'ids: give between 1 and 20 business case ids', [
          { field: 'ids', message: 'give between 1 and 20 business case ids' },
        ]);
      const items = [];
      for (const id of ids) items.push(await analysis(store, principal, id));
      items.sort((a, b) => b.expected.npv - a.expected.npv);
      return { items };
    },
  );
}

async function analysis(store: Store, principal: Principal, id: string) {
  await assertRecordAccess(store.db, businessCaseSpec, principal, id, 'read');
  const record = await getRecord(
    store.db,
    { principal, now: new Date().toISOString() },
    businessCaseSpec,
    id,
  );
  const a = analyseBusinessCase(record);
  return {
    id,
    name: String(record.name),
    projectId: String(record.projectId),
    rate: Number(record.rate),
    periodUnit: String(record.periodUnit),
    expected: a.expected,
    scenarios: {
      ...a.scenarios.scenarios,
      weightedNpv: a.scenarios.weightedNpv,
      weights: a.scenarios.weights,
    },
    tornado: a.tornado,
  };
}
