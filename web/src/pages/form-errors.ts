import { isApiError } from '../api/client';

/** Field messages from a validation problem, keyed by field name; `form` holds the rest. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!error) return {};
  if (!isApiError(error)) return { form: error instanceof Error ? error.message : 'Something went wrong.' };
  const result: Record<string, string> = {};
  for (const e of error.errors) result[e.field.replace(/^\//, '')] = e.message;
  if (error.errors.length === 0) result.form = error.message;
  return result;
}

/** '' → null, so clearing an optional field clears it on the server. */
export function emptyToNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}
