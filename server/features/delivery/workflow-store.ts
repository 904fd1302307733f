import { randomUUID } from 'node:crypto';
import type { Trx } from '../../resources/resource-spec';
import type { TeamWorkflowsTable, WorkflowStatesTable } from '../../store/tables';

export interface WorkflowStateInput {
  name: string;
  category: 'todo' | 'in_progress' | 'done';
  blocked?: boolean;
  wipSoft?: number | null;
  wipHard?: number | null;
}

export interface StoredWorkflow {
  workflow: TeamWorkflowsTable;
  states: WorkflowStatesTable[];
}

/** The team's workflow with its states in board order, or undefined when the team has none. */
export async function findWorkflow(
  trx: Trx,
  organisationId: string,
  teamId: string,
): Promise<StoredWorkflow | undefined> {
  const workflow = await trx
    .selectFrom('team_workflows')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  if (!workflow) return undefined;
  const states = await trx
    .selectFrom('workflow_states')
    .selectAll()
    .where('workflow_id', '=', workflow.id)
    .orderBy('position')
    .execute();
  return { workflow, states };
}

/** Replaces the team's workflow (states and SLE) in one go; returns the stored result. */
export async function replaceWorkflow(
  trx: Trx,
  organisationId: string,
  teamId: string,
  input: { states: WorkflowStateInput[]; sle: { days: number; percentile: number } | null },
  now: string,
): Promise<StoredWorkflow> {
  const existing = await findWorkflow(trx, organisationId, teamId);
  const sle = { sle_days: input.sle?.days ?? null, sle_percentile: input.sle?.percentile ?? null };
  let workflowId: string;
  if (existing) {
    workflowId = existing.workflow.id;
    await trx
      .updateTable('team_workflows')
      .set({ ...sle, version: existing.workflow.version + 1, updated_at: now })
      .where('id', '=', workflowId)
      .execute();
    await trx.deleteFrom('workflow_states').where('workflow_id', '=', workflowId).execute();
  } else {
    workflowId = randomUUID();
    await trx
      .insertInto('team_workflows')
      .values({
        id: workflowId,
        organisation_id: organisationId,
        team_id: teamId,
        ...sle,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await trx
    .insertInto('workflow_states')
    .values(
      input.states.map((s, position) => ({
        id: randomUUID(),
        organisation_id: organisationId,
        workflow_id: workflowId,
        team_id: teamId,
        name: s.name,
        category: s.category,
        position,
        blocked: s.blocked ? 1 : 0,
        wip_soft: s.wipSoft ?? null,
        wip_hard: s.wipHard ?? null,
      })),
    )
    .execute();
  return (await findWorkflow(trx, organisationId, teamId)) as StoredWorkflow;
}

/** Leaf items (not epics or features) of the team currently in each status. */
export async function countItemsByStatus(
  trx: Trx,
  organisationId: string,
  teamId: string,
): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('work_items')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('team_id', '=', teamId)
    .where('type', 'not in', ['epic', 'feature'])
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
