import type { ResourceSpec } from '../../resources/resource-spec';
import { scenarioSpec } from './scenario-spec';

/** The optimiser's CRUD resources (runs, compare and adopt are routes of their own). */
export const OPTIMISATION_RESOURCE_SPECS: readonly ResourceSpec[] = [scenarioSpec];
