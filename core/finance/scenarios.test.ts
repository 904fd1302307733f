import { describe, expect, it } from 'vitest';
import { computeNpv } from './npv';
import { adjustBusinessCase, computeScenarios } from './scenarios';
import { computeBusinessCaseTornado, computeTornado } from './sensitivity';

const expected = { rate: 0.1, costs: [1000], benefits: [0, 400, 400, 400] };

describe('scenarios', () => {
  it('scales costs and benefits and delays benefits', () => {
    expect(adjustBusinessCase(expected, { costFactor: 1.2, benefitFactor: 0.5, benefitDelay: 1 })).toEqual({
      rate: 0.1,
      costs: [1200],
      benefits: [0, 0, 200, 200, 200],
    });
    expect(() => adjustBusinessCase(expected, { benefitDelay: 1.5 })).toThrow(RangeError);
  });

  it('weights the three NPVs (P + 4E + O) / 6 by default', () => {
    const result = computeScenarios(
      expected,
      { costFactor: 1.2, benefitFactor: 0.8 },
      { benefitFactor: 1.1 },
    );
    const p = computeNpv(0.1, [-1200, 320, 320, 320]);
    const e = computeNpv(0.1, [-1000, 400, 400, 400]);
    const o = computeNpv(0.1, [-1000, 440, 440, 440]);
    expect(result.scenarios.pessimistic.npv).toBeCloseTo(p, 9);
    expect(result.scenarios.optimistic.npv).toBeCloseTo(o, 9);
    expect(result.weightedNpv).toBeCloseTo((p + 4 * e + o) / 6, 9);
  });

  it('accepts full business cases and custom weights, rejecting weights that do not sum to 1', () => {
    const pessimistic = { rate: 0.12, flows: [-1500, 300, 300, 300] };
    const result = computeScenarios(
      expected,
      pessimistic,
      {},
      { pessimistic: 0.25, expected: 0.5, optimistic: 0.25 },
    );
    expect(result.scenarios.pessimistic.npv).toBeCloseTo(computeNpv(0.12, pessimistic.flows), 9);
    expect(result.scenarios.optimistic.npv).toBeCloseTo(result.scenarios.expected.npv, 9);
    expect(() =>
      computeScenarios(expected, {}, {}, { pessimistic: 0.5, expected: 0.5, optimistic: 0.5 }),
    ).toThrow(RangeError);
  });
});

describe('tornado', () => {
  it('moves each driver ± variation alone and sorts by swing, ties in driver order', () => {
    const tornado = computeTornado(
      { a: 10, b: 100, c: 1 },
      (d) => (d.a ?? 0) * 3 + (d.b ?? 0) + (d.c ?? 0) * 30,
      0.1,
    );
    expect(tornado.baseOutput).toBe(160);
    // Swings: a 2·1·3 = 6, b 2·10 = 20, c 2·0.1·30 = 6.
    expect(tornado.bars.map((b) => b.driver)).toEqual(['b', 'a', 'c']);
    const [b] = tornado.bars;
    expect([b?.lowInput, b?.highInput, b?.lowOutput, b?.highOutput].map((v) => Math.round(v ?? 0))).toEqual([
      90, 110, 150, 170,
    ]);
    expect(tornado.bars[0]?.swing).toBeCloseTo(20, 12);
  });

  it('ranks the lines of a business case by their effect on NPV', () => {
    const tornado = computeBusinessCaseTornado(
      0.1,
      [
        { name: 'build', kind: 'cost', amounts: [1000] },
        { name: 'sales', kind: 'benefit', amounts: [0, 500, 500, 500] },
      ],
      0.2,
    );
    const pvSales = computeNpv(0.1, [0, 500, 500, 500]);
    expect(tornado.baseOutput).toBeCloseTo(pvSales - 1000, 9);
    expect(tornado.bars.map((b) => b.driver)).toEqual(['sales', 'build', 'rate']);
    expect(tornado.bars[0]?.swing).toBeCloseTo(0.4 * pvSales, 9);
    expect(tornado.bars[1]?.base).toBe(1000);
    expect(tornado.bars[1]?.lowInput).toBeCloseTo(800, 9);
    expect(tornado.bars[1]?.highInput).toBeCloseTo(1200, 9);
    // A higher cost lowers NPV: the high input gives the low output.
    expect(tornado.bars[1]?.highOutput).toBeCloseTo(pvSales - 1200, 9);
  });
});
