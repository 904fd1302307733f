/**
 * Who works with what, counted from what the API does hold: work items (assignee, project, team)
 * and resource assignments (person, project, team); the API has no team-membership route yet.
 * Most involved first, ties by id so the order is stable between renders.
 */
export interface Involvement {
  id: string;
  workItems: number;
  assignments: number;
}

/** Counts, per id that `keyOf` picks from each row, how many work items and assignments name it. */
export function computeInvolvement<W, A>(
  workItems: readonly W[],
  assignments: readonly A[],
  keyOf: { work: (row: W) => string | null; assignment: (row: A) => string | null },
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
    const id = keyOf.work(item);
    if (id) entry(id).workItems += 1;
  }
  for (const assignment of assignments) {
    const id = keyOf.assignment(assignment);
    if (id) entry(id).assignments += 1;
  }
  return [...byId.values()].sort(
    (a, b) =>
      b.workItems + b.assignments - (a.workItems + a.assignments) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The same key on work items and assignments (projectId, teamId). */
export function byField<K extends string>(field: K) {
  const pick = (row: Partial<Record<K, string | null>>) => row[field] ?? null;
  return { work: pick, assignment: pick };
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
