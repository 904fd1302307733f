import { computeEvmStatus } from '../core/evm/evm-status';
import { computeBusinessCase } from '../core/finance/business-case';
import { computeIrr } from '../core/finance/irr';
import { computeNpv } from '../core/finance/npv';
import { createRng } from '../core/random/prng';
import { type BenchRow, type BenchSuite, formatMs, percentileMs, sampleMs } from './harness';

/** An investment then `periods` seeded returns of 10–20% of it: one sign change, one IRR. */
function flows(periods: number): number[] {
  const rng = createRng(periods);
  return [-1000, ...Array.from({ length: periods }, () => 100 + rng.nextInt(101))];
}

/** Baseline: the NPV evaluations of the IRR scan alone (20,001 grid rates), nothing else. */
function bareScan(series: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i <= 20_000; i++)
    sum += computeNpv(Math.expm1(Math.log(0.01) + (i * Math.log(1100)) / 20_000), series);
  return sum;
}

async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const periods of [10, 120, 600]) {
    const series = flows(periods);
    const ms = percentileMs(await sampleMs(() => computeIrr(series), 15), 50);
    const base = percentileMs(await sampleMs(() => bareScan(series), 15), 50);
    rows.push({
      name: `IRR, every root in (−99%, 1000%), ${periods + 1} flows (p50)`,
      value: formatMs(ms),
      baseline: `${formatMs(base)} for 20,001 bare NPV evaluations`,
      ratio: ms / base,
      note: `irr ${computeIrr(series).irr?.toFixed(6)}`,
    });
  }
  const businessCase = { rate: 0.08, costs: [5000, 1000, 1000], benefits: [0, 1500, 2500, 3000, 3000, 3000] };
  rows.push({
    name: 'business case: NPV, IRR, paybacks, ROI, BCR (6 periods, p50)',
    value: formatMs(percentileMs(await sampleMs(() => computeBusinessCase(businessCase), 30), 50)),
  });
  const pv = Array.from({ length: 520 }, (_, t) => (t + 1) * 100);
  const status = { bac: 52_000, pv, ev: pv.slice(0, 260).map((v) => v * 0.9), ac: pv.slice(0, 260) };
  rows.push({
    name: 'EVM + earned schedule at status, 520-period plan (p50)',
    value: formatMs(percentileMs(await sampleMs(() => computeEvmStatus(status), 30), 50)),
  });
  return rows;
}

const suite: BenchSuite = { name: 'Finance and EVM', run };
export default suite;
