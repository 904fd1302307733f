import type { CreateTableBuilder, Kysely } from 'kysely';

// The PMO playbook (docs/playbook.md): settings, methodology templates and their immutable version
// snapshots, each project's adopted template version, gate reviews, project documents, the RAID
// log (risks, assumptions, issues, decisions), RACI matrices, status reports and the PMO setup plan.
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

const ofProject = (t: Table) =>
  t.addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('playbook_settings')
    .$call(org)
    .addColumn('risk_matrix', 'text', (c) => c.notNull())
    .addColumn('raci_share_threshold', 'double precision', (c) => c.notNull())
    .addColumn('raci_min_activities', 'integer', (c) => c.notNull())
    .$call(versioned)
    .addUniqueConstraint('playbook_settings_org', ['organisation_id'])
    .execute();

  await db.schema
    .createTable('methodology_templates')
    .$call(org)
    .addColumn('portfolio_id', 'text', (c) => c.references('portfolios.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('methodology', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    // Loose: the source may be deleted later; the clone stands on its own.
    .addColumn('cloned_from_id', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();

  // Every saved state of a template, immutable; projects run on one of these.
  await db.schema
    .createTable('methodology_template_versions')
    .$call(org)
    .addColumn('template_id', 'text', (c) => c.references('methodology_templates.id').onDelete('set null'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('methodology', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('methodology_template_versions_unique', ['template_id', 'template_version'])
    .execute();

  await db.schema
    .createTable('project_methodologies')
    .$call(org)
    .$call(ofProject)
    // The template id is kept beside the version row so a delete of a template in use can be
    // refused with a count (a foreign key would refuse it without saying why).
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version_id', 'text', (c) =>
      c.notNull().references('methodology_template_versions.id'),
    )
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('current_phase', 'text')
    .addColumn('checked_items', 'text', (c) => c.notNull())
    .addColumn('adopted_by', 'text', (c) => c.notNull())
    .$call(versioned)
    .addUniqueConstraint('project_methodologies_project', ['project_id'])
    .execute();
  await db.schema
    .createIndex('project_methodologies_by_template')
    .on('project_methodologies')
    .column('template_id')
    .execute();

  await db.schema
    .createTable('gate_reviews')
    .$call(org)
    .$call(ofProject)
    .addColumn('template_version_id', 'text', (c) =>
      c.notNull().references('methodology_template_versions.id'),
    )
    .addColumn('gate_key', 'text', (c) => c.notNull())
    .addColumn('gate_name', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('approver_user_id', 'text', (c) => c.notNull())
    .addColumn('approver_label', 'text', (c) => c.notNull())
    .addColumn('approver_roles', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('readiness', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gate_reviews_by_project')
    .on('gate_reviews')
    .columns(['project_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('project_documents')
    .$call(org)
    .$call(ofProject)
    .addColumn('document_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('risks')
    .$call(org)
    .$call(ofProject)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('category', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('residual_probability', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('residual_score', 'integer')
    .addColumn('response_strategy', 'text')
    .addColumn('mitigations', 'text', (c) => c.notNull())
    .addColumn('cost_impact', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_on', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('score_history', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('assumptions')
    .$call(org)
    .$call(ofProject)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('validate_by', 'text')
    .addColumn('notes', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('project_issues')
    .$call(org)
    .$call(ofProject)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('escalation_path', 'text', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('decisions')
    .$call(org)
    .$call(ofProject)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('decided_by_id', 'text', (c) => c.references('people.id'))
    .addColumn('rationale', 'text')
    .addColumn('alternatives', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('raci_matrices')
    .$call(org)
    .$call(ofProject)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('status_reports')
    .$call(org)
    .$call(ofProject)
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('schedule_rag', 'text')
    .addColumn('cost_rag', 'text')
    .addColumn('scope_rag', 'text')
    .addColumn('risk_rag', 'text')
    .addColumn('overall_rag', 'text')
    .addColumn('summary', 'text')
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('signals', 'text')
    .addColumn('actual_cost', 'double precision')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .$call(versioned)
    .execute();

  for (const table of [
    'risks',
    'assumptions',
    'project_issues',
    'decisions',
    'project_documents',
    'status_reports',
    'raci_matrices',
  ]) {
    await db.schema.createIndex(`${table}_by_project`).on(table).column('project_id').execute();
  }

  await db.schema
    .createTable('pmo_setup_steps')
    .$call(org)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('due_date', 'text')
    .addColumn('notes', 'text')
    .$call(versioned)
    .addUniqueConstraint('pmo_setup_steps_key', ['organisation_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'pmo_setup_steps',
    'status_reports',
    'raci_matrices',
    'decisions',
    'project_issues',
    'assumptions',
    'risks',
    'project_documents',
    'gate_reviews',
    'project_methodologies',
    'methodology_template_versions',
    'methodology_templates',
    'playbook_settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
