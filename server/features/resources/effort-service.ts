import { type EffortHistoryItem, estimateEffort, summariseRatios } from '../../../core/estimation';
import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import type { Trx } from '../../resources/resource-spec';
import { workItemSpec } from '../work-items/spec';

export interface EffortQueryInput {
  type: string;
  teamId?: string;
  estimate: number;
  unit: 'hours' | 'points';
  minSample: number;
}

/**
 * Past work the caller may read: finished items with an estimate in the unit asked for and the
 * hours booked to them in time entries (items without booked time carry no evidence).
 */
export async function listEffortHistory(
  trx: Trx,
  principal: Principal,
  unit: string,
): Promise<EffortHistoryItem[]> {
  let query = trx
    .selectFrom('work_items')
    .innerJoin('time_entries', 'time_entries.work_item_id', 'work_items.id')
    .select(({ fn }) => [
      'work_items.id as id',
      'work_items.type as type',
      'work_items.team_id as team_id',
      'work_items.estimate as estimate',
      fn.sum<number>('time_entries.hours').as('hours'),
    ])
    .where('work_items.organisation_id', '=', principal.organisationId)
    .where('work_items.status_category', '=', 'done')
    .where('work_items.estimate_unit', '=', unit)
    .where('work_items.estimate', '>', 0)
    .groupBy(['work_items.id', 'work_items.type', 'work_items.team_id', 'work_items.estimate']);
  const restrict = accessFilter(workItemSpec, principal);
  if (restrict) query = query.where(restrict);
  const rows = await query.orderBy('work_items.id').execute();
  return rows.map((r) => ({
    type: r.type,
    teamId: r.team_id,
    estimate: Number(r.estimate),
    actualHours: Number(r.hours),
  }));
}

/** The spread of effort for new work, with the calibration table it came from. */
export async function computeEffortEstimate(trx: Trx, principal: Principal, q: EffortQueryInput) {
  const history = await listEffortHistory(trx, principal, q.unit);
  const teams = await trx
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', principal.organisationId)
    .execute();
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const estimate = estimateEffort(history, {
    type: q.type,
    teamId: q.teamId ?? null,
    estimate: q.estimate,
    minSample: q.minSample,
  });
  return {
    query: { type: q.type, teamId: q.teamId ?? null, estimate: q.estimate, unit: q.unit },
    ...estimate,
    historySize: history.length,
    groups: summariseRatios(history).map((g) => ({
      ...g,
      teamName: g.teamId ? (teamName.get(g.teamId) ?? null) : null,
    })),
  };
}
