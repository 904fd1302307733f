import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fixtures from '../../../shared/data/fixtures/cpm_pert.json' with { type: 'json' };
import { parsePsplib } from '../../core/schedule/psplib';
import { verifySchedule } from '../../core/schedule/verify-schedule';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => `cli/commands/__fixtures__/schedule/${name}`;
const psplib = (name: string) =>
  fileURLToPath(new URL(`../../../shared/data/psplib/${name}`, import.meta.url));

function triad(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/triad.js', ...args],
      { cwd: root, env: { ...process.env, TZ: 'UTC' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe.concurrent('triad schedule cpm', { timeout: 30_000 }, () => {
  it('prints the published Reliable Construction schedule from JSON (Hillier & Lieberman, REFERENCES §2.2)', async () => {
    const { code, stdout } = await triad('schedule', 'cpm', fixture('reliable-construction.json'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.makespan).toBe(44);
    expect(out.criticalPath).toEqual(fixtures.reliable_construction.critical_path);
    for (const [id, row] of Object.entries(fixtures.reliable_construction.schedule)) {
      expect(out.activities[id]).toEqual({
        es: row.ES,
        ef: row.EF,
        ls: row.LS,
        lf: row.LF,
        totalFloat: row.TF,
        freeFloat: row.FF,
        critical: row.TF === 0,
      });
    }
  });

  it('reads MSPDI XML: durations in hours, lags in tenths of minutes, all four link types (REFERENCES §2.4)', async () => {
    const { code, stdout } = await triad('schedule', 'cpm', fixture('all-link-types.xml'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.makespan).toBe(19);
    // UIDs 2..7 are A..F: ES A0 B7 C3 D12 E6 F16; TF C 4, E 4; FF E 4.
    expect([2, 3, 4, 5, 6, 7].map((uid) => out.activities[uid].es)).toEqual([0, 7, 3, 12, 6, 16]);
    expect(out.activities['4']).toMatchObject({ totalFloat: 4, freeFloat: 0, critical: false });
    expect(out.activities['6']).toMatchObject({ totalFloat: 4, freeFloat: 4 });
    expect(out.criticalPath).toEqual(['2', '3', '5', '7', '8']);
  });

  it.each([
    ['cycle.json', /cycle/],
    ['unknown-predecessor.json', /unknown predecessor Z/],
    ['negative-duration.json', /negative/],
    ['truncated-json.txt', /invalid JSON/],
    ['malformed.sm', /unrecognised file/],
    ['missing-file.json', /cannot read/],
  ])('exits with code 2 and a message on %s', async (name, message) => {
    const { code, stdout, stderr } = await triad('schedule', 'cpm', fixture(name), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe.concurrent('triad schedule level', { timeout: 30_000 }, () => {
  it('prints a feasible schedule keyed by PSPLIB job number near the optimum (j306_2, optimum 51)', async () => {
    const file = psplib('j306_2.sm');
    const { code, stdout } = await triad(
      'schedule',
      'level',
      file,
      '--time-limit-ms',
      '300',
      '--seed',
      '4',
      '--json',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { makespan: number; starts: Record<string, number> };
    const instance = parsePsplib(readFileSync(file, 'utf8'));
    const starts = instance.durations.map((_, i) => out.starts[String(i + 1)]!);
    expect(Object.keys(out.starts)).toHaveLength(32);
    expect(verifySchedule(instance, starts)).toMatchObject({ feasible: true, makespan: out.makespan });
    expect(out.makespan).toBeGreaterThanOrEqual(51);
    expect(out.makespan).toBeLessThanOrEqual(53);
  });

  it('exits with code 2 on a malformed file and on a bad option', async () => {
    const bad = await triad('schedule', 'level', fixture('malformed.sm'), '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/missing header/);
    const option = await triad('schedule', 'level', psplib('j306_2.sm'), '--time-limit-ms', 'soon', '--json');
    expect(option.code).toBe(2);
  });
});
