import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'triad-evm-'));
let files = 0;

function file(content: unknown): string {
  const path = join(dir, `evm-${files++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

type Out = Record<string, number | null | string[] | Record<string, number | null>>;

/** Runs `node bin/triad.js evm FILE --json` and returns exit code, JSON and stderr. */
function evm(path: string, ...extra: string[]) {
  return new Promise<{ code: number; out: Out; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'node',
      ['bin/triad.js', 'evm', path, ...extra],
      { cwd: root, env: { ...process.env, TZ: 'UTC' } },
      (error, stdout, stderr) => {
        let out: Out = {};
        try {
          out = JSON.parse(stdout);
        } catch {}
        resolve({ code: error ? Number(error.code ?? 1) : 0, out, stdout, stderr });
      },
    );
  });
}

// REFERENCES.md §1.2 example F (Lipke's earned schedule): PV by month, AT 6, EV 600 → ES 3.6.
const exampleF = {
  bac: 1500,
  pv: [100, 250, 450, 700, 950, 1150, 1300, 1400, 1450, 1500],
  ev: [80, 200, 350, 450, 520, 600],
  ac: [90, 220, 400, 520, 600, 700],
};

describe.concurrent('triad evm', { timeout: 60_000 }, () => {
  it('prints every figure of the contract at the status date (example F)', async () => {
    const r = await evm(file(exampleF), '--json');
    expect(r.code).toBe(0);
    expect(Object.keys(r.out)).toEqual([
      'sv',
      'cv',
      'spi',
      'cpi',
      'eac',
      'etc',
      'vac',
      'tcpi',
      'es',
      'spiT',
      'ieacT',
      'warnings',
    ]);
    expect(r.out.sv).toBe(600 - 1150);
    expect(r.out.cv).toBe(-100);
    expect(r.out.spi).toBeCloseTo(0.5217391304347826, 12); // fixture "SPI_cost_based"
    expect(r.out.cpi).toBeCloseTo(600 / 700, 12);
    const eac = r.out.eac as Record<string, number>;
    expect(eac.cpi).toBeCloseTo(1500 / (600 / 700), 9);
    expect(eac.atypical).toBe(700 + 900);
    expect(eac.cpiSpi).toBeCloseTo(700 + 900 / ((600 / 700) * (600 / 1150)), 9);
    expect(r.out.etc).toBeCloseTo(1750 - 700, 9);
    expect(r.out.vac).toBeCloseTo(1500 - 1750, 9);
    const tcpi = r.out.tcpi as Record<string, number>;
    expect(tcpi.bac).toBeCloseTo(900 / 800, 12);
    expect(tcpi.eac).toBeCloseTo(600 / 700, 12);
    expect(r.out.es).toBeCloseTo(3.6, 12);
    expect(r.out.spiT).toBeCloseTo(0.6, 12);
    expect(r.out.ieacT).toBeCloseTo(16.666666666666668, 9);
    expect(r.out.warnings).toEqual([]);
  });

  it('reproduces the PRA vignette (paulgovan/PRA): CPI 0.5556, EAC 180,000, TCPI 1.7568', async () => {
    const pra = {
      bac: 100000,
      pv: [10000, 20000, 40000, 70000, 100000],
      ev: [8000, 20000, 35000],
      ac: [9000, 27000, 63000],
    };
    const r = await evm(file(pra), '--json');
    expect(r.out.sv).toBe(-5000);
    expect(r.out.cv).toBe(-28000);
    expect(r.out.spi).toBe(0.875);
    expect((r.out.eac as Record<string, number>).cpi).toBeCloseTo(180000, 6);
    expect((r.out.eac as Record<string, number>).cpiSpi).toBeCloseTo(196714.2857142857, 6);
    expect(r.out.etc).toBeCloseTo(117000, 6);
    expect(r.out.vac).toBeCloseTo(-80000, 6);
    expect((r.out.tcpi as Record<string, number>).bac).toBeCloseTo(1.7567567567567568, 12);
  });

  it('gives ES = PD when EV reaches BAC (no PV_{C+1}) and PV = BAC past the plan (AT > PD)', async () => {
    const r = await evm(
      file({ bac: 300, pv: [100, 200, 300], ev: [90, 180, 260, 300], ac: [100, 200, 300, 340] }),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.out.sv).toBe(0); // PV = BAC = 300 at period 4
    expect(r.out.es).toBe(3);
    expect(r.out.spiT).toBe(0.75);
    expect(r.out.ieacT).toBe(4);
    // EV = BAC: nothing left to do, so TCPI (EAC) has a zero denominator.
    expect((r.out.tcpi as Record<string, number | null>).eac).toBeNull();
    expect((r.out.warnings as string[]).some((w) => /past the plan/.test(w))).toBe(true);
    expect((r.out.warnings as string[]).some((w) => /TCPI \(EAC\)/.test(w))).toBe(true);
  });

  it('gives null with warnings for zero denominators, never Infinity or NaN', async () => {
    const r = await evm(file({ bac: 1000, pv: [0, 500, 1000], ev: [0], ac: [0] }), '--json');
    expect(r.code).toBe(0);
    expect([r.out.spi, r.out.cpi, r.out.etc, r.out.vac]).toEqual([null, null, null, null]);
    expect(r.out.eac).toEqual({ cpi: null, atypical: 1000, cpiSpi: null });
    expect(r.out.tcpi).toEqual({ bac: 1, eac: null });
    expect(r.out.es).toBe(1); // PV of period 1 is 0 ≤ EV
    expect((r.out.warnings as string[]).length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).not.toMatch(/Infinity|NaN/);

    const spent = await evm(file({ bac: 1000, pv: [200, 1000], ev: [0], ac: [50] }), '--json');
    expect(spent.out.cpi).toBe(0);
    expect(spent.out.ieacT).toBeNull();
    expect(spent.stdout).not.toMatch(/Infinity|NaN/);
  });

  it('prints a readable summary without --json', async () => {
    const r = await evm(file(exampleF));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Status at period 6 of 10/);
  });

  const bad: Array<[string, unknown]> = [
    ['ev and ac of different lengths', { bac: 100, pv: [50, 100], ev: [10, 20], ac: [10] }],
    ['an empty ev', { bac: 100, pv: [50, 100], ev: [], ac: [] }],
    ['a negative AC', { bac: 100, pv: [50, 100], ev: [10], ac: [-5] }],
    ['a negative BAC', { bac: -100, pv: [50, 100], ev: [10], ac: [5] }],
    ['a negative PV', { bac: 100, pv: [-50, 100], ev: [10], ac: [5] }],
    ['an empty plan', { bac: 100, pv: [], ev: [10], ac: [5] }],
    ['a decreasing cumulative PV', { bac: 100, pv: [60, 50, 100], ev: [10], ac: [5] }],
    ['a missing bac', { pv: [50, 100], ev: [10], ac: [5] }],
    ['a string in ev', { bac: 100, pv: [50, 100], ev: ['10'], ac: [5] }],
    ['a missing ac', { bac: 100, pv: [50, 100], ev: [10] }],
    ['malformed JSON', '{"bac": 100, "pv": [50'],
    ['a top-level array', '[1, 2, 3]'],
  ];
  for (const [what, content] of bad) {
    it(`exits with code 2 on ${what}`, async () => {
      const r = await evm(file(content), '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^triad: /);
    });
  }

  it('exits with code 2 on a missing file', async () => {
    const r = await evm(join(dir, 'nope.json'), '--json');
    expect(r.code).toBe(2);
  });
});
