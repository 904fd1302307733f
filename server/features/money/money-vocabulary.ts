import { Type } from 'typebox';
import { Money, stringEnum } from '../../resources/vocabulary-schemas';

/** Budget versions: the baseline as first approved, the current approved plan, and the latest forecast. */
export const BUDGET_VERSIONS = ['original', 'current', 'forecast'] as const;
export const BUDGET_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const COST_CATEGORIES = ['capex', 'opex'] as const;
export const COST_TYPES = ['labour', 'non_labour'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export type CostType = (typeof COST_TYPES)[number];

export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

/** One budget line: an amount for a month, a category (capex / opex) and a cost type (labour / non-labour). */
export const BudgetLine = Type.Object(
  {
    period: Month,
    category: stringEnum(COST_CATEGORIES),
    costType: stringEnum(COST_TYPES),
    amount: Money,
  },
  { additionalProperties: false },
);

export interface BudgetLineValue {
  period: string;
  category: CostCategory;
  costType: CostType;
  amount: number;
}
