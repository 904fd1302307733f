import { Type } from 'typebox';
import { ERROR_STATUS } from './problem';

/** RFC 9457 problem details, as every error response of the API. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Unsafe<string>({ type: 'string', enum: Object.keys(ERROR_STATUS) }),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    current: Type.Optional(Type.Unknown({ description: 'The current record, on 412' })),
  },
  { title: 'Problem', additionalProperties: true },
);
