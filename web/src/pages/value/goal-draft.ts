// Goal and key-result forms as pure modules: a record → the text the form shows, the text → the
// API body, and field messages under the API's names (`portfolioId`, `target`), so the form's
// checks and the server's answer land on the same input.
import type { GoalLevel } from '../../../../core/model/vocabulary';
import { findKeyResultErrors, type MetricDirection } from '../../../../core/value/okr';
import type { Goal, KeyResult } from '../../api/value';

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));

export interface GoalDraft {
  name: string;
  level: GoalLevel;
  parentId: string;
  portfolioId: string;
  teamId: string;
  ownerId: string;
  description: string;
}

export const newGoalDraft = (): GoalDraft => ({
  name: '',
  level: 'portfolio',
  parentId: '',
  portfolioId: '',
  teamId: '',
  ownerId: '',
  description: '',
});

export const toGoalDraft = (g: Goal): GoalDraft => ({
  name: g.name,
  level: g.level as GoalLevel,
  parentId: g.parentId ?? '',
  portfolioId: g.portfolioId ?? '',
  teamId: g.teamId ?? '',
  ownerId: g.ownerId ?? '',
  description: g.description ?? '',
});

/** `selfId`: the goal being edited, which cannot be its own parent. */
export function findGoalDraftErrors(d: GoalDraft, selfId?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'Name the goal';
  if (d.level === 'portfolio' && !d.portfolioId) errors.portfolioId = 'Choose the portfolio the goal is for';
  if (d.level === 'team' && !d.teamId) errors.teamId = 'Choose the team the goal is for';
  if (selfId && d.parentId === selfId) errors.parentId = 'A goal cannot be its own parent';
  return errors;
}

export function toGoalBody(d: GoalDraft): Record<string, unknown> {
  return {
    name: d.name.trim(),
    level: d.level,
    parentId: orNull(d.parentId),
    // The level decides the scope: an organisation goal has neither portfolio nor team.
    portfolioId: d.level === 'portfolio' ? d.portfolioId : null,
    teamId: d.level === 'team' ? d.teamId : null,
    ownerId: orNull(d.ownerId),
    description: orNull(d.description),
  };
}

export interface KeyResultDraft {
  goalId: string;
  name: string;
  metric: string;
  unit: string;
  direction: MetricDirection;
  baseline: string;
  target: string;
  kpiId: string;
  ownerId: string;
  dueDate: string;
}

export const newKeyResultDraft = (): KeyResultDraft => ({
  goalId: '',
  name: '',
  metric: '',
  unit: '',
  direction: 'increase',
  baseline: '',
  target: '',
  kpiId: '',
  ownerId: '',
  dueDate: '',
});

export const toKeyResultDraft = (k: KeyResult): KeyResultDraft => ({
  goalId: k.goalId,
  name: k.name,
  metric: k.metric,
  unit: k.unit,
  direction: k.direction as MetricDirection,
  baseline: String(k.baseline),
  target: String(k.target),
  kpiId: k.kpiId ?? '',
  ownerId: k.ownerId ?? '',
  dueDate: k.dueDate ?? '',
});

export function findKeyResultDraftErrors(d: KeyResultDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.goalId) errors.goalId = 'Choose the goal';
  if (!d.name.trim()) errors.name = 'Name the key result';
  if (!d.metric.trim()) errors.metric = 'Say what is measured';
  if (!d.unit.trim()) errors.unit = 'Give the unit, e.g. %, days';
  if (!isNumber(d.baseline)) errors.baseline = 'Enter the level at the start';
  if (!isNumber(d.target)) errors.target = 'Enter the level aimed for';
  else if (isNumber(d.baseline)) {
    // The server's own rule (core/value/okr.ts): the target lies on the good side of the baseline.
    const [problem] = findKeyResultErrors({
      baseline: Number(d.baseline),
      target: Number(d.target),
      direction: d.direction,
    });
    if (problem) errors.target = problem;
  }
  return errors;
}

export function toKeyResultBody(d: KeyResultDraft): Record<string, unknown> {
  return {
    goalId: d.goalId,
    name: d.name.trim(),
    metric: d.metric.trim(),
    unit: d.unit.trim(),
    direction: d.direction,
    baseline: Number(d.baseline),
    target: Number(d.target),
    kpiId: orNull(d.kpiId),
    ownerId: orNull(d.ownerId),
    dueDate: orNull(d.dueDate),
  };
}
