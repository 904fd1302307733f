import { sql } from 'kysely';
import { GOAL_LEVELS } from '../../../core/model/vocabulary';
import { column } from '../../auth/access';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';

/** Goals on organisation, portfolio and team level; the value office builds OKRs on them. */
export const goalSpec: ResourceSpec = {
  path: 'goals',
  table: 'goals',
  entityType: 'goal',
  title: 'Goal',
  defaultSort: 'name',
  access: {
    area: 'value',
    scopes: { portfolio: column('goals', 'portfolio_id'), team: column('goals', 'team_id') },
    // Organisation-level goals are the strategy everyone works to: all members read them.
    orgWide: { where: sql`(goals.portfolio_id is null and goals.team_id is null)`, writers: ['vmo_lead'] },
  },
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
