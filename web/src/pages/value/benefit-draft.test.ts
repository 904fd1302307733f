import { describe, expect, it } from 'vitest';
import type { Benefit } from '../../api/value';
import {
  type BenefitDraft,
  findBenefitDraftErrors,
  newBenefitDraft,
  toBenefitBody,
  toBenefitDraft,
} from './benefit-draft';

const draft = (): BenefitDraft => ({
  ...newBenefitDraft('p1'),
  name: 'Fewer support calls',
  unit: 'calls/week',
  direction: 'decrease',
  baseline: '1000',
  target: '600',
  financialValue: '50000',
  trajectory: [
    { date: '2026-12-31', value: '600' },
    { date: '2026-06-30', value: '800' },
  ],
  actuals: [{ date: '2026-03-31', value: '950' }],
});

describe('benefit draft', () => {
  it('turns the typed form into the API body, points by date', () => {
    expect(toBenefitBody(draft())).toEqual({
      projectId: 'p1',
      kpiId: null,
      name: 'Fewer support calls',
      description: null,
      ownerId: null,
      status: 'planned',
      unit: 'calls/week',
      direction: 'decrease',
      baseline: 1000,
      target: 600,
      financialValue: 50000,
      trajectory: [
        { date: '2026-06-30', value: 800 },
        { date: '2026-12-31', value: 600 },
      ],
      actuals: [{ date: '2026-03-31', value: 950 }],
      reviewDate: null,
      reviewOutcome: null,
      reviewNotes: null,
    });
    expect(findBenefitDraftErrors(draft())).toEqual({});
  });

  it('reads a stored benefit back into the same body', () => {
    const body = toBenefitBody(draft());
    const stored = { ...body, id: 'b1', version: 2 } as unknown as Benefit;
    expect(toBenefitBody(toBenefitDraft(stored))).toEqual(body);
  });

  it('refuses a target on the wrong side of the baseline for "decrease is better"', () => {
    expect(findBenefitDraftErrors({ ...draft(), target: '1200' }).target).toContain('above the baseline');
    expect(findBenefitDraftErrors({ ...draft(), direction: 'increase' }).target).toContain(
      'below the baseline',
    );
  });

  it('names repeated dates, bad values and a review outcome without its date', () => {
    const errors = findBenefitDraftErrors({
      ...draft(),
      name: ' ',
      actuals: [
        { date: '2026-03-31', value: '950' },
        { date: '2026-03-31', value: 'n/a' },
        { date: '', value: '1' },
      ],
      reviewOutcome: 'met',
    });
    expect(errors).toEqual({
      name: expect.any(String),
      'actuals.1.date': 'Point 1 has this date',
      'actuals.1.value': 'Enter a number',
      'actuals.2.date': 'Enter a date',
      reviewDate: expect.any(String),
    });
  });
});
