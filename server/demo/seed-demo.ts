import { createRng } from '../../core/random/prng';
import { seedDeliveryDemo } from '../features/delivery/demo-delivery';
import { seedPlaybookDemo } from '../features/playbook/demo-playbook';
import { seedResourcesDemo } from '../features/resources/demo-resources';
import { seedScheduleDemo } from '../features/schedule/demo-schedule';
import { seedValueDemo } from '../features/value/demo-value';
import { insertInBatches } from '../store/bulk-insert';
import type { Store } from '../store/database';
import { refreshPlannerStatistics } from '../store/planner-statistics';
import type { Database, DependenciesTable } from '../store/tables';
import { TABLES_IN_DEPENDENCY_ORDER } from '../store/tables';
import { demoId } from './demo-clock';
import { type DemoStructure, generateStructure } from './demo-organisation';
import { seedPipelineDemo } from './demo-pipeline';
import { generateDemoUsers } from './demo-users';
import { generateProjectWork } from './demo-work-items';

export interface SeedOptions {
  /** 1 gives about 5,000 work items; 200 about a million. */
  scale: number;
  /** The day the history ends (YYYY-MM-DD); the same anchor and seed give the same database. */
  anchorDate: string;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  organisationId: string;
  adminUserId: string;
  projects: number;
  workItems: number;
  statusChanges: number;
}

export const DEMO_ORGANISATION_SLUG = 'northwind';
export const DEMO_ADMIN_EMAIL = 'ada.admin@northwind.example';
const LEAVES_PER_UNIT = 4600;

export async function isDatabaseEmpty(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Seeds the Northwind Digital demo organisation: deterministic for a given anchor date, scale and seed. */
export async function seedDemo(store: Store, options: SeedOptions): Promise<SeedSummary> {
  const anchorMs = Date.parse(`${options.anchorDate}T00:00:00Z`);
  if (Number.isNaN(anchorMs)) throw new Error(`anchor date "${options.anchorDate}" is not YYYY-MM-DD`);
  const rng = createRng(options.seed ?? 20_240_601);
  const organisationId = demoId(rng);
  const adminUserId = demoId(rng);
  const created = new Date(anchorMs - 548 * 86_400_000).toISOString();
  const s = generateStructure(rng, anchorMs, organisationId, options.scale);
  const demoUsers = await generateDemoUsers(rng, s, organisationId, created);

  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({
        id: organisationId,
        name: 'Northwind Digital',
        slug: DEMO_ORGANISATION_SLUG,
        version: 1,
        created_at: created,
        updated_at: created,
      })
      .execute();
    await insertStructure(trx, s);
    await trx
      .insertInto('users')
      .values({
        id: adminUserId,
        organisation_id: organisationId,
        email: DEMO_ADMIN_EMAIL,
        name: 'Ada Admin',
        person_id: null,
        role: 'org_admin',
        password_hash: demoUsers.users[0]?.password_hash ?? null,
        version: 1,
        created_at: created,
        updated_at: created,
      })
      .execute();
    await insertInBatches(trx, 'users', demoUsers.users);
    await insertInBatches(trx, 'role_assignments', demoUsers.grants);
  });

  const membersByTeam = new Map<string, string[]>();
  for (const m of s.members)
    membersByTeam.set(m.team_id, [...(membersByTeam.get(m.team_id) ?? []), m.person_id]);
  const weightOfFirstUnit = s.projects.slice(0, 12).reduce((sum, p) => sum + p.weight, 0);
  let workItems = 0;
  let statusChanges = 0;
  for (const [index, p] of s.projects.entries()) {
    const team = p.teamIndex === null ? undefined : s.teams[p.teamIndex];
    const leaves =
      index < 12 ? Math.round((LEAVES_PER_UNIT * p.weight) / weightOfFirstUnit) : LEAVES_PER_UNIT / 5;
    const work = generateProjectWork({
      rng,
      anchorMs,
      organisationId,
      projectId: p.row.id,
      projectKey: p.row.key,
      teamId: team?.id ?? null,
      speed: p.teamIndex === null ? 1 : (s.teamSpeeds[p.teamIndex] ?? 1),
      memberIds: team ? (membersByTeam.get(team.id) ?? []) : [],
      leaves,
      predictive: p.row.approach === 'predictive',
    });
    const links = workItemLinks(
      rng,
      organisationId,
      work.items.filter((w) => w.type === 'story').map((w) => w.id),
      created,
    );
    await store.db.transaction().execute(async (trx) => {
      await insertInBatches(trx, 'work_items', work.items);
      await insertInBatches(trx, 'work_item_status_changes', work.changes);
      await insertInBatches(trx, 'dependencies', links);
      await trx
        .updateTable('projects')
        .set({ next_item_number: work.items.length + 1 })
        .where('id', '=', p.row.id)
        .execute();
    });
    workItems += work.items.length;
    statusChanges += work.changes.length;
    options.onProgress?.(index + 1, s.projects.length);
  }
  await seedValueDemo(store, rng, s, organisationId, anchorMs);
  await seedScheduleDemo(store, rng, s, organisationId, anchorMs);
  await seedResourcesDemo(store, rng, s, organisationId, anchorMs);
  await seedDeliveryDemo(store, rng, s, organisationId, anchorMs);
  await seedPlaybookDemo(store, s, organisationId, adminUserId, anchorMs);
  // Last, with ids of its own: every row above stays as it was (browser tests rely on them).
  const pipeline = await seedPipelineDemo(store, s, organisationId, anchorMs);
  await refreshPlannerStatistics(store);
  return {
    organisationId,
    adminUserId,
    projects: s.projects.length + pipeline,
    workItems,
    statusChanges,
  };
}

async function insertStructure(trx: Parameters<typeof insertInBatches>[0], s: DemoStructure): Promise<void> {
  const byTable: Partial<Record<keyof Database, object[]>> = {
    people: s.people,
    person_skills: s.skills,
    teams: s.teams,
    team_members: s.members,
    portfolios: s.portfolios,
    programs: s.programs,
    projects: s.projects.map((p) => p.row),
    milestones: s.milestones,
    dependencies: s.projectDependencies,
    goals: s.goals,
    tags: s.tags,
  };
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const rows = byTable[table];
    if (rows) await insertInBatches(trx, table, rows);
  }
}

/** About one "blocks" link per 40 stories, always from an earlier story to a later one. */
function workItemLinks(
  rng: ReturnType<typeof createRng>,
  organisationId: string,
  storyIds: string[],
  created: string,
): DependenciesTable[] {
  const links: DependenciesTable[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.floor(storyIds.length / 40); i++) {
    const a = rng.nextInt(storyIds.length);
    const b = rng.nextInt(storyIds.length);
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    links.push({
      id: demoId(rng),
      organisation_id: organisationId,
      kind: 'work_item',
      predecessor_id: storyIds[Math.min(a, b)] as string,
      successor_id: storyIds[Math.max(a, b)] as string,
      link_type: 'FS',
      lag_days: 0,
      description: null,
      version: 1,
      created_at: created,
      updated_at: created,
    });
  }
  return links;
}
