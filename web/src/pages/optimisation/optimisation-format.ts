import type { ValueSource } from '../../api/optimisation';

// Number words of the optimiser pages, matching the server's sentences (1.2 M, 340 k).

export function formatAmount(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  const abs = Math.abs(x);
  const three = (v: number) => String(Number(v.toPrecision(3)));
  if (abs >= 1e9) return `${three(x / 1e9)} bn`;
  if (abs >= 1e6) return `${three(x / 1e6)} M`;
  if (abs >= 1e4) return `${three(x / 1e3)} k`;
  return three(x);
}

export const formatGap = (gap: number | null) => (gap === null ? '—' : `${(gap * 100).toFixed(2)} %`);

/**
 * What an unproven plan's gap means, for people: the bound is the most any plan could be worth,
 * so the gap is the most this plan can fall short. Null when there is nothing to explain.
 */
export function describeGap(status: string, bound: number | null, gap: number | null): string | null {
  if (status !== 'feasible' || bound === null || gap === null) return null;
  // Rounded up to the three figures shown, so the sentence stays true.
  const step = bound > 0 ? 10 ** (Math.floor(Math.log10(bound)) - 2) : 1;
  const shown = Math.ceil(bound / step - 1e-9) * step;
  return `No plan can be worth more than ${formatAmount(shown)}, so this one is at most ${formatGap(gap)} short of the best possible. A longer time limit may find a better plan or prove this one.`;
}

export const VALUE_SOURCE_OPTIONS: { value: ValueSource; label: string }[] = [
  { value: 'npv', label: 'NPV (business cases)' },
  { value: 'wsjf', label: 'WSJF cost of delay' },
  { value: 'score', label: 'Weighted score' },
];

export const valueName = (source: string) =>
  source === 'npv' ? 'NPV' : source === 'wsjf' ? 'WSJF cost of delay' : 'Weighted score';
