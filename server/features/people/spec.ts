import { sql } from 'kysely';
import { Type } from 'typebox';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { Name } from '../../resources/vocabulary-schemas';

/** A skill and how well the person masters it, 1 (learning) to 5 (expert). */
const Skill = Type.Object(
  {
    skill: Type.String({ minLength: 1, maxLength: 80 }),
    proficiency: Type.Integer({ minimum: 1, maximum: 5 }),
  },
  { additionalProperties: false },
);
const Skills = Type.Array(Skill, { maxItems: 100 });

interface SkillValue {
  skill: string;
  proficiency: number;
}

export const personSpec: ResourceSpec = {
  path: 'people',
  table: 'people',
  entityType: 'person',
  title: 'Person',
  defaultSort: 'name',
  access: { area: 'directory' },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    email: {
      column: 'email',
      schema: Type.String({ format: 'email', maxLength: 320 }),
      nullable: true,
      searchable: true,
    },
    title: { column: 'title', schema: Type.String({ maxLength: 200 }), nullable: true, searchable: true },
    location: { column: 'location', schema: Type.String({ maxLength: 200 }), nullable: true, filter: 'eq' },
    fte: {
      column: 'fte',
      schema: Type.Number({ minimum: 0, maximum: 1.5, description: 'Contracted share of a full-time week' }),
      defaultValue: 1,
    },
  },
  extraWritableFields: { skills: Skills },
  extraResponseFields: { skills: Skills },
  extraFilters: {
    skill: {
      schema: Type.String({ minLength: 1, maxLength: 80, description: 'People who have this skill' }),
      where: (value) =>
        sql<boolean>`exists (select 1 from person_skills ps where ps.person_id = ${sql.ref('people.id')} and lower(ps.skill) = ${value.toLowerCase()})`,
    },
  },
  hooks: {
    async afterWrite(trx, ctx, { after, extras }) {
      if (!('skills' in extras)) return;
      const skills = extras.skills as SkillValue[];
      const names = skills.map((s) => s.skill.trim().toLowerCase());
      const duplicate = names.find((n, i) => names.indexOf(n) !== i);
      if (duplicate) {
        throw new ProblemError('validation_failed', `skills: "${duplicate}" is listed twice`, [
          { field: 'skills', message: `"${duplicate}" is listed twice` },
        ]);
      }
      await trx.deleteFrom('person_skills').where('person_id', '=', String(after.id)).execute();
      if (skills.length === 0) return;
      await trx
        .insertInto('person_skills')
        .values(
          skills.map((s) => ({
            organisation_id: ctx.principal.organisationId,
            person_id: String(after.id),
            skill: s.skill.trim(),
            proficiency: s.proficiency,
          })),
        )
        .execute();
    },
    async present(trx: Trx, records) {
      const ids = records.map((r) => String(r.id));
      const rows = await trx
        .selectFrom('person_skills')
        .select(['person_id', 'skill', 'proficiency'])
        .where('person_id', 'in', ids)
        .orderBy('skill')
        .execute();
      for (const r of records) {
        r.skills = rows
          .filter((s) => s.person_id === r.id)
          .map((s) => ({ skill: s.skill, proficiency: s.proficiency }));
      }
    },
  },
};
