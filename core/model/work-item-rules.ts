import type { StatusCategory, WorkItemType } from './vocabulary';

/**
 * Which types may sit under which: epic → feature → story / task / bug. A story may also hang
 * directly under an epic (teams that skip features), and tasks under stories or bugs.
 */
const ALLOWED_PARENTS: Record<WorkItemType, readonly WorkItemType[]> = {
  epic: [],
  feature: ['epic'],
  story: ['feature', 'epic'],
  task: ['story', 'bug', 'feature', 'epic'],
  bug: ['story', 'feature', 'epic'],
};

export function canBeChildOf(child: WorkItemType, parent: WorkItemType): boolean {
  return ALLOWED_PARENTS[child].includes(parent);
}

export function allowedParentTypes(child: WorkItemType): readonly WorkItemType[] {
  return ALLOWED_PARENTS[child];
}

/** Timestamps a status change implies, in the convention flow metrics use. */
export interface FlowTimestamps {
  startedAt: string | null;
  doneAt: string | null;
}

/**
 * Applies a move into `category` at time `at` to the flow timestamps: the first move into
 * progress starts the item (kept on later moves, so cycle time counts from the first start);
 * reaching done sets the completion; leaving done (a re-open) clears it.
 *
 * @example
 * applyStatusCategory({ startedAt: null, doneAt: null }, 'in_progress', '2025-01-02T09:00:00Z')
 * // { startedAt: '2025-01-02T09:00:00Z', doneAt: null }
 */
export function applyStatusCategory(
  current: FlowTimestamps,
  category: StatusCategory,
  at: string,
): FlowTimestamps {
  if (category === 'todo') return { startedAt: current.startedAt, doneAt: null };
  if (category === 'in_progress') return { startedAt: current.startedAt ?? at, doneAt: null };
  return { startedAt: current.startedAt ?? at, doneAt: at };
}

/** Category of a status name when the team has no workflow that says otherwise. */
export function defaultStatusCategory(status: string): StatusCategory | undefined {
  const name = status.trim().toLowerCase();
  if (['to do', 'todo', 'backlog', 'open', 'new', 'selected for development', 'ready'].includes(name))
    return 'todo';
  if (['done', 'closed', 'resolved', 'complete', 'completed', 'released'].includes(name)) return 'done';
  if (
    ['in progress', 'in review', 'review', 'testing', 'in test', 'doing', 'active', 'blocked'].includes(name)
  ) {
    return 'in_progress';
  }
  return undefined;
}
