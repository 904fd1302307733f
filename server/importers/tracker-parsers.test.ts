import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewFile } from '../features/import/detect-kind';
import { DEFAULT_ADO_MAPPING } from './ado/ado-mapping';
import { readAdo, scanAdo } from './ado/import-ado';
import { DEFAULT_GITHUB_MAPPING } from './github/github-mapping';
import { readGithub, scanGithub } from './github/import-github';
import { ImportFormatError } from './import-errors';
import type { ImportEvent } from './import-run';
import { readTable, scanTable } from './table/import-table';
import { parseTableMapping, suggestTableColumns } from './table/table-mapping';
import { TrackerClassifier } from './tracker-mapping';

// Fuzzing the new parsers (issue 11): whatever the bytes, they end — with events whose rows are
// positive and reasons non-empty, or with an ImportFormatError — and never throw anything else.
const dir = mkdtempSync(join(tmpdir(), 'triad-fuzz-'));
let n = 0;
const write = (content: string | Uint8Array, ext: string) => {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};
const ADO = readFileSync(new URL('./ado/__fixtures__/fabrikam-tree.csv', import.meta.url), 'utf8');
const GITHUB = readFileSync(
  new URL('./github/__fixtures__/hello-world-issues.json', import.meta.url),
  'utf8',
);
const TABLE = readFileSync(new URL('./table/__fixtures__/roadmap.csv', import.meta.url), 'utf8');

const mutate = (base: string) =>
  fc
    .array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 })), { maxLength: 8 })
    .map((edits) =>
      edits.reduce((s, [at, del, ins]) => {
        const i = at % (s.length + 1);
        return s.slice(0, i) + ins + s.slice(i + del);
      }, base),
    );

async function collect(
  run: () => Promise<AsyncIterable<ImportEvent>>,
): Promise<ImportEvent[] | ImportFormatError> {
  try {
    const out: ImportEvent[] = [];
    for await (const e of await run()) out.push(e);
    return out;
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
}

function expectWellFormed(result: ImportEvent[] | ImportFormatError) {
  if (result instanceof ImportFormatError) {
    expect(result.message.length).toBeGreaterThan(0);
    return;
  }
  for (const e of result) {
    if (e.kind === 'rejected') {
      expect(e.rejection.row).toBeGreaterThan(0);
      expect(e.rejection.reason.length).toBeGreaterThan(0);
    } else expect(e.record.key).toMatch(/^[A-Za-z][A-Za-z0-9_]*-\d+$/);
  }
}

const classifierOf = (m: typeof DEFAULT_ADO_MAPPING) => new TrackerClassifier(m);

describe('fuzzing the Azure DevOps, GitHub and spreadsheet parsers', () => {
  it('ADO CSV: mutated exports and random text', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(ADO), fc.string(), fc.string({ unit: 'binary' })), async (text) => {
        const file = write(text, 'csv');
        const m = DEFAULT_ADO_MAPPING;
        expectWellFormed(
          await collect(async () =>
            readAdo(file, await scanAdo(file, m, 'P'), {
              mapping: m,
              classifier: classifierOf(m),
              timeZone: 'UTC',
              defaultProject: 'P',
            }),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('GitHub JSON: mutated exports, random JSON and text', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(GITHUB), fc.json(), fc.string()), async (text) => {
        const file = write(text, 'json');
        const m = DEFAULT_GITHUB_MAPPING;
        expectWellFormed(
          await collect(async () =>
            readGithub(file, await scanGithub(file, m, 'o/r'), {
              mapping: m,
              classifier: classifierOf(m),
              defaultRepository: 'o/r',
            }),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('spreadsheets: mutated CSV, random bytes posing as XLSX, and the preview of either', {
    timeout: 90_000,
  }, async () => {
    const mapping = parseTableMapping({
      columns: { key: 'Ref', title: 'Summary', createdAt: 'Opened' },
      project: 'P',
    });
    const zipLike = fc
      .uint8Array({ maxLength: 200 })
      .map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(TABLE), fc.string(), zipLike), async (content) => {
        const file = write(content, typeof content === 'string' ? 'csv' : 'xlsx');
        expectWellFormed(
          await collect(async () =>
            readTable(file, await scanTable(file, mapping), {
              mapping,
              classifier: new TrackerClassifier(mapping),
              timeZone: 'UTC',
            }),
          ),
        );
        const preview = await previewFile(file).catch((e: unknown) => {
          if (e instanceof ImportFormatError) return undefined;
          throw e;
        });
        if (preview) {
          expect(['jira', 'ado', 'github', 'table']).toContain(preview.kind);
          expect(
            Object.values(suggestTableColumns(preview.columns)).every((c) => preview.columns.includes(c)),
          ).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
