import { performance } from 'node:perf_hooks';

/** One line of a benchmark report: a figure next to the baseline measured in the same run. */
export interface BenchRow {
  name: string;
  value: string;
  baseline?: string;
  /** value / baseline, for the figures where smaller is better (times). */
  ratio?: number;
  note?: string;
}

/** A benchmark file `bench/<name>.bench.ts` default-exports one of these. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Times `fn` `runs` times after `warmup` untimed runs and returns each run's milliseconds. */
export async function sampleMs(
  fn: () => unknown | Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentileMs(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}
