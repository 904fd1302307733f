import type { CreateTableBuilder, Kysely } from 'kysely';

// Scheduling (docs/scheduling-api.md): per project a schedule calendar, tasks with durations in
// working days, three-point estimates, constraints and progress, PDM links between them,
// resources with a capacity and the tasks' demands on them, and named baselines. The outline
// parent of a task is a loose reference (checked by the API) so a restore may insert the rows in
// any order; everything else is a foreign key.
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

const project = (t: Table) =>
  t.addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_schedules')
    .$call(org)
    .$call(project)
    .addColumn('start_date', 'text')
    .addColumn('status_date', 'text')
    .addColumn('working_weekdays', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .$call(versioned)
    .addUniqueConstraint('project_schedules_one_per_project', ['project_id'])
    .execute();

  await db.schema
    .createTable('schedule_tasks')
    .$call(org)
    .$call(project)
    .addColumn('parent_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('estimate_min', 'double precision')
    .addColumn('estimate_most_likely', 'double precision')
    .addColumn('estimate_max', 'double precision')
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('constraint_type', 'text', (c) => c.notNull())
    .addColumn('constraint_date', 'text')
    .addColumn('percent_complete', 'double precision', (c) => c.notNull())
    .addColumn('actual_start', 'text')
    .addColumn('actual_finish', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('schedule_tasks_by_project')
    .on('schedule_tasks')
    .columns(['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('schedule_links')
    .$call(org)
    .$call(project)
    .addColumn('predecessor_id', 'text', (c) =>
      c.notNull().references('schedule_tasks.id').onDelete('cascade'),
    )
    .addColumn('successor_id', 'text', (c) => c.notNull().references('schedule_tasks.id').onDelete('cascade'))
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('lag', 'integer', (c) => c.notNull())
    .addUniqueConstraint('schedule_links_once', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema
    .createIndex('schedule_links_by_project')
    .on('schedule_links')
    .column('project_id')
    .execute();
  await db.schema
    .createIndex('schedule_links_by_successor')
    .on('schedule_links')
    .column('successor_id')
    .execute();

  await db.schema
    .createTable('schedule_resources')
    .$call(org)
    .$call(project)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('schedule_resources_by_project')
    .on('schedule_resources')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('schedule_assignments')
    .$call(org)
    .$call(project)
    .addColumn('task_id', 'text', (c) => c.notNull().references('schedule_tasks.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('schedule_resources.id'))
    .addColumn('units', 'integer', (c) => c.notNull())
    .addUniqueConstraint('schedule_assignments_once', ['task_id', 'resource_id'])
    .execute();
  await db.schema
    .createIndex('schedule_assignments_by_project')
    .on('schedule_assignments')
    .column('project_id')
    .execute();
  await db.schema
    .createIndex('schedule_assignments_by_resource')
    .on('schedule_assignments')
    .column('resource_id')
    .execute();

  await db.schema
    .createTable('schedule_baselines')
    .$call(org)
    .$call(project)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('finish_date', 'text', (c) => c.notNull())
    .addColumn('tasks', 'text', (c) => c.notNull())
    .$call(versioned)
    .addUniqueConstraint('schedule_baselines_name', ['project_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'schedule_baselines',
    'schedule_assignments',
    'schedule_resources',
    'schedule_links',
    'schedule_tasks',
    'project_schedules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
