import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { levelResources, levelWithPriorityRule } from '../core/schedule/levelling';
import { parsePsplib } from '../core/schedule/psplib';
import { verifySchedule } from '../core/schedule/verify-schedule';
import { type BenchRow, type BenchSuite, formatMs, sampleMs } from './harness';

// PSPLIB samples (Kolisch & Sprecher 1996) with optima (j30opt.sm, Demeulemeester & Herroelen)
// and best-known makespans (j120hrs.sm); see /work/shared/data/README.md and REFERENCES §3.
const DATA = new URL('../../shared/data/psplib/', import.meta.url);
const TIME_LIMIT_MS = 1000;

/** `Par Inst Makespan …` rows of a PSPLIB solution file, keyed `par_inst` like the file names. */
function referenceTable(file: string): Map<string, number> {
  const rows = readFileSync(new URL(file, DATA), 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((r) => r.length >= 3 && /^\d+$/.test(r[0] ?? '') && /^\d+$/.test(r[1] ?? ''));
  return new Map(rows.map((r) => [`${r[0]}_${r[1]}`, Number(r[2])]));
}

async function runSet(set: 'j30' | 'j120', referenceFile: string, label: string): Promise<BenchRow[]> {
  const reference = referenceTable(referenceFile);
  const files = readdirSync(DATA)
    .filter((f) => new RegExp(`^${set}\\d+_\\d+\\.sm$`).test(f))
    .sort();
  let heuristicDev = 0;
  let baselineDev = 0;
  let heuristicMs = 0;
  let baselineMs = 0;
  let hits = 0;
  for (const file of files) {
    const ref = reference.get(file.slice(set.length, -3));
    if (ref === undefined) throw new Error(`no reference makespan for ${file}`);
    const instance = parsePsplib(readFileSync(new URL(file, DATA), 'utf8'));
    const start = performance.now();
    const result = levelResources(instance, {
      seed: 1,
      maxSchedules: Number.POSITIVE_INFINITY,
      shouldStop: () => performance.now() - start >= TIME_LIMIT_MS,
    });
    heuristicMs += performance.now() - start;
    if (!verifySchedule(instance, result.starts).feasible) throw new Error(`infeasible schedule for ${file}`);
    const baseline = levelWithPriorityRule(instance, 'LFT');
    const [baselineSample] = await sampleMs(() => levelWithPriorityRule(instance, 'LFT'), 1, 1);
    baselineMs += baselineSample ?? 0;
    heuristicDev += (result.makespan - ref) / ref;
    baselineDev += (baseline.makespan - ref) / ref;
    if (result.makespan <= ref) hits++;
  }
  const n = files.length;
  const pct = (x: number) => `${((100 * x) / n).toFixed(2)} %`;
  return [
    {
      name: `${set}: mean deviation from ${label} (${n} instances)`,
      value: pct(heuristicDev),
      baseline: pct(baselineDev),
      note: `GA+FBI, ${TIME_LIMIT_MS} ms limit, seed 1; ${hits}/${n} at ${label}`,
    },
    {
      name: `${set}: time per instance`,
      value: formatMs(heuristicMs / n),
      baseline: formatMs(baselineMs / n),
      ratio: heuristicMs / Math.max(baselineMs, 1e-6),
      note: 'baseline: one serial SGS pass with LFT; GA stops early at a proven lower bound',
    },
  ];
}

const suite: BenchSuite = {
  name: 'PSPLIB resource levelling (RCPSP)',
  async run() {
    return [
      ...(await runSet('j30', 'j30opt.sm', 'optimum')),
      ...(await runSet('j120', 'j120hrs.sm', 'best known')),
    ];
  },
};

export default suite;
