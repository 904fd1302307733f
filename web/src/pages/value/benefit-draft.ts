// The benefit form's draft: text as typed, turned into the API body and checked field by field
// under the names the API uses (`trajectory.1.date`), so the browser's messages and the server's
// land on the same inputs. Pure, so it is tested without a browser.
import { findKeyResultErrors } from '../../../../core/value/okr';
import type { BENEFIT_STATUSES, METRIC_DIRECTIONS, REVIEW_OUTCOMES } from '../../../../core/value/vocabulary';
import type { Benefit } from '../../api/value';

export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
export type Direction = (typeof METRIC_DIRECTIONS)[number];
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface PointDraft {
  date: string;
  value: string;
}

export interface BenefitDraft {
  projectId: string;
  kpiId: string;
  name: string;
  description: string;
  ownerId: string;
  status: BenefitStatus;
  unit: string;
  direction: Direction;
  baseline: string;
  target: string;
  financialValue: string;
  /** The planned level on given dates (the expected trajectory). */
  trajectory: PointDraft[];
  /** Realised levels recorded by the owner (used when no KPI measures the benefit). */
  actuals: PointDraft[];
  reviewDate: string;
  reviewOutcome: ReviewOutcome | '';
  reviewNotes: string;
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const points = (list: readonly { date: string; value: number }[]) =>
  list.map((p) => ({ date: p.date, value: String(p.value) }));

export function newBenefitDraft(projectId = ''): BenefitDraft {
  return {
    projectId,
    kpiId: '',
    name: '',
    description: '',
    ownerId: '',
    status: 'planned',
    unit: '',
    direction: 'increase',
    baseline: '',
    target: '',
    financialValue: '',
    trajectory: [],
    actuals: [],
    reviewDate: '',
    reviewOutcome: '',
    reviewNotes: '',
  };
}

export function toBenefitDraft(b: Benefit): BenefitDraft {
  return {
    projectId: b.projectId,
    kpiId: b.kpiId ?? '',
    name: b.name,
    description: b.description ?? '',
    ownerId: b.ownerId ?? '',
    status: b.status as BenefitStatus,
    unit: b.unit,
    direction: b.direction as Direction,
    baseline: text(b.baseline),
    target: text(b.target),
    financialValue: text(b.financialValue),
    trajectory: points(b.trajectory),
    actuals: points(b.actuals),
    reviewDate: b.reviewDate ?? '',
    reviewOutcome: (b.reviewOutcome ?? '') as ReviewOutcome | '',
    reviewNotes: b.reviewNotes ?? '',
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const sorted = (list: PointDraft[]) =>
  [...list]
    .map((p) => ({ date: p.date, value: Number(p.value) }))
    .sort((a, b) => a.date.localeCompare(b.date));

/** The API body (create shape; an edit sends the fields that changed). Points go out by date. */
export function toBenefitBody(d: BenefitDraft): Record<string, unknown> {
  return {
    projectId: d.projectId,
    kpiId: orNull(d.kpiId),
    name: d.name.trim(),
    description: orNull(d.description),
    ownerId: orNull(d.ownerId),
    status: d.status,
    unit: d.unit.trim(),
    direction: d.direction,
    baseline: Number(d.baseline),
    target: Number(d.target),
    financialValue: d.financialValue.trim() === '' ? null : Number(d.financialValue),
    trajectory: sorted(d.trajectory),
    actuals: sorted(d.actuals),
    reviewDate: orNull(d.reviewDate),
    reviewOutcome: d.reviewOutcome === '' ? null : d.reviewOutcome,
    reviewNotes: orNull(d.reviewNotes),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));

function pointErrors(field: 'trajectory' | 'actuals', list: PointDraft[], errors: Record<string, string>) {
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    if (!DATE.test(p.date)) errors[`${field}.${i}.date`] = 'Enter a date';
    else if (seen.has(p.date))
      errors[`${field}.${i}.date`] = `Point ${(seen.get(p.date) ?? 0) + 1} has this date`;
    else seen.set(p.date, i);
    if (!isNumber(p.value)) errors[`${field}.${i}.value`] = 'Enter a number';
  });
}

/**
 * What is wrong with the draft, by API field name: required fields, numbers, dates once per list,
 * the target on the good side of the baseline (core/value/okr), an outcome only with a review date.
 */
export function findBenefitDraftErrors(d: BenefitDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.projectId) errors.projectId = 'Choose the initiative (project) that delivers the benefit';
  if (!d.name.trim()) errors.name = 'Name the benefit';
  if (!d.unit.trim()) errors.unit = 'Give the unit, e.g. %, £, hours';
  if (!isNumber(d.baseline)) errors.baseline = 'Enter the level before the change';
  if (!isNumber(d.target)) errors.target = 'Enter the level planned';
  else if (isNumber(d.baseline)) {
    const [problem] = findKeyResultErrors({
      baseline: Number(d.baseline),
      target: Number(d.target),
      direction: d.direction,
    });
    if (problem) errors.target = problem;
  }
  if (d.financialValue.trim() !== '' && !(Number(d.financialValue) >= 0))
    errors.financialValue = 'Enter the money value when fully realised (0 or more), or leave it empty';
  pointErrors('trajectory', d.trajectory, errors);
  pointErrors('actuals', d.actuals, errors);
  if (d.reviewOutcome !== '' && !d.reviewDate) errors.reviewDate = 'Give the date of the review';
  return errors;
}
