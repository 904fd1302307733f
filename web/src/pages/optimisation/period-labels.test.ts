import { describe, expect, it } from 'vitest';
import { periodLabels } from './period-labels';

describe('periodLabels', () => {
  it('names quarters from the horizon start, across the year end', () => {
    expect(periodLabels('2026-07-01', 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(periodLabels('2025-01-01', 1)).toEqual(['2025-Q1']);
  });
});
