import type { CreateTableBuilder, Kysely } from 'kysely';

// Value management (docs/value.md): key results and check-ins on goals, alignment of work to
// goals, value streams, KPIs and their measurements, business cases, benefits, scoring models and
// the prioritisation inputs of work items. JSON is stored as text; money and measures as double.
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
    .createTable('value_streams')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('portfolio_id', 'text', (c) => c.references('portfolios.id'))
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('value_stream_members')
    .$call(org)
    .addColumn('value_stream_id', 'text', (c) =>
      c.notNull().references('value_streams.id').onDelete('cascade'),
    )
    .addColumn('member_type', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('value_stream_members_unique', ['value_stream_id', 'member_type', 'member_id'])
    .execute();

  await db.schema
    .createTable('kpis')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('metric_type', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('value_stream_id', 'text', (c) => c.references('value_streams.id'))
    .addColumn('portfolio_id', 'text', (c) => c.references('portfolios.id'))
    .addColumn('target', 'double precision')
    .addColumn('threshold', 'double precision')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('kpi_measurements')
    .$call(org)
    .addColumn('kpi_id', 'text', (c) => c.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kpi_measurements_day', ['kpi_id', 'measured_on'])
    .execute();

  await db.schema
    .createTable('key_results')
    .$call(org)
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('kpi_id', 'text', (c) => c.references('kpis.id'))
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('due_date', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('key_result_check_ins')
    .$call(org)
    .addColumn('key_result_id', 'text', (c) => c.notNull().references('key_results.id').onDelete('cascade'))
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('key_result_check_ins_by_kr')
    .on('key_result_check_ins')
    .columns(['key_result_id', 'checked_on'])
    .execute();

  await db.schema
    .createTable('goal_alignments')
    .$call(org)
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('work_item_id', 'text', (c) => c.references('work_items.id').onDelete('cascade'))
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('business_cases')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addColumn('period_unit', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('pessimistic', 'text', (c) => c.notNull())
    .addColumn('optimistic', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'double precision', (c) => c.notNull())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('benefits')
    .$call(org)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kpi_id', 'text', (c) => c.references('kpis.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('financial_value', 'double precision')
    .addColumn('trajectory', 'text', (c) => c.notNull())
    .addColumn('actuals', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text')
    .addColumn('review_outcome', 'text')
    .addColumn('review_notes', 'text')
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('scoring_models')
    .$call(org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('portfolio_id', 'text', (c) => c.references('portfolios.id'))
    .addColumn('criteria', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();

  await db.schema
    .createTable('work_item_scores')
    .$call(org)
    .addColumn('work_item_id', 'text', (c) =>
      c.notNull().unique().references('work_items.id').onDelete('cascade'),
    )
    .addColumn('user_business_value', 'double precision')
    .addColumn('time_criticality', 'double precision')
    .addColumn('risk_reduction', 'double precision')
    .addColumn('job_size', 'double precision')
    .addColumn('reach', 'double precision')
    .addColumn('impact', 'double precision')
    .addColumn('confidence_percent', 'double precision')
    .addColumn('effort', 'double precision')
    .addColumn('cost_of_delay_per_week', 'double precision')
    .addColumn('duration_weeks', 'double precision')
    .addColumn('model_scores', 'text', (c) => c.notNull())
    .$call(versioned)
    .execute();
}
