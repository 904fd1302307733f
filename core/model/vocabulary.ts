/**
 * The words Triad's users work with, as closed sets. The API schemas, the database checks and
 * the web app all take their allowed values from here.
 */
export const DELIVERY_METHODS = ['scrum', 'kanban', 'hybrid'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** How a project is run: predictive (waterfall / stage-gate), agile, or hybrid. */
export const PROJECT_APPROACHES = ['predictive', 'agile', 'hybrid'] as const;
export type ProjectApproach = (typeof PROJECT_APPROACHES)[number];

export const LIFECYCLE_STATES = [
  'proposed',
  'approved',
  'active',
  'on_hold',
  'completed',
  'cancelled',
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** RAG health as PMOs report it. */
export const HEALTH_RATINGS = ['green', 'amber', 'red'] as const;
export type HealthRating = (typeof HEALTH_RATINGS)[number];

export const WORK_ITEM_TYPES = ['epic', 'feature', 'story', 'task', 'bug'] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

/** Every workflow state maps to one of these; flow metrics only look at the category. */
export const STATUS_CATEGORIES = ['todo', 'in_progress', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const ESTIMATE_UNITS = ['points', 'hours'] as const;
export type EstimateUnit = (typeof ESTIMATE_UNITS)[number];

export const GOAL_LEVELS = ['organisation', 'portfolio', 'team'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

export const DEPENDENCY_KINDS = ['work_item', 'project'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

/** Precedence link types as in MS Project and the PDM literature. */
export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const MILESTONE_STATUSES = ['planned', 'achieved', 'missed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
