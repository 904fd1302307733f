import type { PlannedStart } from './problem';

/** What changed from one scenario's plan to another's. */
export interface PlanChanges {
  /** Funded in the second plan only. */
  selected: PlannedStart[];
  /** Funded in the first plan only. */
  deselected: PlannedStart[];
  /** Funded in both, starting in a different period. */
  moved: { id: string; from: number; to: number }[];
  /** Funded in both at the same start. */
  unchanged: string[];
}

/**
 * Differences between two plans, each list in id order so the comparison reads the same every time.
 *
 * @example
 * comparePlans([{ id: 'a', start: 0 }], [{ id: 'a', start: 2 }, { id: 'b', start: 0 }]);
 * // { selected: [b@0], deselected: [], moved: [{ id: 'a', from: 0, to: 2 }], unchanged: [] }
 */
export function comparePlans(first: readonly PlannedStart[], second: readonly PlannedStart[]): PlanChanges {
  const a = new Map(first.map((s) => [s.id, s.start]));
  const b = new Map(second.map((s) => [s.id, s.start]));
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
  const out: PlanChanges = { selected: [], deselected: [], moved: [], unchanged: [] };
  for (const s of second) if (!a.has(s.id)) out.selected.push({ id: s.id, start: s.start });
  for (const s of first) {
    const to = b.get(s.id);
    if (to === undefined) out.deselected.push({ id: s.id, start: s.start });
    else if (to !== s.start) out.moved.push({ id: s.id, from: s.start, to });
    else out.unchanged.push(s.id);
  }
  out.selected.sort(byId);
  out.deselected.sort(byId);
  out.moved.sort(byId);
  out.unchanged.sort();
  return out;
}
