import { addDays } from '../../../core/flow/utc-days';
import { computeHealthScore } from '../../../core/playbook/health';
import { computeRiskTrend, flagRisk, rateRiskScore } from '../../../core/playbook/risk';
import {
  computeStatusDraft,
  type StatusDraft,
  type StatusSignals,
} from '../../../core/playbook/status-prefill';
import type { Trx } from '../../resources/resource-spec';
import { listDailyDoneCounts } from '../flow/throughput-store';
import { getPlaybookSettings } from './playbook-settings';

// Gathers what a status draft and the health score are computed from: milestones, open risks,
// budget and spend (cost entries, or the last report's figure), throughput and scope growth.

const WINDOW_DAYS = 28;

export async function loadStatusSignals(
  trx: Trx,
  organisationId: string,
  projectId: string,
  asOf: string,
  actualCostOverride?: number | null,
): Promise<StatusSignals> {
  const project = await trx
    .selectFrom('projects')
    .select(['budget', 'start_date', 'end_date'])
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const milestones = await trx
    .selectFrom('milestones')
    .select(['name', 'due_date', 'completed_on'])
    .where('project_id', '=', projectId)
    .orderBy('due_date')
    .execute();
  const { riskMatrix } = await getPlaybookSettings(trx, organisationId);
  const risks = await trx
    .selectFrom('risks')
    .select([
      'title',
      'score',
      'score_history',
      'last_reviewed_on',
      'next_review_on',
      'response_strategy',
      'status',
    ])
    .where('project_id', '=', projectId)
    .where('status', '=', 'open')
    .execute();
  const spent = await trx
    .selectFrom('cost_entries')
    .select((eb) => [
      eb.fn.sum<number | string>('amount').as('total'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .where('project_id', '=', projectId)
    .where('incurred_on', '<=', asOf)
    .executeTakeFirst();
  let actualCost: number | null = actualCostOverride ?? null;
  if (actualCost === null && Number(spent?.n ?? 0) > 0) actualCost = Number(spent?.total ?? 0);
  if (actualCost === null) {
    const last = await trx
      .selectFrom('status_reports')
      .select('actual_cost')
      .where('project_id', '=', projectId)
      .where('actual_cost', 'is not', null)
      .where('period_end', '<=', asOf)
      .orderBy('period_end', 'desc')
      .executeTakeFirst();
    actualCost =
      last?.actual_cost === undefined || last.actual_cost === null ? null : Number(last.actual_cost);
  }
  const done = await listDailyDoneCounts(trx, undefined, {
    organisationId,
    projectId,
    from: addDays(asOf, -2 * WINDOW_DAYS + 1),
    toExclusive: addDays(asOf, 1),
  });
  const recentFrom = addDays(asOf, -WINDOW_DAYS + 1);
  const items = await trx
    .selectFrom('work_items')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn
        .sum<number | string>(eb.case().when('created_at', '>=', recentFrom).then(1).else(0).end())
        .as('recent'),
    ])
    .where('project_id', '=', projectId)
    .where('type', 'not in', ['epic', 'feature'])
    .where('created_at', '<', addDays(asOf, 1))
    .executeTakeFirst();
  return {
    asOf,
    milestones: milestones.map((m) => ({ name: m.name, dueDate: m.due_date, completedOn: m.completed_on })),
    openRisks: risks.map((r) => {
      const trend = computeRiskTrend(JSON.parse(r.score_history) as { score: number }[]);
      const rating = rateRiskScore(Number(r.score), riskMatrix);
      const flags = flagRisk(
        {
          status: r.status,
          lastReviewedOn: r.last_reviewed_on,
          nextReviewOn: r.next_review_on,
          trend,
          rating,
          responseStrategy: r.response_strategy,
        },
        asOf,
        riskMatrix,
      );
      return { title: r.title, score: Number(r.score), rating, escalating: flags.includes('escalating') };
    }),
    budget: project.budget === null ? null : Number(project.budget),
    actualCost,
    startDate: project.start_date,
    endDate: project.end_date,
    throughput: {
      recent: done.filter((d) => d.day >= recentFrom).reduce((s, d) => s + d.count, 0),
      previous: done.filter((d) => d.day < recentFrom).reduce((s, d) => s + d.count, 0),
    },
    scope: { items: Number(items?.n ?? 0), addedRecently: Number(items?.recent ?? 0) },
  };
}

/** The draft ratings and the health score they give, from the project's data on `asOf`. */
export async function computeProjectStatus(
  trx: Trx,
  organisationId: string,
  projectId: string,
  asOf: string,
  actualCostOverride?: number | null,
) {
  const signals = await loadStatusSignals(trx, organisationId, projectId, asOf, actualCostOverride);
  const draft: StatusDraft = computeStatusDraft(signals);
  const health = computeHealthScore({
    schedule: draft.schedule.rag,
    cost: draft.cost.rag,
    scope: draft.scope.rag,
    risk: draft.risk.rag,
  });
  return { signals, draft, health };
}
