import { Type } from 'typebox';
import { addDays } from '../../../core/flow/utc-days';
import {
  type AlignmentUnit,
  computeAlignmentShares,
  computeGoalProgress,
  computeKeyResultProgress,
  type MetricDirection,
} from '../../../core/value';
import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import type { Trx } from '../../resources/resource-spec';
import { goalSpec } from '../goals/spec';
import { projectSpec } from '../projects/spec';
import { workItemSpec } from '../work-items/spec';
import { goalAlignmentSpec } from './goal-alignment-spec';
import { findLatestValues, keyResultSpec } from './key-result-spec';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Share = Type.Object({ direct: Type.Number(), total: Type.Number(), share: Type.Number() });

export const StrategyTree = Type.Object({
  asOf: Type.String(),
  capacityWindow: Type.Object({ from: Type.String(), to: Type.String() }),
  goals: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      level: Type.String(),
      parentId: Nullable(Type.String()),
      portfolioId: Nullable(Type.String()),
      teamId: Nullable(Type.String()),
      depth: Type.Integer(),
      childIds: Type.Array(Type.String()),
      progress: Nullable(Type.Number()),
      keyResults: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          unit: Type.String(),
          direction: Type.String(),
          baseline: Type.Number(),
          target: Type.Number(),
          current: Nullable(Type.Number()),
          confidence: Nullable(Type.Number()),
          progress: Type.Number(),
        }),
      ),
      alignedProjects: Type.Integer(),
      alignedWorkItems: Type.Integer(),
      spend: Share,
      capacity: Type.Object({
        direct: Type.Number(),
        total: Type.Number(),
        share: Type.Number(),
        byTeam: Type.Array(
          Type.Object({ teamId: Nullable(Type.String()), teamName: Type.String(), items: Type.Number() }),
        ),
      }),
    }),
  ),
  totals: Type.Object({
    spend: Type.Number(),
    alignedSpend: Type.Number(),
    capacity: Type.Number(),
    alignedCapacity: Type.Number(),
  }),
  unaligned: Type.Object({
    projects: Type.Array(
      Type.Object({
        id: Type.String(),
        key: Type.String(),
        name: Type.String(),
        budget: Nullable(Type.Number()),
      }),
    ),
    epics: Type.Array(
      Type.Object({ id: Type.String(), key: Type.String(), title: Type.String(), projectId: Type.String() }),
    ),
  }),
});

/**
 * The strategy tree as the caller may see it: goals with the progress of their key results
 * (rolled up the tree), and per goal the share of spend (project budgets) and of team capacity
 * (stories, tasks and bugs in progress or finished within the window, attributed through their
 * nearest aligned epic/feature, else their project) aligned to it. Work the caller can see that
 * serves no goal is listed as unaligned.
 */
export async function buildStrategyTree(
  trx: Trx,
  principal: Principal,
  options: { asOf: string; capacityDays: number },
) {
  const org = principal.organisationId;
  const goalFilter = accessFilter(goalSpec, principal);
  let goalQuery = trx.selectFrom('goals').selectAll().where('organisation_id', '=', org);
  if (goalFilter) goalQuery = goalQuery.where(goalFilter);
  const goals = await goalQuery.orderBy('name').orderBy('id').execute();

  const krFilter = accessFilter(keyResultSpec, principal);
  let krQuery = trx.selectFrom('key_results').selectAll().where('organisation_id', '=', org);
  if (krFilter) krQuery = krQuery.where(krFilter);
  const keyResults = await krQuery.orderBy('name').execute();
  const latest = await findLatestValues(
    trx,
    keyResults.map((k) => ({ id: k.id, kpiId: k.kpi_id })),
  );
  const krByGoal = new Map<string, ReturnType<typeof presentKr>[]>();
  for (const k of keyResults) {
    const l = latest.get(k.id);
    const p = computeKeyResultProgress({
      baseline: Number(k.baseline),
      target: Number(k.target),
      direction: k.direction as MetricDirection,
      current: l?.value ?? null,
    });
    krByGoal.set(k.goal_id, [
      ...(krByGoal.get(k.goal_id) ?? []),
      presentKr(k, l?.value ?? null, l?.confidence ?? null, p.progress),
    ]);
  }
  const progress = computeGoalProgress(
    goals.map((g) => ({
      id: g.id,
      parentId: g.parent_id,
      keyResultProgress: (krByGoal.get(g.id) ?? []).map((k) => k.progress),
    })),
  );

  const alignFilter = accessFilter(goalAlignmentSpec, principal);
  let alignQuery = trx.selectFrom('goal_alignments').selectAll().where('organisation_id', '=', org);
  if (alignFilter) alignQuery = alignQuery.where(alignFilter);
  const alignments = (await alignQuery.execute()).map((a) => ({
    goalId: a.goal_id,
    targetId: (a.project_id ?? a.work_item_id) as string,
    weight: Number(a.weight),
    isProject: a.project_id !== null,
  }));

  const projectFilter = accessFilter(projectSpec, principal);
  let projectQuery = trx
    .selectFrom('projects')
    .select(['id', 'key', 'name', 'budget'])
    .where('organisation_id', '=', org);
  if (projectFilter) projectQuery = projectQuery.where(projectFilter);
  const projects = await projectQuery.orderBy('key').execute();
  const spend = computeAlignmentShares(
    goals.map((g) => ({ id: g.id, parentId: g.parent_id })),
    alignments,
    projects.map((p) => ({ id: p.id, amount: Number(p.budget ?? 0), alignTo: [p.id] })),
  );

  const from = addDays(options.asOf, -options.capacityDays + 1);
  const itemFilter = accessFilter(workItemSpec, principal);
  let parentQuery = trx
    .selectFrom('work_items')
    .select(['id', 'key', 'title', 'parent_id', 'project_id', 'type', 'status_category'])
    .where('organisation_id', '=', org)
    .where('type', 'in', ['epic', 'feature']);
  if (itemFilter) parentQuery = parentQuery.where(itemFilter);
  const parents = await parentQuery.execute();
  const parentOf = new Map(parents.map((p) => [p.id, p.parent_id]));
  let leafQuery = trx
    .selectFrom('work_items')
    .leftJoin('teams', 'teams.id', 'work_items.team_id')
    .select([
      'work_items.id',
      'work_items.parent_id',
      'work_items.project_id',
      'work_items.team_id',
      'teams.name as team_name',
    ])
    .where('work_items.organisation_id', '=', org)
    .where('work_items.type', 'in', ['story', 'task', 'bug'])
    .where((eb) =>
      eb.or([
        eb('work_items.status_category', '=', 'in_progress'),
        eb.and([
          eb('work_items.status_category', '=', 'done'),
          eb('work_items.done_at', '>=', `${from}T00:00:00.000Z`),
          eb('work_items.done_at', '<', `${addDays(options.asOf, 1)}T00:00:00.000Z`),
        ]),
      ]),
    );
  if (itemFilter) leafQuery = leafQuery.where(itemFilter);
  const leaves = await leafQuery.execute();
  const teamNames = new Map<string, string>();
  const units: AlignmentUnit[] = leaves.map((w) => {
    const chain: string[] = [];
    let parent = w.parent_id;
    for (let hops = 0; parent && hops < 10; hops++) {
      chain.push(parent);
      parent = parentOf.get(parent) ?? null;
    }
    const team = w.team_id ?? '';
    teamNames.set(team, w.team_name ?? 'No team');
    return { id: w.id, amount: 1, alignTo: [...chain, w.project_id], group: team };
  });
  const capacity = computeAlignmentShares(
    goals.map((g) => ({ id: g.id, parentId: g.parent_id })),
    alignments,
    units,
  );

  const byTargetGoal = (goalId: string, isProject: boolean) =>
    alignments.filter((a) => a.goalId === goalId && a.isProject === isProject).length;
  const children = new Map<string, string[]>();
  const ids = new Set(goals.map((g) => g.id));
  for (const g of goals)
    if (g.parent_id && ids.has(g.parent_id))
      children.set(g.parent_id, [...(children.get(g.parent_id) ?? []), g.id]);
  const byId = new Map(goals.map((g) => [g.id, g]));
  const ordered: { id: string; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (id: string, depth: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    ordered.push({ id, depth });
    for (const c of children.get(id) ?? []) walk(c, depth + 1);
  };
  for (const g of goals) if (!g.parent_id || !ids.has(g.parent_id)) walk(g.id, 0);
  for (const g of goals) walk(g.id, 0);

  const alignedTargets = new Set(alignments.map((a) => a.targetId));
  return {
    asOf: options.asOf,
    capacityWindow: { from, to: options.asOf },
    goals: ordered.map(({ id, depth }) => {
      const g = byId.get(id) as (typeof goals)[number];
      const s = spend.goals.get(id);
      const c = capacity.goals.get(id);
      return {
        id,
        name: g.name,
        level: g.level,
        parentId: g.parent_id,
        portfolioId: g.portfolio_id,
        teamId: g.team_id,
        depth,
        childIds: children.get(id) ?? [],
        progress: progress.get(id) ?? null,
        keyResults: krByGoal.get(id) ?? [],
        alignedProjects: byTargetGoal(id, true),
        alignedWorkItems: byTargetGoal(id, false),
        spend: { direct: s?.direct ?? 0, total: s?.total ?? 0, share: s?.share ?? 0 },
        capacity: {
          direct: c?.direct ?? 0,
          total: c?.total ?? 0,
          share: c?.share ?? 0,
          byTeam: Object.entries(c?.byGroup ?? {}).map(([team, items]) => ({
            teamId: team === '' ? null : team,
            teamName: teamNames.get(team) ?? 'No team',
            items,
          })),
        },
      };
    }),
    totals: {
      spend: spend.totalAmount,
      alignedSpend: spend.alignedAmount,
      capacity: capacity.totalAmount,
      alignedCapacity: capacity.alignedAmount,
    },
    unaligned: {
      projects: projects
        .filter((p) => !alignedTargets.has(p.id))
        .map((p) => ({
          id: p.id,
          key: p.key,
          name: p.name,
          budget: p.budget === null ? null : Number(p.budget),
        })),
      // An epic serves a goal through its own alignment or its project's.
      epics: parents
        .filter(
          (e) =>
            e.type === 'epic' &&
            e.status_category !== 'done' &&
            !alignedTargets.has(e.id) &&
            !alignedTargets.has(e.project_id),
        )
        .map((e) => ({ id: e.id, key: e.key, title: e.title, projectId: e.project_id })),
    },
  };
}

function presentKr(
  k: { id: string; name: string; unit: string; direction: string; baseline: number; target: number },
  current: number | null,
  confidence: number | null,
  progress: number,
) {
  return {
    id: k.id,
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    baseline: Number(k.baseline),
    target: Number(k.target),
    current,
    confidence,
    progress,
  };
}
