import { authenticate, forgetCredentials } from './auth';

export interface FieldError {
  field: string;
  message: string;
}

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
