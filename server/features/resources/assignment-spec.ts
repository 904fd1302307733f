import { DEMAND_UNITS } from '../../../core/capacity/demand';
import { BOOKING_KINDS } from '../../../core/capacity/load';
import { column, portfolioOfProject } from '../../auth/access';
import { fieldProblem } from '../../http/problem';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';
import { Id, LongText, stringEnum } from '../../resources/vocabulary-schemas';
import { Amount, Skill } from './request-spec';
import { checkEveryWrite, checkOwnReference, checkSpan, SPAN_FIELDS } from './rules';

/**
 * A named booking of a person to a project over a span: `hard` (committed) or `soft` (tentative,
 * may move), in hours or FTE, optionally filling a resource request and naming the skill used.
 */
export const resourceAssignmentSpec: ResourceSpec = {
  path: 'resource-assignments',
  table: 'resource_assignments',
  entityType: 'resource_assignment',
  title: 'Resource assignment',
  defaultSort: 'startDate',
  access: {
    area: 'delivery',
    scopes: {
      portfolio: portfolioOfProject('resource_assignments', 'project_id'),
      project: column('resource_assignments', 'project_id'),
      team: column('resource_assignments', 'team_id'),
    },
  },
  fields: {
    personId: { column: 'person_id', schema: Id, create: 'required', references: 'people', filter: 'eq' },
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    teamId: { column: 'team_id', schema: Id, nullable: true, references: 'teams', filter: 'eq' },
    requestId: { column: 'request_id', schema: Id, nullable: true, filter: 'eq' },
    skill: { column: 'skill', schema: Skill, nullable: true, filter: 'eq' },
    ...SPAN_FIELDS,
    amount: { column: 'amount', schema: Amount, create: 'required' },
    unit: { column: 'unit', schema: stringEnum(DEMAND_UNITS), defaultValue: 'fte', filter: 'eq' },
    booking: { column: 'booking', schema: stringEnum(BOOKING_KINDS), defaultValue: 'soft', filter: 'eq' },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: checkEveryWrite((row, trx, ctx) => check(trx, ctx, row)),
};

async function check(trx: Trx, ctx: RequestContext, row: Record<string, unknown>): Promise<void> {
  checkSpan(row, 'start_date', 'end_date', 'endDate');
  if (row.request_id === null || row.request_id === undefined) return;
  await checkOwnReference(trx, ctx, 'resource_requests', 'requestId', row.request_id);
  const request = await trx
    .selectFrom('resource_requests')
    .select(['project_id', 'skill'])
    .where('id', '=', String(row.request_id))
    .executeTakeFirst();
  if (request && request.project_id !== row.project_id)
    throw fieldProblem('invalid_reference', 'requestId', 'names a request of another project');
  if (request && (row.skill === null || row.skill === undefined)) row.skill = request.skill;
}
