import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem';

/** ETag of a record: its version, quoted. */
export const etagOf = (version: unknown) => `"${String(version)}"`;

/**
 * The version a change is based on: the If-Match header ("3", W/"3") or, failing that, the body's
 * `version`. A change without either is refused, because it could overwrite someone else's edit.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion?: unknown): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match?.[1]) {
      throw new ProblemError('validation_failed', 'If-Match must hold the record version, e.g. "3".', [
        { field: 'If-Match', message: 'is not a version' },
      ]);
    }
    return Number(match[1]);
  }
  if (typeof bodyVersion === 'number' && Number.isInteger(bodyVersion)) return bodyVersion;
  throw new ProblemError(
    'precondition_required',
    'Send the version you edited as If-Match or as "version".',
    [{ field: 'If-Match', message: 'is required' }],
  );
}
