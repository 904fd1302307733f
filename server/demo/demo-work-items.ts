import type { StatusCategory, WorkItemType } from '../../core/model/vocabulary';
import { applyStatusCategory } from '../../core/model/work-item-rules';
import type { Rng } from '../../core/random/prng';
import type { StatusChangesTable, WorkItemsTable } from '../store/tables';
import { EPIC_THEMES, STORY_OBJECTS, STORY_VERBS } from './demo-catalogue';
import { dayToIso, demoId, HISTORY_DAYS, holidayDrag, lognormal, pick, toWorkingTime } from './demo-clock';

export interface ProjectWorkInput {
  rng: Rng;
  anchorMs: number;
  organisationId: string;
  projectId: string;
  projectKey: string;
  teamId: string | null;
  /** Team throughput factor: above 1 finishes faster. */
  speed: number;
  memberIds: string[];
  /** Number of leaf items (stories, tasks, bugs) to generate. */
  leaves: number;
  predictive: boolean;
}

interface Move {
  day: number;
  status: string;
  category: StatusCategory;
}

interface Draft {
  row: WorkItemsTable;
  createdDay: number;
  moves: Move[];
  children: Draft[];
}

const STORY_POINTS = [1, 2, 3, 3, 5, 5, 8, 13];

/**
 * Generates one project's backlog and 18 months of status history: epics → features → stories,
 * tasks and bugs, with right-skewed cycle times, blocked spells, re-opened bugs, holiday drag and
 * work still open at the anchor date. Parents take their status from their children.
 */
export function generateProjectWork(input: ProjectWorkInput): {
  items: WorkItemsTable[];
  changes: StatusChangesTable[];
} {
  const { rng } = input;
  const epicCount = Math.max(2, Math.round(input.leaves / 60));
  const featureCount = Math.max(epicCount, Math.round(input.leaves / 15));
  const epics = Array.from({ length: epicCount }, (_, i) =>
    draft(
      input,
      'epic',
      `${EPIC_THEMES[i % EPIC_THEMES.length]}${i >= EPIC_THEMES.length ? ` ${Math.floor(i / EPIC_THEMES.length) + 1}` : ''}`,
      rng.next() * HISTORY_DAYS * 0.6,
      null,
    ),
  );
  const features = Array.from({ length: featureCount }, (_, i) => {
    const epic = epics[i % epicCount] as Draft;
    const created = epic.createdDay + rng.next() * (HISTORY_DAYS - epic.createdDay) * 0.5;
    return draft(input, 'feature', `${epic.row.title}: ${pick(rng, STORY_OBJECTS)}`, created, epic);
  });
  for (let i = 0; i < input.leaves; i++) {
    const feature = pick(rng, features);
    // Creation skews towards the recent past: backlogs grow as a project ramps up.
    const created = feature.createdDay + (HISTORY_DAYS - feature.createdDay) * rng.next() ** 0.8;
    const roll = rng.next();
    const type: WorkItemType = input.predictive
      ? 'task'
      : roll < 0.65
        ? 'story'
        : roll < 0.85
          ? 'task'
          : 'bug';
    const title =
      type === 'bug'
        ? `Fix: ${pick(rng, STORY_OBJECTS)} fails intermittently`
        : `${pick(rng, STORY_VERBS)} ${pick(rng, STORY_OBJECTS)}`;
    const leaf = draft(input, type, title, created, feature);
    leaf.moves.push(...leafMoves(input, type, created));
  }
  for (const f of features) f.moves.push(...parentMoves(f));
  for (const e of epics) e.moves.push(...parentMoves(e));

  const all = [...epics, ...features, ...epics.flatMap((e) => e.children.flatMap((f) => f.children))];
  all.sort((a, b) => a.createdDay - b.createdDay);
  const items: WorkItemsTable[] = [];
  const changes: StatusChangesTable[] = [];
  all.forEach((d, index) => {
    d.row.key = `${input.projectKey}-${index + 1}`;
    finish(input, d, changes);
    items.push(d.row);
  });
  return { items, changes };
}

function draft(
  input: ProjectWorkInput,
  type: WorkItemType,
  title: string,
  createdDay: number,
  parent: Draft | null,
): Draft {
  const { rng } = input;
  const created = dayToIso(input.anchorMs, createdDay);
  const estimate =
    type === 'story' || type === 'bug'
      ? pick(rng, type === 'bug' ? [1, 2, 3] : STORY_POINTS)
      : type === 'task'
        ? pick(rng, [2, 4, 8, 16])
        : null;
  const row: WorkItemsTable = {
    id: demoId(rng),
    organisation_id: input.organisationId,
    project_id: input.projectId,
    team_id: input.teamId,
    parent_id: parent?.row.id ?? null,
    key: '',
    type,
    title,
    description: null,
    status: 'To Do',
    status_category: 'todo',
    estimate,
    estimate_unit: estimate === null ? null : type === 'task' ? 'hours' : 'points',
    assignee_id: null,
    rank: null,
    started_at: null,
    done_at: null,
    custom_fields:
      rng.next() < 0.3 ? JSON.stringify({ priority: pick(rng, ['Low', 'Medium', 'High']) }) : '{}',
    source: null,
    source_key: null,
    version: 1,
    created_at: created,
    updated_at: created,
  };
  const d: Draft = { row, createdDay, moves: [], children: [] };
  parent?.children.push(d);
  return d;
}

function leafMoves(input: ProjectWorkInput, type: WorkItemType, created: number): Move[] {
  const { rng, anchorMs } = input;
  const moves: Move[] = [];
  const start = toWorkingTime(anchorMs, created + lognormal(rng, 5, 1.1), rng);
  if (start >= HISTORY_DAYS) return moves;
  moves.push({ day: start, status: 'In Progress', category: 'in_progress' });
  const typeFactor = type === 'bug' ? 0.6 : type === 'task' ? 0.7 : 1;
  let cycle = lognormal(rng, (3.5 * typeFactor) / input.speed, 0.8);
  cycle += holidayDrag(anchorMs, start, start + cycle);
  if (rng.next() < 0.12) {
    const blockedAt = start + cycle * rng.next() * 0.7;
    const blockedFor = 1 + rng.next() * 7;
    moves.push({ day: blockedAt, status: 'Blocked', category: 'in_progress' });
    moves.push({ day: blockedAt + blockedFor, status: 'In Progress', category: 'in_progress' });
    cycle += blockedFor;
  }
  if (type === 'story' && rng.next() < 0.6)
    moves.push({ day: start + cycle * 0.8, status: 'In Review', category: 'in_progress' });
  const done = toWorkingTime(anchorMs, start + cycle, rng);
  moves.push({ day: done, status: 'Done', category: 'done' });
  if (type === 'bug' && rng.next() < 0.15) {
    const reopened = done + 1 + rng.next() * 4;
    moves.push({ day: reopened, status: 'In Progress', category: 'in_progress' });
    moves.push({
      day: toWorkingTime(anchorMs, reopened + 1 + rng.next() * 3, rng),
      status: 'Done',
      category: 'done',
    });
  }
  return moves.filter((m) => m.day < HISTORY_DAYS).sort((a, b) => a.day - b.day);
}

/** A parent is in progress from its first child's start and done when its last child is done. */
function parentMoves(parent: Draft): Move[] {
  const starts = parent.children
    .map((c) => c.moves.find((m) => m.category !== 'todo')?.day)
    .filter((d) => d !== undefined);
  if (starts.length === 0) return [];
  const moves: Move[] = [
    { day: Math.max(Math.min(...starts), parent.createdDay), status: 'In Progress', category: 'in_progress' },
  ];
  const allDone = parent.children.every((c) => c.moves.at(-1)?.category === 'done');
  if (allDone)
    moves.push({
      day: Math.max(...parent.children.map((c) => c.moves.at(-1)?.day ?? 0)),
      status: 'Done',
      category: 'done',
    });
  return moves;
}

function finish(input: ProjectWorkInput, d: Draft, changes: StatusChangesTable[]): void {
  const { rng, anchorMs } = input;
  const row = d.row;
  let previous: { status: string; category: StatusCategory } | null = null;
  let flow = { startedAt: null as string | null, doneAt: null as string | null };
  for (const move of [
    { day: d.createdDay, status: 'To Do', category: 'todo' as StatusCategory },
    ...d.moves,
  ]) {
    const at = dayToIso(anchorMs, move.day);
    changes.push({
      id: demoId(rng),
      organisation_id: row.organisation_id,
      work_item_id: row.id,
      from_status: previous?.status ?? null,
      to_status: move.status,
      from_category: previous?.category ?? null,
      to_category: move.category,
      changed_at: at,
      changed_by: null,
    });
    flow = applyStatusCategory(flow, move.category, at);
    previous = move;
    row.updated_at = at;
  }
  row.status = previous?.status ?? 'To Do';
  row.status_category = previous?.category ?? 'todo';
  row.started_at = flow.startedAt;
  row.done_at = flow.doneAt;
  if (row.status_category !== 'todo' && input.memberIds.length > 0 && row.type !== 'epic')
    row.assignee_id = pick(rng, input.memberIds);
  if (row.status_category === 'todo') row.rank = d.createdDay;
}
