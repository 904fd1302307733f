import { addDays, formatDayNumber, getDayNumber, MS_PER_DAY } from '../../../core/flow/utc-days';
import type { Rng } from '../../../core/random/prng';
import { demoId, HISTORY_DAYS, pick } from '../../demo/demo-clock';
import type { DemoStructure } from '../../demo/demo-organisation';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';
import type {
  RetrospectiveActionsTable,
  RetrospectivesTable,
  SprintItemsTable,
  SprintsTable,
  TeamWorkflowsTable,
  WorkflowStatesTable,
} from '../../store/tables';
import { seedClassesOfService } from './demo-class-of-service';

// Delivery demo data for Northwind Digital: a workflow per team (the statuses the generated work
// items use), two-week sprints over the 18 months for Scrum and hybrid teams whose commitment,
// completion and carry-over follow the items' own history, an SLE for Kanban teams, and a
// couple of retrospectives with action items. Deterministic from the seeding rng.

const SPRINT_DAYS = 14;
const STATES = [
  { name: 'To Do', category: 'todo', blocked: 0, soft: null, hard: null },
  { name: 'In Progress', category: 'in_progress', blocked: 0, soft: 8, hard: null },
  { name: 'Blocked', category: 'in_progress', blocked: 1, soft: null, hard: null },
  { name: 'In Review', category: 'in_progress', blocked: 0, soft: 5, hard: null },
  { name: 'Done', category: 'done', blocked: 0, soft: null, hard: null },
] as const;
const GOALS = [
  'Release the next increment',
  'Close the top customer requests',
  'Pay down review debt',
  'Ship the beta',
];
const RETRO_ACTIONS = [
  'Limit work in review to five items',
  'Split stories larger than 8 points at refinement',
  'Pair on blocked items within a day',
  'Automate the release checklist',
  'Invite support to the sprint review',
];

interface LeafRow {
  id: string;
  started_at: string | null;
  done_at: string | null;
  estimate: number | null;
  estimate_unit: string | null;
}

export async function seedDeliveryDemo(
  store: Store,
  rng: Rng,
  s: DemoStructure,
  organisationId: string,
  anchorMs: number,
): Promise<void> {
  const anchor = formatDayNumber(Math.floor(anchorMs / MS_PER_DAY));
  const created = new Date(anchorMs - HISTORY_DAYS * MS_PER_DAY).toISOString();
  const workflows: TeamWorkflowsTable[] = [];
  const states: WorkflowStatesTable[] = [];
  const sprints: SprintsTable[] = [];
  const sprintItems: SprintItemsTable[] = [];
  const retros: RetrospectivesTable[] = [];
  const actions: RetrospectiveActionsTable[] = [];
  const stamp = { version: 1, created_at: created, updated_at: created };

  for (const team of s.teams) {
    const kanban = team.delivery_method === 'kanban';
    const workflowId = demoId(rng);
    workflows.push({
      id: workflowId,
      organisation_id: organisationId,
      team_id: team.id,
      sle_days: kanban ? pick(rng, [8, 10, 12]) : null,
      sle_percentile: kanban ? 85 : null,
      ...stamp,
    });
    STATES.forEach((st, position) => {
      states.push({
        id: demoId(rng),
        organisation_id: organisationId,
        workflow_id: workflowId,
        team_id: team.id,
        name: st.name,
        category: st.category,
        position,
        blocked: st.blocked,
        wip_soft: st.soft,
        wip_hard: st.hard,
      });
    });
    if (kanban) continue;
    const leaves = (await store.db
      .selectFrom('work_items')
      .select(['id', 'started_at', 'done_at', 'estimate', 'estimate_unit'])
      .where('organisation_id', '=', organisationId)
      .where('team_id', '=', team.id)
      .where('type', 'not in', ['epic', 'feature'])
      .where('started_at', 'is not', null)
      .orderBy('started_at')
      .execute()) as LeafRow[];
    planSprints(rng, organisationId, team.id, anchor, leaves, stamp, sprints, sprintItems);
    const completed = sprints.filter((x) => x.team_id === team.id && x.state === 'completed').slice(-2);
    for (const sprint of completed) {
      const retro: RetrospectivesTable = {
        id: demoId(rng),
        organisation_id: organisationId,
        team_id: team.id,
        sprint_id: sprint.id,
        title: `${sprint.name} retrospective`,
        held_on: sprint.end_date,
        went_well: 'Pairing on reviews; the sprint goal was clear from day one.',
        to_improve: 'Too many items waited in review; blocked items sat for days before anyone noticed.',
        ...stamp,
      };
      retros.push(retro);
      for (let i = 0; i < 2 + rng.nextInt(2); i++) {
        const done = sprint !== completed.at(-1) && rng.next() < 0.7;
        actions.push({
          id: demoId(rng),
          organisation_id: organisationId,
          retrospective_id: retro.id,
          team_id: team.id,
          title: pick(rng, RETRO_ACTIONS),
          owner_id: null,
          due_date: addDays(sprint.end_date, SPRINT_DAYS),
          status: done ? 'done' : rng.next() < 0.5 ? 'in_progress' : 'open',
          done_at: done ? `${addDays(sprint.end_date, 1 + rng.nextInt(10))}T15:00:00.000Z` : null,
          ...stamp,
        });
      }
    }
  }
  await store.db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'team_workflows', workflows);
    await insertInBatches(trx, 'workflow_states', states);
    await insertInBatches(trx, 'sprints', sprints);
    await insertInBatches(trx, 'sprint_items', sprintItems);
    await insertInBatches(trx, 'retrospectives', retros);
    await insertInBatches(trx, 'retrospective_actions', actions);
  });
  await seedClassesOfService(store, organisationId);
}

/**
 * Two-week sprints ending with the one that holds the anchor date (active) and one planned after
 * it. A sprint holds the items started during it plus those carried over (started before it and
 * not done when it began); items done by its end count as completed, the rest carry over.
 */
function planSprints(
  rng: Rng,
  organisationId: string,
  teamId: string,
  anchor: string,
  leaves: LeafRow[],
  stamp: { version: number; created_at: string; updated_at: string },
  sprints: SprintsTable[],
  sprintItems: SprintItemsTable[],
): void {
  const anchorDay = getDayNumber(anchor);
  const first = anchorDay - HISTORY_DAYS + 1 + rng.nextInt(SPRINT_DAYS);
  const points = (l: LeafRow) =>
    l.estimate !== null && l.estimate_unit === 'points' ? Number(l.estimate) : 0;
  let previous: SprintsTable | undefined;
  for (let start = first, n = 1; start <= anchorDay + SPRINT_DAYS; start += SPRINT_DAYS, n++) {
    const end = start + SPRINT_DAYS - 1;
    const state = end < anchorDay ? 'completed' : start <= anchorDay ? 'active' : 'planned';
    const startIso = `${formatDayNumber(start)}T00:00:00.000Z`;
    const endIso = `${formatDayNumber(end + 1)}T00:00:00.000Z`;
    const members =
      state === 'planned'
        ? []
        : leaves.filter(
            (l) => (l.started_at as string) < endIso && (l.done_at === null || l.done_at >= startIso),
          );
    const done = members.filter((l) => l.done_at !== null && l.done_at < endIso);
    const sprint: SprintsTable = {
      id: demoId(rng),
      organisation_id: organisationId,
      team_id: teamId,
      name: `Sprint ${n}`,
      goal: pick(rng, GOALS),
      start_date: formatDayNumber(start),
      end_date: formatDayNumber(end),
      capacity: Math.round(members.reduce((sum, l) => sum + points(l), 0) * (0.9 + rng.next() * 0.3)) || null,
      state,
      committed_items: state === 'planned' ? null : members.length,
      committed_points: state === 'planned' ? null : members.reduce((sum, l) => sum + points(l), 0),
      completed_items: state === 'completed' ? done.length : null,
      completed_points: state === 'completed' ? done.reduce((sum, l) => sum + points(l), 0) : null,
      started_at: state === 'planned' ? null : `${formatDayNumber(start)}T09:00:00.000Z`,
      completed_at: state === 'completed' ? `${formatDayNumber(end)}T16:00:00.000Z` : null,
      ...stamp,
    };
    sprints.push(sprint);
    const carried = previous?.id ?? null;
    for (const l of members) {
      const isDone = l.done_at !== null && l.done_at < endIso;
      sprintItems.push({
        id: demoId(rng),
        organisation_id: organisationId,
        sprint_id: sprint.id,
        work_item_id: l.id,
        committed: 1,
        added_at: sprint.started_at as string,
        outcome: state !== 'completed' ? null : isDone ? 'done' : 'carried_over',
        carried_from_sprint_id: (l.started_at as string) < startIso ? carried : null,
      });
    }
    previous = sprint;
  }
}
