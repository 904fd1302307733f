import type { TimeEntriesTable } from '../../store/tables';

// Gives the demo a history to estimate from: the project time entries already seeded (whose
// totals drive actual cost) are split and booked to the project's finished, estimated items, so
// each item's actual effort is its estimate times a ratio that varies by item and team. Totals per
// project and day stay exactly as they were, so earned value does not move.

export interface DoneItem {
  id: string;
  project_id: string;
  team_id: string | null;
  type: string;
  estimate: number;
  estimate_unit: string;
  done_at: string;
}

/** Demo hours per story point. */
const HOURS_PER_POINT = 6;

/** A number in [0, 1) from a string (FNV-1a), so the ratios do not depend on the seed's order. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** Actual ÷ estimate of a demo item: mostly 0.8–1.5, a long tail to 2.5, teams differ. */
export function demoRatio(item: DoneItem): number {
  const u = unitHash(item.id);
  const teamBias = [0.9, 1, 1.2][Math.floor(unitHash(item.team_id ?? 'none') * 3)] ?? 1;
  const typeBias = item.type === 'bug' ? 1.3 : 1;
  return (0.75 + 1.75 * u ** 2.5) * teamBias * typeBias;
}

type T = TimeEntriesTable;

export function linkTimeToItems(time: readonly T[], items: readonly DoneItem[]): T[] {
  const byProject = new Map<string, DoneItem[]>();
  for (const item of items) {
    const list = byProject.get(item.project_id) ?? [];
    list.push(item);
    byProject.set(item.project_id, list);
  }
  const out: T[] = [];
  const entriesByProject = new Map<string, T[]>();
  for (const entry of time) {
    const list = entriesByProject.get(entry.project_id) ?? [];
    list.push(entry);
    entriesByProject.set(entry.project_id, list);
  }
  for (const [projectId, entries] of entriesByProject) {
    const queue = [...(byProject.get(projectId) ?? [])].sort((a, b) => a.done_at.localeCompare(b.done_at));
    let item = queue.shift();
    let need = item ? target(item) : 0;
    for (const entry of [...entries].sort((a, b) => a.worked_on.localeCompare(b.worked_on))) {
      let left = entry.hours;
      let part = 0;
      while (item && left > 1e-9) {
        const use = Math.min(left, need);
        out.push({ ...entry, id: `${entry.id}-${part++}`, hours: use, work_item_id: item.id });
        left -= use;
        need -= use;
        if (need <= 1e-9) {
          item = queue.shift();
          need = item ? target(item) : 0;
        }
      }
      if (left > 1e-9) out.push({ ...entry, id: part ? `${entry.id}-${part}` : entry.id, hours: left });
    }
  }
  return out;
}

function target(item: DoneItem): number {
  const hours = item.estimate * (item.estimate_unit === 'points' ? HOURS_PER_POINT : 1) * demoRatio(item);
  return Math.max(0.5, Math.round(hours * 2) / 2);
}
