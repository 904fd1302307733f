import { sql } from 'kysely';
import { Type } from 'typebox';
import { DEPENDENCY_KINDS, LINK_TYPES } from '../../../core/model/vocabulary';
import { fieldProblem } from '../../http/problem';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';
import { referenceExists } from '../../resources/resource-store';
import { Id, LongText, stringEnum } from '../../resources/vocabulary-schemas';

const PREDECESSOR_PROJECT = sql<
  string | null
>`(case when dependencies.kind = 'project' then dependencies.predecessor_id else (select w.project_id from work_items w where w.id = dependencies.predecessor_id) end)`;

/** A precedence between two work items or two projects: the successor waits on the predecessor. */
export const dependencySpec: ResourceSpec = {
  path: 'dependencies',
  table: 'dependencies',
  entityType: 'dependency',
  title: 'Dependency',
  defaultSort: 'createdAt',
  // A dependency belongs where its predecessor lives: a project, or a work item's project.
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: sql`(select p.portfolio_id from projects p where p.id = ${PREDECESSOR_PROJECT})`,
      project: PREDECESSOR_PROJECT,
    },
  },
  fields: {
    kind: {
      column: 'kind',
      schema: stringEnum(DEPENDENCY_KINDS),
      create: 'required',
      updatable: false,
      filter: 'eq',
    },
    predecessorId: {
      column: 'predecessor_id',
      schema: Id,
      create: 'required',
      updatable: false,
      filter: 'eq',
    },
    successorId: { column: 'successor_id', schema: Id, create: 'required', updatable: false, filter: 'eq' },
    linkType: { column: 'link_type', schema: stringEnum(LINK_TYPES), defaultValue: 'FS', filter: 'eq' },
    lagDays: { column: 'lag_days', schema: Type.Integer({ minimum: -3650, maximum: 3650 }), defaultValue: 0 },
    description: { column: 'description', schema: LongText, nullable: true },
  },
  hooks: {
    beforeCreate: (trx, ctx, row) => checkEnds(trx, ctx, row),
  },
};

async function checkEnds(trx: Trx, ctx: RequestContext, row: Record<string, unknown>): Promise<void> {
  const table = row.kind === 'project' ? 'projects' : 'work_items';
  if (row.predecessor_id === row.successor_id) {
    throw fieldProblem('validation_failed', 'successorId', 'must differ from predecessorId');
  }
  for (const [field, column] of [
    ['predecessorId', 'predecessor_id'],
    ['successorId', 'successor_id'],
  ] as const) {
    if (!(await referenceExists(trx, table, ctx.principal.organisationId, String(row[column])))) {
      throw fieldProblem(
        'invalid_reference',
        field,
        `does not name a ${String(row.kind).replace('_', ' ')} of this organisation`,
      );
    }
  }
}
