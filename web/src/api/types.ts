// Record types taken from the generated OpenAPI types (schema.gen.ts), so a server schema change
// shows up here as a type error rather than at run time.
import type { paths } from './schema.gen';

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type ListResponse<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? JsonOf<R>
  : never;
type ItemOf<P extends keyof paths> = ListResponse<P> extends { items: Array<infer Item> } ? Item : never;
type CreateBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Portfolio = ItemOf<'/api/v1/portfolios'>;
export type Program = ItemOf<'/api/v1/programs'>;
export type Project = ItemOf<'/api/v1/projects'>;
export type WorkItem = ItemOf<'/api/v1/work-items'>;
export type Milestone = ItemOf<'/api/v1/milestones'>;
export type Dependency = ItemOf<'/api/v1/dependencies'>;
export type Team = ItemOf<'/api/v1/teams'>;
export type Person = ItemOf<'/api/v1/people'>;
export type Goal = ItemOf<'/api/v1/goals'>;
export type Tag = ItemOf<'/api/v1/tags'>;
export type AuditEntry = ItemOf<'/api/v1/projects/{id}/audit'>;
export type StatusChange = ItemOf<'/api/v1/work-items/{id}/status-history'>;
export type Organisation = JsonOf<paths['/api/v1/organisation']['get']['responses'][200]>;

export type ProjectInput = CreateBody<'/api/v1/projects'>;
export type WorkItemInput = CreateBody<'/api/v1/work-items'>;

export interface ResourceTypes {
  portfolios: Portfolio;
  programs: Program;
  projects: Project;
  'work-items': WorkItem;
  milestones: Milestone;
  dependencies: Dependency;
  teams: Team;
  people: Person;
  goals: Goal;
  tags: Tag;
}
export type ResourceName = keyof ResourceTypes;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Health = NonNullable<Project['health']>;
export const APPROACHES: Project['approach'][] = ['predictive', 'agile', 'hybrid'];
export const LIFECYCLE_STATES: Project['lifecycleState'][] = [
  'proposed',
  'approved',
  'active',
  'on_hold',
  'completed',
  'cancelled',
];
export const HEALTHS: Health[] = ['green', 'amber', 'red'];
export const WORK_ITEM_TYPES: WorkItem['type'][] = ['epic', 'feature', 'story', 'task', 'bug'];
export const STATUS_CATEGORIES: WorkItem['statusCategory'][] = ['todo', 'in_progress', 'done'];
