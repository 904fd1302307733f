import type { ResourceSpec } from '../../resources/resource-spec';
import { resourceAssignmentSpec } from './assignment-spec';
import { workCalendarSpec } from './calendar-spec';
import { leaveEntrySpec } from './leave-spec';
import { resourceRequestSpec } from './request-spec';
import { teamBookingSpec } from './team-booking-spec';

/** The capacity-planning CRUD resources, in the order the OpenAPI document lists them. */
export const CAPACITY_RESOURCE_SPECS: readonly ResourceSpec[] = [
  workCalendarSpec,
  leaveEntrySpec,
  resourceRequestSpec,
  resourceAssignmentSpec,
  teamBookingSpec,
];
