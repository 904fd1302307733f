import { describe, expect, it } from 'vitest';
import { periodLabels, upcomingQuarters } from './period-labels';

describe('periodLabels', () => {
  it('names quarters from the horizon start, across the year end', () => {
    expect(periodLabels('2026-07-01', 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(periodLabels('2025-01-01', 1)).toEqual(['2025-Q1']);
  });
});

describe('upcomingQuarters', () => {
  it('starts at this quarter and steps across the year end, giving each quarter its first day', () => {
    expect(upcomingQuarters('2026-11-29', 3)).toEqual([
      { value: '2026-10-01', label: '2026-Q4 (this quarter)' },
      { value: '2027-01-01', label: '2027-Q1' },
      { value: '2027-04-01', label: '2027-Q2' },
    ]);
    expect(upcomingQuarters('2027-03-31', 1)).toEqual([
      { value: '2027-01-01', label: '2027-Q1 (this quarter)' },
    ]);
  });
});
