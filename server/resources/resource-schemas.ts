import { type TSchema, Type } from 'typebox';
import type { FieldSpec, ResourceSpec } from './resource-spec';
import { Id, Timestamp } from './vocabulary-schemas';

// Request and response schemas derived from a resource's field list, so the validation, the
// serialisation and the OpenAPI document can never disagree with each other.

const valueSchema = (f: FieldSpec): TSchema => (f.nullable ? Type.Union([f.schema, Type.Null()]) : f.schema);

export function recordSchema(spec: ResourceSpec): TSchema {
  const props: Record<string, TSchema> = { id: Id, version: Type.Integer({ minimum: 1 }) };
  for (const [name, f] of Object.entries(spec.fields)) props[name] = valueSchema(f);
  Object.assign(props, spec.extraResponseFields ?? {});
  props.createdAt = Timestamp;
  props.updatedAt = Timestamp;
  return Type.Object(props, { additionalProperties: false, title: spec.title });
}

export function createSchema(spec: ResourceSpec): TSchema {
  const props: Record<string, TSchema> = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.create === 'readonly') continue;
    props[name] = f.create === 'required' ? valueSchema(f) : Type.Optional(valueSchema(f));
  }
  for (const [name, s] of Object.entries(spec.extraWritableFields ?? {})) props[name] = Type.Optional(s);
  return Type.Object(props, { additionalProperties: false });
}

export function updateSchema(spec: ResourceSpec): TSchema {
  const props: Record<string, TSchema> = {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Alternative to the If-Match header' })),
  };
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.create === 'readonly' || f.updatable === false) continue;
    props[name] = Type.Optional(valueSchema(f));
  }
  for (const [name, s] of Object.entries(spec.extraWritableFields ?? {})) props[name] = Type.Optional(s);
  return Type.Object(props, { additionalProperties: false, minProperties: 1 });
}

const DATE_PREFIX = '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?$';

export function listQuerySchema(spec: ResourceSpec): TSchema {
  const sortable = Object.entries(spec.fields)
    .filter(([, f]) => f.sortable)
    .map(([n]) => n)
    .concat(['createdAt', 'updatedAt']);
  const props: Record<string, TSchema> = {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'nextCursor of the previous page' })),
    sort: Type.Optional(
      Type.Unsafe<string>({
        type: 'string',
        enum: sortable.flatMap((n) => [n, `-${n}`]),
        description: 'Field to sort by; a leading minus sorts descending',
      }),
    ),
  };
  if (Object.values(spec.fields).some((f) => f.searchable)) {
    props.q = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Free-text search' }));
  }
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.filter === 'eq') props[name] = Type.Optional(eqFilterSchema(f));
    if (f.filter === 'range') {
      props[`${name}From`] = Type.Optional(
        Type.String({ pattern: DATE_PREFIX, description: `${name} on or after` }),
      );
      props[`${name}To`] = Type.Optional(
        Type.String({ pattern: DATE_PREFIX, description: `${name} on or before` }),
      );
    }
  }
  for (const [name, extra] of Object.entries(spec.extraFilters ?? {}))
    props[name] = Type.Optional(extra.schema);
  return Type.Object(props, { additionalProperties: false });
}

/** Equality filters accept a comma-separated list; closed vocabularies are checked value by value. */
function eqFilterSchema(f: FieldSpec): TSchema {
  const values = (f.schema as { enum?: string[] }).enum;
  if (values) {
    const one = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    return Type.String({
      pattern: `^(${one})(,(${one}))*$`,
      description: `One or more of: ${values.join(', ')}`,
    });
  }
  return Type.String({ minLength: 1, maxLength: 2000, description: 'One value or a comma-separated list' });
}

export function listResponseSchema(spec: ResourceSpec): TSchema {
  return Type.Object({
    items: Type.Array(recordSchema(spec)),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}
