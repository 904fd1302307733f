import { DELIVERY_METHODS } from '../../../core/model/vocabulary';
import type { ResourceSpec } from '../../resources/resource-spec';
import { LongText, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { presentTeamMembers, TeamMembers, writeTeamMembers } from '../resources/team-members';

export const teamSpec: ResourceSpec = {
  path: 'teams',
  table: 'teams',
  entityType: 'team',
  title: 'Team',
  defaultSort: 'name',
  access: { area: 'directory' },
  fields: {
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    deliveryMethod: {
      column: 'delivery_method',
      schema: stringEnum(DELIVERY_METHODS, 'How the team works: scrum, kanban or hybrid'),
      create: 'required',
      filter: 'eq',
      sortable: true,
    },
    description: { column: 'description', schema: LongText, nullable: true },
  },
  // Members with their allocation (server/features/resources/team-members.ts): capacity planning's.
  extraWritableFields: { members: TeamMembers },
  extraResponseFields: { members: TeamMembers },
  hooks: { afterWrite: writeTeamMembers, present: presentTeamMembers },
};
