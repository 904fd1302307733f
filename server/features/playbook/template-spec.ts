import { sql } from 'kysely';
import { Type } from 'typebox';
import { findTemplateErrors, type MethodologyContent } from '../../../core/playbook/methodology';
import { METHODOLOGIES } from '../../../core/playbook/vocabulary';
import { column } from '../../auth/access';
import { SCOPED_ROLES } from '../../auth/permissions';
import { ProblemError } from '../../http/problem';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { MethodologyContentSchema } from './playbook-schemas';
import { snapshotTemplateVersion } from './template-store';

/**
 * A methodology template (playbook): phases, gates, roles and document templates. Every write
 * saves an immutable version; projects run on the version they adopted, so edits never change
 * them. Organisation-wide templates (no portfolio) are read by every member and changed by PMO
 * leads; a portfolio's own templates follow the portfolio's roles.
 */
export const methodologyTemplateSpec: ResourceSpec = {
  path: 'methodology-templates',
  table: 'methodology_templates',
  entityType: 'methodology_template',
  title: 'Methodology template',
  defaultSort: 'name',
  access: {
    area: 'portfolio',
    scopes: { portfolio: column('methodology_templates', 'portfolio_id') },
    orgWide: { where: sql`methodology_templates.portfolio_id is null`, writers: ['pmo_lead'] },
  },
  fields: {
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      nullable: true,
      references: 'portfolios',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    methodology: {
      column: 'methodology',
      schema: stringEnum(METHODOLOGIES),
      create: 'required',
      updatable: false,
      filter: 'eq',
      sortable: true,
    },
    description: { column: 'description', schema: LongText, nullable: true },
    isDefault: { column: 'is_default', schema: Type.Boolean(), create: 'readonly' },
    clonedFromId: { column: 'cloned_from_id', schema: Id, nullable: true, create: 'readonly' },
    content: { column: 'content', schema: MethodologyContentSchema, create: 'required', json: true },
  },
  extraResponseFields: {
    projectCount: Type.Integer({ description: 'Projects running on any version of this template' }),
  },
  hooks: {
    async beforeCreate(_trx, _ctx, row) {
      row.is_default = 0;
      checkContent(row.content);
    },
    async beforeUpdate(_trx, _ctx, _before, changes) {
      if ('content' in changes) checkContent(changes.content);
    },
    async afterWrite(trx, ctx, { after }) {
      await snapshotTemplateVersion(trx, after, ctx.now);
    },
    async afterDelete(trx, ctx, before) {
      const inUse = await trx
        .selectFrom('project_methodologies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('template_id', '=', String(before.id))
        .executeTakeFirstOrThrow();
      const n = Number(inUse.n);
      if (n > 0) {
        throw new ProblemError(
          'has_dependents',
          `Methodology template "${String(before.name)}" is in use by ${n} project${n === 1 ? '' : 's'}; it cannot be deleted. Clone it or retire it instead.`,
          [{ field: 'id', message: `in use by ${n} project(s)` }],
          { projectCount: n },
        );
      }
      // Unused snapshots go with the template.
      await trx
        .deleteFrom('methodology_template_versions')
        .where('organisation_id', '=', ctx.principal.organisationId)
        .where((eb) => eb.or([eb('template_id', '=', String(before.id)), eb('template_id', 'is', null)]))
        .where('id', 'not in', trx.selectFrom('project_methodologies').select('template_version_id'))
        .where('id', 'not in', trx.selectFrom('gate_reviews').select('template_version_id'))
        .execute();
    },
    async present(trx, records) {
      const counts = await trx
        .selectFrom('project_methodologies')
        .select(['template_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'template_id',
          'in',
          records.map((r) => String(r.id)),
        )
        .groupBy('template_id')
        .execute();
      const byId = new Map(counts.map((c) => [c.template_id, Number(c.n)]));
      for (const r of records) {
        r.isDefault = Boolean(Number(r.isDefault));
        r.projectCount = byId.get(String(r.id)) ?? 0;
      }
    },
  },
};

function checkContent(json: unknown): void {
  const content = JSON.parse(String(json)) as MethodologyContent;
  const errors = findTemplateErrors(content, SCOPED_ROLES);
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
}
