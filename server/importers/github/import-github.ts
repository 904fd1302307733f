import { basename, extname } from 'node:path';
import type { Store } from '../../store/database';
import {
  effectiveMapping,
  type TrackerImportOptions,
  type TrackerImportSummary,
  trackerSource,
} from '../ado/import-ado';
import { ImportFormatError, RowError } from '../import-errors';
import { type ImportEvent, runImport } from '../import-run';
import { streamJsonIssues } from '../jira/json-issue-stream';
import { TrackerClassifier, type TrackerMapping } from '../tracker-mapping';
import { githubIssueToRecord, githubKey, githubNumber, isPullRequest, repositoryOf } from './github-issue';
import { DEFAULT_GITHUB_MAPPING } from './github-mapping';

export interface GithubImportSummary extends TrackerImportSummary {
  /** Elements of the array that are pull requests (the issues endpoint lists both): skipped. */
  pullRequests: number;
}

interface GithubScan {
  total: number;
  pullRequests: number;
  keys: Set<string>;
  duplicates: Map<number, number>;
}

/** First pass: keys, duplicates and the pull requests to skip; one issue in memory at a time. */
export async function scanGithub(
  file: string,
  mapping: TrackerMapping,
  repository: string,
): Promise<GithubScan> {
  const scan: GithubScan = { total: 0, pullRequests: 0, keys: new Set(), duplicates: new Map() };
  const firstRow = new Map<string, number>();
  for await (const event of streamJsonIssues(file)) {
    scan.total++;
    if (event.kind !== 'issue') continue;
    if (isPullRequest(event.value)) {
      scan.pullRequests++;
      continue;
    }
    try {
      const key = githubKey(
        mapping,
        repositoryOf(event.value as Record<string, unknown>, repository),
        githubNumber(event.value),
      );
      const first = firstRow.get(key);
      if (first !== undefined) scan.duplicates.set(event.index, first);
      else firstRow.set(key, event.index);
      scan.keys.add(key);
    } catch {
      // reported by the second pass
    }
  }
  if (scan.total === 0) throw new ImportFormatError('no issues in the file: expected a JSON array of issues');
  return scan;
}

export async function* readGithub(
  file: string,
  scan: GithubScan,
  ctx: { mapping: TrackerMapping; classifier: TrackerClassifier; defaultRepository: string },
): AsyncGenerator<ImportEvent> {
  const reject = (row: number, reason: string): ImportEvent => ({
    kind: 'rejected',
    rejection: { row, reason },
  });
  for await (const event of streamJsonIssues(file)) {
    if (event.kind === 'bad') {
      yield reject(event.index, event.reason);
      continue;
    }
    if (isPullRequest(event.value)) continue;
    try {
      const record = githubIssueToRecord(event.value, event.index, ctx);
      const first = scan.duplicates.get(event.index);
      if (first !== undefined)
        yield reject(event.index, `${record.key}: duplicate issue (first at ${first})`);
      else yield { kind: 'record', record };
    } catch (error) {
      if (error instanceof RowError) yield reject(event.index, error.message);
      else throw error;
    }
  }
}

/**
 * Imports a GitHub issues array (`GET /repos/{owner}/{repo}/issues?state=all`, pages joined into
 * one array) as a sync of the source. `repository` (`owner/name`) is used when the issues carry
 * no repository_url.
 */
export async function importGithub(
  store: Store,
  options: TrackerImportOptions & { repository?: string | undefined },
): Promise<GithubImportSummary> {
  const source = trackerSource('github', options.source, options.file);
  const mapping = await effectiveMapping(store, options, source, DEFAULT_GITHUB_MAPPING);
  const defaultRepository = options.repository ?? basename(options.file, extname(options.file));
  const scan = await scanGithub(options.file, mapping, defaultRepository);
  const classifier = new TrackerClassifier(mapping);
  const summary = await runImport(
    store,
    {
      organisationId: options.organisationId,
      system: 'github',
      source,
      namespace: 'github',
      file: options.file,
      format: 'json',
      mapping,
      total: scan.total - scan.pullRequests,
      keys: scan.keys,
      categoryOf: (s) => classifier.categoryOf(s),
      projectKeys: mapping.projects,
      records: readGithub(options.file, scan, { mapping, classifier, defaultRepository }),
      actorLabel: options.actorLabel,
    },
    options,
  );
  return {
    ...summary,
    format: 'json',
    source,
    unclassifiedStatuses: [...classifier.unclassified].sort(),
    pullRequests: scan.pullRequests,
  };
}
