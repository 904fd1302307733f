import type { CreateTableBuilder, Kysely } from 'kysely';

// Resources and money (docs/resources.md): employment calendars with holidays, leave, resource
// requests and named bookings, cost rates, budgets with versions and approval, cost and time
// entries, and progress reports for earned value. JSON as text; money and hours as double.
type Table = CreateTableBuilder<string, string>;

const org = (t: Table) =>
  t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    );

const versioned = (t: Table) =>
  t
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_calendars')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('working_weekdays', 'text', (c) => c.notNull())
    .addColumn('hours_per_day', 'double precision', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('leave_entries')
    .$call(org)
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('share', 'double precision', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('leave_entries_by_person')
    .on('leave_entries')
    .columns(['person_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('resource_requests')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('min_proficiency', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('resource_requests_by_project')
    .on('resource_requests')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('resource_assignments')
    .$call(org)
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('request_id', 'text', (c) => c.references('resource_requests.id').onDelete('set null'))
    .addColumn('skill', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('booking', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('resource_assignments_by_person')
    .on('resource_assignments')
    .columns(['person_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('resource_assignments_by_project')
    .on('resource_assignments')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('cost_rates')
    .$call(org)
    .addColumn('role', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('hourly_rate', 'double precision', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('budgets')
    .$call(org)
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('portfolios.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('budget_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();
  await db.schema.createIndex('budgets_by_project').on('budgets').column('project_id').execute();

  await db.schema
    .createTable('cost_entries')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('work_item_id', 'text', (c) => c.references('work_items.id').onDelete('set null'))
    .addColumn('incurred_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('cost_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('cost_entries_by_project')
    .on('cost_entries')
    .columns(['project_id', 'incurred_on'])
    .execute();

  await db.schema
    .createTable('time_entries')
    .$call(org)
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('work_item_id', 'text', (c) => c.references('work_items.id').onDelete('set null'))
    .addColumn('worked_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('time_entries_by_project')
    .on('time_entries')
    .columns(['project_id', 'worked_on'])
    .execute();

  await db.schema
    .createTable('progress_reports')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('percent_complete', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('progress_reports_by_project')
    .on('progress_reports')
    .columns(['project_id', 'reported_on'])
    .execute();
}
