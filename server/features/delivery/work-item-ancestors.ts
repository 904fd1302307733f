import type { Trx } from '../../resources/resource-spec';

// The features and epics above work items, for the board's epic swimlanes and the backlog tree.

export interface ParentRow {
  id: string;
  key: string;
  title: string;
  type: string;
  parent_id: string | null;
}

/** Parents and grandparents of the given parent ids (features and epics), two levels up. */
export async function loadAncestors(
  trx: Trx,
  ids: readonly (string | null)[],
): Promise<Map<string, ParentRow>> {
  const found = new Map<string, ParentRow>();
  let wanted = [...new Set(ids.filter((p): p is string => p !== null))];
  for (let depth = 0; depth < 2 && wanted.length > 0; depth++) {
    const next: string[] = [];
    for (let i = 0; i < wanted.length; i += 500) {
      const got = await trx
        .selectFrom('work_items')
        .select(['id', 'key', 'title', 'type', 'parent_id'])
        .where('id', 'in', wanted.slice(i, i + 500))
        .execute();
      for (const g of got) {
        found.set(g.id, g);
        if (g.type !== 'epic' && g.parent_id && !found.has(g.parent_id)) next.push(g.parent_id);
      }
    }
    wanted = [...new Set(next)];
  }
  return found;
}
