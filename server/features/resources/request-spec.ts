import { Type } from 'typebox';
import { DEMAND_UNITS } from '../../../core/capacity/demand';
import { column, portfolioOfProject } from '../../auth/access';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, stringEnum } from '../../resources/vocabulary-schemas';
import { checkEveryWrite, checkSpan, SPAN_FIELDS } from './rules';

export const REQUEST_STATUSES = ['open', 'filled', 'cancelled'] as const;

export const Skill = Type.String({ minLength: 1, maxLength: 80 });
/** A role is a person's title (people.title), the same vocabulary cost rates use. */
export const Role = Type.String({
  minLength: 1,
  maxLength: 200,
  description: "A person's title (people.title), matched case-insensitively",
});
export const Amount = Type.Number({
  exclusiveMinimum: 0,
  maximum: 1e6,
  description:
    'Hours in total over the span (unit hours), or a share of a full-time day on each working day (unit fte)',
});

/** A 400 naming `skill` when a request names neither a role nor a skill. */
function checkRoleOrSkill(row: Record<string, unknown>) {
  const named = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (!named(row.role) && !named(row.skill))
    throw fieldProblem('validation_failed', 'skill', 'name a skill, a role, or both');
}

/**
 * Demand: a project (optionally through a team) asks for a role, a skill, or a role with a skill,
 * over a span, in hours or FTE.
 * Named assignments linked to the request fill it; what is left is open demand.
 */
export const resourceRequestSpec: ResourceSpec = {
  path: 'resource-requests',
  table: 'resource_requests',
  entityType: 'resource_request',
  title: 'Resource request',
  defaultSort: 'startDate',
  access: {
    area: 'delivery',
    scopes: {
      portfolio: portfolioOfProject('resource_requests', 'project_id'),
      project: column('resource_requests', 'project_id'),
      team: column('resource_requests', 'team_id'),
    },
  },
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    teamId: { column: 'team_id', schema: Id, nullable: true, references: 'teams', filter: 'eq' },
    // By role, by skill, or both (a role with a skill): at least one, checked in the hooks.
    role: {
      column: 'role',
      schema: Role,
      nullable: true,
      filter: 'eq',
      searchable: true,
      sortable: true,
    },
    skill: {
      column: 'skill',
      schema: Skill,
      nullable: true,
      filter: 'eq',
      searchable: true,
      sortable: true,
    },
    minProficiency: {
      column: 'min_proficiency',
      schema: Type.Integer({ minimum: 1, maximum: 5 }),
      defaultValue: 1,
    },
    ...SPAN_FIELDS,
    amount: { column: 'amount', schema: Amount, create: 'required' },
    unit: { column: 'unit', schema: stringEnum(DEMAND_UNITS), defaultValue: 'fte', filter: 'eq' },
    status: { column: 'status', schema: stringEnum(REQUEST_STATUSES), defaultValue: 'open', filter: 'eq' },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: checkEveryWrite((row) => {
    checkSpan(row, 'start_date', 'end_date', 'endDate');
    checkRoleOrSkill(row);
  }),
};
