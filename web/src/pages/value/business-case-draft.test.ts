import { describe, expect, it } from 'vitest';
import { computeBusinessCase } from '../../../../core/finance';
import type { BusinessCase } from '../../api/value';
import {
  type BusinessCaseDraft,
  draftFlows,
  findBusinessCaseDraftErrors,
  newBusinessCaseDraft,
  periodsOf,
  setPeriods,
  toBusinessCaseBody,
  toBusinessCaseDraft,
} from './business-case-draft';

// Microsoft Excel's IRR help: −70,000 then 12,000 … 26,000 over five years → IRR 8.66%.
const excel = (): BusinessCaseDraft => ({
  ...newBusinessCaseDraft('p1'),
  name: 'Excel IRR example',
  ratePercent: '10',
  lines: [
    { name: 'Investment', kind: 'cost', amounts: ['70000', '', '', '', '', ''] },
    { name: 'Savings', kind: 'benefit', amounts: ['', '12000', '15000', '18000', '21000', '26000'] },
  ],
});

describe('business case draft', () => {
  it('turns the typed form into the API body: percent to shares, empty amounts to 0', () => {
    const body = toBusinessCaseBody(excel());
    expect(body).toMatchObject({
      projectId: 'p1',
      rate: 0.1,
      periodUnit: 'year',
      startDate: null,
      lines: [
        { name: 'Investment', kind: 'cost', amounts: [70000, 0, 0, 0, 0, 0] },
        { name: 'Savings', kind: 'benefit', amounts: [0, 12000, 15000, 18000, 21000, 26000] },
      ],
      pessimistic: { costFactor: 1.2, benefitFactor: 0.8, benefitDelay: 1 },
      optimistic: { costFactor: 0.9, benefitFactor: 1.15 },
      sensitivity: 0.2,
    });
    expect(findBusinessCaseDraftErrors(excel())).toEqual({});
  });

  it('previews the figures the server will compute (Excel IRR example, 8.66%)', () => {
    const figures = computeBusinessCase({ rate: 0.1, ...draftFlows(excel()) });
    expect(figures.irr).toBeCloseTo(0.0866309480365, 10);
    expect(figures.payback).toBeCloseTo(4 + 4000 / 26000, 12);
  });

  it('reads a stored case back into the same body (an untouched edit changes nothing)', () => {
    const body = toBusinessCaseBody(excel());
    const stored = {
      ...body,
      id: 'c1',
      version: 3,
      description: null,
      pessimistic: { costFactor: 1.2, benefitFactor: 0.8, benefitDelay: 1, rate: 0.07 },
    } as unknown as BusinessCase;
    const again = toBusinessCaseBody(toBusinessCaseDraft(stored));
    expect(again).toEqual({ ...body, pessimistic: { ...(body.pessimistic as object), rate: 0.07 } });
    expect(toBusinessCaseDraft(stored).pessimistic.ratePercent).toBe('7');
  });

  it('adds and removes periods on every line, keeping at least one', () => {
    const longer = setPeriods(excel(), 8);
    expect(longer.lines.map((l) => l.amounts.length)).toEqual([8, 8]);
    expect(longer.lines[1]?.amounts.slice(5)).toEqual(['26000', '', '']);
    expect(periodsOf(setPeriods(excel(), 0))).toBe(1);
  });

  it('names each wrong field as the API does', () => {
    const bad: BusinessCaseDraft = {
      ...excel(),
      projectId: '',
      ratePercent: 'ten',
      lines: [
        { name: 'Build', kind: 'cost', amounts: ['-5', 'x'] },
        { name: 'build ', kind: 'cost', amounts: ['1', '2'] },
        { name: 'Rate', kind: 'benefit', amounts: ['1', '2'] },
      ],
      pessimistic: { costFactor: '-1', benefitFactor: '', benefitDelay: '1.5', ratePercent: '-100' },
      sensitivityPercent: '100',
    };
    expect(findBusinessCaseDraftErrors(bad)).toEqual({
      projectId: expect.any(String),
      rate: 'Enter the discount rate in percent, e.g. 8',
      'lines.0.amounts.0': expect.stringContaining('0 or more'),
      'lines.0.amounts.1': 'Enter a number',
      'lines.1.name': 'Line 1 has this name',
      'lines.2.name': expect.stringContaining('tornado'),
      'pessimistic.costFactor': expect.any(String),
      'pessimistic.benefitDelay': expect.any(String),
      'pessimistic.rate': expect.any(String),
      sensitivity: expect.any(String),
    });
  });
});
