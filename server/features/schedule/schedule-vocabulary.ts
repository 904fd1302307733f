import type { LinkType } from '../../../core/schedule/types';

/** PDM link types (docs/scheduling.md): finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export const LINK_TYPES: readonly LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/**
 * Date constraints the engine honours: as soon as possible, start no earlier than, finish no
 * later than (MS Project's SNET and FNLT; its MSO/MFO are read as these two on import).
 */
export const CONSTRAINT_TYPES = ['asap', 'snet', 'fnlt'] as const;
export type ConstraintType = (typeof CONSTRAINT_TYPES)[number];

/** Monday to Friday, 0 = Sunday … 6 = Saturday. */
export const DEFAULT_WORKING_WEEKDAYS = [1, 2, 3, 4, 5];
