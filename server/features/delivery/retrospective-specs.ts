import { Type } from 'typebox';
import { fieldProblem } from '../../http/problem';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Name, stringEnum, Timestamp } from '../../resources/vocabulary-schemas';
import { teamDeliveryAccess } from './team-access';

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;

/** A team's retrospective, optionally of one sprint; its action items are tracked to done. */
export const retrospectiveSpec: ResourceSpec = {
  path: 'retrospectives',
  table: 'retrospectives',
  entityType: 'retrospective',
  title: 'Retrospective',
  defaultSort: 'heldOn',
  access: teamDeliveryAccess('retrospectives'),
  fields: {
    teamId: {
      column: 'team_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'teams',
      filter: 'eq',
    },
    sprintId: { column: 'sprint_id', schema: Id, nullable: true, filter: 'eq' },
    title: { column: 'title', schema: Name, create: 'required', searchable: true },
    heldOn: { column: 'held_on', schema: CalendarDate, create: 'required', sortable: true },
    wentWell: { column: 'went_well', schema: LongText, nullable: true },
    toImprove: { column: 'to_improve', schema: LongText, nullable: true },
  },
  extraResponseFields: {
    actions: Type.Object({ open: Type.Integer(), done: Type.Integer() }),
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      await checkSprintOfTeam(trx, ctx, row.sprint_id, String(row.team_id));
    },
    async beforeUpdate(trx, ctx, before, changes) {
      if ('sprint_id' in changes)
        await checkSprintOfTeam(trx, ctx, changes.sprint_id, String(before.team_id));
    },
    async present(trx, records) {
      const rows = await trx
        .selectFrom('retrospective_actions')
        .select(['retrospective_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where(
          'retrospective_id',
          'in',
          records.map((r) => String(r.id)),
        )
        .groupBy(['retrospective_id', 'status'])
        .execute();
      for (const r of records) {
        const mine = rows.filter((x) => x.retrospective_id === r.id);
        const done = mine.filter((x) => x.status === 'done').reduce((s, x) => s + Number(x.n), 0);
        const all = mine.reduce((s, x) => s + Number(x.n), 0);
        r.actions = { open: all - done, done };
      }
    },
  },
};

async function checkSprintOfTeam(trx: Trx, ctx: RequestContext, sprintId: unknown, teamId: string) {
  if (sprintId === null || sprintId === undefined) return;
  const sprint = await trx
    .selectFrom('sprints')
    .select('team_id')
    .where('organisation_id', '=', ctx.principal.organisationId)
    .where('id', '=', String(sprintId))
    .executeTakeFirst();
  if (!sprint)
    throw fieldProblem('invalid_reference', 'sprintId', 'does not name a sprint of this organisation');
  if (sprint.team_id !== teamId)
    throw fieldProblem('invalid_reference', 'sprintId', "is another team's sprint");
}

async function checkRetrospectiveOfTeam(trx: Trx, ctx: RequestContext, id: unknown, teamId: string) {
  if (id === null || id === undefined) return;
  const retro = await trx
    .selectFrom('retrospectives')
    .select('team_id')
    .where('organisation_id', '=', ctx.principal.organisationId)
    .where('id', '=', String(id))
    .executeTakeFirst();
  if (!retro)
    throw fieldProblem(
      'invalid_reference',
      'retrospectiveId',
      'does not name a retrospective of this organisation',
    );
  if (retro.team_id !== teamId)
    throw fieldProblem('invalid_reference', 'retrospectiveId', "is another team's retrospective");
}

/** A team's improvement action, usually from a retrospective, owned by someone and tracked to done. */
export const retrospectiveActionSpec: ResourceSpec = {
  path: 'retrospective-actions',
  table: 'retrospective_actions',
  entityType: 'retrospective_action',
  title: 'Retrospective action',
  defaultSort: 'createdAt',
  access: teamDeliveryAccess('retrospective_actions'),
  fields: {
    teamId: {
      column: 'team_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'teams',
      filter: 'eq',
    },
    retrospectiveId: { column: 'retrospective_id', schema: Id, nullable: true, filter: 'eq' },
    title: { column: 'title', schema: Name, create: 'required', searchable: true },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    dueDate: { column: 'due_date', schema: CalendarDate, nullable: true, sortable: true },
    status: { column: 'status', schema: stringEnum(ACTION_STATUSES), defaultValue: 'open', filter: 'eq' },
    doneAt: { column: 'done_at', schema: Timestamp, nullable: true, create: 'readonly', sortable: true },
  },
  hooks: {
    async beforeCreate(trx, ctx, row) {
      await checkRetrospectiveOfTeam(trx, ctx, row.retrospective_id, String(row.team_id));
      row.done_at = row.status === 'done' ? ctx.now : null;
    },
    async beforeUpdate(trx, ctx, before, changes) {
      if ('retrospective_id' in changes)
        await checkRetrospectiveOfTeam(trx, ctx, changes.retrospective_id, String(before.team_id));
      if ('status' in changes) changes.done_at = changes.status === 'done' ? ctx.now : null;
      else if (before.status === 'done' && 'done_at' in changes) delete changes.done_at;
    },
  },
};
