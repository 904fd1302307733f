import type { ResourceSpec } from '../../resources/resource-spec';
import { benefitSpec } from './benefit-spec';
import { businessCaseSpec } from './business-case-spec';
import { goalAlignmentSpec } from './goal-alignment-spec';
import { keyResultSpec } from './key-result-spec';
import { kpiSpec } from './kpi-spec';
import { scoringModelSpec } from './scoring-model-spec';
import { valueStreamSpec } from './value-stream-spec';

/** The value-management CRUD resources, in the order the OpenAPI document lists them. */
export const VALUE_RESOURCE_SPECS: readonly ResourceSpec[] = [
  keyResultSpec,
  goalAlignmentSpec,
  valueStreamSpec,
  kpiSpec,
  businessCaseSpec,
  benefitSpec,
  scoringModelSpec,
];
