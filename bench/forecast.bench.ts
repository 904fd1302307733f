import { performance } from 'node:perf_hooks';
import { computeCumulativeFlow } from '../core/flow/cumulative-flow';
import { computeCycleTimes, computeLeadTimes } from '../core/flow/cycle-time';
import { computeFlowEfficiency } from '../core/flow/flow-efficiency';
import { computeFlowReport } from '../core/flow/flow-report';
import { computeItemTimelines } from '../core/flow/item-timeline';
import { computeThroughputPerDay } from '../core/flow/throughput';
import type { FlowItem, StatusCategory } from '../core/flow/types';
import { computeWipPerDay } from '../core/flow/wip';
import { computeForecastHowMany } from '../core/forecast/forecast-how-many';
import { computeForecastWhen } from '../core/forecast/forecast-when';
import { createRng } from '../core/random/prng';
import { type BenchRow, type BenchSuite, formatMs, percentileMs, sampleMs } from './harness';

/** Daily throughput uniform on 0..6 (mean 3), seeded. */
function history(days: number): number[] {
  const rng = createRng(days);
  return Array.from({ length: days }, () => rng.nextInt(7));
}

/** The naive Monte Carlo baseline: draw every daily sample with rng.nextInt, nothing else. */
function bareDraws(samples: readonly number[], draws: number): number {
  const rng = createRng(1);
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += samples[rng.nextInt(samples.length)] ?? 0;
  return sum;
}

async function monteCarloRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const days of [90, 365]) {
    const samples = history(days);
    const run = () =>
      computeForecastWhen({ samples, items: 1_000, startDate: '2025-01-01', trials: 10_000, seed: 7 });
    const f = run();
    // The daily samples the simulation stands for: every trial runs until the last one finishes.
    const draws = 10_000 * (f.histogram.at(-1)?.day ?? 0);
    const ms = percentileMs(await sampleMs(run, 15), 50);
    const base = percentileMs(await sampleMs(() => bareDraws(samples, draws), 15), 50);
    const cpu = sampleWallAndCpu(run, 15).cpu;
    rows.push({
      name: `MC when: 10,000 trials × 1,000 items, mean 3/day, ${days}-day history (p50)`,
      value: formatMs(ms),
      baseline: `${formatMs(base)} bare nextInt loop, ${(draws / 1e6).toFixed(2)} M draws`,
      ratio: ms / base,
      note: `target ≤ 50 ms; CPU ${formatMs(cpu)}; P85 ${f.percentiles[85]}`,
    });
  }
  const samples = history(90);
  const howMany = () =>
    computeForecastHowMany({
      samples,
      startDate: '2025-01-01',
      endDate: '2025-03-31',
      trials: 10_000,
      seed: 7,
    });
  const ms = percentileMs(await sampleMs(howMany, 15), 50);
  const base = percentileMs(await sampleMs(() => bareDraws(samples, 10_000 * 90), 15), 50);
  rows.push({
    name: 'MC how-many: 10,000 trials × 90 days (p50)',
    value: formatMs(ms),
    baseline: `${formatMs(base)} bare nextInt loop, 0.90 M draws`,
    ratio: ms / base,
  });
  return rows;
}

/** p50 wall and process CPU milliseconds of `runs` runs after one warm-up (CPU time: all threads, GC included). */
function sampleWallAndCpu(fn: () => unknown, runs = 7): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: percentileMs(wall, 50), cpu: percentileMs(cpu, 50) };
}

/** 50,000 items with 5 status changes each (250,000), over two years, one blocked spell each. */
function syntheticTeam(): FlowItem[] {
  const rng = createRng(50_000);
  const t0 = Date.UTC(2023, 0, 1);
  const hour = 3_600_000;
  const steps: [StatusCategory, string, boolean][] = [
    ['todo', 'Open', false],
    ['in_progress', 'Doing', false],
    ['in_progress', 'Doing', true],
    ['in_progress', 'Review', false],
    ['done', 'Done', false],
  ];
  return Array.from({ length: 50_000 }, (_, i) => {
    let at = t0 + rng.nextInt(700 * 24) * hour;
    const createdAt = new Date(at).toISOString();
    const statusChanges = steps.map(([category, status, blocked]) => {
      at += (1 + rng.nextInt(96)) * hour;
      return { at: new Date(at).toISOString(), category, status, blocked };
    });
    return { id: `T-${i}`, createdAt, statusChanges };
  });
}

function flowRows(): BenchRow[] {
  const items = syntheticTeam();
  // Naive baseline: one pass that only parses every timestamp and sorts them.
  const baseline = () => {
    const stamps = new Float64Array(items.length * 6);
    let k = 0;
    for (const it of items) {
      stamps[k++] = Date.parse(it.createdAt);
      for (const c of it.statusChanges) stamps[k++] = Date.parse(c.at);
    }
    return stamps.sort();
  };
  const base = sampleWallAndCpu(baseline);
  // The same six metrics one call at a time on timelines parsed once (how a report was made before).
  const oneByOne = () => {
    const t = computeItemTimelines(items);
    return [
      computeThroughputPerDay(t),
      computeCycleTimes(t),
      computeLeadTimes(t),
      computeWipPerDay(t),
      computeCumulativeFlow(t, { by: 'status' }),
      computeFlowEfficiency(t),
    ];
  };
  const report = () => computeFlowReport(items, { cumulativeFlow: { by: 'status' } });
  const timelines = computeItemTimelines(items);
  const rows: BenchRow[] = [];
  const add = (name: string, fn: () => unknown, note?: string) => {
    const m = sampleWallAndCpu(fn);
    rows.push({
      name,
      value: formatMs(m.wall),
      baseline: `${formatMs(base.wall)} parse + sort`,
      ratio: m.wall / base.wall,
      // On a shared machine wall time includes waiting for a core; CPU time does not.
      note: `CPU ${formatMs(m.cpu)} = ${(m.cpu / base.cpu).toFixed(2)}× baseline CPU ${formatMs(base.cpu)}${note ? `; ${note}` : ''}`,
    });
  };
  add('flow: timelines (parse + derive start/done), 50k items, 250k changes', () =>
    computeItemTimelines(items),
  );
  add('flow: cycle + lead time percentiles on timelines', () => [
    computeCycleTimes(timelines),
    computeLeadTimes(timelines),
  ]);
  add('flow: WIP per day + CFD by status on timelines', () => [
    computeWipPerDay(timelines),
    computeCumulativeFlow(timelines, { by: 'status' }),
  ]);
  add('flow: six metrics one call at a time, timelines parsed once', oneByOne);
  add('flow: full report from raw items, shared pass (computeFlowReport)', report, 'target ≤ 200 ms');
  return rows;
}

const suite: BenchSuite = {
  name: 'forecast: Monte Carlo and flow metrics',
  async run() {
    return [...(await monteCarloRows()), ...flowRows()];
  },
};

export default suite;
