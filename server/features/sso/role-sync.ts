import { randomUUID } from 'node:crypto';
import { type AuditActor, recordAudit } from '../../audit/audit-store';
import type { ScopeType } from '../../auth/permissions';
import type { Trx } from '../../resources/resource-spec';
import { computeMappedRoles, grantKey, type RoleRule, type RoleTarget, scopeKey } from './role-map';

export interface RoleSyncInput {
  organisationId: string;
  user: { id: string; role: string };
  rules: readonly RoleRule[];
  groups: readonly string[];
  actor: AuditActor;
  now: string;
}

/**
 * Brings a user's roles in line with the role map at sign-in. The map manages exactly the roles
 * it can give (each `role on scope` it names, and the organisation admin flag when a rule names
 * org_admin): those are granted while the user is in a matching group and revoked when not. A role
 * the map does not name — granted by hand — is never touched, and wins over a mapped role on the
 * same scope (a user holds one role per scope). Every change is audited. Returns warnings about
 * references that resolved to nothing or to several records, and about mapped roles held back.
 */
export async function syncMappedRoles(trx: Trx, input: RoleSyncInput): Promise<string[]> {
  const warnings: string[] = [];
  const resolve = await referenceResolver(trx, input.organisationId, input.rules, warnings);
  const mapped = computeMappedRoles(input.rules, input.groups, resolve);
  const audit = (action: 'role_granted' | 'role_revoked', field: string, before: unknown, after: unknown) =>
    recordAudit(trx, input.actor, input.now, {
      entityType: 'user',
      entityId: input.user.id,
      action,
      changes: { [field]: { before, after } },
    });

  const held = await trx
    .selectFrom('role_assignments')
    .select(['id', 'role', 'scope_type', 'scope_id'])
    .where('user_id', '=', input.user.id)
    .execute();
  const kept = new Map<string, string>();
  for (const grant of held) {
    const g = { role: grant.role, scopeType: grant.scope_type, scopeId: grant.scope_id };
    const stillWanted = mapped.wanted.get(scopeKey(g))?.role === g.role;
    if (mapped.managed.has(grantKey(g)) && !stillWanted) {
      await trx.deleteFrom('role_assignments').where('id', '=', grant.id).execute();
      await audit('role_revoked', scopeKey(g), g.role, null);
    } else {
      kept.set(scopeKey(g), g.role);
    }
  }
  for (const [scope, target] of mapped.wanted) {
    const current = kept.get(scope);
    if (current === target.role) continue;
    if (current !== undefined) {
      warnings.push(
        `keeps the role ${current} granted by hand on ${scope} instead of the mapped ${target.role}`,
      );
      continue;
    }
    await trx
      .insertInto('role_assignments')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        user_id: input.user.id,
        scope_type: target.scopeType,
        scope_id: target.scopeId,
        role: target.role,
        created_at: input.now,
      })
      .execute();
    await audit('role_granted', scope, null, target.role);
  }

  const isAdmin = input.user.role === 'org_admin';
  if (mapped.orgAdmin !== undefined && mapped.orgAdmin !== isAdmin) {
    await trx
      .updateTable('users')
      .set((eb) => ({
        role: mapped.orgAdmin ? 'org_admin' : 'member',
        version: eb('version', '+', 1),
        updated_at: input.now,
      }))
      .where('id', '=', input.user.id)
      .execute();
    await audit(mapped.orgAdmin ? 'role_granted' : 'role_revoked', 'orgAdmin', isAdmin, mapped.orgAdmin);
  }
  return warnings;
}

type ScopedTarget = Extract<RoleTarget, { kind: 'scoped' }>;

/**
 * Finds the record a reference names: a project by key first, then any scope by its name
 * (ignoring case) or its id. A reference matching nothing or several records maps nothing.
 */
async function referenceResolver(
  trx: Trx,
  organisationId: string,
  rules: readonly RoleRule[],
  warnings: string[],
): Promise<(target: ScopedTarget) => string | undefined> {
  const wantedTypes = new Set(
    rules.flatMap((r) => r.targets.flatMap((t) => (t.kind === 'scoped' ? [t.scopeType] : []))),
  );
  const records: Record<ScopeType, { id: string; name: string; key?: string }[]> = {
    portfolio: wantedTypes.has('portfolio')
      ? await trx
          .selectFrom('portfolios')
          .select(['id', 'name'])
          .where('organisation_id', '=', organisationId)
          .execute()
      : [],
    project: wantedTypes.has('project')
      ? await trx
          .selectFrom('projects')
          .select(['id', 'name', 'key'])
          .where('organisation_id', '=', organisationId)
          .execute()
      : [],
    team: wantedTypes.has('team')
      ? await trx
          .selectFrom('teams')
          .select(['id', 'name'])
          .where('organisation_id', '=', organisationId)
          .execute()
      : [],
  };
  const cache = new Map<string, string | undefined>();
  return (target) => {
    const cacheKey = `${target.scopeType}:${target.reference}`;
    if (cache.has(cacheKey)) return cache.get(cacheKey);
    const ref = target.reference.toLowerCase();
    const rows = records[target.scopeType];
    const byKey = rows.filter((r) => r.key !== undefined && r.key.toLowerCase() === ref);
    const matches =
      byKey.length > 0
        ? byKey
        : rows.filter((r) => r.id === target.reference || r.name.toLowerCase() === ref);
    const id = matches.length === 1 ? matches[0]?.id : undefined;
    if (matches.length === 0) warnings.push(`role map: no ${target.scopeType} named "${target.reference}"`);
    if (matches.length > 1)
      warnings.push(`role map: ${matches.length} ${target.scopeType}s are named "${target.reference}"`);
    cache.set(cacheKey, id);
    return id;
  };
}
