import { ProblemError } from '../../http/problem';
import type { StoredWorkflow, WorkflowStateInput } from './workflow-store';

/** Names unique (case-insensitive), a done state, soft ≤ hard: each error names its field. */
export function checkWorkflow(states: readonly WorkflowStateInput[]): void {
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  states.forEach((s, i) => {
    const key = s.name.trim().toLowerCase();
    if (seen.has(key)) errors.push({ field: `states/${i}/name`, message: `"${s.name}" appears twice` });
    seen.add(key);
    if (s.wipSoft != null && s.wipHard != null && s.wipSoft > s.wipHard)
      errors.push({ field: `states/${i}/wipSoft`, message: 'is above the hard limit' });
    if (s.category === 'done' && (s.wipSoft != null || s.wipHard != null))
      errors.push({ field: `states/${i}/wipHard`, message: 'a done state has no WIP limit' });
  });
  if (!states.some((s) => s.category === 'done'))
    errors.push({ field: 'states', message: 'needs at least one state in the done category' });
  if (errors.length > 0)
    throw new ProblemError(
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
}

export function presentWorkflow(teamId: string, stored: StoredWorkflow | undefined) {
  return {
    teamId,
    configured: stored !== undefined,
    version: stored?.workflow.version ?? 0,
    states: (stored?.states ?? []).map((s) => ({
      name: s.name,
      category: s.category,
      blocked: s.blocked === 1,
      wipSoft: s.wip_soft,
      wipHard: s.wip_hard,
    })),
    sle:
      stored?.workflow.sle_days != null && stored.workflow.sle_percentile != null
        ? { days: Number(stored.workflow.sle_days), percentile: stored.workflow.sle_percentile }
        : null,
  };
}
