import type { Kysely } from 'kysely';

// Value management, second step (docs/value.md): KPI targets and thresholds that change over
// time (a JSON list of {from, target, threshold} steps on the KPI, so the KPI's own version
// guards it) and a version on key-result check-ins so an edit can be made with If-Match.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('kpis').addColumn('target_history', 'text').execute();
  await db.schema
    .alterTable('key_result_check_ins')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('key_result_check_ins').addColumn('updated_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('key_result_check_ins').dropColumn('updated_at').execute();
  await db.schema.alterTable('key_result_check_ins').dropColumn('version').execute();
  await db.schema.alterTable('kpis').dropColumn('target_history').execute();
}
