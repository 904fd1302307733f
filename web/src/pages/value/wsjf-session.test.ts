import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorColumn,
  changedRows,
  columnMinimum,
  computeSessionWsjf,
  rankSession,
  SESSION_SCALE,
  type SessionRow,
  snapToScale,
} from './wsjf-session';

const row = (
  id: string,
  v: number | null,
  t: number | null,
  r: number | null,
  size: number | null,
): SessionRow => ({
  id,
  key: id,
  title: id,
  scores: { userBusinessValue: v, timeCriticality: t, riskReductionOpportunityEnablement: r, jobSize: size },
});

describe('WSJF session', () => {
  // SAFe's WSJF: cost of delay (value + time criticality + RR|OE) over job size. Worked by hand:
  // A = (8 + 5 + 8) / 2 = 10.5, B = (13 + 8 + 1) / 8 = 2.75, C = (3 + 2 + 2) / 1 = 7.
  const rows = [row('B', 13, 8, 1, 8), row('A', 8, 5, 8, 2), row('C', 3, 2, 2, 1), row('D', 5, null, 1, 3)];

  it('ranks by WSJF, highest first, unscored last without a rank', () => {
    const ranked = rankSession(rows);
    expect(ranked.map((r) => [r.id, r.wsjf, r.rank])).toEqual([
      ['A', 10.5, 1],
      ['C', 7, 2],
      ['B', 2.75, 3],
      ['D', null, null],
    ]);
  });

  it('changes the ranking as a score changes (B shrinks to job size 1: 22)', () => {
    const rescored = rows.map((r) => (r.id === 'B' ? { ...r, scores: { ...r.scores, jobSize: 1 } } : r));
    expect(rankSession(rescored)[0]?.id).toBe('B');
    expect(changedRows(rows, rescored).map((r) => r.id)).toEqual(['B']);
  });

  it('shares a rank between equal WSJF and skips the next', () => {
    const ranked = rankSession([row('x', 1, 1, 1, 3), row('y', 2, 2, 2, 6), row('z', 5, 5, 5, 1)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it('anchors a column at 1: 3, 5, 13 become 1, 2, 5 (5 / 3 ≈ 1.67 → 2, 13 / 3 ≈ 4.33 → 5)', () => {
    const anchored = anchorColumn(
      [row('a', 3, 1, 1, 1), row('b', 5, 1, 1, 1), row('c', 13, 1, 1, 1)],
      'userBusinessValue',
    );
    expect(anchored.map((r) => r.scores.userBusinessValue)).toEqual([1, 2, 5]);
    expect(computeSessionWsjf(row('q', null, 1, 1, 1).scores).wsjf).toBeNull();
  });

  const score = fc.option(fc.constantFrom(...SESSION_SCALE), { nil: null });
  const sessionRows = fc
    .array(fc.tuple(score, score, score, score), { minLength: 1, maxLength: 12 })
    .map((list) => list.map(([v, t, r, s], i) => row(`r${i}`, v, t, r, s)));

  it('property: an anchored column has its minimum at 1, stays on the scale and keeps the order', () => {
    fc.assert(
      fc.property(sessionRows, (rs) => {
        const anchored = anchorColumn(rs, 'jobSize');
        const min = columnMinimum(anchored, 'jobSize');
        if (min !== null) expect(min).toBe(1);
        anchored.forEach((a, i) => {
          const v = a.scores.jobSize;
          if (v !== null) expect(SESSION_SCALE).toContain(v);
          rs.forEach((b, j) => {
            const x = rs[i]?.scores.jobSize;
            const y = b.scores.jobSize;
            const y2 = anchored[j]?.scores.jobSize;
            if (x != null && y != null && v != null && y2 != null && x < y) expect(v).toBeLessThanOrEqual(y2);
          });
        });
      }),
    );
  });

  it('property: the ranking is a permutation ordered by WSJF with ranks that never decrease', () => {
    fc.assert(
      fc.property(sessionRows, (rs) => {
        const ranked = rankSession(rs);
        expect(ranked.map((r) => r.id).sort()).toEqual(rs.map((r) => r.id).sort());
        for (let i = 1; i < ranked.length; i++) {
          const a = ranked[i - 1];
          const b = ranked[i];
          if (!a || !b || b.wsjf === null) continue;
          expect(a.wsjf).not.toBeNull();
          expect(a.wsjf as number).toBeGreaterThanOrEqual(b.wsjf);
          expect(a.rank as number).toBeLessThanOrEqual(b.rank as number);
          if (a.wsjf === b.wsjf) expect(a.rank).toBe(b.rank);
        }
      }),
    );
  });

  it('snaps to the nearest scale value', () => {
    expect([0.2, 1.5, 4, 6.6, 17, 99].map(snapToScale)).toEqual([1, 1, 3, 8, 20, 20]);
  });
});
