import { Type } from 'typebox';
import { computeRaciWarnings, type RaciActivity } from '../../../core/playbook/raci';
import { RACI_CODES } from '../../../core/playbook/vocabulary';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { referenceExists } from '../../resources/resource-store';
import { Id, stringEnum } from '../../resources/vocabulary-schemas';
import { projectRecordAccess } from './playbook-access';
import { Nullable } from './playbook-schemas';

const Assignment = Type.Object(
  {
    personId: Type.Optional(Nullable(Id)),
    role: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    code: stringEnum(RACI_CODES),
  },
  { additionalProperties: false },
);
const Activity = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    assignments: Type.Array(Assignment, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
const Warning = Type.Object({
  code: stringEnum(['no_accountable', 'several_accountables', 'no_responsible']),
  activity: Type.String(),
  message: Type.String(),
  parties: Type.Array(Type.String()),
});

/** A RACI matrix of a project (one, or one per workstream): activities or deliverables × people or roles, with its warnings. */
export const raciMatrixSpec: ResourceSpec = {
  path: 'raci-matrices',
  table: 'raci_matrices',
  entityType: 'raci_matrix',
  title: 'RACI matrix',
  defaultSort: 'createdAt',
  access: projectRecordAccess('raci_matrices'),
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    name: {
      column: 'name',
      schema: Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'e.g. "Project RACI" or a workstream',
      }),
      defaultValue: 'Project RACI',
      searchable: true,
      sortable: true,
    },
    activities: {
      column: 'activities',
      schema: Type.Array(Activity, { maxItems: 200 }),
      json: true,
      create: 'required',
    },
  },
  extraResponseFields: { warnings: Type.Array(Warning) },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      await checkActivities(trx, ctx.principal.organisationId, row.activities);
    },
    async beforeUpdate(trx, ctx, _before, changes) {
      if ('activities' in changes)
        await checkActivities(trx, ctx.principal.organisationId, changes.activities);
    },
    async present(_trx, records) {
      for (const r of records) r.warnings = computeRaciWarnings(r.activities as RaciActivity[]);
    },
  },
};

/** Each cell names exactly one of a person (of this organisation) or a role. */
async function checkActivities(trx: Trx, organisationId: string, json: unknown): Promise<void> {
  const activities = JSON.parse(String(json)) as RaciActivity[];
  const checked = new Set<string>();
  for (const [i, a] of activities.entries())
    for (const [j, cell] of a.assignments.entries()) {
      const field = `activities.${i}.assignments.${j}`;
      if (Boolean(cell.personId) === Boolean(cell.role))
        throw fieldProblem('validation_failed', field, 'names exactly one of personId or role');
      if (cell.personId && !checked.has(cell.personId)) {
        if (!(await referenceExists(trx, 'people', organisationId, cell.personId)))
          throw fieldProblem(
            'invalid_reference',
            `${field}.personId`,
            'does not name a person of this organisation',
          );
        checked.add(cell.personId);
      }
    }
}
