// The business-case form's draft: text fields as typed, turned into the API body and checked field
// by field under the names the API uses (`lines.0.amounts.2`), so the browser's messages and the
// server's land on the same inputs. Pure, so it is tested without a browser.
import type { PERIOD_UNITS } from '../../../../core/value/vocabulary';
import type { BusinessCase } from '../../api/value';

export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export type LineKind = 'cost' | 'benefit';

export interface LineDraft {
  name: string;
  kind: LineKind;
  /** One amount per period, as typed; '' counts as 0. */
  amounts: string[];
}

/** A scenario's adjustment of the expected case; '' leaves a factor at its neutral value. */
export interface ScenarioDraft {
  costFactor: string;
  benefitFactor: string;
  benefitDelay: string;
  /** Discount rate of the scenario in percent; '' keeps the case's rate. */
  ratePercent: string;
}

export interface BusinessCaseDraft {
  projectId: string;
  name: string;
  description: string;
  ratePercent: string;
  periodUnit: PeriodUnit;
  startDate: string;
  lines: LineDraft[];
  pessimistic: ScenarioDraft;
  optimistic: ScenarioDraft;
  sensitivityPercent: string;
}

export const SCENARIO_NAMES = ['pessimistic', 'optimistic'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
// 0.1 → "10" without binary noise (0.07 * 100 = 7.000000000000001).
const percentText = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : String(Number((v * 100).toPrecision(12)));

type Scenario = BusinessCase['pessimistic'];

function scenarioDraft(s: Scenario | undefined): ScenarioDraft {
  return {
    costFactor: text(s?.costFactor),
    benefitFactor: text(s?.benefitFactor),
    benefitDelay: text(s?.benefitDelay),
    ratePercent: percentText(s?.rate),
  };
}

/** A new case: four years, an investment in year 0 and benefits after; the server's scenario defaults. */
export function newBusinessCaseDraft(projectId = ''): BusinessCaseDraft {
  return {
    projectId,
    name: '',
    description: '',
    ratePercent: '8',
    periodUnit: 'year',
    startDate: '',
    lines: [
      { name: 'Investment', kind: 'cost', amounts: ['', '', '', ''] },
      { name: 'Benefits', kind: 'benefit', amounts: ['', '', '', ''] },
    ],
    pessimistic: { costFactor: '1.2', benefitFactor: '0.8', benefitDelay: '1', ratePercent: '' },
    optimistic: { costFactor: '0.9', benefitFactor: '1.15', benefitDelay: '', ratePercent: '' },
    sensitivityPercent: '20',
  };
}

export function toBusinessCaseDraft(bc: BusinessCase): BusinessCaseDraft {
  const periods = periodCount(bc.lines.map((l) => l.amounts.length));
  return {
    projectId: bc.projectId,
    name: bc.name,
    description: bc.description ?? '',
    ratePercent: percentText(bc.rate),
    periodUnit: bc.periodUnit as PeriodUnit,
    startDate: bc.startDate ?? '',
    lines: bc.lines.map((l) => ({
      name: l.name,
      kind: l.kind as LineKind,
      amounts: Array.from({ length: periods }, (_, i) => text(l.amounts[i] ?? 0)),
    })),
    pessimistic: scenarioDraft(bc.pessimistic),
    optimistic: scenarioDraft(bc.optimistic),
    sensitivityPercent: percentText(bc.sensitivity),
  };
}

const periodCount = (lengths: number[]) => Math.max(1, ...lengths);

/** Every line gets `periods` amounts (new periods empty, dropped ones cut off); at least one. */
export function setPeriods(draft: BusinessCaseDraft, periods: number): BusinessCaseDraft {
  const n = Math.max(1, Math.min(600, Math.floor(periods)));
  return {
    ...draft,
    lines: draft.lines.map((l) => ({
      ...l,
      amounts: Array.from({ length: n }, (_, i) => l.amounts[i] ?? ''),
    })),
  };
}

export const periodsOf = (draft: BusinessCaseDraft) => periodCount(draft.lines.map((l) => l.amounts.length));

const num = (v: string) => (v.trim() === '' ? 0 : Number(v));
const optional = (v: string) => (v.trim() === '' ? undefined : Number(v));

function scenarioBody(s: ScenarioDraft) {
  const rate = optional(s.ratePercent);
  return {
    ...(optional(s.costFactor) === undefined ? {} : { costFactor: Number(s.costFactor) }),
    ...(optional(s.benefitFactor) === undefined ? {} : { benefitFactor: Number(s.benefitFactor) }),
    ...(optional(s.benefitDelay) === undefined ? {} : { benefitDelay: Number(s.benefitDelay) }),
    ...(rate === undefined ? {} : { rate: rate / 100 }),
  };
}

/** The API body (create shape; an edit sends the fields that changed). */
export function toBusinessCaseBody(draft: BusinessCaseDraft): Record<string, unknown> {
  return {
    projectId: draft.projectId,
    name: draft.name.trim(),
    description: draft.description.trim() === '' ? null : draft.description.trim(),
    rate: num(draft.ratePercent) / 100,
    periodUnit: draft.periodUnit,
    startDate: draft.startDate === '' ? null : draft.startDate,
    lines: draft.lines.map((l) => ({ name: l.name.trim(), kind: l.kind, amounts: l.amounts.map(num) })),
    pessimistic: scenarioBody(draft.pessimistic),
    optimistic: scenarioBody(draft.optimistic),
    sensitivity: num(draft.sensitivityPercent) / 100,
  };
}

/** Net cash flow per period (benefits − costs), for the live preview while editing. */
export function draftFlows(draft: BusinessCaseDraft): { costs: number[]; benefits: number[] } {
  const n = periodsOf(draft);
  const costs = new Array<number>(n).fill(0);
  const benefits = new Array<number>(n).fill(0);
  for (const l of draft.lines)
    l.amounts.forEach((a, i) => {
      const v = num(a);
      if (!Number.isFinite(v)) return;
      if (l.kind === 'cost') costs[i] = (costs[i] ?? 0) + v;
      else benefits[i] = (benefits[i] ?? 0) + v;
    });
  return { costs, benefits };
}

/**
 * What is wrong with the draft, by API field name: what the schema would refuse, said in the
 * form's words (percent, not shares), and the server's own rules (unique line names, none called
 * "rate").
 */
export function findBusinessCaseDraftErrors(draft: BusinessCaseDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
  if (!draft.projectId) errors.projectId = 'Choose the initiative (project) the case is for';
  if (!draft.name.trim()) errors.name = 'Give the case a name';
  if (!isNumber(draft.ratePercent)) errors.rate = 'Enter the discount rate in percent, e.g. 8';
  else if (Number(draft.ratePercent) <= -100 || Number(draft.ratePercent) > 1000)
    errors.rate = 'Must be above −100% and at most 1000%';
  if (draft.lines.length === 0) errors.lines = 'Add at least one cost or benefit line';
  const seen = new Map<string, number>();
  draft.lines.forEach((l, i) => {
    const name = l.name.trim().toLowerCase();
    if (!name) errors[`lines.${i}.name`] = 'Name the line';
    else if (name === 'rate') errors[`lines.${i}.name`] = '"rate" names the discount rate in the tornado';
    else if (seen.has(name)) errors[`lines.${i}.name`] = `Line ${(seen.get(name) ?? 0) + 1} has this name`;
    else seen.set(name, i);
    l.amounts.forEach((a, p) => {
      if (a.trim() === '') return;
      if (!Number.isFinite(Number(a))) errors[`lines.${i}.amounts.${p}`] = 'Enter a number';
      else if (Number(a) < 0)
        errors[`lines.${i}.amounts.${p}`] = 'Enter 0 or more: the line’s kind says cost or benefit';
    });
  });
  for (const s of SCENARIO_NAMES) {
    const d = draft[s];
    for (const factor of ['costFactor', 'benefitFactor'] as const) {
      const v = d[factor];
      if (v.trim() !== '' && !(Number(v) >= 0 && Number(v) <= 100))
        errors[`${s}.${factor}`] = 'Enter a factor from 0 to 100 (1 = as expected)';
    }
    if (
      d.benefitDelay.trim() !== '' &&
      !(Number.isInteger(Number(d.benefitDelay)) && Number(d.benefitDelay) >= 0)
    )
      errors[`${s}.benefitDelay`] = 'Enter a whole number of periods, 0 or more';
    if (d.ratePercent.trim() !== '' && !(Number(d.ratePercent) > -100 && Number(d.ratePercent) <= 1000))
      errors[`${s}.rate`] = 'Enter a rate above −100% and at most 1000%, or leave it empty';
  }
  const sensitivity = Number(draft.sensitivityPercent);
  if (!(sensitivity > 0 && sensitivity < 100)) errors.sensitivity = 'Enter a swing between 0 and 100 percent';
  return errors;
}
