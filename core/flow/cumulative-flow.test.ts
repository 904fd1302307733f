import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCumulativeFlow } from './cumulative-flow';
import type { FlowItem, StatusCategory } from './types';

const items: FlowItem[] = [
  {
    id: 'a',
    createdAt: '2024-03-01',
    statusChanges: [
      { at: '2024-03-01T08:00:00Z', category: 'todo', status: 'Open' },
      { at: '2024-03-02T08:00:00Z', category: 'in_progress', status: 'Doing' },
      { at: '2024-03-03T08:00:00Z', category: 'in_progress', status: 'Review' },
      { at: '2024-03-04T08:00:00Z', category: 'done', status: 'Done' },
    ],
  },
  {
    id: 'b',
    createdAt: '2024-03-02',
    statusChanges: [
      { at: '2024-03-02T08:00:00Z', category: 'todo', status: 'Open' },
      { at: '2024-03-03T08:00:00Z', category: 'in_progress', status: 'Doing' },
      // Moved into and out of Review on the same day: the end-of-day state is what counts.
      { at: '2024-03-04T08:00:00Z', category: 'in_progress', status: 'Review' },
      { at: '2024-03-04T18:00:00Z', category: 'in_progress', status: 'Doing' },
    ],
  },
];

describe('computeCumulativeFlow', () => {
  it('counts end-of-day states per category, with cumulative lines', () => {
    const cfd = computeCumulativeFlow(items);
    expect(cfd.states).toEqual(['todo', 'in_progress', 'done']);
    expect(cfd.days.map((d) => [d.date, d.inState, d.reachedOrLater])).toEqual([
      ['2024-03-01', [1, 0, 0], [1, 0, 0]],
      ['2024-03-02', [1, 1, 0], [2, 1, 0]],
      ['2024-03-03', [0, 2, 0], [2, 2, 0]],
      ['2024-03-04', [0, 1, 1], [2, 2, 1]],
    ]);
  });

  it('counts per status in the given workflow order, appending unlisted statuses', () => {
    const cfd = computeCumulativeFlow(items, {
      by: 'status',
      statuses: ['Open', 'Doing', 'Review'],
      range: { from: '2024-03-04', to: '2024-03-05' },
    });
    expect(cfd.states).toEqual(['Open', 'Doing', 'Review', 'Done']);
    expect(cfd.days.map((d) => d.inState)).toEqual([
      [0, 1, 0, 1],
      [0, 1, 0, 1],
    ]);
  });

  it('keeps every created item in exactly one band', () => {
    const categories: StatusCategory[] = ['todo', 'in_progress', 'done'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            created: fc.integer({ min: 0, max: 20 }),
            moves: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2 })), {
              maxLength: 5,
            }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (specs) => {
          const its: FlowItem[] = specs.map((s, i) => ({
            id: String(i),
            createdAt: new Date(Date.UTC(2024, 0, 1 + s.created)).toISOString(),
            statusChanges: s.moves.map(([d, c]) => ({
              at: new Date(Date.UTC(2024, 0, 1 + s.created + d)).toISOString(),
              category: categories[c] ?? 'todo',
            })),
          }));
          const cfd = computeCumulativeFlow(its, { range: { from: '2024-01-01', to: '2024-03-01' } });
          return cfd.days.every((day, d) => {
            const created = specs.filter((s) => s.created <= d).length;
            return day.reachedOrLater[0] === created && day.inState.reduce((a, b) => a + b, 0) === created;
          });
        },
      ),
    );
  });
});
