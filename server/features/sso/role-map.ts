import { SCOPE_TYPES, SCOPED_ROLES, type ScopedRole, type ScopeType } from '../../auth/permissions';

/**
 * TRIAD_OIDC_ROLE_MAP: which identity-provider groups give which Triad roles. Each rule names a
 * group and one or more targets; a target is `org_admin` or `ROLE@SCOPE:REFERENCE`, where the
 * reference is the name of a portfolio or team, or the key (or name) of a project. Two spellings
 * of the same rules are accepted, and docs/sso.md describes both:
 *
 *   compact  triad-admins=org_admin; pmo=pmo_lead@portfolio:Digital, project_manager@project:PAY
 *   JSON     {"triad-admins": "org_admin", "pmo": ["pmo_lead@portfolio:Digital", "project_manager@project:PAY"]}
 */
export type RoleTarget =
  | { kind: 'org_admin' }
  | { kind: 'scoped'; role: ScopedRole; scopeType: ScopeType; reference: string };

export interface RoleRule {
  group: string;
  targets: RoleTarget[];
}

export class RoleMapError extends Error {}

const VARIABLE = 'TRIAD_OIDC_ROLE_MAP';

/** Parses and validates the role map; an empty or absent value maps nothing. */
export function parseRoleMap(raw: string | undefined): RoleRule[] {
  const text = (raw ?? '').trim();
  if (text === '') return [];
  return text.startsWith('{') ? parseJson(text) : parseCompact(text);
}

function parseJson(text: string): RoleRule[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RoleMapError(`${VARIABLE} starts with "{" but is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RoleMapError(`${VARIABLE} must be a JSON object of group → target or [targets]`);
  return Object.entries(value).map(([group, targets]) => {
    const where = `group "${group}"`;
    if (group.trim() === '') throw new RoleMapError(`${VARIABLE}: a group name is empty`);
    const list = typeof targets === 'string' ? [targets] : targets;
    if (!Array.isArray(list) || list.length === 0 || list.some((t) => typeof t !== 'string'))
      throw new RoleMapError(`${VARIABLE} ${where}: expected a target string or a non-empty array of them`);
    return { group, targets: (list as string[]).map((t) => parseTarget(t, where)) };
  });
}

function parseCompact(text: string): RoleRule[] {
  return text
    .split(/[;\n]/)
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '')
    .map((rule, index) => {
      const where = `rule ${index + 1} ("${rule}")`;
      const equals = rule.indexOf('=');
      if (equals < 0) throw new RoleMapError(`${VARIABLE} ${where}: expected GROUP=TARGET[, TARGET…]`);
      const group = rule.slice(0, equals).trim();
      if (group === '') throw new RoleMapError(`${VARIABLE} ${where}: the group name is empty`);
      const targets = rule
        .slice(equals + 1)
        .split(',')
        .map((t) => t.trim());
      return { group, targets: targets.map((t) => parseTarget(t, where)) };
    });
}

function parseTarget(raw: string, where: string): RoleTarget {
  const text = raw.trim();
  if (text === 'org_admin') return { kind: 'org_admin' };
  const match = /^([a-z_]+)@([a-z]+):(.+)$/.exec(text);
  if (!match)
    throw new RoleMapError(
      `${VARIABLE} ${where}: target "${text}" is neither org_admin nor ROLE@SCOPE:REFERENCE (e.g. pmo_lead@portfolio:Digital)`,
    );
  const [, role = '', scopeType = '', reference = ''] = match;
  if (!(SCOPED_ROLES as readonly string[]).includes(role))
    throw new RoleMapError(
      `${VARIABLE} ${where}: unknown role "${role}"; expected org_admin or one of ${SCOPED_ROLES.join(', ')}`,
    );
  if (!(SCOPE_TYPES as readonly string[]).includes(scopeType))
    throw new RoleMapError(
      `${VARIABLE} ${where}: unknown scope "${scopeType}"; expected one of ${SCOPE_TYPES.join(', ')}`,
    );
  return {
    kind: 'scoped',
    role: role as ScopedRole,
    scopeType: scopeType as ScopeType,
    reference: reference.trim(),
  };
}

/** A scoped target whose reference was found in the organisation. */
export interface ResolvedTarget {
  role: ScopedRole;
  scopeType: ScopeType;
  scopeId: string;
}

export interface MappedRoles {
  /** undefined when no rule mentions org_admin: the organisation role is then left as it is. */
  orgAdmin: boolean | undefined;
  /** The one role wanted per scope (`type:id` → target), first matching rule first. */
  wanted: Map<string, ResolvedTarget>;
  /** Every `type:id:role` the map can give: these, and only these, sign-in may also take away. */
  managed: Set<string>;
}

export const scopeKey = (t: { scopeType: string; scopeId: string }) => `${t.scopeType}:${t.scopeId}`;
export const grantKey = (t: { scopeType: string; scopeId: string; role: string }) =>
  `${scopeKey(t)}:${t.role}`;

/**
 * The roles a member of `groups` should hold under the rules, given how references resolved.
 * A user holds one role per scope, so when several matching rules give roles on the same scope
 * the first in the map wins. `resolve` returns undefined for a reference that matches nothing.
 *
 * @example computeMappedRoles(rules, ['pmo'], (t) => ids.get(t.reference))
 */
export function computeMappedRoles(
  rules: readonly RoleRule[],
  groups: readonly string[],
  resolve: (target: Extract<RoleTarget, { kind: 'scoped' }>) => string | undefined,
): MappedRoles {
  const member = new Set(groups);
  let orgAdmin: boolean | undefined;
  const wanted = new Map<string, ResolvedTarget>();
  const managed = new Set<string>();
  for (const rule of rules) {
    const applies = member.has(rule.group);
    for (const target of rule.targets) {
      if (target.kind === 'org_admin') {
        orgAdmin = (orgAdmin ?? false) || applies;
        continue;
      }
      const scopeId = resolve(target);
      if (scopeId === undefined) continue;
      const resolved = { role: target.role, scopeType: target.scopeType, scopeId };
      managed.add(grantKey(resolved));
      if (applies && !wanted.has(scopeKey(resolved))) wanted.set(scopeKey(resolved), resolved);
    }
  }
  return { orgAdmin, wanted, managed };
}

/** The groups in a claim set; `path` may be dotted (`resource_access.triad.roles`). */
export function readGroups(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims[path];
  if (value === undefined && path.includes('.')) {
    value = path
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
        claims,
      );
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return [];
}
