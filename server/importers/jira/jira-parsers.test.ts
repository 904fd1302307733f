import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFormatError } from './import-errors';
import { parseJiraDate } from './jira-dates';
import { type JiraFileEvent, readJiraRecords, scanJiraFile } from './jira-file';
import { DEFAULT_JIRA_MAPPING, parseJiraMapping } from './jira-mapping';
import { JsonIssueScanner } from './json-issue-stream';

const dir = mkdtempSync(join(tmpdir(), 'triad-jira-parse-'));
let n = 0;
const file = (text: string) => {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, text);
  return path;
};

/** Both passes over a file: the events, or the file-level error. */
async function importEvents(text: string): Promise<JiraFileEvent[] | ImportFormatError> {
  const path = file(text);
  try {
    const scan = await scanJiraFile(path);
    const events: JiraFileEvent[] = [];
    const options = { mapping: DEFAULT_JIRA_MAPPING, timeZone: 'UTC', classifier: scan.classifier };
    for await (const e of readJiraRecords(path, scan, options)) events.push(e);
    return events;
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
}

describe('Jira dates', () => {
  it('reads the default CSV format in the exporter’s time zone, across daylight saving', () => {
    expect(new Date(parseJiraDate('02/Dec/24 1:15 PM', 'UTC') ?? 0).toISOString()).toBe(
      '2024-12-02T13:15:00.000Z',
    );
    expect(new Date(parseJiraDate('02/Dec/24 1:15 PM', 'America/New_York') ?? 0).toISOString()).toBe(
      '2024-12-02T18:15:00.000Z',
    );
    expect(new Date(parseJiraDate('01/Jul/25 12:05 AM', 'America/New_York') ?? 0).toISOString()).toBe(
      '2025-07-01T04:05:00.000Z',
    );
    expect(new Date(parseJiraDate('1/jan/2025 13:00', 'Europe/Berlin') ?? 0).toISOString()).toBe(
      '2025-01-01T12:00:00.000Z',
    );
  });

  it('reads ISO 8601 with and without offsets', () => {
    expect(parseJiraDate('2024-12-02T13:15:37.415-0500', 'UTC')).toBe(Date.UTC(2024, 11, 2, 18, 15, 37, 415));
    expect(parseJiraDate('2024-12-02T13:15:37-05:00', 'UTC')).toBe(Date.UTC(2024, 11, 2, 18, 15, 37));
    expect(parseJiraDate('2024-12-02 13:15', 'Asia/Kolkata')).toBe(Date.UTC(2024, 11, 2, 7, 45));
    expect(parseJiraDate('2024-12-02', 'UTC')).toBe(Date.UTC(2024, 11, 2));
  });

  it('refuses impossible and foreign dates', () => {
    for (const bad of [
      '31/Feb/24 1:00 PM',
      '02/Foo/24 1:00 PM',
      '02/Dec/24 13:00 PM',
      '2024-13-01',
      'yesterday',
      '',
    ]) {
      expect(parseJiraDate(bad, 'UTC')).toBeUndefined();
    }
  });
});

describe('JSON issue scanner', () => {
  const doc = JSON.stringify({
    expand: 'names',
    issues: [
      { key: 'A-1', fields: { summary: 'a "quoted" \\ back\\slash, [brackets] {braces}' } },
      { key: 'A-2' },
    ],
    names: { customfield_1: 'Story Points' },
  });

  it('gives the same issues whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: doc.length }), { maxLength: 6 }), (cuts) => {
        const names: unknown[] = [];
        const scanner = new JsonIssueScanner({
          topLevelKeys: ['names'],
          onTopLevelValue: (_k, v) => names.push(v),
        });
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          scanner.feed(doc.slice(at, cut));
          at = cut;
        }
        scanner.feed(doc.slice(at));
        scanner.end();
        expect(scanner.events).toEqual([
          { kind: 'issue', index: 1, value: JSON.parse(doc).issues[0] },
          { kind: 'issue', index: 2, value: { key: 'A-2' } },
        ]);
        expect(names).toEqual([{ customfield_1: 'Story Points' }]);
      }),
    );
  });

  it('reports a truncated file on the issue it cuts', async () => {
    const events = await importEvents(doc.slice(0, doc.indexOf('A-2') + 2));
    expect(events).toEqual([
      expect.objectContaining({ kind: 'rejected' }),
      {
        kind: 'rejected',
        rejection: { row: 2, reason: 'the file ends inside this issue (truncated file?)' },
      },
    ]);
  });

  it('refuses files that are not a Jira export as a whole', async () => {
    expect(await importEvents('{"total": 3}')).toBeInstanceOf(ImportFormatError);
    expect(await importEvents('{"issues": [}')).toBeInstanceOf(ImportFormatError);
    expect(await importEvents('Summary,Key\nx,y\n')).toBeInstanceOf(ImportFormatError);
    expect(await importEvents('   ')).toBeInstanceOf(ImportFormatError);
  });
});

describe('CSV rows', () => {
  it('collects repeated columns and reports bad rows by line', async () => {
    const csv = [
      'Summary,Issue key,Issue Type,Status,Created,Resolved,Labels,Labels,Sprint,Sprint,Custom field (Story Points)',
      'One,AB-1,Story,Done,02/Dec/24 1:15 PM,03/Dec/24 9:00 AM,x,y,S1,S2,3',
      '"Two, with ""quotes""\nand a line break",AB-2,Bug,In Progress,2024-12-02,,,,,,',
      'Three,AB-3,Task,Open,someday,,,,,,',
      'Four,AB-4,Task,Open,2024-12-02,,,,,,lots',
      'Five,AB-5,Task',
    ].join('\n');
    const events = await importEvents(csv);
    if (events instanceof Error) throw events;
    const records = events.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
    const rejections = events.flatMap((e) => (e.kind === 'rejected' ? [e.rejection] : []));
    expect(records.map((r) => [r.key, r.type, r.statusCategory, r.estimate])).toEqual([
      ['AB-1', 'story', 'done', 3],
      ['AB-2', 'bug', 'in_progress', null],
    ]);
    expect(records[0]?.fields).toMatchObject({ labels: ['x', 'y'], sprints: ['S1', 'S2'] });
    expect(records[1]?.title).toBe('Two, with "quotes"\nand a line break');
    expect(rejections.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(rejections[0]?.reason).toMatch(/created date "someday"/);
    expect(rejections[1]?.reason).toMatch(/Story Points must be a non-negative number/);
    expect(rejections[2]?.reason).toMatch(/3 fields but the header has 11/);
  });
});

describe('mapping files', () => {
  it('name the bad entry', () => {
    expect(() => parseJiraMapping({ issueTypes: { Spike: 'spike' } })).toThrow(
      /issueTypes\["Spike"\] must be one of/,
    );
    expect(() => parseJiraMapping({ projects: { X_Y: 'x' } })).toThrow(/projects\["X_Y"\]/);
    expect(() => parseJiraMapping({ colour: 'red' })).toThrow(/unknown entry "colour"/);
    expect(parseJiraMapping({}).fields.storyPoints).toContain('Story Points');
  });
});

// Fuzz: whatever the bytes, the importer answers with records, row rejections or one clear
// file-level error; it never crashes with anything else and never hangs.
describe('fuzzing the parsers', () => {
  const validJson = JSON.stringify({
    issues: [
      {
        key: 'FZ-1',
        fields: { summary: 's', status: { name: 'Open' }, created: '2024-01-01T00:00:00.000+0000' },
        changelog: {
          histories: [
            {
              created: '2024-01-02T00:00:00.000+0000',
              items: [{ field: 'status', fromString: 'Open', toString: 'Done' }],
            },
          ],
        },
      },
    ],
  });
  const validCsv = 'Issue key,Summary,Status,Created,Labels,Labels\nFZ-1,"a, b",Open,02/Dec/24 1:15 PM,x,y\n';
  const mutate = (base: string) =>
    fc
      .array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 })), { maxLength: 8 })
      .map((edits) =>
        edits.reduce((s, [at, del, ins]) => {
          const i = at % (s.length + 1);
          return s.slice(0, i) + ins + s.slice(i + del);
        }, base),
      );

  const check = async (text: string) => {
    const result = await importEvents(text);
    if (result instanceof ImportFormatError) {
      expect(result.message.length).toBeGreaterThan(0);
      return;
    }
    for (const e of result) {
      if (e.kind === 'rejected') {
        expect(e.rejection.row).toBeGreaterThan(0);
        expect(e.rejection.reason.length).toBeGreaterThan(0);
      } else expect(e.record.key).toMatch(/-\d+$/);
    }
  };

  it('JSON: mutated exports and random text', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(mutate(validJson), fc.string(), fc.json()), check), {
      numRuns: 300,
    });
  });

  it('CSV: mutated exports and random text', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(validCsv), fc.string({ unit: 'binary' }), fc.string()), check),
      { numRuns: 300 },
    );
  });
});
