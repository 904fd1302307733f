import { recordAudit } from '../../audit/audit-store';
import type { Principal } from '../../auth/principal';
import { etagOf } from '../../http/if-match';
import { fieldProblem, ProblemError } from '../../http/problem';
import { DEFAULT_ADO_MAPPING } from '../../importers/ado/ado-mapping';
import { DEFAULT_GITHUB_MAPPING } from '../../importers/github/github-mapping';
import { ImportFormatError } from '../../importers/import-errors';
import { DEFAULT_JIRA_MAPPING, parseJiraMapping } from '../../importers/jira/jira-mapping';
import { DEFAULT_TABLE_MAPPING, parseTableMapping } from '../../importers/table/table-mapping';
import { parseTrackerMapping } from '../../importers/tracker-mapping';
import type { Store } from '../../store/database';

/**
 * The import sources of an organisation and the mapping saved with each (issue 11: "the mapping
 * is shown, editable and saved per source"). The next import of a source without `--mapping`
 * uses the saved one; an import with an explicit mapping saves that one in its place.
 */
export const SOURCE_KINDS = ['jira', 'ado', 'github', 'csv'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The built-in mapping of each importer: what a source starts from and what an editor resets to. */
export function defaultMappingOf(kind: string): unknown {
  if (kind === 'jira') return DEFAULT_JIRA_MAPPING;
  if (kind === 'ado') return DEFAULT_ADO_MAPPING;
  if (kind === 'github') return DEFAULT_GITHUB_MAPPING;
  return { ...DEFAULT_TABLE_MAPPING, columns: {} };
}

/** Validates a mapping document with the importer's own parser and returns the effective mapping. */
export function parseMappingOf(kind: string, document: unknown): unknown {
  try {
    if (kind === 'jira') return parseJiraMapping(document);
    if (kind === 'ado') return parseTrackerMapping(document, DEFAULT_ADO_MAPPING);
    if (kind === 'github') return parseTrackerMapping(document, DEFAULT_GITHUB_MAPPING);
    return parseTableMapping(document);
  } catch (error) {
    if (!(error instanceof ImportFormatError)) throw error;
    // "mapping: statuses["Waiting"] must be one of …" names the entry: mapping.statuses["Waiting"].
    const detail = error.message.replace(/^mapping: /, '');
    const entry = /^"?([A-Za-z]+(?:\.[A-Za-z]+)?(?:\["[^"]*"\])?)"?\s/.exec(detail)?.[1];
    throw fieldProblem('validation_failed', entry ? `mapping.${entry}` : 'mapping', detail);
  }
}

type SourceRow = {
  id: string;
  source: string;
  kind: string;
  mapping: string;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
};

const presentSummary = (row: SourceRow) => ({
  id: row.id,
  source: row.source,
  kind: row.kind,
  lastRunAt: row.last_run_at,
  updatedAt: row.updated_at,
});

const presentSource = (row: SourceRow) => ({
  ...presentSummary(row),
  mapping: JSON.parse(row.mapping) as Record<string, unknown>,
  defaultMapping: defaultMappingOf(row.kind) as Record<string, unknown>,
});

/** The ETag of a source: its last change, which an import run also moves (it saves the mapping). */
export const sourceEtag = (row: { updated_at: string }) => etagOf(row.updated_at);

export async function listImportSources(store: Store, organisationId: string) {
  const rows = await store.db
    .selectFrom('import_sources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('source')
    .execute();
  return { items: rows.map(presentSummary) };
}

async function findSourceRow(trx: Store['db'], organisationId: string, id: string) {
  const row = await trx
    .selectFrom('import_sources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ProblemError('not_found', 'No such import source in this organisation.');
  return row;
}

export async function getImportSource(store: Store, organisationId: string, id: string) {
  const row = await findSourceRow(store.db, organisationId, id);
  return { etag: sourceEtag(row), body: presentSource(row) };
}

/**
 * Replaces the saved mapping of a source after the importer's parser accepted it, if the source
 * is still as the editor read it (If-Match: its ETag); audited with the mapping before and after.
 */
export async function updateSourceMapping(
  store: Store,
  principal: Principal,
  id: string,
  ifMatch: string | undefined,
  document: unknown,
) {
  if (!ifMatch?.trim())
    throw new ProblemError('precondition_required', 'Send the ETag of the source you edited as If-Match.', [
      { field: 'If-Match', message: 'is required' },
    ]);
  return store.db.transaction().execute(async (trx) => {
    const row = await findSourceRow(trx, principal.organisationId, id);
    if (ifMatch.trim().replace(/^W\//, '') !== sourceEtag(row))
      throw new ProblemError('precondition_failed', 'The source changed since you read it.', [], {
        current: presentSource(row),
      });
    const mapping = JSON.stringify(parseMappingOf(row.kind, document));
    // Strictly later than the last change, so the ETag moves even within one millisecond.
    const now = new Date(Math.max(Date.now(), Date.parse(row.updated_at) + 1)).toISOString();
    await trx
      .updateTable('import_sources')
      .set({ mapping, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, principal, now, {
      entityType: 'import_source',
      entityId: row.id,
      action: 'update',
      changes: { mapping: { before: JSON.parse(row.mapping), after: JSON.parse(mapping) } },
    });
    const saved = { ...row, mapping, updated_at: now };
    return { etag: sourceEtag(saved), body: presentSource(saved) };
  });
}
