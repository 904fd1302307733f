import type { ResourceSpec } from '../../resources/resource-spec';
import { scheduleResourceSpec } from './schedule-resource-spec';
import { scheduleTaskSpec } from './task-spec';

/** The scheduling CRUD resources, in the order the OpenAPI document lists them. */
export const SCHEDULE_RESOURCE_SPECS: readonly ResourceSpec[] = [scheduleTaskSpec, scheduleResourceSpec];
