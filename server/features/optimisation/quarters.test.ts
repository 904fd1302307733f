import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandSeries } from './portfolio-snapshot';
import { quarterIndex, quarterSpan, quarterStart } from './quarters';
import type { SnapshotRows } from './snapshot-store';

describe('quarterSpan', () => {
  it('gives each quarter its share of the range and the part of the quarter the range covers', () => {
    // 2026-Q1 has 90 days (31 + 28 + 31); 15 February to 31 March is 45 of them.
    const span = quarterSpan('2026-02-15', '2026-05-14');
    expect(span.quarters.map((q) => q.quarter)).toEqual([
      quarterIndex('2026-01-01'),
      quarterIndex('2026-04-01'),
    ]);
    expect(span.quarters[0]?.coverage).toBeCloseTo(45 / 90, 12);
    // 2026-Q2 has 91 days; 1 April to 14 May is 44 of them. The range has 89 days in all.
    expect(span.quarters[1]?.coverage).toBeCloseTo(44 / 91, 12);
    expect(span.quarters[0]?.share).toBeCloseTo(45 / 89, 12);
    expect(span.quarters[1]?.share).toBeCloseTo(44 / 89, 12);
  });

  it('shares sum to one and each coverage is the quarter’s days in the range over its length', () => {
    const day = fc
      .integer({ min: 0, max: 3 * 365 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, days) => {
        const to = new Date(from.getTime() + days * 86_400_000);
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        const span = quarterSpan(iso(from), iso(to));
        expect(span.quarters.reduce((a, q) => a + q.share, 0)).toBeCloseTo(1, 9);
        for (const q of span.quarters) {
          const length =
            (Date.parse(quarterStart(q.quarter + 1)) - Date.parse(quarterStart(q.quarter))) / 86_400_000;
          expect(q.coverage).toBeGreaterThan(0);
          expect(q.coverage).toBeLessThanOrEqual(1);
          expect(q.coverage * length).toBeCloseTo(q.share * (days + 1), 6);
        }
      }),
    );
  });
});

describe('demandSeries', () => {
  const rows = (requests: SnapshotRows['requests']) => ({ requests }) as SnapshotRows;
  const q = quarterIndex('2026-01-01');

  it('averages a request’s FTE over each quarter: 1 FTE all year is 1 FTE in every quarter', () => {
    const year = rows([
      {
        project_id: 'p',
        skill: 'Java',
        start_date: '2026-01-01',
        end_date: '2026-12-31',
        amount: 1,
        unit: 'fte',
      },
    ]);
    expect(demandSeries(year, 'p', q, 4)).toEqual({ Java: [1, 1, 1, 1] });
  });

  it('counts half a quarter as half the FTE, and hours as FTE over the request’s working days', () => {
    const requests = rows([
      // 15 Feb – 31 Mar: 45 of Q1's 90 days.
      {
        project_id: 'p',
        skill: 'Java',
        start_date: '2026-02-15',
        end_date: '2026-03-31',
        amount: 2,
        unit: 'fte',
      },
      // All of Q2 2026 (65 working days) at 520 hours: 1 FTE of 8-hour days.
      {
        project_id: 'p',
        skill: 'SQL',
        start_date: '2026-04-01',
        end_date: '2026-06-30',
        amount: 520,
        unit: 'hours',
      },
      {
        project_id: 'other',
        skill: 'Java',
        start_date: '2026-01-01',
        end_date: '2026-12-31',
        amount: 5,
        unit: 'fte',
      },
    ]);
    expect(demandSeries(requests, 'p', q, 2)).toEqual({ Java: [1, 0], SQL: [0, 1] });
  });
});
