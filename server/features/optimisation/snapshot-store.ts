import type { Trx } from '../../resources/resource-spec';

/** Everything a portfolio snapshot reads, in one place so the copy is one consistent read. */
export async function findPortfolioRows(trx: Trx, organisationId: string, portfolioId: string) {
  const projects = await trx
    .selectFrom('projects')
    .select(['id', 'key', 'name', 'start_date', 'end_date', 'budget', 'lifecycle_state'])
    .where('organisation_id', '=', organisationId)
    .where('portfolio_id', '=', portfolioId)
    .where('lifecycle_state', 'not in', ['completed', 'cancelled'])
    .orderBy('key')
    .execute();
  const ids = projects.map((p) => p.id);
  const none = ids.length === 0 ? ['-'] : ids;
  const budgets = await trx
    .selectFrom('budgets')
    .select(['project_id', 'budget_version', 'lines'])
    .where('organisation_id', '=', organisationId)
    .where('portfolio_id', '=', portfolioId)
    .orderBy('name')
    .execute();
  const requests = await trx
    .selectFrom('resource_requests')
    .select(['project_id', 'skill', 'start_date', 'end_date', 'amount', 'unit'])
    .where('organisation_id', '=', organisationId)
    .where('project_id', 'in', none)
    .where('status', '!=', 'cancelled')
    .orderBy('id')
    .execute();
  const businessCases = await trx
    .selectFrom('business_cases')
    .select(['project_id', 'rate', 'lines'])
    .where('organisation_id', '=', organisationId)
    .where('project_id', 'in', none)
    .orderBy('id')
    .execute();
  const scores = await trx
    .selectFrom('work_item_scores as s')
    .innerJoin('work_items as w', 'w.id', 's.work_item_id')
    .select([
      'w.project_id',
      's.user_business_value',
      's.time_criticality',
      's.risk_reduction',
      's.job_size',
      's.model_scores',
    ])
    .where('s.organisation_id', '=', organisationId)
    .where('w.project_id', 'in', none)
    .execute();
  const scoringModel = await trx
    .selectFrom('scoring_models')
    .select(['id', 'criteria'])
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('portfolio_id', '=', portfolioId), eb('portfolio_id', 'is', null)]))
    .orderBy('portfolio_id', 'desc')
    .orderBy('name')
    .executeTakeFirst();
  const dependencies = await trx
    .selectFrom('dependencies')
    .select(['predecessor_id', 'successor_id'])
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', 'project')
    .where('successor_id', 'in', none)
    .execute();
  // A project's delivery team: the team holding most of its work items.
  const teamCounts = await trx
    .selectFrom('work_items')
    .select(['project_id', 'team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('project_id', 'in', none)
    .where('team_id', 'is not', null)
    .groupBy(['project_id', 'team_id'])
    .execute();
  const teamOf = new Map<string, string>();
  const best = new Map<string, number>();
  for (const t of [...teamCounts].sort((a, b) => String(a.team_id).localeCompare(String(b.team_id)))) {
    const n = Number(t.n);
    if (t.team_id && n > (best.get(t.project_id) ?? 0)) {
      best.set(t.project_id, n);
      teamOf.set(t.project_id, t.team_id);
    }
  }
  const skills = await trx
    .selectFrom('person_skills as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.person_id', 's.skill', 'p.fte'])
    .where('s.organisation_id', '=', organisationId)
    .execute();
  const members = await trx
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.team_id', 't.name as team_name', 'm.person_id', 'm.allocation', 'p.fte'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('t.name')
    .execute();
  return {
    projects,
    budgets,
    requests,
    businessCases,
    scores,
    scoringModel,
    dependencies,
    teamOf,
    skills,
    members,
  };
}

export type SnapshotRows = Awaited<ReturnType<typeof findPortfolioRows>>;
