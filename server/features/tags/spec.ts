import { Type } from 'typebox';
import type { ResourceSpec } from '../../resources/resource-spec';

export const tagSpec: ResourceSpec = {
  path: 'tags',
  table: 'tags',
  entityType: 'tag',
  title: 'Tag',
  defaultSort: 'name',
  access: { area: 'directory' },
  fields: {
    name: {
      column: 'name',
      schema: Type.String({ minLength: 1, maxLength: 60 }),
      create: 'required',
      searchable: true,
      sortable: true,
    },
    color: { column: 'color', schema: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }), nullable: true },
  },
};
