import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { type Criterion, findRiceInputErrors, findWsjfInputErrors } from '../../../core/prioritisation';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { etagOf, expectedVersion } from '../../http/if-match';
import { type FieldError, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { Trx } from '../../resources/resource-spec';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import type { WorkItemScoresTable } from '../../store/tables';
import { portfolioSpec } from '../portfolios/spec';
import { Backlog, buildBacklog } from './backlog';
import { scoringModelSpec } from './scoring-model-spec';
import { findScores, type InputsValue, toColumns, toInputs, workItemValueSpec } from './work-item-scores';

const Score = Type.Number({ minimum: 0, maximum: 1e9 });
const Wsjf = Type.Object(
  {
    userBusinessValue: Score,
    timeCriticality: Score,
    riskReductionOpportunityEnablement: Score,
    jobSize: Type.Number({ description: 'Modified Fibonacci: 1, 2, 3, 5, 8, 13, 20, 40, 100' }),
  },
  { additionalProperties: false },
);
const Rice = Type.Object(
  {
    reach: Score,
    impact: Type.Number({ description: 'Intercom scale: 0.25, 0.5, 1, 2, 3' }),
    confidencePercent: Type.Number({ minimum: 0, maximum: 100 }),
    effort: Type.Number({ exclusiveMinimum: 0, maximum: 1e6, description: 'Person-months' }),
  },
  { additionalProperties: false },
);
const CostOfDelay = Type.Object(
  {
    costOfDelayPerWeek: Score,
    durationWeeks: Type.Number({ exclusiveMinimum: 0, maximum: 1e4 }),
  },
  { additionalProperties: false },
);
const ModelScores = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Record(Type.String({ maxLength: 40 }), Type.Number()),
);
const Inputs = Type.Object({
  workItemId: Type.String(),
  wsjf: Type.Union([Wsjf, Type.Null()]),
  rice: Type.Union([Rice, Type.Null()]),
  costOfDelay: Type.Union([CostOfDelay, Type.Null()]),
  modelScores: ModelScores,
  version: Type.Integer(),
});
const InputsBody = Type.Object(
  {
    wsjf: Type.Optional(Type.Union([Wsjf, Type.Null()])),
    rice: Type.Optional(Type.Union([Rice, Type.Null()])),
    costOfDelay: Type.Optional(Type.Union([CostOfDelay, Type.Null()])),
    modelScores: Type.Optional(ModelScores),
    version: Type.Optional(
      Type.Integer({ minimum: 0, description: 'The version edited (0 before the first save); or If-Match' }),
    ),
  },
  { additionalProperties: false },
);

/** Prioritisation inputs of a work item (WSJF, RICE, cost of delay, model scores) and the ranked backlog. */
export function registerPrioritisationRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/work-items/:id/prioritisation',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Work item'],
        summary: 'The WSJF, RICE, cost-of-delay and scoring-model inputs of a work item',
        params: Type.Object({ id: Id }),
        response: { 200: Inputs, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, workItemValueSpec, principal, id, 'read');
      const inputs = presentInputs(id, await findScores(store.db, id));
      void reply.header('etag', etagOf(inputs.version));
      return inputs;
    },
  );

  app.put(
    '/api/v1/work-items/:id/prioritisation',
    {
      config: { permission: 'value.write' },
      schema: {
        tags: ['Work item'],
        summary:
          'Set prioritisation inputs; sections left out keep their value, null clears one. WSJF job size on the modified Fibonacci scale, RICE impact on Intercom’s. Send the version edited as If-Match (0 before the first save): a stale one answers 412 with the current inputs',
        params: Type.Object({ id: Id }),
        body: InputsBody,
        response: {
          200: Inputs,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          412: ProblemSchema,
          422: ProblemSchema,
          428: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const { version, ...body } = request.body as InputsValue & { version?: number };
      const expected = expectedVersion(request, version);
      const errors: FieldError[] = [];
      if (body.wsjf)
        for (const message of findWsjfInputErrors(body.wsjf))
          errors.push({ field: `wsjf.${message.split(' ')[0]}`, message });
      if (body.rice)
        for (const message of findRiceInputErrors(body.rice))
          errors.push({ field: `rice.${message.split(' ')[0]}`, message });
      if (errors.length > 0)
        throw new ProblemError(
          'validation_failed',
          errors.map((e) => `${e.field}: ${e.message}`).join('; '),
          errors,
        );
      const now = new Date().toISOString();
      const saved = await store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, workItemValueSpec, principal, id, 'write');
        if (body.modelScores) await checkModelScores(trx, principal, body.modelScores);
        const before = await findScores(trx, id);
        const current = before ? Number(before.version) : 0;
        if (current !== expected) throw staleInputs(id, before, expected);
        const next = { ...toInputs(before), ...body };
        const columns = toColumns(next);
        if (before) {
          // The version condition keeps a concurrent save from slipping in between read and write.
          const updated = await trx
            .updateTable('work_item_scores')
            .set({ ...columns, version: current + 1, updated_at: now })
            .where('id', '=', before.id)
            .where('version', '=', current)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1)
            throw staleInputs(id, await findScores(trx, id), expected);
        } else {
          await trx
            .insertInto('work_item_scores')
            .values({
              id: randomUUID(),
              organisation_id: principal.organisationId,
              work_item_id: id,
              ...columns,
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .execute();
        }
        await recordAudit(trx, principal, now, {
          entityType: 'work_item',
          entityId: id,
          action: 'update',
          changes: { prioritisation: { before: toInputs(before), after: next } },
        });
        return presentInputs(id, await findScores(trx, id));
      });
      void reply.header('etag', etagOf(saved.version));
      return saved;
    },
  );

  app.get(
    '/api/v1/portfolios/:id/backlog',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Portfolio'],
        summary:
          'Ranked portfolio backlog (open epics, or features) under WSJF, RICE, CD3 or a weighted-scoring model, with each score’s breakdown',
        params: Type.Object({ id: Id }),
        querystring: Type.Object(
          {
            model: Type.String({
              minLength: 1,
              maxLength: 64,
              description: 'wsjf, rice, cd3 or a scoring model id',
            }),
            type: Type.Optional(
              Type.Unsafe<'epic' | 'feature'>({ type: 'string', enum: ['epic', 'feature'] }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Backlog,
          400: ProblemSchema,
          401: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const q = request.query as { model: string; type?: 'epic' | 'feature' };
      await assertRecordAccess(store.db, portfolioSpec, principal, id, 'read');
      return buildBacklog(store.db, principal, id, q.model, q.type ?? 'epic');
    },
  );
}

async function checkModelScores(
  trx: Trx,
  principal: Parameters<typeof assertRecordAccess>[2],
  scores: Record<string, Record<string, number>>,
): Promise<void> {
  for (const [modelId, byCriterion] of Object.entries(scores)) {
    const field = `modelScores.${modelId}`;
    const model = await trx
      .selectFrom('scoring_models')
      .select(['criteria'])
      .where('id', '=', modelId)
      .where('organisation_id', '=', principal.organisationId)
      .executeTakeFirst();
    if (!model)
      throw new ProblemError('invalid_reference', `${field}: no such scoring model`, [
        { field, message: 'no such scoring model' },
      ]);
    await assertRecordAccess(trx, scoringModelSpec, principal, modelId, 'read');
    const criteria = JSON.parse(model.criteria) as Criterion[];
    for (const [criterion, value] of Object.entries(byCriterion)) {
      const c = criteria.find((k) => k.id === criterion);
      const f = `${field}.${criterion}`;
      if (!c)
        throw new ProblemError('validation_failed', `${f}: the model has no such criterion`, [
          { field: f, message: 'no such criterion' },
        ]);
      if (!(value >= c.min && value <= c.max))
        throw new ProblemError('validation_failed', `${f}: must be within ${c.min}..${c.max}`, [
          { field: f, message: `must be within ${c.min}..${c.max}` },
        ]);
    }
  }
}

function staleInputs(workItemId: string, row: WorkItemScoresTable | undefined, expected: number) {
  const current = presentInputs(workItemId, row);
  return new ProblemError(
    'precondition_failed',
    `The prioritisation inputs are at version ${current.version}, not ${expected}: someone else changed them.`,
    [],
    { current },
  );
}

function presentInputs(workItemId: string, row: WorkItemScoresTable | undefined) {
  return { workItemId, ...toInputs(row), version: row ? Number(row.version) : 0 };
}
