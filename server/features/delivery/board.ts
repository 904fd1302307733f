import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { MS_PER_DAY, parseTimestampMs } from '../../../core/flow/utc-days';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import type { Trx } from '../../resources/resource-spec';
import { stringEnum } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { workItemSpec } from '../work-items/spec';
import { resolveAsOf } from './flow-window';
import { IdParams, Nullable } from './schemas';
import { teamDeliverySpec } from './team-access';
import { loadAncestors } from './work-item-ancestors';
import { findWorkflow } from './workflow-store';

const SWIMLANES = ['none', 'epic', 'assignee', 'class_of_service'] as const;
type Swimlane = (typeof SWIMLANES)[number];
/** Fallback columns of a team without a workflow. */
const DEFAULT_COLUMNS = [
  { name: 'To Do', category: 'todo', blocked: 0, wip_soft: null, wip_hard: null },
  { name: 'In Progress', category: 'in_progress', blocked: 0, wip_soft: null, wip_hard: null },
  { name: 'Done', category: 'done', blocked: 0, wip_soft: null, wip_hard: null },
];
/** Items stay on a done column this many days after they finish. */
const DONE_DAYS = 14;
/** At most this many items per column are loaded; `limit` pages within them. */
const LOAD_CAP = 1_000;

const Card = Type.Object({
  id: Type.String(),
  version: Type.Integer({ description: 'Send as If-Match when moving the card (PATCH the work item)' }),
  key: Type.String(),
  title: Type.String(),
  type: Type.String(),
  status: Type.String(),
  rank: Nullable(Type.Number()),
  estimate: Nullable(Type.Number()),
  estimateUnit: Nullable(Type.String()),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  epic: Nullable(Type.Object({ id: Type.String(), title: Type.String() })),
  classOfService: Type.String(),
  ageDays: Nullable(Type.Number({ description: 'Days since the item started (work item age)' })),
  blocked: Nullable(
    Type.Object({
      reason: Type.String(),
      since: Type.String(),
      flagged: Type.Boolean({
        description: 'An explicit blocked flag (else the state itself is flagged blocked)',
      }),
    }),
  ),
});
const Cell = Type.Object({ status: Type.String(), count: Type.Integer(), items: Type.Array(Card) });

type CardRow = {
  id: string;
  version: number;
  key: string;
  title: string;
  type: string;
  status: string;
  rank: number | null;
  estimate: number | null;
  estimate_unit: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  parent_id: string | null;
  custom_fields: string;
  started_at: string | null;
  done_at: string | null;
};

/** GET /api/v1/teams/:id/board: columns, WIP against limits, blocked flags and swimlanes. */
export function registerBoardRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/teams/:id/board',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Delivery'],
        summary: "A team's board: its workflow's columns with items, WIP vs limits and swimlanes",
        params: IdParams,
        querystring: Type.Object(
          {
            swimlane: Type.Optional(stringEnum(SWIMLANES)),
            limit: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 200,
                description: 'Items per column and lane (default 50)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            teamId: Type.String(),
            asOf: Type.String(),
            swimlane: Type.String(),
            columns: Type.Array(
              Type.Object({
                status: Type.String(),
                category: Type.String(),
                blockedState: Type.Boolean(),
                count: Type.Integer(),
                wipSoft: Nullable(Type.Integer()),
                wipHard: Nullable(Type.Integer()),
                overSoftLimit: Type.Boolean(),
                atHardLimit: Type.Boolean(),
                items: Type.Array(Card),
              }),
            ),
            lanes: Type.Array(
              Type.Object({
                key: Type.String(),
                name: Type.String(),
                count: Type.Integer(),
                cells: Type.Array(Cell),
              }),
            ),
            warnings: Type.Array(Type.String()),
          }),
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const q = request.query as { swimlane?: Swimlane; limit?: number };
      await assertRecordAccess(store.db, teamDeliverySpec, principal, id, 'read');
      const { instant } = resolveAsOf(undefined);
      const swimlane = q.swimlane ?? 'none';
      const limit = q.limit ?? 50;
      const wf = await findWorkflow(store.db, principal.organisationId, id);
      const states = wf?.states ?? DEFAULT_COLUMNS;
      const doneSince = new Date(Date.parse(instant) - DONE_DAYS * MS_PER_DAY).toISOString();
      const rows = await loadCards(store.db, principal, id, doneSince);
      const blocks = await loadOpenBlocks(
        store.db,
        rows.map((r) => r.id),
      );
      const epics = await loadEpics(store.db, rows);
      const nowMs = Date.parse(instant);
      const cards = rows.map((r) => presentCard(r, blocks, epics, states, nowMs));
      const byStatus = new Map<string, ReturnType<typeof presentCard>[]>();
      for (const c of cards) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
      const warnings: string[] = [];
      const columns = states.map((s) => {
        const items = byStatus.get(s.name) ?? [];
        const overSoft = s.wip_soft !== null && items.length > s.wip_soft;
        const atHard = s.wip_hard !== null && items.length >= s.wip_hard;
        if (overSoft)
          warnings.push(`"${s.name}" holds ${items.length} items, above its soft WIP limit of ${s.wip_soft}`);
        return {
          status: s.name,
          category: s.category,
          blockedState: s.blocked === 1,
          count: items.length,
          wipSoft: s.wip_soft,
          wipHard: s.wip_hard,
          overSoftLimit: overSoft,
          atHardLimit: atHard,
          items: items.slice(0, limit),
        };
      });
      const lanes =
        swimlane === 'none'
          ? []
          : laneKeys(cards, swimlane).map(({ key, name }) => {
              const mine = cards.filter((c) => laneOf(c, swimlane).key === key);
              return {
                key,
                name,
                count: mine.length,
                cells: states.map((s) => {
                  const inCell = mine.filter((c) => c.status === s.name);
                  return { status: s.name, count: inCell.length, items: inCell.slice(0, limit) };
                }),
              };
            });
      return { teamId: id, asOf: instant, swimlane, columns, lanes, warnings };
    },
  );
}

async function loadCards(
  trx: Trx,
  principal: Principal,
  teamId: string,
  doneSince: string,
): Promise<CardRow[]> {
  let query = trx
    .selectFrom('work_items')
    .leftJoin('people', 'people.id', 'work_items.assignee_id')
    .select([
      'work_items.id',
      'work_items.version',
      'work_items.key',
      'work_items.title',
      'work_items.type',
      'work_items.status',
      'work_items.rank',
      'work_items.estimate',
      'work_items.estimate_unit',
      'work_items.assignee_id',
      'people.name as assignee_name',
      'work_items.parent_id',
      'work_items.custom_fields',
      'work_items.started_at',
      'work_items.done_at',
    ])
    .where('work_items.organisation_id', '=', principal.organisationId)
    .where('work_items.team_id', '=', teamId)
    .where('work_items.type', 'not in', ['epic', 'feature'])
    .where((eb) => eb.or([eb('work_items.done_at', 'is', null), eb('work_items.done_at', '>=', doneSince)]));
  const restrict = accessFilter(workItemSpec, principal, 'read');
  if (restrict) query = query.where(restrict);
  const rows = await query
    .orderBy('work_items.rank')
    .orderBy('work_items.done_at', 'desc')
    .orderBy('work_items.key')
    .limit(LOAD_CAP * 10)
    .execute();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    rank: r.rank === null ? null : Number(r.rank),
    estimate: r.estimate === null ? null : Number(r.estimate),
  }));
}

async function loadOpenBlocks(trx: Trx, ids: string[]) {
  const map = new Map<string, { reason: string; since: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom('work_item_blocks')
      .select(['work_item_id', 'reason', 'blocked_at'])
      .where('work_item_id', 'in', ids.slice(i, i + 500))
      .where('unblocked_at', 'is', null)
      .execute();
    for (const r of rows) map.set(r.work_item_id, { reason: r.reason, since: r.blocked_at });
  }
  return map;
}

/** Each card's epic: its parent when that is an epic, else its parent feature's parent. */
async function loadEpics(trx: Trx, rows: CardRow[]) {
  const parents = [...new Set(rows.map((r) => r.parent_id).filter((p): p is string => p !== null))];
  const found = await loadAncestors(trx, parents);
  const epicOf = new Map<string, { id: string; title: string }>();
  for (const p of parents) {
    let node = found.get(p);
    if (node && node.type !== 'epic' && node.parent_id) node = found.get(node.parent_id);
    if (node?.type === 'epic') epicOf.set(p, { id: node.id, title: node.title });
  }
  return epicOf;
}

function presentCard(
  r: CardRow,
  blocks: Map<string, { reason: string; since: string }>,
  epics: Map<string, { id: string; title: string }>,
  states: readonly { name: string; blocked: number }[],
  nowMs: number,
) {
  let custom: Record<string, unknown> = {};
  try {
    custom = JSON.parse(r.custom_fields) as Record<string, unknown>;
  } catch {}
  const inBlockedState = states.some((s) => s.name === r.status && s.blocked === 1);
  const flag = blocks.get(r.id);
  return {
    id: r.id,
    version: r.version,
    key: r.key,
    title: r.title,
    type: r.type,
    status: r.status,
    rank: r.rank,
    estimate: r.estimate,
    estimateUnit: r.estimate_unit,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    epic: r.parent_id ? (epics.get(r.parent_id) ?? null) : null,
    classOfService: typeof custom.classOfService === 'string' ? custom.classOfService : 'standard',
    ageDays:
      r.started_at && !r.done_at
        ? Math.round(((nowMs - parseTimestampMs(r.started_at)) / MS_PER_DAY) * 10) / 10
        : null,
    blocked:
      (flag && { ...flag, flagged: true }) ??
      (inBlockedState
        ? { reason: `In the "${r.status}" state`, since: r.started_at ?? '', flagged: false }
        : null),
  };
}

type PresentedCard = ReturnType<typeof presentCard>;

function laneOf(c: PresentedCard, swimlane: Swimlane): { key: string; name: string } {
  if (swimlane === 'epic')
    return c.epic ? { key: c.epic.id, name: c.epic.title } : { key: 'none', name: 'No epic' };
  if (swimlane === 'assignee')
    return c.assignee ? { key: c.assignee.id, name: c.assignee.name } : { key: 'none', name: 'Unassigned' };
  return { key: c.classOfService, name: c.classOfService.replaceAll('_', ' ') };
}

function laneKeys(cards: PresentedCard[], swimlane: Swimlane) {
  const seen = new Map<string, string>();
  for (const c of cards) {
    const l = laneOf(c, swimlane);
    if (!seen.has(l.key)) seen.set(l.key, l.name);
  }
  return [...seen.entries()].map(([key, name]) => ({ key, name }));
}
