import type { ResourceSpec } from '../../resources/resource-spec';
import { budgetSpec } from './budget-spec';
import { costEntrySpec } from './cost-entry-spec';
import { costRateSpec } from './cost-rate-spec';
import { progressReportSpec } from './progress-report-spec';
import { timeEntrySpec } from './time-entry-spec';

/** The money CRUD resources, in the order the OpenAPI document lists them. */
export const MONEY_RESOURCE_SPECS: readonly ResourceSpec[] = [
  budgetSpec,
  costRateSpec,
  costEntrySpec,
  timeEntrySpec,
  progressReportSpec,
];
