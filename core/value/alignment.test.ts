import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAlignmentShares } from './alignment';

const goals = [
  { id: 'org', parentId: null },
  { id: 'nps', parentId: 'org' },
  { id: 'cost', parentId: 'org' },
];

describe('computeAlignmentShares', () => {
  it('splits spend by contribution weights and rolls it up the tree, counting a unit once', () => {
    const shares = computeAlignmentShares(
      goals,
      [
        { goalId: 'nps', targetId: 'p1', weight: 0.6 },
        { goalId: 'cost', targetId: 'p1', weight: 0.4 },
        { goalId: 'org', targetId: 'p1', weight: 1 },
        { goalId: 'cost', targetId: 'p2', weight: 0.5 },
      ],
      [
        { id: 'p1', amount: 1000, alignTo: ['p1'] },
        { id: 'p2', amount: 600, alignTo: ['p2'] },
        { id: 'p3', amount: 400, alignTo: ['p3'] },
      ],
    );
    // p1: weights 0.6 + 0.4 + 1 = 2 → normalised 0.3 nps, 0.2 cost, 0.5 org.
    expect(shares.goals.get('nps')?.total).toBeCloseTo(300, 9);
    expect(shares.goals.get('cost')?.total).toBeCloseTo(200 + 300, 9);
    // org: p1 wholly (0.3 + 0.2 + 0.5 = 1), p2 half: 1000 + 300 of 2000.
    expect(shares.goals.get('org')?.total).toBeCloseTo(1300, 9);
    expect(shares.goals.get('org')?.share).toBeCloseTo(0.65, 12);
    expect(shares.unalignedAmount).toBeCloseTo(300 + 400, 9);
    expect(shares.unalignedUnitIds).toEqual(['p3']);
  });

  it('takes the nearest aligned record (epic before project) and groups by team', () => {
    const shares = computeAlignmentShares(
      goals,
      [
        { goalId: 'nps', targetId: 'epic', weight: 1 },
        { goalId: 'cost', targetId: 'project', weight: 1 },
      ],
      [
        { id: 's1', amount: 1, alignTo: ['epic', 'project'], group: 'team-a' },
        { id: 's2', amount: 1, alignTo: ['other-epic', 'project'], group: 'team-b' },
        { id: 's3', amount: 1, alignTo: ['other-project'], group: 'team-b' },
      ],
    );
    expect(shares.goals.get('nps')?.byGroup).toEqual({ 'team-a': 1 });
    expect(shares.goals.get('cost')?.byGroup).toEqual({ 'team-b': 1 });
    expect(shares.goals.get('org')?.share).toBeCloseTo(2 / 3, 12);
  });

  it('property: no goal is given more than the whole, and aligned + unaligned = total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            g: fc.constantFrom('org', 'nps', 'cost'),
            t: fc.integer({ min: 0, max: 4 }),
            w: fc.double({ min: 0.01, max: 3, noNaN: true }),
          }),
          { maxLength: 12 },
        ),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (links, amounts) => {
          const s = computeAlignmentShares(
            goals,
            links.map((l) => ({ goalId: l.g, targetId: `u${l.t}`, weight: l.w })),
            amounts.map((amount, i) => ({ id: `u${i}`, amount, alignTo: [`u${i}`] })),
          );
          for (const g of s.goals.values())
            expect(g.total).toBeLessThanOrEqual(s.totalAmount * (1 + 1e-9) + 1e-9);
          expect(s.alignedAmount + s.unalignedAmount).toBeCloseTo(s.totalAmount, 3);
        },
      ),
    );
  });
});
