import type { Kysely } from 'kysely';

// The work-item list opens sorted by last change (`sort=-updatedAt`). Over the --scale 200
// organisation (1M work items) that sort had no index: SQLite sorted the whole organisation in a
// temporary B-tree for every page (about 5 s), PostgreSQL likewise. With (organisation_id,
// updated_at, id) the page is read in index order and the (updated_at, id) cursor continues it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('work_items_by_org_updated')
    .on('work_items')
    .columns(['organisation_id', 'updated_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('work_items_by_org_updated').execute();
}
