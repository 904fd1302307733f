import { CycleError } from '../../../core/schedule/errors';
import { compileNetwork } from '../../../core/schedule/network';
import { ProblemError } from '../../http/problem';
import type { Trx } from '../../resources/resource-spec';

// One answer for a cyclic network on every schedule route: 422 `schedule_cycle` whose `cycle`
// lists the tasks along it in link order (`taskId`, `name`), one field error per task, and a
// detail that reads the loop out. Task writes refuse to create one; reads of a plan that has one
// (imported, or older data) answer the same problem.

export interface CycleMember {
  taskId: string;
  name: string;
}

/** The problem for a cycle given as ids (first not repeated at the end), named by `nameOf`. */
export function cycleProblem(ids: readonly string[], nameOf: (id: string) => string, field = 'predecessors') {
  const cycle: CycleMember[] = ids.map((id) => ({ taskId: id, name: nameOf(id) }));
  const loop = [...cycle, ...cycle.slice(0, 1)].map((c) => c.name).join(' → ');
  return new ProblemError(
    'schedule_cycle',
    `${field}: the links form a cycle: ${loop}`,
    cycle.map((c) => ({ field, message: `task "${c.name}" (${c.taskId}) is in the cycle` })),
    { cycle },
  );
}

/** The ids along a core CycleError's path, without the repeated first id at the end. */
export function cycleIds(error: CycleError): string[] {
  const path = error.cycle;
  return path.length > 1 && path[0] === path.at(-1) ? path.slice(0, -1) : [...path];
}

/**
 * Checks the links and outline of one project for a cycle after a task write (inside the
 * write's transaction, so a refused write leaves nothing behind).
 */
export async function assertNoCycle(trx: Trx, organisationId: string, projectId: string): Promise<void> {
  const [tasks, links] = await Promise.all([
    trx
      .selectFrom('schedule_tasks')
      .select(['id', 'name', 'parent_id'])
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId)
      .execute(),
    trx
      .selectFrom('schedule_links')
      .select(['predecessor_id', 'successor_id', 'link_type', 'lag'])
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId)
      .execute(),
  ]);
  const predecessors = new Map<string, { id: string; type: 'FS'; lag: number }[]>();
  for (const l of links) {
    const list = predecessors.get(l.successor_id) ?? [];
    // Only the graph matters here, so every link counts as FS with lag 0.
    list.push({ id: l.predecessor_id, type: 'FS', lag: 0 });
    predecessors.set(l.successor_id, list);
  }
  try {
    compileNetwork(
      tasks.map((t) => ({
        id: t.id,
        duration: 0,
        predecessors: predecessors.get(t.id) ?? [],
        ...(t.parent_id ? { parent: t.parent_id } : {}),
      })),
    );
  } catch (error) {
    if (!(error instanceof CycleError)) throw error;
    const names = new Map(tasks.map((t) => [t.id, t.name]));
    throw cycleProblem(cycleIds(error), (id) => names.get(id) ?? id);
  }
}
