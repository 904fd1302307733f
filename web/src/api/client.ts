import { authenticate, forgetCredentials } from './auth';
import { type FieldError, loadRequestSchemas, validateRequestBody } from './request-validation';

export type { FieldError };

/** An RFC 9457 problem from the API. The UI branches on `code`, never on the message text. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  /** On 412 the server sends the record as it is now. */
  readonly current: unknown;

  constructor(status: number, problem: Record<string, unknown>) {
    super(typeof problem.detail === 'string' ? problem.detail : `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof problem.code === 'string' ? problem.code : 'internal';
    this.errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
    this.current = problem.current;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type QueryParams = Record<string, QueryValue>;

/** Lists take `field=a,b` for several values; empty values are left out. */
export function toSearchParams(query: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** The record version the change is based on; the server answers 412 when it is stale. */
  ifMatch?: number;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  if (options.body !== undefined) await checkBodyBeforeSending(method, path, options.body);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(`/api/v1${path}${toSearchParams(options.query ?? {})}`, authenticate(init));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    // The session ended or the token was revoked: back to sign-in (the route keeps ?next=).
    if (response.status === 401) forgetCredentials();
    throw new ApiError(response.status, (payload ?? {}) as Record<string, unknown>);
  }
  return payload as T;
}

/**
 * Checks a body against the schema the server validates it with and refuses it here, in the same
 * problem shape the server would send, so forms show field messages without a round trip.
 */
async function checkBodyBeforeSending(method: string, path: string, body: unknown): Promise<void> {
  const routes = await loadRequestSchemas();
  if (!routes) return;
  // Validate what will be sent: JSON drops undefined members and turns dates into strings.
  const sent: unknown = JSON.parse(JSON.stringify(body));
  const errors = validateRequestBody(routes, method, `/api/v1${path}`, sent);
  if (errors.length === 0) return;
  throw new ApiError(400, {
    code: 'validation_failed',
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}
