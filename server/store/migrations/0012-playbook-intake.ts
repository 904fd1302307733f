import type { Kysely } from 'kysely';

// PMO intake and template moves (docs/playbook.md): proposals for new projects, filled in on the
// playbook's intake form and triaged (accepted into a project, rejected or deferred), and the
// recorded decisions to move a running project to another version of its template.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('portfolios.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.notNull().references('methodology_templates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('triage_rationale', 'text')
    .addColumn('triaged_by', 'text')
    .addColumn('triaged_at', 'text')
    // Loose: the project may be deleted later; the proposal stays as the record of intake.
    .addColumn('project_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_proposals_by_portfolio')
    .on('project_proposals')
    .columns(['organisation_id', 'portfolio_id', 'state'])
    .execute();

  await db.schema
    .createTable('project_template_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('to_version', 'integer', (c) => c.notNull())
    .addColumn('to_version_id', 'text', (c) => c.notNull().references('methodology_template_versions.id'))
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_template_moves_by_project')
    .on('project_template_moves')
    .column('project_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_template_moves').execute();
  await db.schema.dropTable('project_proposals').execute();
}
