import { computeNpv } from './npv';

/** One bar of a tornado chart: the output with one driver moved down and up, the others at base. */
export interface TornadoBar {
  driver: string;
  base: number;
  lowInput: number;
  highInput: number;
  lowOutput: number;
  highOutput: number;
  /** |highOutput − lowOutput|: the bar's length. */
  swing: number;
}

export interface Tornado {
  baseOutput: number;
  /** Longest swing first; equal swings keep the drivers' order. */
  bars: TornadoBar[];
}

/**
 * One-at-a-time sensitivity (tornado) analysis: each driver is moved to base × (1 − variation)
 * and base × (1 + variation) with every other driver at its base value, and the bars are sorted
 * by the swing of the output (Clemen & Reilly, "Making Hard Decisions", ch. 5, tornado diagrams).
 *
 * @example
 * computeTornado({ price: 10, volume: 100 }, (d) => (d.price ?? 0) * (d.volume ?? 0), 0.1);
 * // bars: price 900..1100 (swing 200), volume 900..1100 (swing 200)
 */
export function computeTornado(
  drivers: Readonly<Record<string, number>>,
  evaluate: (drivers: Record<string, number>) => number,
  variation = 0.1,
): Tornado {
  if (!(variation > 0 && variation < 1))
    throw new RangeError(`variation must be in (0, 1), got ${variation}`);
  const baseOutput = evaluate({ ...drivers });
  const bars = Object.entries(drivers).map(([driver, base]) => {
    const lowInput = base * (1 - variation);
    const highInput = base * (1 + variation);
    const lowOutput = evaluate({ ...drivers, [driver]: lowInput });
    const highOutput = evaluate({ ...drivers, [driver]: highInput });
    return {
      driver,
      base,
      lowInput,
      highInput,
      lowOutput,
      highOutput,
      swing: Math.abs(highOutput - lowOutput),
    };
  });
  // Array.prototype.sort is stable (ES2019), so equal swings keep the drivers' order.
  bars.sort((a, b) => b.swing - a.swing);
  return { baseOutput, bars };
}

/** A named line of a business case: a cost or a benefit amount per period (element 0 at period 0). */
export interface BusinessCaseLine {
  name: string;
  kind: 'cost' | 'benefit';
  amounts: readonly number[];
}

/**
 * Tornado of a business case's NPV: the discount rate and each line (scaled as a whole) are the
 * drivers, each moved ± `variation` relative to its base value.
 *
 * @example
 * computeBusinessCaseTornado(0.1, [
 *   { name: 'build', kind: 'cost', amounts: [1000] },
 *   { name: 'sales', kind: 'benefit', amounts: [0, 400, 400, 400] },
 * ], 0.2).bars[0].driver; // 'sales'
 */
export function computeBusinessCaseTornado(
  rate: number,
  lines: readonly BusinessCaseLine[],
  variation = 0.1,
): Tornado {
  const names = new Set(lines.map((l) => l.name));
  if (names.size !== lines.length || names.has('rate')) {
    throw new RangeError('line names must be unique and not "rate"');
  }
  const drivers: Record<string, number> = { rate };
  for (const line of lines) drivers[line.name] = 1;
  const npvOf = (d: Record<string, number>): number => {
    let npv = 0;
    for (const line of lines) {
      const sign = line.kind === 'cost' ? -1 : 1;
      npv += sign * (d[line.name] ?? 1) * computeNpv(d.rate ?? rate, line.amounts);
    }
    return npv;
  };
  const tornado = computeTornado(drivers, npvOf, variation);
  return {
    baseOutput: tornado.baseOutput,
    bars: tornado.bars.map((bar) =>
      // Lines are scaled by a factor; report their inputs as the line's total amount.
      bar.driver === 'rate'
        ? bar
        : {
            ...bar,
            ...scaleToTotal(
              bar,
              lines.find((l) => l.name === bar.driver),
            ),
          },
    ),
  };
}

function scaleToTotal(bar: TornadoBar, line: BusinessCaseLine | undefined): Partial<TornadoBar> {
  const total = line ? line.amounts.reduce((s, v) => s + v, 0) : 0;
  return { base: total, lowInput: total * bar.lowInput, highInput: total * bar.highInput };
}
