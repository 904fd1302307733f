// The goal-alignment form's draft: which goal, which work (a whole project, or one of its epics or
// features) and the share of that work serving the goal. Pure, so it is tested without a browser.
import type { GoalAlignment } from '../../api/value';

export type AlignedWork = 'project' | 'item';

export interface AlignmentDraft {
  goalId: string;
  work: AlignedWork;
  projectId: string;
  workItemId: string;
  /** Contribution weight in percent (the API takes a share, 0 < weight ≤ 1). */
  weightPercent: string;
  note: string;
}

export function newAlignmentDraft(goalId = ''): AlignmentDraft {
  return { goalId, work: 'project', projectId: '', workItemId: '', weightPercent: '100', note: '' };
}

/** An existing link; `projectId` is the aligned item's project when the link names an item. */
export function toAlignmentDraft(a: GoalAlignment, itemProjectId?: string): AlignmentDraft {
  return {
    goalId: a.goalId,
    work: a.workItemId ? 'item' : 'project',
    projectId: a.projectId ?? itemProjectId ?? '',
    workItemId: a.workItemId ?? '',
    weightPercent: String(Number((a.weight * 100).toPrecision(12))),
    note: a.note ?? '',
  };
}

/** The API body: exactly one of projectId and workItemId (the server refuses both or neither). */
export function toAlignmentBody(d: AlignmentDraft): Record<string, unknown> {
  return {
    goalId: d.goalId,
    ...(d.work === 'project' ? { projectId: d.projectId } : { workItemId: d.workItemId }),
    weight: Number(d.weightPercent) / 100,
    note: d.note.trim() === '' ? null : d.note.trim(),
  };
}

/** What is wrong with the draft, by API field name. */
export function findAlignmentDraftErrors(d: AlignmentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.goalId) errors.goalId = 'Choose the goal the work serves';
  if (!d.projectId) errors.projectId = 'Choose the project';
  if (d.work === 'item' && !d.workItemId) errors.workItemId = 'Choose the epic or feature';
  const w = Number(d.weightPercent);
  if (d.weightPercent.trim() === '' || !(w > 0 && w <= 100))
    errors.weight = 'Enter the share of the work serving this goal: more than 0, at most 100 %';
  return errors;
}
