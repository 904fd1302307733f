import type { Kysely } from 'kysely';

// Demand from agile teams (docs/resources.md): a team's capacity booked to an initiative or
// project over a span, as a share of the team's capacity, FTE or hours in total, hard or soft.
// The capacity views spread it over the team's members by their allocation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('booking', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('team_bookings_by_team')
    .on('team_bookings')
    .columns(['team_id', 'start_date'])
    .execute();
  await db.schema.createIndex('team_bookings_by_project').on('team_bookings').column('project_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_bookings').execute();
}
