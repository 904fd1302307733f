import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Resource requests by role (docs/resources.md): a request names a role (a person's title, the
// vocabulary cost rates use), a skill, or both, so `skill` may now be empty. PostgreSQL drops the
// NOT NULL in place; SQLite cannot, so it rebuilds the table (sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes"): foreign keys off outside a transaction, so
// dropping the old table does not set resource_assignments.request_id to null, then copy, drop,
// rename and re-index in one transaction.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) {
    await db.schema.alterTable('resource_requests').addColumn('role', 'text').execute();
    await db.schema
      .alterTable('resource_requests')
      .alterColumn('skill', (c) => c.dropNotNull())
      .execute();
    return;
  }
  await rebuildSqlite(db, 'null', 'skill');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) {
    // A role-only request keeps its role as the skill it asks for.
    await sql`update resource_requests set skill = role where skill is null`.execute(db);
    await db.schema
      .alterTable('resource_requests')
      .alterColumn('skill', (c) => c.setNotNull())
      .execute();
    await db.schema.alterTable('resource_requests').dropColumn('role').execute();
    return;
  }
  await rebuildSqlite(db, null, 'coalesce(skill, role)');
}

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * The SQLite rebuild. `role` is the expression copied into the new role column, or null for a
 * table without one (down); `skill` the expression copied into skill.
 */
async function rebuildSqlite(db: Kysely<unknown>, role: string | null, skill: string): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('resource_requests_0018')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) =>
          c.notNull().references('organisations.id').onDelete('cascade'),
        )
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('skill', 'text', (c) => (role === null ? c.notNull() : c))
        .$call((t) => (role === null ? t : t.addColumn('role', 'text')))
        .addColumn('min_proficiency', 'integer', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('amount', 'double precision', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      const common = sql.raw(
        'id, organisation_id, project_id, team_id, min_proficiency, start_date, end_date, amount, unit, status, note, version, created_at, updated_at',
      );
      const extraColumns = sql.raw(role === null ? 'skill' : 'skill, role');
      const extraValues = sql.raw(role === null ? skill : `${skill}, ${role}`);
      await sql`insert into resource_requests_0018 (${common}, ${extraColumns})
        select ${common}, ${extraValues} from resource_requests`.execute(trx);
      await trx.schema.dropTable('resource_requests').execute();
      await trx.schema.alterTable('resource_requests_0018').renameTo('resource_requests').execute();
      await trx.schema
        .createIndex('resource_requests_by_project')
        .on('resource_requests')
        .column('project_id')
        .execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0)
        throw new Error(`0018: the rebuild left ${broken.rows.length} broken foreign keys`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
