import type { Kysely } from 'kysely';

// Scheduling, second step (docs/scheduling-api.md): a resource's own calendar exceptions — the
// dates it does not work (leave, local holidays) — as a JSON list of YYYY-MM-DD on the resource,
// so resource levelling never plans work for it on those days.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schedule_resources').addColumn('non_working_dates', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schedule_resources').dropColumn('non_working_dates').execute();
}
