import type { Trx } from '../resources/resource-spec';
import type { ScopedRole, ScopeType } from './permissions';
import type { Grant } from './principal';

export async function listGrants(trx: Trx, userId: string): Promise<Grant[]> {
  const rows = await trx
    .selectFrom('role_assignments')
    .select(['role', 'scope_type', 'scope_id'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    role: r.role as ScopedRole,
    scopeType: r.scope_type as ScopeType,
    scopeId: r.scope_id,
  }));
}
