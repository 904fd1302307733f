import { describe, expect, it } from 'vitest';
import { describeGap, formatAmount } from './optimisation-format';

describe('describeGap', () => {
  it('says how far an unproven plan can be from the best possible, rounding the bound up', () => {
    expect(describeGap('feasible', 6392, 0.0363)).toBe(
      'No plan can be worth more than 6400, so this one is at most 3.63 % short of the best possible. A longer time limit may find a better plan or prove this one.',
    );
  });

  it('keeps a bound that needs no rounding as it is', () => {
    expect(describeGap('feasible', 72_100, 0.01)).toMatch(/^No plan can be worth more than 72.1 k,/);
    expect(describeGap('feasible', 72_101, 0.01)).toMatch(/^No plan can be worth more than 72.2 k,/);
  });

  it('says nothing of a proven optimum, an infeasible problem or a missing bound', () => {
    expect(describeGap('optimal', 100, 0)).toBeNull();
    expect(describeGap('infeasible', null, null)).toBeNull();
    expect(describeGap('feasible', null, 0.1)).toBeNull();
  });
});

describe('formatAmount', () => {
  it('writes three significant figures with k, M and bn', () => {
    expect(formatAmount(72_100)).toBe('72.1 k');
    expect(formatAmount(2_370_000)).toBe('2.37 M');
    expect(formatAmount(-66_700)).toBe('-66.7 k');
    expect(formatAmount(1.5e9)).toBe('1.5 bn');
    expect(formatAmount(null)).toBe('—');
  });
});
