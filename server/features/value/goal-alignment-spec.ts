import { sql } from 'kysely';
import { Type } from 'typebox';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { Id } from '../../resources/vocabulary-schemas';

type Row = Record<string, unknown>;

// The project an alignment's work belongs to: the project itself, or the aligned work item's.
const projectOf = sql<
  string | null
>`coalesce(goal_alignments.project_id, (select w.project_id from work_items w where w.id = goal_alignments.work_item_id))`;

/** Work aligned to a goal: a project or an epic/feature, with the share of it that serves the goal. */
export const goalAlignmentSpec: ResourceSpec = {
  path: 'goal-alignments',
  table: 'goal_alignments',
  entityType: 'goal_alignment',
  title: 'Goal alignment',
  defaultSort: 'createdAt',
  access: {
    area: 'value',
    scopes: {
      portfolio: sql<string | null>`(select p.portfolio_id from projects p where p.id = ${projectOf})`,
      project: projectOf,
    },
  },
  fields: {
    goalId: { column: 'goal_id', schema: Id, create: 'required', references: 'goals', filter: 'eq' },
    projectId: {
      column: 'project_id',
      schema: Id,
      nullable: true,
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    workItemId: {
      column: 'work_item_id',
      schema: Id,
      nullable: true,
      updatable: false,
      references: 'work_items',
      filter: 'eq',
    },
    weight: {
      column: 'weight',
      schema: Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          'Share of the work that serves the goal (weights of one record above 1 in total are normalised)',
      }),
      defaultValue: 1,
    },
    note: { column: 'note', schema: Type.String({ maxLength: 2000 }), nullable: true },
  },
  hooks: {
    async beforeCreate(trx, _ctx, row) {
      await checkTarget(trx, row);
    },
  },
};

async function checkTarget(trx: Trx, row: Row): Promise<void> {
  const hasProject = row.project_id !== null && row.project_id !== undefined;
  const hasItem = row.work_item_id !== null && row.work_item_id !== undefined;
  if (hasProject === hasItem) {
    throw fieldProblem('validation_failed', 'projectId', 'give exactly one of projectId and workItemId');
  }
  if (hasItem) {
    const item = await trx
      .selectFrom('work_items')
      .select('type')
      .where('id', '=', String(row.work_item_id))
      .executeTakeFirst();
    if (item && item.type !== 'epic' && item.type !== 'feature') {
      throw fieldProblem(
        'validation_failed',
        'workItemId',
        `must be an epic or a feature, not a ${item.type}`,
      );
    }
  }
}
