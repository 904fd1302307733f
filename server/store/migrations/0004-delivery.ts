import type { CreateTableBuilder, Kysely } from 'kysely';

// Agile delivery (docs/delivery.md): per-team workflows with WIP limits and a service level
// expectation, blocked flags on work items, sprints with their items, retrospectives and their
// action items. Booleans are integers 0/1 and dates YYYY-MM-DD text on both engines.
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
    .createTable('team_workflows')
    .$call(org)
    .addColumn('team_id', 'text', (c) => c.notNull().unique().references('teams.id').onDelete('cascade'))
    .addColumn('sle_days', 'double precision')
    .addColumn('sle_percentile', 'integer')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('workflow_states')
    .$call(org)
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('team_workflows.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wip_soft', 'integer')
    .addColumn('wip_hard', 'integer')
    .addUniqueConstraint('workflow_states_team_name', ['team_id', 'name'])
    .execute();

  await db.schema
    .createTable('work_item_blocks')
    .$call(org)
    .addColumn('work_item_id', 'text', (c) => c.notNull().references('work_items.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('blocked_at', 'text', (c) => c.notNull())
    .addColumn('blocked_by', 'text')
    .addColumn('unblocked_at', 'text')
    .addColumn('unblocked_by', 'text')
    .execute();
  await db.schema
    .createIndex('work_item_blocks_by_item')
    .on('work_item_blocks')
    .columns(['work_item_id', 'blocked_at'])
    .execute();

  await db.schema
    .createTable('sprints')
    .$call(org)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('capacity', 'double precision')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('committed_items', 'integer')
    .addColumn('committed_points', 'double precision')
    .addColumn('completed_items', 'integer')
    .addColumn('completed_points', 'double precision')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .$call(versioned)
    .execute();
  await db.schema.createIndex('sprints_by_team').on('sprints').columns(['team_id', 'start_date']).execute();

  await db.schema
    .createTable('sprint_items')
    .$call(org)
    .addColumn('sprint_id', 'text', (c) => c.notNull().references('sprints.id').onDelete('cascade'))
    .addColumn('work_item_id', 'text', (c) => c.notNull().references('work_items.id').onDelete('cascade'))
    .addColumn('committed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('carried_from_sprint_id', 'text')
    .addUniqueConstraint('sprint_items_unique', ['sprint_id', 'work_item_id'])
    .execute();
  await db.schema.createIndex('sprint_items_by_item').on('sprint_items').column('work_item_id').execute();

  await db.schema
    .createTable('retrospectives')
    .$call(org)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('sprint_id', 'text', (c) => c.references('sprints.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('went_well', 'text')
    .addColumn('to_improve', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('retrospective_actions')
    .$call(org)
    .addColumn('retrospective_id', 'text', (c) => c.references('retrospectives.id').onDelete('set null'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .$call(versioned)
    .execute();
}
