import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { constraintKind } from '../store/constraint-errors';
import { type FieldError, ProblemError, toProblem } from './problem';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns whatever was thrown into a problem document; never leaks a stack trace or SQL. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = classify(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.status(problem.status).type('application/problem+json').send(toProblem(problem, request.url));
}

function classify(error: FastifyError): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const errors = (error.validation as AjvError[]).map((e) => toFieldError(e, context));
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new ProblemError('validation_failed', summary, errors);
  }
  const kind = constraintKind(error);
  if (kind === 'unique')
    return new ProblemError('conflict', 'A record with the same unique value already exists.');
  if (kind === 'foreign_key') {
    return new ProblemError(
      'has_dependents',
      'Other records still refer to this one; remove or move them first.',
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new ProblemError('payload_too_large', error.message);
  if (status === 415) return new ProblemError('unsupported_media_type', error.message);
  if (status === 404) return new ProblemError('not_found', error.message);
  if (status === 405) return new ProblemError('method_not_allowed', error.message);
  if (status === 429) return new ProblemError('rate_limited', error.message);
  if (status === 400) {
    // Fastify's JSON parser (secure-json-parse) lands here, including __proto__ / constructor keys.
    return new ProblemError('invalid_json', error.message, [{ field: 'body', message: error.message }]);
  }
  if (status >= 400 && status < 500) return new ProblemError('validation_failed', error.message);
  return new ProblemError('internal', 'Something went wrong on our side; the error has been logged.');
}

function toFieldError(e: AjvError, context: string): FieldError {
  const path = e.instancePath.split('/').filter(Boolean);
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') {
    path.push(String(e.params.additionalProperty));
    message = 'is not a known field';
  } else if (e.keyword === 'required') {
    path.push(String(e.params.missingProperty));
    message = 'is required';
  }
  const field = path.length > 0 ? path.join('.') : context;
  return { field, message };
}
