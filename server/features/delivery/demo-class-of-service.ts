import type { Store } from '../../store/database';

// Classes of service (David J. Anderson, "Kanban", ch. 11): expedite, fixed date, standard and
// intangible. The demo gives some of every team's stories, tasks and bugs a class in
// `custom_fields.classOfService`, so the board's class-of-service swimlanes have something to show.
// The class comes from a hash of the item's id, not from the seeding rng, so the rest of the demo
// stays exactly as it was.

export const CLASSES_OF_SERVICE = ['expedite', 'fixed_date', 'standard', 'intangible'] as const;
export type ClassOfService = (typeof CLASSES_OF_SERVICE)[number];

/** FNV-1a of the id, scaled to [0, 1). */
function unitHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Bugs are expedited more often; about seven in ten items stay standard. */
export function demoClassOfService(id: string, type: string): ClassOfService {
  const u = unitHash(id);
  if (u < (type === 'bug' ? 0.15 : 0.04)) return 'expedite';
  if (u < 0.16) return 'fixed_date';
  if (u < 0.28) return 'intangible';
  return 'standard';
}

export async function seedClassesOfService(store: Store, organisationId: string): Promise<void> {
  const rows = await store.db
    .selectFrom('work_items')
    .select(['id', 'type', 'custom_fields'])
    .where('organisation_id', '=', organisationId)
    .where('team_id', 'is not', null)
    .where('type', 'not in', ['epic', 'feature'])
    .execute();
  await store.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const cls = demoClassOfService(row.id, row.type);
      if (cls === 'standard') continue;
      const fields = JSON.parse(row.custom_fields || '{}') as Record<string, unknown>;
      await trx
        .updateTable('work_items')
        .set({ custom_fields: JSON.stringify({ ...fields, classOfService: cls }) })
        .where('id', '=', row.id)
        .execute();
    }
  });
}
