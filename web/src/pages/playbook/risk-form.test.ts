import { describe, expect, it } from 'vitest';
import { buildRiskBody, findRiskFormErrors, toRiskForm } from './risk-form';

const risk = {
  title: 'Supplier insolvency',
  probability: 2,
  impact: 5,
  residualProbability: 1,
  residualImpact: 4,
  ownerId: 'p1',
  responseStrategy: 'transfer',
  costImpact: 40_000,
  mitigations: [{ action: 'Escrow the source code', ownerId: null, dueDate: '2027-02-01', done: false }],
  status: 'open',
  nextReviewOn: null,
};

describe('risk form', () => {
  it('starts a new risk at 3 × 3 with the mitigate response', () => {
    const body = buildRiskBody({ ...toRiskForm(), title: ' Card scheme mandate ' }, '2027-01-15', 'proj');
    expect(body).toEqual({
      projectId: 'proj',
      title: 'Card scheme mandate',
      probability: 3,
      impact: 3,
      residualProbability: null,
      residualImpact: null,
      ownerId: null,
      responseStrategy: 'mitigate',
      costImpact: null,
      mitigations: [],
      nextReviewOn: null,
    });
  });

  it('sends a change back as it came, with a review stamped today when ticked', () => {
    const form = toRiskForm(risk);
    const unchanged = buildRiskBody(form, '2027-01-15');
    expect(unchanged).toMatchObject({
      status: 'open',
      probability: 2,
      impact: 5,
      residualProbability: 1,
      residualImpact: 4,
      ownerId: 'p1',
      responseStrategy: 'transfer',
      costImpact: 40_000,
      mitigations: [{ action: 'Escrow the source code', ownerId: null, dueDate: '2027-02-01', done: false }],
    });
    expect(unchanged).not.toHaveProperty('lastReviewedOn');
    expect(unchanged).not.toHaveProperty('projectId');
    expect(buildRiskBody({ ...form, reviewed: true }, '2027-01-15')).toHaveProperty(
      'lastReviewedOn',
      '2027-01-15',
    );
  });

  it('names a half-set residual pair, an empty action and a negative cost', () => {
    const form = { ...toRiskForm(risk), residualImpact: '', costImpact: '-5' };
    form.mitigations.push({ action: ' ', ownerId: '', dueDate: '', done: false });
    expect(findRiskFormErrors(form)).toEqual({
      residualImpact: 'set both residual levels or neither',
      costImpact: 'must be an amount of 0 or more',
      'mitigations.1.action': 'needs an action',
    });
    expect(findRiskFormErrors(toRiskForm(risk))).toEqual({});
  });
});
