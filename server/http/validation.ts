import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// Bodies are validated strictly: a string where a number belongs is an error, not a coercion,
// and unknown fields are refused (mass assignment). Query strings and path parameters arrive as
// text, so only they are coerced.
const shared: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };
const bodyAjv = addFormats.default(new Ajv({ ...shared, coerceTypes: false }));
const queryAjv = addFormats.default(new Ajv({ ...shared, coerceTypes: true }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : queryAjv;
  return ajv.compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
};
