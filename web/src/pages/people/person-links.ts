/**
 * Which teams and projects a person works with, counted from what the API does hold: the work items
 * assigned to them and their resource assignments (the API has no team-membership route yet).
 * Most involved first, ties by id so the order is stable between renders.
 */
export interface Involvement {
  id: string;
  workItems: number;
  assignments: number;
}

interface WorkLike {
  projectId: string;
  teamId: string | null;
}

interface AssignmentLike {
  projectId: string;
  teamId: string | null;
}

export function computeInvolvement(
  workItems: readonly WorkLike[],
  assignments: readonly AssignmentLike[],
  key: 'projectId' | 'teamId',
): Involvement[] {
  const byId = new Map<string, Involvement>();
  const entry = (id: string) => {
    const found = byId.get(id);
    if (found) return found;
    const created = { id, workItems: 0, assignments: 0 };
    byId.set(id, created);
    return created;
  };
  for (const item of workItems) {
    const id = item[key];
    if (id) entry(id).workItems += 1;
  }
  for (const assignment of assignments) {
    const id = assignment[key];
    if (id) entry(id).assignments += 1;
  }
  return [...byId.values()].sort(
    (a, b) =>
      b.workItems + b.assignments - (a.workItems + a.assignments) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** "3 work items, 1 assignment" — the evidence behind a link, in words. */
export function describeInvolvement(involvement: Involvement): string {
  const parts: string[] = [];
  if (involvement.workItems > 0)
    parts.push(`${involvement.workItems} work item${involvement.workItems === 1 ? '' : 's'}`);
  if (involvement.assignments > 0)
    parts.push(`${involvement.assignments} assignment${involvement.assignments === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** Proficiency 1–5 in the words the people directory uses. */
export const PROFICIENCY_LABELS = ['Learning', 'Basic', 'Competent', 'Advanced', 'Expert'] as const;

export function proficiencyLabel(level: number): string {
  return PROFICIENCY_LABELS[Math.min(5, Math.max(1, Math.round(level))) - 1] ?? 'Unknown';
}
