import type { Trx } from '../../resources/resource-spec';
import type { BudgetsTable, CostRatesTable, ProjectsTable } from '../../store/tables';

// Kysely queries behind budgets versus actuals and earned value, one project at a time.

export interface ProjectActuals {
  budgets: BudgetsTable[];
  costs: { incurred_on: string; amount: number; category: string; cost_type: string }[];
  time: { person_id: string; worked_on: string; hours: number; category: string; title: string | null }[];
  progress: { reported_on: string; percent_complete: number }[];
  milestones: { due_date: string; completed_on: string | null }[];
  /** Story points of leaf items (not epics or features), with the day they were done. */
  points: { estimate: number; done_on: string | null }[];
}

export async function findProject(
  trx: Trx,
  organisationId: string,
  id: string,
): Promise<ProjectsTable | undefined> {
  return trx
    .selectFrom('projects')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listProjectActuals(
  trx: Trx,
  organisationId: string,
  projectId: string,
): Promise<ProjectActuals> {
  const org = organisationId;
  const budgets = await trx
    .selectFrom('budgets')
    .selectAll()
    .where('organisation_id', '=', org)
    .where('project_id', '=', projectId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  const costs = await trx
    .selectFrom('cost_entries')
    .select(['incurred_on', 'amount', 'category', 'cost_type'])
    .where('organisation_id', '=', org)
    .where('project_id', '=', projectId)
    .execute();
  const time = await trx
    .selectFrom('time_entries as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['t.person_id', 't.worked_on', 't.hours', 't.category', 'p.title'])
    .where('t.organisation_id', '=', org)
    .where('t.project_id', '=', projectId)
    .execute();
  const progress = await trx
    .selectFrom('progress_reports')
    .select(['reported_on', 'percent_complete'])
    .where('organisation_id', '=', org)
    .where('project_id', '=', projectId)
    .orderBy('reported_on')
    .execute();
  const milestones = await trx
    .selectFrom('milestones')
    .select(['due_date', 'completed_on'])
    .where('organisation_id', '=', org)
    .where('project_id', '=', projectId)
    .execute();
  const items = await trx
    .selectFrom('work_items')
    .select(['estimate', 'done_at', 'status_category'])
    .where('organisation_id', '=', org)
    .where('project_id', '=', projectId)
    .where('estimate_unit', '=', 'points')
    .where('type', 'not in', ['epic', 'feature'])
    .where('estimate', 'is not', null)
    .execute();
  return {
    budgets,
    costs,
    time,
    progress,
    milestones,
    points: items.map((i) => ({
      estimate: Number(i.estimate),
      done_on: i.status_category === 'done' && i.done_at ? i.done_at.slice(0, 10) : null,
    })),
  };
}

export async function listCostRates(trx: Trx, organisationId: string): Promise<CostRatesTable[]> {
  return trx.selectFrom('cost_rates').selectAll().where('organisation_id', '=', organisationId).execute();
}

/** Projects of the organisation that have a project budget, for the reference class. */
export async function listBudgetedProjects(trx: Trx, organisationId: string): Promise<ProjectsTable[]> {
  return trx
    .selectFrom('projects')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(eb.selectFrom('budgets as b').select('b.id').whereRef('b.project_id', '=', 'projects.id')),
    )
    .orderBy('key')
    .execute();
}
