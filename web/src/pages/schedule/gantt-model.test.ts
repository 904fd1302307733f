import { describe, expect, it } from 'vitest';
import { outlineRows, rowLinks } from './gantt-model';

const task = (id: string, parentId: string | null, position: number) => ({
  id,
  parentId,
  position,
  name: id,
});

describe('outlineRows', () => {
  it('lists each summary before its children, children by position, with depth', () => {
    const rows = outlineRows([
      task('b1', 'B', 1),
      task('A', null, 0),
      task('B', null, 1),
      task('b0', 'B', 0),
      task('a0', 'A', 5),
      task('b0x', 'b0', 0),
    ]);
    expect(rows.map((r) => `${r.task.id}:${r.depth}`)).toEqual([
      'A:0',
      'a0:1',
      'B:0',
      'b0:1',
      'b0x:2',
      'b1:1',
    ]);
  });

  it('keeps a task whose parent is not loaded, at the top level', () => {
    expect(outlineRows([task('x', 'gone', 0)]).map((r) => r.depth)).toEqual([0]);
  });

  it('handles a deep 5,000-task chain without recursion', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => task(`t${i}`, i ? `t${i - 1}` : null, 0));
    const rows = outlineRows(chain);
    expect(rows).toHaveLength(5000);
    expect(rows.at(-1)!.depth).toBe(4999);
  });
});

describe('rowLinks', () => {
  it('maps predecessor lists to row indices and defaults to FS with no lag', () => {
    const rows = outlineRows([task('A', null, 0), task('B', null, 1), task('C', null, 2)]);
    const links = rowLinks(
      rows,
      new Map([
        ['C', [{ taskId: 'A', type: 'SS' as const, lag: 2 }, { taskId: 'missing' }]],
        ['B', [{ taskId: 'A' }]],
      ]),
    );
    expect(links).toEqual([
      { fromRow: 0, toRow: 1, link: { type: 'FS', lag: 0, fromId: 'A', toId: 'B' } },
      { fromRow: 0, toRow: 2, link: { type: 'SS', lag: 2, fromId: 'A', toId: 'C' } },
    ]);
  });
});
