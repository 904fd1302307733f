import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import { HEALTH_RATINGS, LIFECYCLE_STATES, PROJECT_APPROACHES } from '../../../core/model/vocabulary';
import { column } from '../../auth/access';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Money, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { combineHooks, TagIds, tagFilter, taggable } from '../tags/taggable';

export const projectSpec: ResourceSpec = {
  path: 'projects',
  table: 'projects',
  entityType: 'project',
  title: 'Project',
  defaultSort: 'name',
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: column('projects', 'portfolio_id'),
      project: column('projects', 'id'),
      // A team's roles reach the projects the team delivers work for.
      team: (ids) =>
        sql<SqlBool>`exists (select 1 from work_items w where w.project_id = projects.id and w.team_id in (${sql.join(ids)}))`,
    },
  },
  fields: {
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      create: 'required',
      references: 'portfolios',
      filter: 'eq',
    },
    programId: { column: 'program_id', schema: Id, nullable: true, references: 'programs', filter: 'eq' },
    key: {
      column: 'key',
      schema: Type.String({
        pattern: '^[A-Z][A-Z0-9]{1,9}$',
        description: 'Short upper-case key, prefix of work item keys',
      }),
      create: 'required',
      updatable: false,
      filter: 'eq',
      sortable: true,
      searchable: true,
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    approach: {
      column: 'approach',
      schema: stringEnum(PROJECT_APPROACHES),
      create: 'required',
      filter: 'eq',
      sortable: true,
    },
    lifecycleState: {
      column: 'lifecycle_state',
      schema: stringEnum(LIFECYCLE_STATES),
      defaultValue: 'proposed',
      filter: 'eq',
      sortable: true,
    },
    phase: { column: 'phase', schema: Type.String({ maxLength: 100 }), nullable: true, filter: 'eq' },
    health: {
      column: 'health',
      schema: stringEnum(HEALTH_RATINGS),
      nullable: true,
      filter: 'eq',
      sortable: true,
    },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    startDate: {
      column: 'start_date',
      schema: CalendarDate,
      nullable: true,
      filter: 'range',
      sortable: true,
    },
    endDate: { column: 'end_date', schema: CalendarDate, nullable: true, filter: 'range', sortable: true },
    budget: { column: 'budget', schema: Money, nullable: true },
  },
  extraWritableFields: { tagIds: TagIds },
  extraResponseFields: { tagIds: TagIds },
  extraFilters: { tag: tagFilter('project', 'projects') },
  hooks: combineHooks(
    {
      async beforeCreate(trx, _ctx, row) {
        await checkProgramInPortfolio(trx, row);
        checkDates(row);
      },
      async beforeUpdate(trx, _ctx, before, changes) {
        const merged = { ...before, ...changes };
        if ('program_id' in changes || 'portfolio_id' in changes) await checkProgramInPortfolio(trx, merged);
        checkDates(merged);
      },
    },
    taggable('project'),
  ),
};

async function checkProgramInPortfolio(trx: Trx, row: Record<string, unknown>): Promise<void> {
  if (row.program_id === null || row.program_id === undefined) return;
  const program = await trx
    .selectFrom('programs')
    .select('portfolio_id')
    .where('id', '=', String(row.program_id))
    .executeTakeFirst();
  if (program && program.portfolio_id !== row.portfolio_id) {
    throw fieldProblem('invalid_reference', 'programId', 'belongs to another portfolio than the project');
  }
}

function checkDates(row: Record<string, unknown>): void {
  if (
    typeof row.start_date === 'string' &&
    typeof row.end_date === 'string' &&
    row.end_date < row.start_date
  ) {
    throw fieldProblem('validation_failed', 'endDate', 'is before startDate');
  }
}
