import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { VALUE_STREAM_KINDS } from '../../../core/value/vocabulary';
import { column } from '../../auth/access';
import { fieldProblem } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { referenceExists } from '../../resources/resource-store';
import { Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';

const Ids = Type.Array(Id, { maxItems: 200, uniqueItems: true });

/** Operational or development value streams and the products (projects) and teams serving them. */
export const valueStreamSpec: ResourceSpec = {
  path: 'value-streams',
  table: 'value_streams',
  entityType: 'value_stream',
  title: 'Value stream',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: { portfolio: column('value_streams', 'portfolio_id') },
    orgWide: { where: sql`(value_streams.portfolio_id is null)`, writers: ['vmo_lead'] },
  },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    kind: { column: 'kind', schema: stringEnum(VALUE_STREAM_KINDS), create: 'required', filter: 'eq' },
    description: { column: 'description', schema: LongText, nullable: true },
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      nullable: true,
      references: 'portfolios',
      filter: 'eq',
    },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
  },
  extraWritableFields: { projectIds: Ids, teamIds: Ids },
  extraResponseFields: { projectIds: Ids, teamIds: Ids },
  hooks: {
    async afterWrite(trx, ctx, { after, extras }) {
      const organisationId = ctx.principal.organisationId;
      for (const [field, memberType, table] of [
        ['projectIds', 'project', 'projects'],
        ['teamIds', 'team', 'teams'],
      ] as const) {
        if (!(field in extras)) continue;
        const ids = extras[field] as string[];
        for (const id of ids) {
          if (!(await referenceExists(trx, table, organisationId, id)))
            throw fieldProblem(
              'invalid_reference',
              field,
              `${id} does not name a record of this organisation (${table})`,
            );
        }
        await trx
          .deleteFrom('value_stream_members')
          .where('value_stream_id', '=', String(after.id))
          .where('member_type', '=', memberType)
          .execute();
        if (ids.length === 0) continue;
        await trx
          .insertInto('value_stream_members')
          .values(
            ids.map((id) => ({
              id: randomUUID(),
              organisation_id: organisationId,
              value_stream_id: String(after.id),
              member_type: memberType,
              member_id: id,
            })),
          )
          .execute();
      }
    },
    async present(trx, records) {
      const rows = await trx
        .selectFrom('value_stream_members')
        .select(['value_stream_id', 'member_type', 'member_id'])
        .where(
          'value_stream_id',
          'in',
          records.map((r) => String(r.id)),
        )
        .orderBy('member_id')
        .execute();
      for (const r of records) {
        const mine = rows.filter((m) => m.value_stream_id === r.id);
        r.projectIds = mine.filter((m) => m.member_type === 'project').map((m) => m.member_id);
        r.teamIds = mine.filter((m) => m.member_type === 'team').map((m) => m.member_id);
      }
    },
  },
};
