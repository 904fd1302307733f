// The WSJF relative-estimation session (SAFe, "WSJF": https://framework.scaledagile.com/wsjf):
// the team scores every item in one column at a time on the modified Fibonacci scale, the smallest
// item of each column anchoring at 1 and the others judged relative to it. Pure, so the ranking
// the screen shows while scoring is tested without a browser.

/** The session's scale (the server also accepts 40 and 100 for very large jobs). */
export const SESSION_SCALE = [1, 2, 3, 5, 8, 13, 20] as const;

export const WSJF_COLUMNS = [
  'userBusinessValue',
  'timeCriticality',
  'riskReductionOpportunityEnablement',
  'jobSize',
] as const;
export type WsjfColumn = (typeof WSJF_COLUMNS)[number];
export type SessionScores = Record<WsjfColumn, number | null>;

export interface SessionRow {
  id: string;
  key: string;
  title: string;
  scores: SessionScores;
}

export interface RankedRow extends SessionRow {
  costOfDelay: number | null;
  wsjf: number | null;
  /** 1-based; rows with the same WSJF share a rank; unscored rows have none. */
  rank: number | null;
}

/** The scale value nearest to `value` (the lower one on a tie); values past 20 become 20. */
export function snapToScale(value: number): number {
  let best: number = SESSION_SCALE[0];
  for (const step of SESSION_SCALE) if (Math.abs(step - value) < Math.abs(best - value)) best = step;
  return best;
}

/** WSJF = (user-business value + time criticality + risk reduction/opportunity enablement) / job size. */
export function computeSessionWsjf(s: SessionScores): { costOfDelay: number | null; wsjf: number | null } {
  const { userBusinessValue: v, timeCriticality: t, riskReductionOpportunityEnablement: r, jobSize } = s;
  if (v === null || t === null || r === null) return { costOfDelay: null, wsjf: null };
  const costOfDelay = v + t + r;
  return { costOfDelay, wsjf: jobSize === null || jobSize <= 0 ? null : costOfDelay / jobSize };
}

/** The smallest score of a column, or null when nobody has scored it yet. */
export function columnMinimum(rows: readonly SessionRow[], column: WsjfColumn): number | null {
  const values = rows.map((r) => r.scores[column]).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.min(...values);
}

/**
 * Re-anchors a column so its smallest item is 1: every score is divided by the column's minimum and
 * snapped back onto the scale. Order is kept (a larger score never ends below a smaller one).
 */
export function anchorColumn(rows: readonly SessionRow[], column: WsjfColumn): SessionRow[] {
  const min = columnMinimum(rows, column);
  if (min === null || min === 1) return [...rows];
  return rows.map((row) => {
    const value = row.scores[column];
    return value === null ? row : { ...row, scores: { ...row.scores, [column]: snapToScale(value / min) } };
  });
}

/** Rows by WSJF, highest first (ties keep the session's order and share a rank), unscored last. */
export function rankSession(rows: readonly SessionRow[]): RankedRow[] {
  const scored = rows.map((row, index) => ({ row, index, ...computeSessionWsjf(row.scores) }));
  scored.sort((a, b) => {
    if (a.wsjf === null || b.wsjf === null)
      return a.wsjf === b.wsjf ? a.index - b.index : a.wsjf === null ? 1 : -1;
    return b.wsjf - a.wsjf || a.index - b.index;
  });
  let rank = 0;
  return scored.map((s, position) => {
    const previous = scored[position - 1];
    if (s.wsjf !== null && (previous?.wsjf !== s.wsjf || previous === undefined)) rank = position + 1;
    return { ...s.row, costOfDelay: s.costOfDelay, wsjf: s.wsjf, rank: s.wsjf === null ? null : rank };
  });
}

/** Rows whose scores differ from where the session started and are complete (so they can be saved). */
export function changedRows(start: readonly SessionRow[], now: readonly SessionRow[]): SessionRow[] {
  return now.filter((row) => {
    const before = start.find((s) => s.id === row.id);
    const complete = WSJF_COLUMNS.every((c) => row.scores[c] !== null);
    return complete && (!before || WSJF_COLUMNS.some((c) => before.scores[c] !== row.scores[c]));
  });
}
