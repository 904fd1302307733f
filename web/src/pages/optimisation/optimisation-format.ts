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

export const VALUE_SOURCE_OPTIONS: { value: ValueSource; label: string }[] = [
  { value: 'npv', label: 'NPV (business cases)' },
  { value: 'wsjf', label: 'WSJF cost of delay' },
  { value: 'score', label: 'Weighted score' },
];

export const valueName = (source: string) =>
  source === 'npv' ? 'NPV' : source === 'wsjf' ? 'WSJF cost of delay' : 'Weighted score';
