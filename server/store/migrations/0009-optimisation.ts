import type { Kysely } from 'kysely';

// Portfolio optimisation (docs/optimisation.md): named scenarios copied from a live portfolio
// (candidates and constraints as JSON text, edited by the user) and the optimiser runs on them,
// with progress and result as JSON text. Adoption is recorded on the scenario itself.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('optimisation_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('portfolios.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('value_source', 'text', (c) => c.notNull())
    .addColumn('horizon_start', 'text', (c) => c.notNull())
    .addColumn('periods', 'integer', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('constraints', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('adopted_by', 'text')
    .addColumn('adopted_run_id', 'text')
    .addColumn('adoption_rationale', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('optimisation_scenarios_by_portfolio')
    .on('optimisation_scenarios')
    .columns(['organisation_id', 'portfolio_id'])
    .execute();

  await db.schema
    .createTable('optimisation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('scenario_id', 'text', (c) =>
      c.notNull().references('optimisation_scenarios.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('time_limit_ms', 'integer', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('optimisation_runs_by_scenario')
    .on('optimisation_runs')
    .columns(['scenario_id', 'started_at'])
    .execute();
}
