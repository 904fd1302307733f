import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeExhaustiveOptimum } from '../../core/portfolio/exhaustive-search';
import { parseProblem } from '../../core/portfolio/parse-problem';
import { verifyPlan } from '../../core/portfolio/verify-plan';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'cli/commands/__fixtures__/portfolio', name);

function triad(...args: string[]) {
  const run = spawnSync('node', ['bin/triad.js', 'portfolio', 'optimize', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'triad-portfolio-')), 'problem.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('triad portfolio optimize', () => {
  it('prints the optimal plan as JSON, worth the exhaustive optimum', () => {
    const { code, stdout } = triad(fixture('small.json'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(['gap', 'objective', 'selected', 'status']);
    const problem = parseProblem(JSON.parse(readFileSync(fixture('small.json'), 'utf8')));
    expect(out.status).toBe('optimal');
    expect(out.gap).toBe(0);
    expect(out.objective).toBe(computeExhaustiveOptimum(problem).best);
    expect(verifyPlan(problem, out)).toEqual([]);
  }, 60_000);

  it('honours --time-limit-ms and the defaults for budget, capacity and windows', () => {
    const file = tempFile({
      periods: 2,
      candidates: [
        { id: 'a', value: 4, duration: 2 },
        { id: 'b', value: 3, duration: 1, dependsOn: ['a'] },
        { id: 'c', value: 2, duration: 1, demand: { ops: [5] } },
      ],
    });
    const { code, stdout, stderr } = triad(file, '--time-limit-ms', '5000', '--json');
    expect(code).toBe(0);
    // b cannot start after a (2 periods) finishes within 2 periods; 'ops' has no capacity: unlimited.
    expect(JSON.parse(stdout)).toMatchObject({ status: 'optimal', objective: 6 });
    expect(stderr).toContain("skill 'ops' has no capacity");
  }, 60_000);

  it('reports an infeasible problem with the conflicting rules', () => {
    const { code, stdout } = triad(fixture('infeasible.json'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.status).toBe('infeasible');
    expect(out.selected).toEqual([]);
    const named = out.conflicts.map((c: { kind: string; candidate?: string; period?: number }) =>
      [c.kind, c.candidate ?? c.period].join(':'),
    );
    // 6 + 5 > 10 in whichever period 'regulatory' runs: both mandatory items and both budgets clash.
    expect(named.sort()).toEqual(['budget:0', 'budget:1', 'mandatory:core-upgrade', 'mandatory:regulatory']);
  }, 60_000);

  it('rejects a malformed file with every problem on stderr and exit code 2', () => {
    const { code, stdout, stderr } = triad(fixture('malformed.json'), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const text of [
      'budget has 2 entries, expected 3',
      "candidate 'a': cost has 1 entries, expected 2",
      'value must be a non-negative number',
      'duration 4 exceeds the 3 periods',
      "duplicate candidate id 'a'",
      "dependsOn names unknown candidate 'ghost'",
      "excludes names unknown candidate 'phantom'",
      'candidates[3].id must be a non-empty string',
    ])
      expect(stderr).toContain(text);
  }, 60_000);

  it.each([
    ['not JSON', '{ "periods": 2, '],
    ['no periods', { candidates: [] }],
    [
      'a dependency cycle',
      { periods: 3, candidates: [{ id: 'a', value: 1, duration: 1, dependsOn: ['a'] }] },
    ],
    [
      'a missing cost under a budget',
      { periods: 1, budget: [1], candidates: [{ id: 'a', value: 1, duration: 1 }] },
    ],
    [
      'a window past the horizon',
      { periods: 2, candidates: [{ id: 'a', value: 1, duration: 2, latestStart: 1 }] },
    ],
  ])(
    'exits with code 2 on %s',
    (_, content) => {
      const { code, stderr } = triad(tempFile(content), '--json');
      expect(code).toBe(2);
      expect(stderr).toMatch(/^triad: /);
    },
    60_000,
  );

  it('exits with code 2 on a missing file and a bad time limit', () => {
    expect(triad(join(tmpdir(), 'no-such-portfolio.json'), '--json').code).toBe(2);
    expect(triad(fixture('small.json'), '--time-limit-ms', 'soon', '--json').code).toBe(2);
  }, 60_000);
});
