import { describe, expect, it } from 'vitest';
import type { Board, BoardCard } from '../../api/delivery';
import { describeWip, moveCardOnBoard, neighbourStatus, wipStateOf } from './board-model';

const card = (id: string, status: string): BoardCard => ({
  id,
  version: 1,
  key: id.toUpperCase(),
  title: `Item ${id}`,
  type: 'story',
  status,
  rank: null,
  estimate: null,
  estimateUnit: null,
  assignee: null,
  epic: null,
  classOfService: 'standard',
  ageDays: null,
  blocked: null,
});

const column = (status: string, items: BoardCard[], wipSoft: number | null, wipHard: number | null) => ({
  status,
  category: status === 'Done' ? 'done' : 'in_progress',
  blockedState: false,
  count: items.length,
  wipSoft,
  wipHard,
  overSoftLimit: wipSoft !== null && items.length > wipSoft,
  atHardLimit: wipHard !== null && items.length >= wipHard,
  items,
});

function board(): Board {
  const a = card('a', 'To Do');
  const b = card('b', 'Doing');
  return {
    teamId: 't',
    asOf: '2026-01-01',
    swimlane: 'epic',
    columns: [column('To Do', [a], null, null), column('Doing', [b], 1, 2), column('Done', [], null, null)],
    lanes: [
      {
        key: 'none',
        name: 'No epic',
        count: 2,
        cells: [
          { status: 'To Do', count: 1, items: [a] },
          { status: 'Doing', count: 1, items: [b] },
          { status: 'Done', count: 0, items: [] },
        ],
      },
    ],
    warnings: [],
  };
}

describe('moveCardOnBoard', () => {
  it('moves the card to the top of the target column and recounts the WIP flags', () => {
    const next = moveCardOnBoard(board(), 'a', 'Doing');
    expect(next.columns[0]?.items).toEqual([]);
    expect(next.columns[0]?.count).toBe(0);
    expect(next.columns[1]?.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(next.columns[1]).toMatchObject({ count: 2, overSoftLimit: true, atHardLimit: true });
    expect(next.columns[1]?.items[0]?.status).toBe('Doing');
  });

  it('moves the card inside its swimlane too', () => {
    const next = moveCardOnBoard(board(), 'a', 'Done');
    const cells = next.lanes[0]?.cells ?? [];
    expect(cells.map((c) => c.count)).toEqual([0, 1, 1]);
    expect(cells[2]?.items[0]?.id).toBe('a');
  });

  it('leaves the board unchanged for an unknown card, an unknown column or the same column', () => {
    const before = board();
    expect(moveCardOnBoard(before, 'zzz', 'Doing')).toBe(before);
    expect(moveCardOnBoard(before, 'a', 'Nowhere')).toBe(before);
    expect(moveCardOnBoard(before, 'a', 'To Do')).toBe(before);
  });

  it('keeps the total number of cards', () => {
    const before = board();
    const total = (b: Board) => b.columns.reduce((s, c) => s + c.count, 0);
    for (const target of ['To Do', 'Doing', 'Done'])
      for (const id of ['a', 'b']) expect(total(moveCardOnBoard(before, id, target))).toBe(total(before));
  });
});

describe('WIP helpers', () => {
  it('names the WIP state, the hard limit first', () => {
    expect(wipStateOf({ atHardLimit: true, overSoftLimit: true })).toBe('at-hard');
    expect(wipStateOf({ atHardLimit: false, overSoftLimit: true })).toBe('over-soft');
    expect(wipStateOf({ atHardLimit: false, overSoftLimit: false })).toBe('ok');
  });

  it('describes the count against the limits', () => {
    expect(describeWip({ count: 1, wipSoft: null, wipHard: null })).toBe('1 item');
    expect(describeWip({ count: 6, wipSoft: 5, wipHard: 8 })).toBe('6 items · soft limit 5 · hard limit 8');
  });

  it('finds the neighbouring column for keyboard moves', () => {
    const statuses = ['To Do', 'Doing', 'Done'];
    expect(neighbourStatus(statuses, 'Doing', 1)).toBe('Done');
    expect(neighbourStatus(statuses, 'Doing', -1)).toBe('To Do');
    expect(neighbourStatus(statuses, 'Done', 1)).toBeUndefined();
    expect(neighbourStatus(statuses, 'Gone', 1)).toBeUndefined();
  });
});
