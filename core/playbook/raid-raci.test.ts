import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAccountableConcentration, computeRaciWarnings, type RaciActivity } from './raci';
import {
  computeExpectedMonetaryValue,
  computeRiskHeatMap,
  computeRiskTrend,
  DEFAULT_RISK_MATRIX,
  findRiskMatrixErrors,
  flagRisk,
  rateRiskScore,
  scoreRisk,
} from './risk';

describe('RACI warnings', () => {
  it('warns on no Accountable, several Accountables and no Responsible', () => {
    const activities: RaciActivity[] = [
      {
        name: 'Charter',
        assignments: [
          { personId: 'ann', code: 'A' },
          { personId: 'bob', code: 'R' },
        ],
      },
      {
        name: 'Budget',
        assignments: [
          { personId: 'ann', code: 'A' },
          { role: 'Finance', code: 'A' },
          { personId: 'cy', code: 'R' },
        ],
      },
      { name: 'Testing', assignments: [{ role: 'QA', code: 'C' }] },
      {
        name: 'Same A twice',
        assignments: [
          { personId: 'ann', code: 'A' },
          { personId: 'ann', code: 'A' },
          { personId: 'ann', code: 'R' },
        ],
      },
    ];
    expect(computeRaciWarnings(activities).map((w) => [w.activity, w.code, w.parties])).toEqual([
      ['Budget', 'several_accountables', ['person:ann', 'role:Finance']],
      ['Testing', 'no_accountable', []],
      ['Testing', 'no_responsible', []],
    ]);
  });

  it('flags a person accountable for more than the threshold share across projects', () => {
    const m = (projectId: string, ...accountable: string[]) => ({
      projectId,
      activities: accountable.map((p, i) => ({
        name: `a${i}`,
        assignments: [{ personId: p, code: 'A' as const }],
      })),
    });
    const shares = computeAccountableConcentration([m('p1', 'ann', 'ann', 'bob'), m('p2', 'ann', 'cy')], {
      threshold: 0.5,
      minActivities: 4,
    });
    expect(shares).toEqual([
      { personId: 'ann', accountables: 3, total: 5, share: 0.6, projects: ['p1', 'p2'] },
    ]);
    expect(computeAccountableConcentration([m('p1', 'ann')], { threshold: 0.5, minActivities: 4 })).toEqual(
      [],
    );
  });

  it('an activity with exactly one A and one R never warns (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, r) => {
        const activity = {
          name: 'x',
          assignments: [
            { personId: a, code: 'A' as const },
            { personId: r, code: 'R' as const },
          ],
        };
        expect(computeRaciWarnings([activity])).toEqual([]);
      }),
    );
  });
});

describe('risk scoring', () => {
  it('scores probability × impact and rates by the matrix thresholds', () => {
    expect(scoreRisk(4, 5)).toBe(20);
    expect(rateRiskScore(4, DEFAULT_RISK_MATRIX)).toBe('low');
    expect(rateRiskScore(5, DEFAULT_RISK_MATRIX)).toBe('medium');
    expect(rateRiskScore(12, DEFAULT_RISK_MATRIX)).toBe('high');
  });

  it('computes EMV as probability × cost impact (PMBOK 7th ed. §4.6.5)', () => {
    // Level 2 is the 30 % band: a 30 % chance of a 40,000 overrun is worth 12,000.
    expect(computeExpectedMonetaryValue(2, 40_000, DEFAULT_RISK_MATRIX)).toBeCloseTo(12_000);
    expect(computeExpectedMonetaryValue(2, null, DEFAULT_RISK_MATRIX)).toBeNull();
  });

  it('scores are monotone in probability and impact (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), (p, i) => {
        expect(scoreRisk(p + 1, i)).toBeGreaterThan(scoreRisk(p, i));
        const order = ['low', 'medium', 'high'];
        expect(order.indexOf(rateRiskScore(scoreRisk(p + 1, i), DEFAULT_RISK_MATRIX))).toBeGreaterThanOrEqual(
          order.indexOf(rateRiskScore(scoreRisk(p, i), DEFAULT_RISK_MATRIX)),
        );
      }),
    );
  });

  it('reads the trend from the score history', () => {
    expect(computeRiskTrend([{ score: 6 }])).toBe('new');
    expect(computeRiskTrend([{ score: 6 }, { score: 12 }])).toBe('rising');
    expect(computeRiskTrend([{ score: 12 }, { score: 6 }])).toBe('falling');
  });

  it('counts risks per heat-map cell', () => {
    const cells = computeRiskHeatMap([
      { probability: 5, impact: 5 },
      { probability: 5, impact: 5 },
      { probability: 1, impact: 3 },
    ]);
    expect(cells[4]?.[4]).toBe(2);
    expect(cells[0]?.[2]).toBe(1);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('flags overdue reviews and escalating risks', () => {
    const base = {
      status: 'open',
      lastReviewedOn: '2026-05-01',
      nextReviewOn: null,
      trend: 'stable' as const,
      rating: 'medium' as const,
      responseStrategy: 'mitigate',
    };
    expect(flagRisk(base, '2026-05-31', DEFAULT_RISK_MATRIX)).toEqual([]);
    expect(flagRisk(base, '2026-06-01', DEFAULT_RISK_MATRIX)).toEqual(['review_overdue']);
    expect(flagRisk({ ...base, trend: 'rising' }, '2026-05-02', DEFAULT_RISK_MATRIX)).toEqual(['escalating']);
    expect(
      flagRisk({ ...base, status: 'closed', trend: 'rising' }, '2027-01-01', DEFAULT_RISK_MATRIX),
    ).toEqual([]);
  });

  it('validates a matrix', () => {
    expect(findRiskMatrixErrors(DEFAULT_RISK_MATRIX)).toEqual([]);
    expect(
      findRiskMatrixErrors({ ...DEFAULT_RISK_MATRIX, thresholds: { medium: 10, high: 5 } }),
    ).toHaveLength(1);
  });
});
