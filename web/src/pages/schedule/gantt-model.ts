// The rows of the Gantt: tasks in outline order (a summary, then its children by plan position)
// with their depth, and the links between rows in the shape the drawing needs.
import type { RowLink } from './gantt-culling';
import type { LinkType } from './gantt-links';

export interface OutlineTask {
  id: string;
  parentId: string | null;
  position: number;
  name: string;
}

export interface GanttRow<T extends OutlineTask> {
  task: T;
  depth: number;
}

/** Depth-first outline order; children of a missing parent are shown at the top level. */
export function outlineRows<T extends OutlineTask>(tasks: readonly T[]): GanttRow<T>[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string | null, T[]>();
  for (const t of tasks) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(t);
    children.set(parent, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const rows: GanttRow<T>[] = [];
  // Iterative, so a 5,000-task outline of any depth cannot overflow the stack.
  const stack: { task: T; depth: number }[] = [...(children.get(null) ?? [])]
    .reverse()
    .map((task) => ({ task, depth: 0 }));
  const seen = new Set<string>();
  while (stack.length > 0) {
    const { task, depth } = stack.pop()!;
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    rows.push({ task, depth });
    const kids = children.get(task.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ task: kids[i]!, depth: depth + 1 });
  }
  return rows;
}

export interface LinkInfo {
  type: LinkType;
  lag: number;
  fromId: string;
  toId: string;
}

/** Links between rows (by row index) from each task's predecessor list; unknown ids are skipped. */
export function rowLinks(
  rows: readonly GanttRow<OutlineTask>[],
  predecessors: ReadonlyMap<string, readonly { taskId: string; type?: LinkType; lag?: number }[]>,
): RowLink<LinkInfo>[] {
  const rowOf = new Map(rows.map((r, i) => [r.task.id, i]));
  const links: RowLink<LinkInfo>[] = [];
  rows.forEach((row, toRow) => {
    for (const p of predecessors.get(row.task.id) ?? []) {
      const fromRow = rowOf.get(p.taskId);
      if (fromRow === undefined) continue;
      links.push({
        fromRow,
        toRow,
        link: { type: p.type ?? 'FS', lag: p.lag ?? 0, fromId: p.taskId, toId: row.task.id },
      });
    }
  });
  return links;
}
