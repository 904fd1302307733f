// Pure board logic, kept apart from React so it can be unit-tested: moving a card between
// columns (the optimistic update), the WIP state of a column and the keyboard neighbours.
import type { Board, BoardCard, BoardColumn } from '../../api/delivery';

export type WipState = 'ok' | 'over-soft' | 'at-hard';

/** A column's WIP state for highlighting: at the hard limit wins over above the soft one. */
export function wipStateOf(column: Pick<BoardColumn, 'atHardLimit' | 'overSoftLimit'>): WipState {
  if (column.atHardLimit) return 'at-hard';
  if (column.overSoftLimit) return 'over-soft';
  return 'ok';
}

/** "7 / 8" style text of a column's count against its limits, for the column heading. */
export function describeWip(column: Pick<BoardColumn, 'count' | 'wipSoft' | 'wipHard'>): string {
  const parts = [`${column.count} item${column.count === 1 ? '' : 's'}`];
  if (column.wipSoft !== null) parts.push(`soft limit ${column.wipSoft}`);
  if (column.wipHard !== null) parts.push(`hard limit ${column.wipHard}`);
  return parts.join(' · ');
}

function recount<C extends Pick<BoardColumn, 'count' | 'wipSoft' | 'wipHard'>>(column: C, count: number): C {
  return {
    ...column,
    count,
    overSoftLimit: column.wipSoft !== null && count > column.wipSoft,
    atHardLimit: column.wipHard !== null && count >= column.wipHard,
  };
}

/**
 * The board as it will look once `cardId` is in `toStatus`: the card leaves its column (and lane
 * cell) and joins the top of the target, counts and limit flags follow. Unknown card or column:
 * the board unchanged.
 */
export function moveCardOnBoard(board: Board, cardId: string, toStatus: string): Board {
  const card = findCard(board, cardId);
  if (!card || card.status === toStatus || !board.columns.some((c) => c.status === toStatus)) return board;
  const moved: BoardCard = { ...card, status: toStatus };
  const columns = board.columns.map((column) => {
    if (column.status === card.status)
      return { ...recount(column, column.count - 1), items: column.items.filter((i) => i.id !== cardId) };
    if (column.status === toStatus)
      return { ...recount(column, column.count + 1), items: [moved, ...column.items] };
    return column;
  });
  const lanes = board.lanes.map((lane) => {
    if (!lane.cells.some((cell) => cell.items.some((i) => i.id === cardId))) return lane;
    return {
      ...lane,
      cells: lane.cells.map((cell) => {
        if (cell.status === card.status)
          return { ...cell, count: cell.count - 1, items: cell.items.filter((i) => i.id !== cardId) };
        if (cell.status === toStatus)
          return { ...cell, count: cell.count + 1, items: [moved, ...cell.items] };
        return cell;
      }),
    };
  });
  return { ...board, columns, lanes };
}

export function findCard(board: Board, cardId: string): BoardCard | undefined {
  for (const column of board.columns) {
    const card = column.items.find((i) => i.id === cardId);
    if (card) return card;
  }
  for (const lane of board.lanes)
    for (const cell of lane.cells) {
      const card = cell.items.find((i) => i.id === cardId);
      if (card) return card;
    }
  return undefined;
}

/** The column before (-1) or after (+1) a status, for the keyboard "move left/right" buttons. */
export function neighbourStatus(
  statuses: readonly string[],
  status: string,
  step: -1 | 1,
): string | undefined {
  const index = statuses.indexOf(status);
  if (index < 0) return undefined;
  return statuses[index + step];
}

/** Cards per lane and status, for drawing swimlanes: lanes in server order, cells in column order. */
export function laneRows(
  board: Board,
): { key: string; name: string; count: number; cells: Map<string, BoardCard[]> }[] {
  return board.lanes.map((lane) => ({
    key: lane.key,
    name: lane.name,
    count: lane.count,
    cells: new Map(lane.cells.map((cell) => [cell.status, cell.items])),
  }));
}
