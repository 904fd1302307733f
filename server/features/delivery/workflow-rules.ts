import type { StatusCategory } from '../../../core/model/vocabulary';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { RequestContext, Trx } from '../../resources/resource-spec';

export interface WorkflowMove {
  teamId: string | null;
  itemId: string | null;
  type: string;
  /** The status the item is moving to. */
  status: string;
}

/**
 * The category a status has in the team's workflow, or undefined when the team has no workflow
 * (the caller then falls back to the common status names). Refuses a status the workflow does not
 * know (400 naming `status`) and a move into a state at its hard WIP limit (409 naming `status`);
 * soft limits only warn, on the board.
 */
export async function resolveWorkflowMove(
  trx: Trx,
  ctx: RequestContext,
  move: WorkflowMove,
): Promise<StatusCategory | undefined> {
  if (!move.teamId) return undefined;
  const states = await trx
    .selectFrom('workflow_states')
    .select(['name', 'category', 'wip_hard'])
    .where('organisation_id', '=', ctx.principal.organisationId)
    .where('team_id', '=', move.teamId)
    .orderBy('position')
    .execute();
  if (states.length === 0) return undefined;
  const state = states.find((s) => s.name === move.status);
  if (!state) {
    throw fieldProblem(
      'validation_failed',
      'status',
      `is not a state of the team's workflow (${states.map((s) => s.name).join(', ')})`,
    );
  }
  // Epics and features are not cards on the board: WIP limits count stories, tasks and bugs.
  if (state.wip_hard !== null && move.type !== 'epic' && move.type !== 'feature') {
    let query = trx
      .selectFrom('work_items')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organisation_id', '=', ctx.principal.organisationId)
      .where('team_id', '=', move.teamId)
      .where('status', '=', move.status)
      .where('type', 'not in', ['epic', 'feature']);
    if (move.itemId) query = query.where('id', '!=', move.itemId);
    const n = Number((await query.executeTakeFirstOrThrow()).n);
    if (n >= state.wip_hard) {
      throw new ProblemError(
        'conflict',
        `"${move.status}" is at its hard WIP limit of ${state.wip_hard}: finish an item there before starting another.`,
        [
          {
            field: 'status',
            message: `"${move.status}" is at its hard WIP limit (${n} of ${state.wip_hard})`,
          },
        ],
      );
    }
  }
  return state.category as StatusCategory;
}
