import type { ResourceSpec } from '../resources/resource-spec';
import { DELIVERY_RESOURCE_SPECS } from './delivery/routes';
import { dependencySpec } from './dependencies/spec';
import { goalSpec } from './goals/spec';
import { milestoneSpec } from './milestones/spec';
import { MONEY_RESOURCE_SPECS } from './money/specs';
import { OPTIMISATION_RESOURCE_SPECS } from './optimisation/specs';
import { personSpec } from './people/spec';
import { PLAYBOOK_RESOURCE_SPECS } from './playbook/specs';
import { portfolioSpec } from './portfolios/spec';
import { programSpec } from './programs/spec';
import { projectSpec } from './projects/spec';
import { CAPACITY_RESOURCE_SPECS } from './resources/specs';
import { SCHEDULE_RESOURCE_SPECS } from './schedule/specs';
import { tagSpec } from './tags/spec';
import { teamSpec } from './teams/spec';
import { VALUE_RESOURCE_SPECS } from './value/specs';
import { workItemSpec } from './work-items/spec';

/** Every CRUD resource of the API, in the order the OpenAPI document lists them. */
export const RESOURCE_SPECS: readonly ResourceSpec[] = [
  portfolioSpec,
  programSpec,
  projectSpec,
  workItemSpec,
  milestoneSpec,
  dependencySpec,
  teamSpec,
  personSpec,
  goalSpec,
  tagSpec,
  ...VALUE_RESOURCE_SPECS,
  ...DELIVERY_RESOURCE_SPECS,
  ...CAPACITY_RESOURCE_SPECS,
  ...MONEY_RESOURCE_SPECS,
  ...SCHEDULE_RESOURCE_SPECS,
  ...PLAYBOOK_RESOURCE_SPECS,
  ...OPTIMISATION_RESOURCE_SPECS,
];
