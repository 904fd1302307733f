import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../api/value';
import { findKpiDraftErrors, newKpiDraft, toKpiBody, toKpiDraft } from './kpi-draft';

const filled = () => ({ ...newKpiDraft(), name: 'Digital NPS', metricType: 'nps', unit: 'points' });

describe('KPI definition form', () => {
  it('names every missing field under the API name', () => {
    expect(findKpiDraftErrors({ ...newKpiDraft(), scope: 'stream' })).toEqual({
      name: 'Name the KPI',
      metricType: 'Choose the kind of metric',
      unit: 'Give the unit, e.g. %, points, days',
      valueStreamId: 'Choose the value stream',
    });
    expect(findKpiDraftErrors({ ...filled(), scope: 'portfolio' })).toEqual({
      portfolioId: 'Choose the portfolio',
    });
  });

  it('checks the threshold lies on the bad side of the target, as the server does', () => {
    expect(findKpiDraftErrors({ ...filled(), target: '45', threshold: '50' }).threshold).toMatch(
      /must not be above the target 45/,
    );
    // Lower is better (churn): the alarm line sits above the target.
    expect(
      findKpiDraftErrors({ ...filled(), direction: 'decrease', target: '5', threshold: '4' }).threshold,
    ).toMatch(/must not be below the target 5/);
    expect(findKpiDraftErrors({ ...filled(), direction: 'decrease', target: '5', threshold: '7' })).toEqual(
      {},
    );
    expect(findKpiDraftErrors({ ...filled(), threshold: '7' }).threshold).toBe('a threshold needs a target');
    expect(findKpiDraftErrors({ ...filled(), target: 'abc' })).toEqual({ target: 'Enter a number' });
  });

  it('sends one scope, numbers as numbers, and leaves the target out of an edit', () => {
    const draft = { ...filled(), scope: 'stream' as const, portfolioId: 'p1', valueStreamId: 'vs1' };
    expect(toKpiBody({ ...draft, target: '45', threshold: '35' }, { withTarget: true })).toMatchObject({
      portfolioId: null,
      valueStreamId: 'vs1',
      target: 45,
      threshold: 35,
      source: null,
    });
    expect(toKpiBody(draft, { withTarget: false })).not.toHaveProperty('target');
  });

  it('reads a record back into the same body (an unchanged edit patches nothing)', () => {
    const record = {
      id: 'k1',
      version: 3,
      name: 'Retention',
      description: null,
      metricType: 'retention',
      unit: '%',
      direction: 'increase',
      frequency: 'quarterly',
      source: 'CRM',
      ownerId: null,
      portfolioId: 'p1',
      valueStreamId: null,
      target: 90,
      threshold: 85,
    } as unknown as Kpi;
    const draft = toKpiDraft(record);
    expect(draft.scope).toBe('portfolio');
    expect(toKpiBody(draft, { withTarget: true })).toEqual({
      name: 'Retention',
      description: null,
      metricType: 'retention',
      unit: '%',
      direction: 'increase',
      frequency: 'quarterly',
      source: 'CRM',
      ownerId: null,
      portfolioId: 'p1',
      valueStreamId: null,
      target: 90,
      threshold: 85,
    });
  });
});
