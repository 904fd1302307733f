import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const thrivve = join(root, 'cli/commands/__fixtures__/forecast/thrivve-daily.csv');
const dir = mkdtempSync(join(tmpdir(), 'triad-forecast-'));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `node bin/triad.js forecast …` and returns its exit code and output. */
function triad(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/triad.js', 'forecast', ...args],
      { cwd: root, env: { ...process.env, TZ: 'UTC' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Two completions a day over five days: the answers are deterministic.
const steady = csv(
  'steady.csv',
  `id,done\n${['01', '02', '03', '04', '05'].flatMap((d) => [`a${d},2024-01-${d}`, `b${d},2024-01-${d}`]).join('\n')}\n`,
);

describe.concurrent('triad forecast', { timeout: 60_000 }, () => {
  it('when: constant throughput, finishing on start + k − 1, reproducible without --seed', async () => {
    const a = await triad('when', '--history', steady, '--items', '7', '--start', '2024-02-01', '--json');
    const b = await triad('when', '--history', steady, '--items', '7', '--start', '2024-02-01', '--json');
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    // 7 items at 2 a day: reached on day 4, i.e. 2024-02-01 + 3.
    expect(out.percentiles).toEqual({
      50: '2024-02-04',
      70: '2024-02-04',
      85: '2024-02-04',
      95: '2024-02-04',
    });
    expect(Object.keys(out.percentiles)).toEqual(['50', '70', '85', '95']);
    expect(out.trials).toBe(10_000);
    expect(b.stdout).toBe(a.stdout);
  });

  it('how-many: end date inclusive', async () => {
    const r = await triad(
      'how-many',
      '--history',
      steady,
      '--start',
      '2024-02-01',
      '--end',
      '2024-02-10',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).percentiles).toEqual({ 50: 20, 70: 20, 85: 20, 95: 20 });
  });

  // Thrivve Partners Monte Carlo example, daily throughput 3,5,4,2,6,4,5,3,7,4,5,6,3,4,5; exact answers
  // in /work/shared/data/fixtures/montecarlo_exact.json. The fixture CSV has a BOM, CRLF, quoted
  // fields, a padded " Done " header, timestamps with zones and blank done cells (unfinished items).
  it('when: reproduces the published example, 100 stories in 23/24/25/26 days', async () => {
    const r = await triad(
      'when',
      '--history',
      thrivve,
      '--items',
      '100',
      '--start',
      '2024-06-01',
      '--trials',
      '200000',
      '--seed',
      '3',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.percentiles).toEqual({
      50: '2024-06-23',
      70: '2024-06-24',
      85: '2024-06-25',
      95: '2024-06-26',
    });
    expect(out.history).toMatchObject({
      firstDate: '2024-01-01',
      lastDate: '2024-01-15',
      days: 15,
      total: 66,
      blankRows: 4,
    });
    expect(out.seed).toBe(3);
  });

  it('how-many: reproduces the published example, 132/128/125/120 in 30 days', async () => {
    const r = await triad(
      'how-many',
      '--history',
      thrivve,
      '--start',
      '2024-06-01',
      '--end',
      '2024-06-30',
      '--trials',
      '200000',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).percentiles).toEqual({ 50: 132, 70: 128, 85: 125, 95: 120 });
  });

  it('reads another completion column on request', async () => {
    const file = csv('finished.csv', 'id,finished_date\nA,2024-01-01\nB,2024-01-02\n');
    const r = await triad(
      'when',
      '--history',
      file,
      '--done-column',
      'finished_date',
      '--items',
      '3',
      '--start',
      '2024-02-01',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).percentiles[50]).toBe('2024-02-03');
  });

  const bad: [string, string[], RegExp][] = [
    [
      'a missing done column',
      [
        'when',
        '--history',
        csv('nodone.csv', 'id,created\nA,2024-01-01\n'),
        '--items',
        '5',
        '--start',
        '2024-02-01',
      ],
      /no "done" column/,
    ],
    [
      'an unparseable date',
      [
        'when',
        '--history',
        csv('baddate.csv', 'id,done\nA,2024-01-01\nB,next week\n'),
        '--items',
        '5',
        '--start',
        '2024-02-01',
      ],
      /line 3/,
    ],
    [
      'an empty file',
      ['how-many', '--history', csv('empty.csv', ''), '--start', '2024-02-01', '--end', '2024-02-05'],
      /empty/,
    ],
    [
      'a history without completions',
      ['when', '--history', csv('blank.csv', 'id,done\nA,\nB,\n'), '--items', '5', '--start', '2024-02-01'],
      /no completed item/,
    ],
    [
      'a missing file',
      ['when', '--history', join(dir, 'nope.csv'), '--items', '5', '--start', '2024-02-01'],
      /cannot read/,
    ],
    ['zero items', ['when', '--history', steady, '--items', '0', '--start', '2024-02-01'], /--items/],
    ['negative items', ['when', '--history', steady, '--items', '-3', '--start', '2024-02-01'], /--items/],
    [
      'non-numeric items',
      ['when', '--history', steady, '--items', 'ten', '--start', '2024-02-01'],
      /--items/,
    ],
    [
      'an end before the start',
      ['how-many', '--history', steady, '--start', '2024-02-10', '--end', '2024-02-09'],
      /before/,
    ],
    [
      'an impossible start date',
      ['when', '--history', steady, '--items', '5', '--start', '2024-02-30'],
      /--start/,
    ],
    [
      'zero trials',
      ['when', '--history', steady, '--items', '5', '--start', '2024-02-01', '--trials', '0'],
      /--trials/,
    ],
    ['a missing --items', ['when', '--history', steady, '--start', '2024-02-01'], /items/],
  ];
  it.each(bad)('exits with code 2 on %s', async (_name, args, message) => {
    const r = await triad(...args, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
