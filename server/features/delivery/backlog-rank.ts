import { fieldProblem, ProblemError } from '../../http/problem';
import type { Trx } from '../../resources/resource-spec';

// Backlog ranking with fractional ranks: moving an item writes only its own rank (the midpoint
// of its new neighbours), unless the gap has worn too thin, when the backlog is renumbered.

const STEP = 1024;
const MIN_GAP = 1e-6;

interface RankRow {
  id: string;
  rank: number | null;
}

/** The backlog an item is ranked in: its team's items, or its project's when it has no team. */
async function listBacklog(
  trx: Trx,
  organisationId: string,
  item: { team_id: string | null; project_id: string },
): Promise<RankRow[]> {
  let query = trx
    .selectFrom('work_items')
    .select(['id', 'rank'])
    .where('organisation_id', '=', organisationId)
    .where('rank', 'is not', null);
  query = item.team_id
    ? query.where('team_id', '=', item.team_id)
    : query.where('project_id', '=', item.project_id).where('team_id', 'is', null);
  const rows = await query.orderBy('rank').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, rank: r.rank === null ? null : Number(r.rank) }));
}

/**
 * The new rank of `id` placed just before or just after `anchorId`, and the ranks of other
 * items that had to change (the anchor when it had none; everyone after a renumbering).
 */
export async function computeNewRank(
  trx: Trx,
  organisationId: string,
  id: string,
  placement: { before?: string | undefined; after?: string | undefined },
): Promise<{ rank: number; others: Map<string, number> }> {
  const anchorId = placement.before ?? placement.after;
  const field = placement.before ? 'before' : 'after';
  if ((placement.before === undefined) === (placement.after === undefined))
    throw fieldProblem('validation_failed', 'before', 'give exactly one of before and after');
  if (anchorId === id) throw fieldProblem('validation_failed', field, 'cannot be the item itself');
  const rows = await trx
    .selectFrom('work_items')
    .select(['id', 'team_id', 'project_id', 'rank'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [id, anchorId as string])
    .execute();
  const item = rows.find((r) => r.id === id);
  const anchor = rows.find((r) => r.id === anchorId);
  if (!item || !anchor) throw fieldProblem('invalid_reference', field, 'does not name a work item');
  if (anchor.team_id !== item.team_id || (!item.team_id && anchor.project_id !== item.project_id))
    throw new ProblemError('invalid_reference', `${field}: the item is in another backlog`, [
      { field, message: 'is not in the same backlog (team, or project for items without a team)' },
    ]);
  const others = new Map<string, number>();
  let backlog = (await listBacklog(trx, organisationId, item)).filter((r) => r.id !== id);
  if (anchor.rank === null) {
    // An unranked anchor joins the bottom of the ranked backlog first.
    const bottom = (backlog.at(-1)?.rank ?? 0) + STEP;
    others.set(anchor.id, bottom);
    backlog.push({ id: anchor.id, rank: bottom });
  }
  const at = backlog.findIndex((r) => r.id === anchor.id);
  const place = (list: RankRow[], i: number) => {
    const lo = field === 'before' ? list[i - 1]?.rank : list[i]?.rank;
    const hi = field === 'before' ? list[i]?.rank : list[i + 1]?.rank;
    if (lo == null) return (hi as number) - STEP;
    if (hi == null) return lo + STEP;
    return hi - lo < MIN_GAP ? undefined : (lo + hi) / 2;
  };
  let rank = place(backlog, at);
  if (rank === undefined) {
    backlog = backlog.map((r, i) => ({ id: r.id, rank: (i + 1) * STEP }));
    for (const r of backlog) others.set(r.id, r.rank as number);
    rank = place(backlog, at) as number;
  }
  return { rank, others };
}
