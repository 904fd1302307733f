import { column } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, Name } from '../../resources/vocabulary-schemas';

/** A program groups related projects inside one portfolio. */
export const programSpec: ResourceSpec = {
  path: 'programs',
  table: 'programs',
  entityType: 'program',
  title: 'Program',
  defaultSort: 'name',
  access: { area: 'portfolio', scopes: { portfolio: column('programs', 'portfolio_id') } },
  fields: {
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      create: 'required',
      references: 'portfolios',
      filter: 'eq',
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
  },
};
