// Pure backlog logic: where a reordered item lands (the anchor the rank endpoint needs) and the
// epics → features → stories tree.

export interface RankedItem {
  id: string;
  feature: { id: string; key: string; title: string } | null;
  epic: { id: string; key: string; title: string } | null;
  estimate: number | null;
  estimateUnit: string | null;
}

export type RankPlacement = { before: string } | { after: string };

/**
 * Moves the item at `from` to index `to` and says where it went relative to a neighbour: before
 * the item now after it, else after the one now before it. Same index or out of range: null.
 */
export function reorder<T extends { id: string }>(
  items: readonly T[],
  from: number,
  to: number,
): { items: T[]; placement: RankPlacement } | null {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return null;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (!moved) return null;
  next.splice(to, 0, moved);
  const after = next[to + 1];
  const before = next[to - 1];
  const placement: RankPlacement = after ? { before: after.id } : { after: (before as T).id };
  return { items: next, placement };
}

/** Story points of an item (hours-estimated tasks count none). */
export const pointsOf = (item: Pick<RankedItem, 'estimate' | 'estimateUnit'>): number =>
  item.estimateUnit === 'points' && item.estimate !== null ? item.estimate : 0;

export interface FeatureGroup<T> {
  id: string;
  title: string;
  items: T[];
  points: number;
}
export interface EpicGroup<T> {
  id: string;
  title: string;
  features: FeatureGroup<T>[];
  points: number;
  count: number;
}

const NONE = 'none';

/**
 * Groups ranked items under their epic and feature, keeping rank order inside each group and
 * ordering groups by their best-ranked item. Items without an epic or feature fall in "No epic"
 * and "No feature".
 */
export function groupByEpic<T extends RankedItem>(items: readonly T[]): EpicGroup<T>[] {
  const epics = new Map<string, EpicGroup<T>>();
  for (const item of items) {
    const epicId = item.epic?.id ?? NONE;
    let epic = epics.get(epicId);
    if (!epic) {
      epic = { id: epicId, title: item.epic?.title ?? 'No epic', features: [], points: 0, count: 0 };
      epics.set(epicId, epic);
    }
    const featureId = item.feature?.id ?? NONE;
    let feature = epic.features.find((f) => f.id === featureId);
    if (!feature) {
      feature = { id: featureId, title: item.feature?.title ?? 'No feature', items: [], points: 0 };
      epic.features.push(feature);
    }
    feature.items.push(item);
    feature.points += pointsOf(item);
    epic.points += pointsOf(item);
    epic.count += 1;
  }
  return [...epics.values()];
}
