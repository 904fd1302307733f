/**
 * The permission matrix: the one place that says which role may do what. docs/security.md
 * reproduces it, and the route-by-role test reads it to know the expected answer of every route.
 *
 * Organisation admins may do everything in their organisation. Every other right comes from a
 * role held on a scope (a portfolio, a project or a team) and reaches the records inside it.
 */
export const SCOPED_ROLES = [
  'pmo_lead',
  'vmo_lead',
  'agile_coach',
  'project_manager',
  'product_owner',
  'team_member',
  'stakeholder',
  'executive_viewer',
] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];

export const SCOPE_TYPES = ['portfolio', 'project', 'team'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Areas of the data model; a permission is an area and an action. */
export const AREAS = ['portfolio', 'delivery', 'value'] as const;
export type Area = (typeof AREAS)[number];
export type Action = 'read' | 'write';

export type Permission = `${Area}.${Action}`;

const R = (...areas: Area[]) => areas.map((a) => `${a}.read` as Permission);
const W = (...areas: Area[]) => areas.map((a) => `${a}.write` as Permission);

/** What each role may do inside the scope it holds. */
export const ROLE_PERMISSIONS: Record<ScopedRole, readonly Permission[]> = {
  pmo_lead: [...R('portfolio', 'delivery', 'value'), ...W('portfolio', 'delivery')],
  vmo_lead: [...R('portfolio', 'delivery', 'value'), ...W('value')],
  agile_coach: [...R('portfolio', 'delivery', 'value'), ...W('delivery')],
  project_manager: [...R('portfolio', 'delivery', 'value'), ...W('portfolio', 'delivery')],
  product_owner: [...R('portfolio', 'delivery', 'value'), ...W('delivery', 'value')],
  team_member: [...R('portfolio', 'delivery', 'value'), ...W('delivery')],
  stakeholder: R('portfolio', 'delivery', 'value'),
  executive_viewer: R('portfolio', 'delivery', 'value'),
};

export function roleAllows(role: string, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role as ScopedRole] ?? []).includes(permission);
}

/**
 * Organisation-wide rights that no scope grants: the directory (people, teams, tags) is readable
 * by every member, and changed only by organisation admins or a PMO lead.
 */
export const DIRECTORY_WRITERS: readonly ScopedRole[] = ['pmo_lead'];
