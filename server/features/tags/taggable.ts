import { sql } from 'kysely';
import { Type } from 'typebox';
import { fieldProblem } from '../../http/problem';
import type { ExtraFilter, ResourceHooks, Trx } from '../../resources/resource-spec';
import { Id } from '../../resources/vocabulary-schemas';

/** `tagIds` on a record: the organisation's tags it carries, replaced as a whole on write. */
export const TagIds = Type.Array(Id, { maxItems: 50, uniqueItems: true });

/** Hooks that store and present `tagIds` for records of `entityType` in `table`. */
export function taggable(entityType: string): ResourceHooks {
  return {
    async afterWrite(trx, ctx, { after, extras }) {
      if (!('tagIds' in extras)) return;
      const tagIds = extras.tagIds as string[];
      if (tagIds.length > 0) {
        const found = await trx
          .selectFrom('tags')
          .select('id')
          .where('organisation_id', '=', ctx.principal.organisationId)
          .where('id', 'in', tagIds)
          .execute();
        const missing = tagIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length > 0)
          throw fieldProblem('invalid_reference', 'tagIds', `no such tag ${missing.join(', ')}`);
      }
      await trx
        .deleteFrom('taggings')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', String(after.id))
        .execute();
      if (tagIds.length === 0) return;
      await trx
        .insertInto('taggings')
        .values(
          tagIds.map((tag_id) => ({
            organisation_id: ctx.principal.organisationId,
            tag_id,
            entity_type: entityType,
            entity_id: String(after.id),
          })),
        )
        .execute();
    },
    async afterDelete(trx, _ctx, before) {
      await trx
        .deleteFrom('taggings')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', String(before.id))
        .execute();
    },
    async present(trx: Trx, records) {
      const rows = await trx
        .selectFrom('taggings')
        .select(['entity_id', 'tag_id'])
        .where('entity_type', '=', entityType)
        .where(
          'entity_id',
          'in',
          records.map((r) => String(r.id)),
        )
        .orderBy('tag_id')
        .execute();
      for (const r of records) r.tagIds = rows.filter((t) => t.entity_id === r.id).map((t) => t.tag_id);
    },
  };
}

/** `?tag=<id>`: records carrying that tag. */
export function tagFilter(entityType: string, table: string): ExtraFilter {
  return {
    schema: Type.String({ minLength: 1, maxLength: 64, description: 'Records carrying this tag (id)' }),
    where: (tagId) =>
      sql<boolean>`exists (select 1 from taggings tg where tg.entity_type = ${entityType} and tg.entity_id = ${sql.ref(`${table}.id`)} and tg.tag_id = ${tagId})`,
  };
}

/** Runs several hook sets as one: each stage of each set, in order. */
export function combineHooks(...sets: ResourceHooks[]): ResourceHooks {
  return {
    beforeCreate: async (trx, ctx, row) => {
      for (const h of sets) await h.beforeCreate?.(trx, ctx, row);
    },
    beforeUpdate: async (trx, ctx, before, changes) => {
      for (const h of sets) await h.beforeUpdate?.(trx, ctx, before, changes);
    },
    afterWrite: async (trx, ctx, write) => {
      for (const h of sets) await h.afterWrite?.(trx, ctx, write);
    },
    afterDelete: async (trx, ctx, before) => {
      for (const h of sets) await h.afterDelete?.(trx, ctx, before);
    },
    present: async (trx, records) => {
      for (const h of sets) await h.present?.(trx, records);
    },
  };
}
