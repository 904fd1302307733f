import type { Period } from './periods';

export const BOOKING_KINDS = ['hard', 'soft'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

/** Hours per period that one project asks of a row (a person, team or skill). */
export interface LoadContribution {
  projectId: string;
  /** `hard` and `soft` bookings of named people, or `request`: open demand not yet assigned. */
  kind: BookingKind | 'request';
  hours: readonly number[];
}

export interface LoadRowInput {
  key: string;
  /** Capacity in hours per period. */
  capacity: readonly number[];
  contributions: readonly LoadContribution[];
}

export type LoadStatus = 'over' | 'under' | 'ok' | 'none';

export interface LoadCell {
  period: string;
  capacity: number;
  demand: number;
  hard: number;
  soft: number;
  requested: number;
  /** Demand / capacity; null when there is no capacity. */
  utilisation: number | null;
  status: LoadStatus;
  /** Demand above capacity (hours, ≥ 0). */
  excess: number;
  /** Projects asking for the row's time in the period, most hours first (when over-allocated). */
  causes: { projectId: string; hours: number }[];
}

export interface LoadOptions {
  /** Over-allocated when demand > capacity × this (default 1). */
  overThreshold?: number;
  /** Under-allocated when demand < capacity × this (default 0.7). */
  underThreshold?: number;
}

const EPSILON = 1e-9;

/**
 * Capacity against demand per row and period, with over- and under-allocation flags and, for
 * over-allocated cells, the projects that cause it. Status: `none` (no capacity and no demand),
 * `over` (demand above capacity × overThreshold, or any demand without capacity), `under` (demand
 * below capacity × underThreshold), otherwise `ok`.
 *
 * @example
 * computeLoad([{ key: 'ann', capacity: [40], contributions: [{ projectId: 'A', kind: 'hard', hours: [30] },
 *   { projectId: 'B', kind: 'soft', hours: [20] }] }], periods)[0].cells[0];
 * // demand 50, utilisation 1.25, status 'over', excess 10, causes [A 30, B 20]
 */
export function computeLoad(
  rows: readonly LoadRowInput[],
  periods: readonly Period[],
  options: LoadOptions = {},
): { key: string; cells: LoadCell[] }[] {
  const over = options.overThreshold ?? 1;
  const under = options.underThreshold ?? 0.7;
  return rows.map((row) => ({
    key: row.key,
    cells: periods.map((p, t) => {
      const capacity = row.capacity[t] ?? 0;
      const byProject = new Map<string, number>();
      const sums = { hard: 0, soft: 0, request: 0 };
      for (const c of row.contributions) {
        const h = c.hours[t] ?? 0;
        if (h <= 0) continue;
        sums[c.kind] += h;
        byProject.set(c.projectId, (byProject.get(c.projectId) ?? 0) + h);
      }
      const demand = sums.hard + sums.soft + sums.request;
      let status: LoadStatus;
      if (capacity <= EPSILON) status = demand > EPSILON ? 'over' : 'none';
      else if (demand > capacity * over + EPSILON) status = 'over';
      else if (demand < capacity * under - EPSILON) status = 'under';
      else status = 'ok';
      return {
        period: p.key,
        capacity,
        demand,
        hard: sums.hard,
        soft: sums.soft,
        requested: sums.request,
        utilisation: capacity > EPSILON ? demand / capacity : null,
        status,
        excess: Math.max(0, demand - capacity),
        causes:
          status === 'over'
            ? [...byProject]
                .map(([projectId, hours]) => ({ projectId, hours }))
                .sort((a, b) => b.hours - a.hours || a.projectId.localeCompare(b.projectId))
            : [],
      };
    }),
  }));
}
