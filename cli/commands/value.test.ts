import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'triad-value-'));
let files = 0;

function file(content: unknown): string {
  const path = join(dir, `case-${files++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Runs `node bin/triad.js value business-case FILE --json` and returns exit code, JSON and stderr. */
function businessCase(path: string, ...extra: string[]) {
  return new Promise<{ code: number; out: Record<string, unknown>; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        'node',
        ['bin/triad.js', 'value', 'business-case', path, ...extra],
        { cwd: root, env: { ...process.env, TZ: 'UTC' } },
        (error, stdout, stderr) => {
          let out: Record<string, unknown> = {};
          try {
            out = JSON.parse(stdout);
          } catch {}
          resolve({ code: error ? Number(error.code ?? 1) : 0, out, stdout, stderr });
        },
      );
    },
  );
}

describe.concurrent('triad value business-case', { timeout: 60_000 }, () => {
  it('prints every figure of the contract for net flows', async () => {
    const r = await businessCase(file({ rate: 0.1, flows: [-1000, 300, 400, 500] }), '--json');
    expect(r.code).toBe(0);
    expect(Object.keys(r.out)).toEqual([
      'npv',
      'irr',
      'irrs',
      'payback',
      'discountedPayback',
      'roi',
      'bcr',
      'warnings',
    ]);
    const pvIn = 300 / 1.1 + 400 / 1.21 + 500 / 1.331;
    expect(r.out.npv).toBeCloseTo(pvIn - 1000, 9);
    expect(r.out.payback).toBeCloseTo(2.6, 12); // cumulative −300 after period 2, +500 during period 3
    expect(r.out.discountedPayback).toBeNull();
    expect(r.out.roi).toBeCloseTo(0.2, 12);
    expect(r.out.bcr).toBeCloseTo(pvIn / 1000, 12);
    const irr = r.out.irr as number;
    expect(-1000 + 300 / (1 + irr) + 400 / (1 + irr) ** 2 + 500 / (1 + irr) ** 3).toBeCloseTo(0, 8);
    expect(r.out.irrs).toEqual([irr]);
    expect(r.out.warnings).toEqual([expect.stringMatching(/discounted payback/)]);
  });

  it('reproduces the Excel IRR help example with payback 4.1538 and ROI 31.43% (REFERENCES.md §5.1)', async () => {
    const r = await businessCase(
      file({ rate: 0.1, flows: [-70000, 12000, 15000, 18000, 21000, 26000] }),
      '--json',
    );
    expect(r.out.irr).toBeCloseTo(0.0866309, 7);
    expect(r.out.payback).toBeCloseTo(4.153846153846154, 12);
    expect(r.out.discountedPayback).toBeNull(); // discounted cumulative −2,683.31 after year 5
    expect(r.out.roi).toBeCloseTo(0.3142857142857143, 12);
  });

  it('takes costs and benefits of different lengths, padding with zeros', async () => {
    const r = await businessCase(
      file({ rate: 0.05, costs: [1000, 200], benefits: [0, 300, 600, 600] }),
      '--json',
    );
    expect(r.code).toBe(0);
    const pvBenefits = 300 / 1.05 + 600 / 1.05 ** 2 + 600 / 1.05 ** 3;
    const pvCosts = 1000 + 200 / 1.05;
    expect(r.out.npv).toBeCloseTo(pvBenefits - pvCosts, 9);
    expect(r.out.roi).toBeCloseTo((1500 - 1200) / 1200, 12);
    expect(r.out.bcr).toBeCloseTo(pvBenefits / pvCosts, 12);
    expect(r.out.payback).toBeCloseTo(2 + 300 / 600, 12); // net −1000, 100, 600, 600
  });

  it('lists both IRRs of [−100, 230, −132] (10% and 20%) with irr null and a warning', async () => {
    const r = await businessCase(file({ rate: 0.15, flows: [-100, 230, -132] }), '--json');
    expect(r.code).toBe(0);
    expect(r.out.irr).toBeNull();
    const irrs = r.out.irrs as number[];
    expect(irrs).toHaveLength(2);
    expect(irrs[0]).toBeCloseTo(0.1, 10);
    expect(irrs[1]).toBeCloseTo(0.2, 10);
    expect((r.out.warnings as string[]).some((w) => /2 rates/.test(w))).toBe(true);
  });

  it('reports no IRR with a warning when no rate gives NPV 0', async () => {
    const r = await businessCase(file({ rate: 0.1, flows: [100, 50, 25] }), '--json');
    expect(r.out.irr).toBeNull();
    expect(r.out.irrs).toEqual([]);
    expect(r.out.payback).toBe(0); // never negative: paid back at once
    expect(r.out.roi).toBeNull(); // no costs
    expect(r.out.bcr).toBeNull();
    expect((r.out.warnings as string[]).length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).not.toMatch(/Infinity|NaN/);
  });

  it('does not stop at a non-negative period 0 when the investment comes later', async () => {
    const r = await businessCase(file({ rate: 0, flows: [0, -100, 60, 60] }), '--json');
    expect(r.out.payback).toBeCloseTo(2 + 40 / 60, 12);
    expect(r.out.discountedPayback).toBeCloseTo(2 + 40 / 60, 12);
  });

  it('prints a readable summary without --json', async () => {
    const r = await businessCase(file({ rate: 0.1, flows: [-1000, 300, 400, 500] }));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NPV -21\.036/);
  });

  const bad: Array<[string, string]> = [
    ['malformed JSON', '{"rate":0.1,"flows":[-1000,'],
    ['a JSON array at the top level', '[-1000, 300]'],
    ['a missing rate', '{"flows":[-1000,300]}'],
    ['a rate of −100%', '{"rate":-1,"flows":[-1000,300]}'],
    ['a string rate', '{"rate":"10%","flows":[-1000,300]}'],
    ['a non-number flow', '{"rate":0.1,"flows":[-1000,"300"]}'],
    ['empty flows', '{"rate":0.1,"flows":[]}'],
    ['no flows nor costs and benefits', '{"rate":0.1}'],
    ['costs without benefits', '{"rate":0.1,"costs":[100]}'],
    ['both flows and costs', '{"rate":0.1,"flows":[-1],"costs":[1],"benefits":[2]}'],
    ['a negative cost', '{"rate":0.1,"costs":[-100],"benefits":[200]}'],
    ['flows that are not an array', '{"rate":0.1,"flows":"-1000,300"}'],
  ];
  for (const [what, content] of bad) {
    it(`exits with code 2 on ${what}`, async () => {
      const r = await businessCase(file(content), '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^triad: /);
    });
  }

  it('exits with code 2 on a missing file', async () => {
    const r = await businessCase(join(dir, 'does-not-exist.json'), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });
});
