/**
 * One error vocabulary for the whole API. Every failure leaves as an RFC 9457 problem document
 * whose `code` the web app reacts to and whose `errors[].field` names the offending input.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  has_dependents: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_reference: 422,
  schedule_cycle: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  message: string;
}

const TITLES: Record<ErrorCode, string> = {
  invalid_json: 'The request body is not valid JSON',
  validation_failed: 'The request is not valid',
  unauthenticated: 'Authentication required',
  mfa_required: 'A one-time code from your authenticator app is required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  has_dependents: 'Other records depend on this one',
  precondition_failed: 'The record has changed since you read it',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported media type',
  invalid_reference: 'A referenced record does not exist',
  schedule_cycle: 'The schedule’s links form a cycle',
  precondition_required: 'A version is required for this change',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
};

export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Extra members of the problem document, e.g. the current record on a 412. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = ERROR_STATUS[code];
  }
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function toProblem(error: ProblemError, instance?: string): ProblemDocument {
  return {
    type: `https://triad.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: TITLES[error.code],
    status: error.status,
    code: error.code,
    detail: error.detail,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    ...(instance ? { instance } : {}),
    ...error.extra,
  };
}

export const fieldProblem = (code: ErrorCode, field: string, message: string): ProblemError =>
  new ProblemError(code, `${field}: ${message}`, [{ field, message }]);
