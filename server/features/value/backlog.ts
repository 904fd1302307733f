import { Type } from 'typebox';
import {
  type Criterion,
  computeCd3,
  computeRanking,
  computeRice,
  computeWeightedScore,
  computeWsjf,
} from '../../../core/prioritisation';
import { accessFilter, assertReadableReference } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { fieldProblem } from '../../http/problem';
import type { Trx } from '../../resources/resource-spec';
import { scoringModelSpec } from './scoring-model-spec';
import { toInputs, workItemValueSpec } from './work-item-scores';

const WorkItemRef = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.String(),
  projectId: Type.String(),
  status: Type.String(),
});
/** The version of the item's prioritisation inputs (0 before the first save), to send as If-Match. */
const InputsVersion = Type.Integer({ minimum: 0 });
export const Backlog = Type.Object({
  portfolioId: Type.String(),
  model: Type.Object({
    kind: Type.String({ description: 'wsjf, rice, cd3 or weighted' }),
    id: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
  }),
  items: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      position: Type.Integer(),
      workItem: WorkItemRef,
      score: Type.Number(),
      breakdown: Type.Record(Type.String(), Type.Unknown()),
      inputsVersion: InputsVersion,
    }),
  ),
  unscored: Type.Array(
    Type.Object({ workItem: WorkItemRef, reason: Type.String(), inputsVersion: InputsVersion }),
  ),
});

type Breakdown = Record<string, unknown>;
type WorkItemRefValue = { id: string; key: string; title: string; projectId: string; status: string };
type Scorer = (inputs: ReturnType<typeof toInputs>) => { score: number; breakdown: Breakdown } | string;

/** The open epics (or features) of a portfolio the caller may see, ranked by the chosen model. */
export async function buildBacklog(
  trx: Trx,
  principal: Principal,
  portfolioId: string,
  model: string,
  type: 'epic' | 'feature',
) {
  const { scorer, description } = await scorerFor(trx, principal, portfolioId, model);
  let query = trx
    .selectFrom('work_items')
    .leftJoin('work_item_scores', 'work_item_scores.work_item_id', 'work_items.id')
    .selectAll('work_item_scores')
    .select([
      'work_items.id as item_id',
      'work_items.key',
      'work_items.title',
      'work_items.project_id',
      'work_items.status',
    ])
    .where('work_items.organisation_id', '=', principal.organisationId)
    .where('work_items.type', '=', type)
    .where('work_items.status_category', '!=', 'done')
    .where('work_items.project_id', 'in', (eb) =>
      eb.selectFrom('projects').select('id').where('portfolio_id', '=', portfolioId),
    );
  const filter = accessFilter(workItemValueSpec, principal);
  if (filter) query = query.where(filter);
  const rows = await query.orderBy('work_items.key').execute();

  const scored: { workItem: WorkItemRefValue; score: number; breakdown: Breakdown; inputsVersion: number }[] =
    [];
  const unscored: { workItem: WorkItemRefValue; reason: string; inputsVersion: number }[] = [];
  for (const r of rows) {
    const workItem = { id: r.item_id, key: r.key, title: r.title, projectId: r.project_id, status: r.status };
    const inputs = toInputs(r.work_item_id === null ? undefined : (r as never));
    const inputsVersion = r.version === null ? 0 : Number(r.version);
    const result = scorer(inputs);
    if (typeof result === 'string') unscored.push({ workItem, reason: result, inputsVersion });
    else scored.push({ workItem, ...result, inputsVersion });
  }
  const ranked = computeRanking(scored, (s) => ({ score: s.score, breakdown: s.breakdown }));
  return {
    portfolioId,
    model: description,
    items: ranked.map((r) => ({
      rank: r.rank,
      position: r.position,
      workItem: r.item.workItem,
      score: r.score,
      breakdown: r.breakdown,
      inputsVersion: r.item.inputsVersion,
    })),
    unscored,
  };
}

async function scorerFor(
  trx: Trx,
  principal: Principal,
  portfolioId: string,
  model: string,
): Promise<{ scorer: Scorer; description: { kind: string; id: string | null; name: string } }> {
  const guard = (f: () => { score: number; breakdown: Breakdown }) => {
    try {
      return f();
    } catch (error) {
      return error instanceof RangeError ? error.message : String(error);
    }
  };
  if (model === 'wsjf')
    return {
      description: { kind: 'wsjf', id: null, name: 'Weighted Shortest Job First (SAFe)' },
      scorer: (i) => {
        const w = i.wsjf;
        if (!w) return 'no WSJF inputs';
        return guard(() => {
          const r = computeWsjf(w);
          return { score: r.wsjf, breakdown: { ...w, costOfDelay: r.costOfDelay, wsjf: r.wsjf } };
        });
      },
    };
  if (model === 'rice')
    return {
      description: { kind: 'rice', id: null, name: 'RICE (Intercom)' },
      scorer: (i) => {
        const r = i.rice;
        if (!r) return 'no RICE inputs';
        return guard(() => {
          const score = computeRice(r);
          return { score, breakdown: { ...r, rice: score } };
        });
      },
    };
  if (model === 'cd3')
    return {
      description: { kind: 'cd3', id: null, name: 'Cost of delay divided by duration (CD3)' },
      scorer: (i) => {
        const c = i.costOfDelay;
        if (!c) return 'no cost-of-delay inputs';
        return guard(() => {
          const score = computeCd3({ id: '', ...c });
          return { score, breakdown: { ...c, cd3: score } };
        });
      },
    };
  const row = await trx
    .selectFrom('scoring_models')
    .select(['id', 'name', 'criteria', 'portfolio_id'])
    .where('id', '=', model)
    .where('organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  if (!row)
    throw fieldProblem(
      'invalid_reference',
      'model',
      'is neither wsjf, rice, cd3 nor a scoring model of this organisation',
    );
  await assertReadableReference({ db: trx }, scoringModelSpec, principal, model, 'model');
  if (row.portfolio_id !== null && row.portfolio_id !== portfolioId)
    throw fieldProblem('invalid_reference', 'model', 'belongs to another portfolio');
  const criteria = JSON.parse(row.criteria) as Criterion[];
  return {
    description: { kind: 'weighted', id: row.id, name: row.name },
    scorer: (i) => {
      const scores = i.modelScores[row.id];
      if (!scores) return `no scores for the model "${row.name}"`;
      return guard(() => {
        const r = computeWeightedScore(criteria, scores);
        return { score: r.score, breakdown: { criteria: r.breakdown } };
      });
    },
  };
}
