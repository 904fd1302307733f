// The form of the organisation's playbook settings: the risk matrix (probability bands in per
// cent, impact labels, rating thresholds, review interval) and the RACI concentration thresholds.
// Probabilities and the RACI share are edited in per cent and sent as fractions (0–1).
import { findRiskMatrixErrors, type RiskMatrix } from '../../../../core/playbook/risk';

export interface PlaybookSettingsValue {
  riskMatrix: RiskMatrix;
  raciShareThreshold: number;
  raciMinActivities: number;
  version: number;
}

export interface SettingsForm {
  probabilities: { label: string; percent: string }[];
  impacts: string[];
  medium: string;
  high: string;
  reviewIntervalDays: string;
  raciSharePercent: string;
  raciMinActivities: string;
}

// Per cent ↔ fraction without binary noise (0.7 × 100 = 70.00000000000001).
const toPercent = (fraction: number) => String(Math.round(fraction * 10_000) / 100);
const toFraction = (percent: string) => Math.round(Number(percent) * 100) / 10_000;

export function toSettingsForm(s: PlaybookSettingsValue): SettingsForm {
  const m = s.riskMatrix;
  return {
    probabilities: m.probabilities.map((p) => ({ label: p.label, percent: toPercent(p.value) })),
    impacts: m.impacts.map((i) => i.label),
    medium: String(m.thresholds.medium),
    high: String(m.thresholds.high),
    reviewIntervalDays: String(m.reviewIntervalDays),
    raciSharePercent: toPercent(s.raciShareThreshold),
    raciMinActivities: String(s.raciMinActivities),
  };
}

export function fromSettingsForm(f: SettingsForm, version: number): PlaybookSettingsValue {
  return {
    riskMatrix: {
      probabilities: f.probabilities.map((p) => ({ label: p.label.trim(), value: toFraction(p.percent) })),
      impacts: f.impacts.map((label) => ({ label: label.trim() })),
      thresholds: { medium: Number(f.medium), high: Number(f.high) },
      reviewIntervalDays: Number(f.reviewIntervalDays),
    },
    raciShareThreshold: toFraction(f.raciSharePercent),
    raciMinActivities: Number(f.raciMinActivities),
    version,
  };
}

/** Everything wrong with the form, by the field names the server uses. */
export function findSettingsErrors(f: SettingsForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (field: string, message: string): void => {
    errors[field] ??= message;
  };
  const whole = (value: string, min: number, max: number) =>
    value.trim() !== '' && Number.isInteger(Number(value)) && Number(value) >= min && Number(value) <= max;
  const body = fromSettingsForm(f, 0);
  f.probabilities.forEach((p, i) => {
    if (p.label.trim() === '') add(`riskMatrix.probabilities.${i}.label`, 'needs a label');
    if (p.percent.trim() === '' || Number.isNaN(Number(p.percent)))
      add(`riskMatrix.probabilities.${i}.value`, 'needs a per cent');
  });
  f.impacts.forEach((label, i) => {
    if (label.trim() === '') add(`riskMatrix.impacts.${i}.label`, 'needs a label');
  });
  if (!whole(f.medium, 1, 25) || !whole(f.high, 1, 25))
    add('riskMatrix.thresholds', 'whole numbers from 1 to 25');
  if (!whole(f.reviewIntervalDays, 1, 366)) add('riskMatrix.reviewIntervalDays', 'whole days from 1 to 366');
  const share = Number(f.raciSharePercent);
  if (f.raciSharePercent.trim() === '' || !(share > 0 && share <= 100))
    add('raciShareThreshold', 'a per cent above 0 and at most 100');
  if (!whole(f.raciMinActivities, 1, 10_000)) add('raciMinActivities', 'a whole number from 1 to 10,000');
  for (const e of findRiskMatrixErrors(body.riskMatrix))
    add(e.field, e.message.replace('between 0 and 1', 'between 0 % and 100 %'));
  return errors;
}
