import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import type { WorkItemScoresTable } from '../../store/tables';
import { workItemSpec } from '../work-items/spec';

/** Work items seen through the value area: prioritisation inputs are the value office's to set. */
export const workItemValueSpec: ResourceSpec = {
  ...workItemSpec,
  access: { ...workItemSpec.access, area: 'value' },
};

/** The prioritisation inputs of a work item, by section. */
export type InputsValue = {
  wsjf?: {
    userBusinessValue: number;
    timeCriticality: number;
    riskReductionOpportunityEnablement: number;
    jobSize: number;
  } | null;
  rice?: { reach: number; impact: number; confidencePercent: number; effort: number } | null;
  costOfDelay?: { costOfDelayPerWeek: number; durationWeeks: number } | null;
  modelScores?: Record<string, Record<string, number>>;
};

export async function findScores(trx: Trx, workItemId: string): Promise<WorkItemScoresTable | undefined> {
  return trx
    .selectFrom('work_item_scores')
    .selectAll()
    .where('work_item_id', '=', workItemId)
    .executeTakeFirst();
}

const num = (v: number | null) => (v === null ? null : Number(v));

/** The prioritisation inputs of a stored row (all sections null when there is none). */
export function toInputs(row: WorkItemScoresTable | undefined): Required<InputsValue> {
  if (!row) return { wsjf: null, rice: null, costOfDelay: null, modelScores: {} };
  return {
    wsjf:
      row.job_size === null
        ? null
        : {
            userBusinessValue: Number(row.user_business_value),
            timeCriticality: Number(row.time_criticality),
            riskReductionOpportunityEnablement: Number(row.risk_reduction),
            jobSize: Number(row.job_size),
          },
    rice:
      row.effort === null
        ? null
        : {
            reach: Number(row.reach),
            impact: Number(row.impact),
            confidencePercent: Number(row.confidence_percent),
            effort: Number(row.effort),
          },
    costOfDelay:
      row.duration_weeks === null
        ? null
        : {
            costOfDelayPerWeek: Number(num(row.cost_of_delay_per_week)),
            durationWeeks: Number(row.duration_weeks),
          },
    modelScores: JSON.parse(row.model_scores) as Record<string, Record<string, number>>,
  };
}

export function toColumns(v: Required<InputsValue>) {
  return {
    user_business_value: v.wsjf?.userBusinessValue ?? null,
    time_criticality: v.wsjf?.timeCriticality ?? null,
    risk_reduction: v.wsjf?.riskReductionOpportunityEnablement ?? null,
    job_size: v.wsjf?.jobSize ?? null,
    reach: v.rice?.reach ?? null,
    impact: v.rice?.impact ?? null,
    confidence_percent: v.rice?.confidencePercent ?? null,
    effort: v.rice?.effort ?? null,
    cost_of_delay_per_week: v.costOfDelay?.costOfDelayPerWeek ?? null,
    duration_weeks: v.costOfDelay?.durationWeeks ?? null,
    model_scores: JSON.stringify(v.modelScores),
  };
}
