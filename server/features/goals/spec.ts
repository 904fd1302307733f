import { GOAL_LEVELS } from '../../../core/model/vocabulary';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';

/** Goals on organisation, portfolio and team level; the value office builds OKRs on them. */
export const goalSpec: ResourceSpec = {
  path: 'goals',
  table: 'goals',
  entityType: 'goal',
  title: 'Goal',
  defaultSort: 'name',
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    description: { column: 'description', schema: LongText, nullable: true },
    level: {
      column: 'level',
      schema: stringEnum(GOAL_LEVELS),
      create: 'required',
      filter: 'eq',
      sortable: true,
    },
    parentId: { column: 'parent_id', schema: Id, nullable: true, references: 'goals', filter: 'eq' },
    portfolioId: {
      column: 'portfolio_id',
      schema: Id,
      nullable: true,
      references: 'portfolios',
      filter: 'eq',
    },
    teamId: { column: 'team_id', schema: Id, nullable: true, references: 'teams', filter: 'eq' },
    ownerId: { column: 'owner_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
  },
};
