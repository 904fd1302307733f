import { getDayNumber } from '../flow/utc-days';
import type { Rag, RiskRating, StatusDimension } from './vocabulary';

// The draft of a status report, pre-filled from data the project already holds. Every rating
// comes with the reasons that produced it, so the project manager can see why and overrule it.

export interface StatusSignals {
  asOf: string;
  milestones: { name: string; dueDate: string; completedOn: string | null }[];
  /** Open risks with their rating. */
  openRisks: { title: string; score: number; rating: RiskRating; escalating: boolean }[];
  budget: number | null;
  actualCost: number | null;
  startDate: string | null;
  endDate: string | null;
  /** Items finished in the last 4 weeks and in the 4 weeks before. */
  throughput: { recent: number; previous: number };
  /** Work items in the project, and how many were added in the last 4 weeks. */
  scope: { items: number; addedRecently: number };
}

export interface DimensionDraft {
  rag: Rag | null;
  reasons: string[];
}

export type StatusDraft = Record<StatusDimension | 'overall', DimensionDraft>;

/** Thresholds of the pre-fill rules (docs/playbook.md explains each). */
export const PREFILL_RULES = {
  /** An open milestone more than this many days late makes the schedule red. */
  redSlipDays: 14,
  /** Throughput of the last 4 weeks below this share of the 4 weeks before turns schedule amber. */
  throughputDropShare: 0.7,
  /** Spend over elapsed time (burn ratio) above these makes cost amber / red. */
  amberBurnRatio: 1.1,
  redBurnRatio: 1.25,
  /** Open high risks at which risk turns red (one turns it amber). */
  redHighRisks: 3,
  /** Items added recently as a share of all items: scope growth amber / red. */
  amberScopeGrowth: 0.2,
  redScopeGrowth: 0.4,
} as const;

const worst = (ratings: (Rag | null)[]): Rag | null => {
  if (ratings.includes('red')) return 'red';
  if (ratings.includes('amber')) return 'amber';
  return ratings.includes('green') ? 'green' : null;
};

/**
 * A status draft from signals: schedule from milestone slippage and the throughput trend, cost from
 * budget burn against elapsed time, risk from open high risks, scope from recent growth, overall the
 * worst of them. A dimension without data stays unrated (null).
 *
 * @example
 * computeStatusDraft({ asOf: '2026-06-30', milestones: [{ name: 'Beta', dueDate: '2026-06-01', completedOn: null }], … })
 *   .schedule // { rag: 'red', reasons: ['Milestone "Beta" is 29 days late'] }
 */
export function computeStatusDraft(s: StatusSignals): StatusDraft {
  const R = PREFILL_RULES;
  const day = getDayNumber(s.asOf);

  const schedule: DimensionDraft = { rag: null, reasons: [] };
  const due = s.milestones.filter((m) => m.dueDate <= s.asOf || m.completedOn !== null);
  if (s.milestones.length > 0) schedule.rag = 'green';
  for (const m of s.milestones) {
    if (m.completedOn !== null || m.dueDate >= s.asOf) continue;
    const late = day - getDayNumber(m.dueDate);
    schedule.reasons.push(`Milestone "${m.name}" is ${late} days late`);
    schedule.rag = worst([schedule.rag, late > R.redSlipDays ? 'red' : 'amber']);
  }
  const lateDone = due.filter((m) => m.completedOn !== null && m.completedOn > m.dueDate).length;
  if (lateDone > 0) schedule.reasons.push(`${lateDone} milestone(s) were completed late`);
  const { recent, previous } = s.throughput;
  if (previous > 0) {
    schedule.rag = worst([schedule.rag ?? 'green']);
    if (recent < previous * R.throughputDropShare) {
      schedule.rag = worst([schedule.rag, 'amber']);
      schedule.reasons.push(`Throughput fell from ${previous} to ${recent} items per 4 weeks`);
    } else schedule.reasons.push(`Throughput ${recent} items in the last 4 weeks (${previous} before)`);
  }
  if (schedule.rag === 'green' && schedule.reasons.length === 0)
    schedule.reasons.push('No milestone is late');

  const cost: DimensionDraft = { rag: null, reasons: [] };
  if (s.budget === null || s.budget <= 0) cost.reasons.push('No budget recorded');
  else if (s.actualCost === null) cost.reasons.push('No actual cost recorded yet');
  else {
    const burn = s.actualCost / s.budget;
    const elapsed = elapsedShare(s);
    cost.reasons.push(`${pct(burn)} of the budget spent`);
    if (burn > 1) {
      cost.rag = 'red';
      cost.reasons.push('Spend exceeds the budget');
    } else if (elapsed === null || elapsed <= 0) cost.rag = burn > 0.5 ? 'amber' : 'green';
    else {
      const ratio = burn / elapsed;
      cost.reasons.push(`${pct(elapsed)} of the planned duration elapsed (burn ratio ${ratio.toFixed(2)})`);
      cost.rag = ratio > R.redBurnRatio ? 'red' : ratio > R.amberBurnRatio ? 'amber' : 'green';
    }
  }

  const high = s.openRisks.filter((r) => r.rating === 'high');
  const escalating = s.openRisks.filter((r) => r.escalating).length;
  const risk: DimensionDraft = {
    rag: high.length >= R.redHighRisks ? 'red' : high.length > 0 || escalating > 0 ? 'amber' : 'green',
    reasons: [
      `${high.length} open high risk(s)${high.length > 0 ? `: ${high.map((r) => r.title).join(', ')}` : ''}`,
      ...(escalating > 0 ? [`${escalating} risk(s) escalating`] : []),
    ],
  };

  const scope: DimensionDraft = { rag: null, reasons: [] };
  if (s.scope.items > 0) {
    const growth = s.scope.addedRecently / s.scope.items;
    scope.rag = growth > R.redScopeGrowth ? 'red' : growth > R.amberScopeGrowth ? 'amber' : 'green';
    scope.reasons.push(
      `${s.scope.addedRecently} of ${s.scope.items} work items added in the last 4 weeks (${pct(growth)})`,
    );
  } else scope.reasons.push('No work items to judge scope by');

  const overall: DimensionDraft = {
    rag: worst([schedule.rag, cost.rag, scope.rag, risk.rag]),
    reasons: ['The worst of schedule, cost, scope and risk'],
  };
  return { schedule, cost, scope, risk, overall };
}

function elapsedShare(s: StatusSignals): number | null {
  if (!s.startDate || !s.endDate) return null;
  const start = getDayNumber(s.startDate);
  const span = getDayNumber(s.endDate) - start;
  if (span <= 0) return null;
  return Math.min(1, Math.max(0, (getDayNumber(s.asOf) - start) / span));
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
