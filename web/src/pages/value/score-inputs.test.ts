import { describe, expect, it } from 'vitest';
import type { Criterion, Prioritisation } from '../../api/value';
import { currentScores, findScoreErrors, scoreBody, scoreFields } from './score-inputs';

const inputs: Prioritisation = {
  workItemId: 'w1',
  wsjf: { userBusinessValue: 8, timeCriticality: 5, riskReductionOpportunityEnablement: 3, jobSize: 5 },
  rice: null,
  costOfDelay: null,
  modelScores: { other: { x: 1 } },
  version: 4,
};
const criteria: Criterion[] = [
  { id: 'value', name: 'Value', weight: 3, min: 1, max: 5, direction: 'higher-is-better' },
  { id: 'risk', name: 'Risk', weight: 1, min: 1, max: 5, direction: 'lower-is-better' },
];

describe('score inputs of one model', () => {
  it('reads the stored WSJF terms and leaves an unscored RICE empty', () => {
    expect(currentScores(inputs, 'wsjf', null, scoreFields('wsjf'))).toEqual({
      userBusinessValue: '8',
      timeCriticality: '5',
      riskReductionOpportunityEnablement: '3',
      jobSize: '5',
    });
    expect(Object.values(currentScores(inputs, 'rice', null, scoreFields('rice')))).toEqual(['', '', '', '']);
  });

  it('sends only the model’s section; a weighted model keeps the other models’ scores', () => {
    expect(scoreBody(inputs, 'cd3', null, { costOfDelayPerWeek: '2000', durationWeeks: '4' })).toEqual({
      costOfDelay: { costOfDelayPerWeek: 2000, durationWeeks: 4 },
    });
    expect(scoreBody(inputs, 'weighted', 'm1', { value: '4', risk: '2' })).toEqual({
      modelScores: { other: { x: 1 }, m1: { value: 4, risk: 2 } },
    });
  });

  it('names fields as the API does: off-scale job size and impact, zero effort, a criterion out of range', () => {
    expect(
      findScoreErrors('wsjf', null, scoreFields('wsjf'), {
        userBusinessValue: '8',
        timeCriticality: '',
        riskReductionOpportunityEnablement: '-1',
        jobSize: '10',
      }),
    ).toEqual({
      'wsjf.timeCriticality': 'Enter a number',
      'wsjf.riskReductionOpportunityEnablement': 'Must be 0 or more',
      'wsjf.jobSize': 'Choose one of 1, 2, 3, 5, 8, 13, 20, 40, 100',
    });
    expect(
      findScoreErrors('rice', null, scoreFields('rice'), {
        reach: '2000',
        impact: '1.5',
        confidencePercent: '80',
        effort: '0',
      }),
    ).toEqual({ 'rice.impact': 'Choose one of 0.25, 0.5, 1, 2, 3', 'rice.effort': 'Must be more than 0' });
    expect(
      findScoreErrors('weighted', 'm1', scoreFields('weighted', criteria), { value: '6', risk: '1' }),
    ).toEqual({ 'modelScores.m1.value': 'Must be within 1–5' });
  });
});
