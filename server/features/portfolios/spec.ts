import { column } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, Name } from '../../resources/vocabulary-schemas';

export const portfolioSpec: ResourceSpec = {
  path: 'portfolios',
  table: 'portfolios',
  entityType: 'portfolio',
  title: 'Portfolio',
  defaultSort: 'name',
  access: { area: 'portfolio', scopes: { portfolio: column('portfolios', 'id') } },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
  },
};
