import type { CreateTableBuilder, Kysely } from 'kysely';

// Types chosen to mean the same on SQLite and PostgreSQL: text ids and ISO timestamps,
// integer counters, double precision for money and estimates (PostgreSQL `real` is 4 bytes).
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
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('people')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('title', 'text')
    .addColumn('location', 'text')
    .addColumn('fte', 'double precision', (c) => c.notNull().defaultTo(1))
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('users')
    .$call(org)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('api_tokens')
    .$call(org)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person_skills')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('proficiency', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_skills_pk', ['person_id', 'skill'])
    .execute();
  await db.schema
    .createIndex('person_skills_by_skill')
    .on('person_skills')
    .columns(['organisation_id', 'skill'])
    .execute();

  await db.schema
    .createTable('teams')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('allocation', 'double precision', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('portfolios')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('programs')
    .$call(org)
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('portfolios.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('projects')
    .$call(org)
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('portfolios.id'))
    .addColumn('program_id', 'text', (c) => c.references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('lifecycle_state', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('health', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('budget', 'double precision')
    .addColumn('next_item_number', 'integer', (c) => c.notNull().defaultTo(1))
    .$call(versioned)
    .addUniqueConstraint('projects_key_unique', ['organisation_id', 'key'])
    .execute();

  await db.schema
    .createTable('work_items')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('parent_id', 'text', (c) => c.references('work_items.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_category', 'text', (c) => c.notNull())
    .addColumn('estimate', 'double precision')
    .addColumn('estimate_unit', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('people.id'))
    .addColumn('rank', 'double precision')
    .addColumn('started_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source', 'text')
    .addColumn('source_key', 'text')
    .$call(versioned)
    .addUniqueConstraint('work_items_key_unique', ['organisation_id', 'key'])
    .execute();
  // The list screens filter by project or team and page by creation; flow metrics scan by done_at.
  await db.schema
    .createIndex('work_items_by_project')
    .on('work_items')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('work_items_by_org')
    .on('work_items')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('work_items_by_team_done')
    .on('work_items')
    .columns(['team_id', 'done_at'])
    .execute();
  await db.schema.createIndex('work_items_by_parent').on('work_items').column('parent_id').execute();
  await db.schema.createIndex('work_items_by_assignee').on('work_items').column('assignee_id').execute();
  await db.schema
    .createIndex('work_items_by_source')
    .on('work_items')
    .columns(['organisation_id', 'source', 'source_key'])
    .execute();

  await db.schema
    .createTable('work_item_status_changes')
    .$call(org)
    .addColumn('work_item_id', 'text', (c) => c.notNull().references('work_items.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('from_category', 'text')
    .addColumn('to_category', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .execute();
  await db.schema
    .createIndex('status_changes_by_item')
    .on('work_item_status_changes')
    .columns(['work_item_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('milestones')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .$call(versioned)
    .execute();
  await db.schema
    .createIndex('milestones_by_project')
    .on('milestones')
    .columns(['project_id', 'due_date'])
    .execute();

  await db.schema
    .createTable('dependencies')
    .$call(org)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('predecessor_id', 'text', (c) => c.notNull())
    .addColumn('successor_id', 'text', (c) => c.notNull())
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('lag_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .$call(versioned)
    .addUniqueConstraint('dependencies_unique', ['kind', 'predecessor_id', 'successor_id'])
    .execute();

  await db.schema
    .createTable('goals')
    .$call(org)
    .addColumn('parent_id', 'text', (c) => c.references('goals.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('portfolio_id', 'text', (c) => c.references('portfolios.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('tags')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text')
    .$call(versioned)
    .addUniqueConstraint('tags_name_unique', ['organisation_id', 'name'])
    .execute();

  await db.schema
    .createTable('taggings')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('taggings_pk', ['tag_id', 'entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .$call(org)
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_by_entity')
    .on('audit_events')
    .columns(['organisation_id', 'entity_type', 'entity_id', 'at'])
    .execute();
}
