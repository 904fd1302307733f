import type { Generated } from 'kysely';

/**
 * Row shapes of every table, as both engines return them. Timestamps are ISO 8601 UTC text and
 * calendar dates YYYY-MM-DD text on both engines, so rows compare equal across SQLite and
 * PostgreSQL and sort correctly as strings. JSON columns are text holding a JSON document.
 */
export interface OrganisationsTable {
  id: string;
  name: string;
  slug: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  person_id: string | null;
  role: string;
  password_hash: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  totp_secret: Generated<string | null>;
  totp_enabled: Generated<number>;
  failed_sign_ins: Generated<number>;
  locked_until: Generated<string | null>;
  disabled: Generated<number>;
  /** `issuer|subject` of the single sign-on account this user signs in with. */
  external_subject: Generated<string | null>;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: string;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

interface Versioned {
  id: string;
  organisation_id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable extends Versioned {
  name: string;
  email: string | null;
  title: string | null;
  location: string | null;
  fte: number;
}

export interface PersonSkillsTable {
  organisation_id: string;
  person_id: string;
  skill: string;
  proficiency: number;
}

export interface TeamsTable extends Versioned {
  name: string;
  delivery_method: string;
  description: string | null;
}

export interface TeamMembersTable {
  organisation_id: string;
  team_id: string;
  person_id: string;
  allocation: number;
}

export interface PortfoliosTable extends Versioned {
  name: string;
  description: string | null;
  owner_id: string | null;
}

export interface ProgramsTable extends Versioned {
  portfolio_id: string;
  name: string;
  description: string | null;
  owner_id: string | null;
}

export interface ProjectsTable extends Versioned {
  portfolio_id: string;
  program_id: string | null;
  key: string;
  name: string;
  description: string | null;
  approach: string;
  lifecycle_state: string;
  phase: string | null;
  health: string | null;
  owner_id: string | null;
  start_date: string | null;
  end_date: string | null;
  budget: number | null;
  next_item_number: number;
}

export interface WorkItemsTable extends Versioned {
  project_id: string;
  team_id: string | null;
  parent_id: string | null;
  key: string;
  type: string;
  title: string;
  description: string | null;
  status: string;
  status_category: string;
  estimate: number | null;
  estimate_unit: string | null;
  assignee_id: string | null;
  rank: number | null;
  started_at: string | null;
  done_at: string | null;
  custom_fields: string;
  source: string | null;
  source_key: string | null;
}

export interface StatusChangesTable {
  id: string;
  organisation_id: string;
  work_item_id: string;
  from_status: string | null;
  to_status: string;
  from_category: string | null;
  to_category: string;
  changed_at: string;
  changed_by: string | null;
}

export interface MilestonesTable extends Versioned {
  project_id: string;
  name: string;
  description: string | null;
  due_date: string;
  completed_on: string | null;
}

export interface DependenciesTable extends Versioned {
  kind: string;
  predecessor_id: string;
  successor_id: string;
  link_type: string;
  lag_days: number;
  description: string | null;
}

export interface GoalsTable extends Versioned {
  parent_id: string | null;
  name: string;
  description: string | null;
  level: string;
  portfolio_id: string | null;
  team_id: string | null;
  owner_id: string | null;
}

export interface TagsTable extends Versioned {
  name: string;
  color: string | null;
}

export interface TaggingsTable {
  organisation_id: string;
  tag_id: string;
  entity_type: string;
  entity_id: string;
}

export interface AuditEventsTable {
  id: string;
  organisation_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  actor_label: string;
  at: string;
  changes: string;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  people: PeopleTable;
  person_skills: PersonSkillsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  portfolios: PortfoliosTable;
  programs: ProgramsTable;
  projects: ProjectsTable;
  work_items: WorkItemsTable;
  work_item_status_changes: StatusChangesTable;
  milestones: MilestonesTable;
  dependencies: DependenciesTable;
  goals: GoalsTable;
  tags: TagsTable;
  taggings: TaggingsTable;
  audit_events: AuditEventsTable;
  import_sources: ImportSourcesTable;
  import_runs: ImportRunsTable;
  imported_projects: ImportedProjectsTable;
  sessions: SessionsTable;
  role_assignments: RoleAssignmentsTable;
  one_time_tokens: OneTimeTokensTable;
  value_streams: ValueStreamsTable;
  value_stream_members: ValueStreamMembersTable;
  kpis: KpisTable;
  kpi_measurements: KpiMeasurementsTable;
  key_results: KeyResultsTable;
  key_result_check_ins: KeyResultCheckInsTable;
  goal_alignments: GoalAlignmentsTable;
  business_cases: BusinessCasesTable;
  benefits: BenefitsTable;
  scoring_models: ScoringModelsTable;
  work_item_scores: WorkItemScoresTable;
  work_calendars: WorkCalendarsTable;
  leave_entries: LeaveEntriesTable;
  resource_requests: ResourceRequestsTable;
  resource_assignments: ResourceAssignmentsTable;
  team_bookings: TeamBookingsTable;
  cost_rates: CostRatesTable;
  budgets: BudgetsTable;
  cost_entries: CostEntriesTable;
  time_entries: TimeEntriesTable;
  progress_reports: ProgressReportsTable;
  team_workflows: TeamWorkflowsTable;
  workflow_states: WorkflowStatesTable;
  work_item_blocks: WorkItemBlocksTable;
  sprints: SprintsTable;
  sprint_items: SprintItemsTable;
  retrospectives: RetrospectivesTable;
  retrospective_actions: RetrospectiveActionsTable;
  project_schedules: ProjectSchedulesTable;
  schedule_tasks: ScheduleTasksTable;
  schedule_links: ScheduleLinksTable;
  schedule_resources: ScheduleResourcesTable;
  schedule_assignments: ScheduleAssignmentsTable;
  schedule_baselines: ScheduleBaselinesTable;
  playbook_settings: PlaybookSettingsTable;
  methodology_templates: MethodologyTemplatesTable;
  methodology_template_versions: MethodologyTemplateVersionsTable;
  project_methodologies: ProjectMethodologiesTable;
  gate_reviews: GateReviewsTable;
  project_documents: ProjectDocumentsTable;
  risks: RisksTable;
  assumptions: AssumptionsTable;
  project_issues: ProjectIssuesTable;
  decisions: DecisionsTable;
  raci_matrices: RaciMatricesTable;
  status_reports: StatusReportsTable;
  pmo_setup_steps: PmoSetupStepsTable;
  project_proposals: ProjectProposalsTable;
  project_template_moves: ProjectTemplateMovesTable;
  optimisation_scenarios: OptimisationScenariosTable;
  optimisation_runs: OptimisationRunsTable;
}

/** Tables in an order where every row's references come before it (backup and restore use it). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'organisations',
  'people',
  'users',
  'api_tokens',
  'person_skills',
  'teams',
  'team_members',
  'portfolios',
  'programs',
  'projects',
  'work_items',
  'work_item_status_changes',
  'milestones',
  'dependencies',
  'goals',
  'tags',
  'taggings',
  'audit_events',
  'import_sources',
  'import_runs',
  'imported_projects',
  'role_assignments',
  'sessions',
  'one_time_tokens',
  'value_streams',
  'value_stream_members',
  'kpis',
  'kpi_measurements',
  'key_results',
  'key_result_check_ins',
  'goal_alignments',
  'business_cases',
  'benefits',
  'scoring_models',
  'work_item_scores',
  'work_calendars',
  'leave_entries',
  'resource_requests',
  'resource_assignments',
  'team_bookings',
  'cost_rates',
  'budgets',
  'cost_entries',
  'time_entries',
  'progress_reports',
  'team_workflows',
  'workflow_states',
  'work_item_blocks',
  'sprints',
  'sprint_items',
  'retrospectives',
  'retrospective_actions',
  'project_schedules',
  'schedule_tasks',
  'schedule_links',
  'schedule_resources',
  'schedule_assignments',
  'schedule_baselines',
  'playbook_settings',
  'methodology_templates',
  'methodology_template_versions',
  'project_methodologies',
  'gate_reviews',
  'project_documents',
  'risks',
  'assumptions',
  'project_issues',
  'decisions',
  'raci_matrices',
  'status_reports',
  'pmo_setup_steps',
  'project_proposals',
  'project_template_moves',
  'optimisation_scenarios',
  'optimisation_runs',
] as const satisfies readonly (keyof Database)[];

/** One external source per organisation (`jira:<base URL or file name>`) and the mapping it was imported with. */
export interface ImportSourcesTable {
  id: string;
  organisation_id: string;
  source: string;
  kind: string;
  /** JSON: the effective mapping of the last import, reused when no mapping file is given. */
  mapping: string;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One import of a file: 'running' until it finishes, so a killed run is visible. */
export interface ImportRunsTable {
  id: string;
  organisation_id: string;
  source_id: string;
  file_name: string;
  format: string;
  status: string;
  on_missing: string;
  started_at: string;
  finished_at: string | null;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  rejected_count: number;
  missing_count: number;
  /** JSON array of {row, reason}. */
  rejections: string;
}

/** Which Triad project stands for a project key of an external tracker. */
export interface ImportedProjectsTable {
  id: string;
  organisation_id: string;
  system: string;
  external_key: string;
  project_id: string;
}

export interface SessionsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  user_agent: string | null;
  ip: string | null;
  /** How the session was opened: `password` or `oidc`. */
  method: string;
}

/** A role a user holds on one portfolio, project or team. */
export interface RoleAssignmentsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  scope_type: string;
  scope_id: string;
  role: string;
  created_at: string;
}

/** Single-use, expiring tokens (password reset). */
export interface OneTimeTokensTable {
  id: string;
  organisation_id: string;
  user_id: string;
  purpose: string;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

// Value management (server/features/value, migration 0007).
export interface ValueStreamsTable extends Versioned {
  name: string;
  kind: string;
  description: string | null;
  portfolio_id: string | null;
  owner_id: string | null;
}

/** A project (product) or team serving a value stream. */
export interface ValueStreamMembersTable {
  id: string;
  organisation_id: string;
  value_stream_id: string;
  member_type: string;
  member_id: string;
}

export interface KpisTable extends Versioned {
  name: string;
  description: string | null;
  metric_type: string;
  unit: string;
  direction: string;
  frequency: string;
  source: string | null;
  owner_id: string | null;
  value_stream_id: string | null;
  portfolio_id: string | null;
  target: number | null;
  threshold: number | null;
  /** JSON `[{from, target, threshold}]`: targets that changed over time (migration 0015). */
  target_history: string | null;
}

export interface KpiMeasurementsTable {
  id: string;
  organisation_id: string;
  kpi_id: string;
  measured_on: string;
  value: number;
  /** `manual`, `csv` or `api`. */
  origin: string;
  note: string | null;
  recorded_at: string;
}

export interface KeyResultsTable extends Versioned {
  goal_id: string;
  name: string;
  metric: string;
  unit: string;
  direction: string;
  baseline: number;
  target: number;
  kpi_id: string | null;
  owner_id: string | null;
  due_date: string | null;
}

export interface KeyResultCheckInsTable {
  id: string;
  organisation_id: string;
  key_result_id: string;
  checked_on: string;
  value: number;
  /** 0–1: how likely the owner thinks the target will be met. */
  confidence: number;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
  /** Bumped on each edit so edits can use If-Match (migration 0015). */
  version: number;
  updated_at: string | null;
}

export interface GoalAlignmentsTable extends Versioned {
  goal_id: string;
  project_id: string | null;
  work_item_id: string | null;
  weight: number;
  note: string | null;
}

export interface BusinessCasesTable extends Versioned {
  project_id: string;
  name: string;
  description: string | null;
  rate: number;
  period_unit: string;
  start_date: string | null;
  /** JSON: [{name, kind: cost|benefit, amounts: number[]}]. */
  lines: string;
  /** JSON: scenario adjustments (costFactor, benefitFactor, benefitDelay, rate). */
  pessimistic: string;
  optimistic: string;
  sensitivity: number;
}

export interface BenefitsTable extends Versioned {
  project_id: string;
  kpi_id: string | null;
  name: string;
  description: string | null;
  owner_id: string | null;
  status: string;
  unit: string;
  direction: string;
  baseline: number;
  target: number;
  financial_value: number | null;
  /** JSON: [{date, value}] planned levels. */
  trajectory: string;
  /** JSON: [{date, value}] measured levels (when no KPI is linked). */
  actuals: string;
  review_date: string | null;
  review_outcome: string | null;
  review_notes: string | null;
}

export interface ScoringModelsTable extends Versioned {
  name: string;
  description: string | null;
  portfolio_id: string | null;
  /** JSON: [{id, name, weight, min, max, direction}]. */
  criteria: string;
}

export interface WorkItemScoresTable extends Versioned {
  work_item_id: string;
  user_business_value: number | null;
  time_criticality: number | null;
  risk_reduction: number | null;
  job_size: number | null;
  reach: number | null;
  impact: number | null;
  confidence_percent: number | null;
  effort: number | null;
  cost_of_delay_per_week: number | null;
  duration_weeks: number | null;
  /** JSON: {modelId: {criterionId: score}}. */
  model_scores: string;
}

// Resources and money (server/features/resources, server/features/money, migration 0008).
export interface WorkCalendarsTable extends Versioned {
  name: string;
  location: string | null;
  /** JSON: ISO weekdays worked, 1 = Monday … 7 = Sunday. */
  working_weekdays: string;
  hours_per_day: number;
  /** JSON: [{date, name}]. */
  holidays: string;
}

export interface LeaveEntriesTable extends Versioned {
  person_id: string;
  start_date: string;
  end_date: string;
  share: number;
  kind: string;
  note: string | null;
}

export interface ResourceRequestsTable extends Versioned {
  project_id: string;
  team_id: string | null;
  /** The skill asked for; null when the request names only a role (migration 0018). */
  skill: string | null;
  /** The role asked for: a person's title, matched case-insensitively (migration 0018). */
  role: string | null;
  min_proficiency: number;
  start_date: string;
  end_date: string;
  amount: number;
  /** `hours` in total or `fte` per working day. */
  unit: string;
  status: string;
  note: string | null;
}

export interface ResourceAssignmentsTable extends Versioned {
  person_id: string;
  project_id: string;
  team_id: string | null;
  request_id: string | null;
  skill: string | null;
  start_date: string;
  end_date: string;
  amount: number;
  unit: string;
  /** `hard` or `soft`. */
  booking: string;
  note: string | null;
}

/** A team's capacity booked to a project (migration 0017). */
export interface TeamBookingsTable extends Versioned {
  team_id: string;
  project_id: string;
  start_date: string;
  end_date: string;
  amount: number;
  /** `share` of the team's capacity, `fte` per working day, or `hours` in total. */
  unit: string;
  /** `hard` or `soft`. */
  booking: string;
  note: string | null;
}

export interface CostRatesTable extends Versioned {
  role: string | null;
  person_id: string | null;
  hourly_rate: number;
  valid_from: string | null;
  note: string | null;
}

export interface BudgetsTable extends Versioned {
  portfolio_id: string;
  project_id: string | null;
  name: string;
  budget_version: string;
  status: string;
  approved_by: string | null;
  approved_at: string | null;
  /** JSON: [{period: YYYY-MM, category, costType, amount}]. */
  lines: string;
  note: string | null;
}

export interface CostEntriesTable extends Versioned {
  project_id: string;
  work_item_id: string | null;
  incurred_on: string;
  amount: number;
  category: string;
  cost_type: string;
  description: string | null;
  /** `manual` or `csv`. */
  origin: string;
}

export interface TimeEntriesTable extends Versioned {
  person_id: string;
  project_id: string;
  work_item_id: string | null;
  worked_on: string;
  hours: number;
  category: string;
  note: string | null;
}

export interface ProgressReportsTable extends Versioned {
  project_id: string;
  reported_on: string;
  /** 0–100. */
  percent_complete: number;
  note: string | null;
}

export interface TeamWorkflowsTable extends Versioned {
  team_id: string;
  sle_days: number | null;
  sle_percentile: number | null;
}

export interface WorkflowStatesTable {
  id: string;
  organisation_id: string;
  workflow_id: string;
  team_id: string;
  name: string;
  /** todo, in_progress or done. */
  category: string;
  position: number;
  /** 1 when an item in this state is blocked. */
  blocked: number;
  wip_soft: number | null;
  wip_hard: number | null;
}

export interface WorkItemBlocksTable {
  id: string;
  organisation_id: string;
  work_item_id: string;
  reason: string;
  blocked_at: string;
  blocked_by: string | null;
  unblocked_at: string | null;
  unblocked_by: string | null;
}

export interface SprintsTable extends Versioned {
  team_id: string;
  name: string;
  goal: string | null;
  start_date: string;
  end_date: string;
  capacity: number | null;
  /** planned, active or completed. */
  state: string;
  committed_items: number | null;
  committed_points: number | null;
  completed_items: number | null;
  completed_points: number | null;
  started_at: string | null;
  completed_at: string | null;
}

export interface SprintItemsTable {
  id: string;
  organisation_id: string;
  sprint_id: string;
  work_item_id: string;
  /** 1 when the item was in the sprint when it started (the commitment). */
  committed: number;
  added_at: string;
  /** null while the sprint runs; done, carried_over or dropped once it is completed. */
  outcome: string | null;
  carried_from_sprint_id: string | null;
}

export interface RetrospectivesTable extends Versioned {
  team_id: string;
  sprint_id: string | null;
  title: string;
  held_on: string;
  went_well: string | null;
  to_improve: string | null;
}

export interface RetrospectiveActionsTable extends Versioned {
  retrospective_id: string | null;
  team_id: string;
  title: string;
  owner_id: string | null;
  due_date: string | null;
  /** open, in_progress or done. */
  status: string;
  done_at: string | null;
}

/** A project's schedule settings: the calendar its work days count on, its start and status date. */
export interface ProjectSchedulesTable extends Versioned {
  project_id: string;
  start_date: string | null;
  status_date: string | null;
  /** JSON: working weekdays, 0 = Sunday … 6 = Saturday. */
  working_weekdays: string;
  /** JSON: non-working dates (YYYY-MM-DD). */
  holidays: string;
}

export interface ScheduleTasksTable extends Versioned {
  project_id: string;
  /** Outline parent (a summary task of the same project); a loose reference checked by the API. */
  parent_id: string | null;
  position: number;
  name: string;
  /** Working days. */
  duration: number;
  estimate_min: number | null;
  estimate_most_likely: number | null;
  estimate_max: number | null;
  /** JSON boolean. */
  milestone: string;
  constraint_type: string;
  constraint_date: string | null;
  percent_complete: number;
  actual_start: string | null;
  actual_finish: string | null;
}

export interface ScheduleLinksTable {
  id: string;
  organisation_id: string;
  project_id: string;
  predecessor_id: string;
  successor_id: string;
  link_type: string;
  /** Working days; negative is a lead. */
  lag: number;
}

export interface ScheduleResourcesTable extends Versioned {
  project_id: string;
  name: string;
  /** Units available in every working day. */
  capacity: number;
  person_id: string | null;
  /** JSON list of YYYY-MM-DD the resource does not work (migration 0014). */
  non_working_dates: string | null;
}

export interface ScheduleAssignmentsTable {
  id: string;
  organisation_id: string;
  project_id: string;
  task_id: string;
  resource_id: string;
  /** Units of the resource the task uses on each of its working days. */
  units: number;
}

export interface ScheduleBaselinesTable extends Versioned {
  project_id: string;
  name: string;
  start_date: string;
  finish_date: string;
  /** JSON: the task dates at the time the baseline was saved (BaselineTask[]). */
  tasks: string;
}

export interface PlaybookSettingsTable extends Versioned {
  /** JSON: the configurable probability × impact matrix (core/playbook/risk.ts). */
  risk_matrix: string;
  raci_share_threshold: number;
  raci_min_activities: number;
}

export interface MethodologyTemplatesTable extends Versioned {
  portfolio_id: string | null;
  name: string;
  methodology: string;
  description: string | null;
  is_default: number;
  cloned_from_id: string | null;
  /** JSON: phases, gates, roles and document templates. */
  content: string;
}

export interface MethodologyTemplateVersionsTable {
  id: string;
  organisation_id: string;
  template_id: string | null;
  template_version: number;
  name: string;
  methodology: string;
  content: string;
  created_at: string;
}

export interface ProjectMethodologiesTable extends Versioned {
  project_id: string;
  template_id: string;
  template_version_id: string;
  template_version: number;
  current_phase: string | null;
  /** JSON array of `<gateKey>.<itemKey>`. */
  checked_items: string;
  adopted_by: string;
}

export interface GateReviewsTable {
  id: string;
  organisation_id: string;
  project_id: string;
  template_version_id: string;
  gate_key: string;
  gate_name: string;
  outcome: string;
  rationale: string;
  conditions: string;
  approver_user_id: string;
  approver_label: string;
  approver_roles: string;
  decided_on: string;
  readiness: string;
  created_at: string;
}

export interface ProjectDocumentsTable extends Versioned {
  project_id: string;
  document_key: string;
  title: string;
  fields: string;
  status: string;
}

export interface RisksTable extends Versioned {
  project_id: string;
  title: string;
  description: string | null;
  category: string | null;
  owner_id: string | null;
  probability: number;
  impact: number;
  score: number;
  residual_probability: number | null;
  residual_impact: number | null;
  residual_score: number | null;
  response_strategy: string | null;
  mitigations: string;
  cost_impact: number | null;
  status: string;
  raised_on: string;
  last_reviewed_on: string;
  next_review_on: string | null;
  score_history: string;
}

export interface AssumptionsTable extends Versioned {
  project_id: string;
  title: string;
  description: string | null;
  owner_id: string | null;
  status: string;
  validate_by: string | null;
  notes: string | null;
}

export interface ProjectIssuesTable extends Versioned {
  project_id: string;
  title: string;
  description: string | null;
  severity: string;
  status: string;
  owner_id: string | null;
  raised_on: string;
  due_date: string | null;
  escalation_path: string;
  escalation_level: number;
  resolution: string | null;
}

export interface DecisionsTable extends Versioned {
  project_id: string;
  title: string;
  description: string | null;
  status: string;
  decided_on: string | null;
  decided_by_id: string | null;
  rationale: string | null;
  alternatives: string | null;
}

export interface RaciMatricesTable extends Versioned {
  project_id: string;
  name: string;
  activities: string;
}

export interface StatusReportsTable extends Versioned {
  project_id: string;
  period_end: string;
  state: string;
  schedule_rag: string | null;
  cost_rag: string | null;
  scope_rag: string | null;
  risk_rag: string | null;
  overall_rag: string | null;
  summary: string | null;
  comments: string;
  signals: string | null;
  actual_cost: number | null;
  published_at: string | null;
  published_by: string | null;
}

export interface PmoSetupStepsTable extends Versioned {
  key: string;
  step: string;
  title: string;
  description: string | null;
  position: number;
  done: number;
  done_on: string | null;
  done_by: string | null;
  owner_id: string | null;
  due_date: string | null;
  notes: string | null;
}

// Portfolio optimisation (server/features/optimisation, migration 0009).
export interface OptimisationScenariosTable extends Versioned {
  portfolio_id: string;
  name: string;
  description: string | null;
  /** npv, wsjf or score: which of each candidate's values the optimiser maximises. */
  value_source: string;
  /** First day of the first quarter of the planning horizon (YYYY-MM-DD). */
  horizon_start: string;
  periods: number;
  /** JSON: ScenarioCandidate[] (core/portfolio/scenario.ts). */
  candidates: string;
  /** JSON: ScenarioConstraints. */
  constraints: string;
  created_by: string | null;
  adopted_at: string | null;
  adopted_by: string | null;
  adopted_run_id: string | null;
  adoption_rationale: string | null;
}

export interface OptimisationRunsTable {
  id: string;
  organisation_id: string;
  scenario_id: string;
  /** running, done, failed or cancelled. */
  status: string;
  time_limit_ms: number;
  /** JSON: the latest progress (phase, incumbent, bound, gap). */
  progress: string;
  /** JSON: the result once done. */
  result: string | null;
  error: string | null;
  created_by: string | null;
  started_at: string;
  finished_at: string | null;
}

/** A proposal for a new project, filled in on its playbook's intake form, then triaged. */
export interface ProjectProposalsTable extends Versioned {
  portfolio_id: string;
  template_id: string;
  title: string;
  /** JSON: the intake form's answers by field key. */
  fields: string;
  /** submitted, accepted, rejected or deferred. */
  state: string;
  submitted_by: string;
  triage_rationale: string | null;
  triaged_by: string | null;
  triaged_at: string | null;
  project_id: string | null;
}

/** A recorded decision to move a running project to another version of its template. */
export interface ProjectTemplateMovesTable {
  id: string;
  organisation_id: string;
  project_id: string;
  from_version: number;
  to_version: number;
  to_version_id: string;
  /** JSON: the computed TemplateChanges. */
  changes: string;
  rationale: string;
  decided_by: string;
  decided_at: string;
}
