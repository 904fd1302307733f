import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MATRIX } from '../../../../core/playbook/risk';
import { findSettingsErrors, fromSettingsForm, toSettingsForm } from './settings-form';

const defaults = {
  riskMatrix: DEFAULT_RISK_MATRIX,
  raciShareThreshold: 0.3,
  raciMinActivities: 6,
  version: 0,
};

describe('playbook settings form', () => {
  it('shows fractions as per cent and sends them back unchanged', () => {
    const form = toSettingsForm(defaults);
    expect(form.probabilities.map((p) => p.percent)).toEqual(['10', '30', '50', '70', '90']);
    expect(form.raciSharePercent).toBe('30');
    expect(fromSettingsForm(form, 3)).toEqual({ ...defaults, version: 3 });
    expect(findSettingsErrors(form)).toEqual({});
  });

  it('sends 12.5 % as 0.125', () => {
    const form = toSettingsForm(defaults);
    form.raciSharePercent = '12.5';
    expect(fromSettingsForm(form, 1).raciShareThreshold).toBe(0.125);
  });

  it('names each wrong field as the server does', () => {
    const form = toSettingsForm(defaults);
    form.probabilities[2] = { label: '', percent: '20' };
    form.impacts[4] = ' ';
    form.medium = '12';
    form.high = '12';
    form.reviewIntervalDays = '0';
    form.raciSharePercent = '0';
    form.raciMinActivities = '2.5';
    expect(findSettingsErrors(form)).toEqual({
      'riskMatrix.probabilities.2.label': 'needs a label',
      'riskMatrix.probabilities.2.value': 'must increase with the level',
      'riskMatrix.impacts.4.label': 'needs a label',
      'riskMatrix.thresholds': 'need 1 ≤ medium < high ≤ 25',
      'riskMatrix.reviewIntervalDays': 'whole days from 1 to 366',
      raciShareThreshold: 'a per cent above 0 and at most 100',
      raciMinActivities: 'a whole number from 1 to 10,000',
    });
  });

  it('keeps a probability inside 0 % and 100 %', () => {
    const form = toSettingsForm(defaults);
    form.probabilities[4] = { label: 'Certain', percent: '100' };
    expect(findSettingsErrors(form)['riskMatrix.probabilities.4.value']).toBe(
      'must be between 0 % and 100 %',
    );
  });
});
