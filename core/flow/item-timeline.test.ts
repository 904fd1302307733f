import { describe, expect, it } from 'vitest';
import { computeItemTimeline, toTimelines } from './item-timeline';
import type { FlowItem } from './types';

const utc = (s: string) => Date.parse(`${s}Z`);

describe('computeItemTimeline', () => {
  it('starts at the first move out of todo and ends at the final run of done', () => {
    const t = computeItemTimeline({
      id: 'A',
      createdAt: '2024-01-01T09:00:00',
      statusChanges: [
        { at: '2024-01-02T10:00:00', category: 'in_progress', status: 'Doing' },
        { at: '2024-01-04T10:00:00', category: 'done', status: 'Done' },
        { at: '2024-01-05T10:00:00', category: 'in_progress', status: 'Doing' }, // re-opened
        { at: '2024-01-06T10:00:00', category: 'done', status: 'Review passed' },
        { at: '2024-01-06T11:00:00', category: 'done', status: 'Closed' },
      ],
    });
    expect(t.createdMs).toBe(utc('2024-01-01T09:00:00'));
    expect(t.startedMs).toBe(utc('2024-01-02T10:00:00'));
    expect(t.doneMs).toBe(utc('2024-01-06T10:00:00'));
  });

  it('is not done when re-opened after done', () => {
    const t = computeItemTimeline({
      id: 'B',
      createdAt: '2024-01-01',
      statusChanges: [
        { at: '2024-01-02', category: 'done' },
        { at: '2024-01-03', category: 'in_progress' },
      ],
    });
    expect(t.doneMs).toBeUndefined();
    expect(t.startedMs).toBe(utc('2024-01-02T00:00:00'));
  });

  it('sorts an unsorted history and prefers explicit startedAt / doneAt', () => {
    const t = computeItemTimeline({
      id: 'C',
      createdAt: '2024-01-01',
      startedAt: '2024-01-01T12:00:00Z',
      doneAt: '2024-01-09',
      statusChanges: [
        { at: '2024-01-08', category: 'done' },
        { at: '2024-01-03', category: 'in_progress' },
      ],
    });
    expect(t.changes.map((c) => c.category)).toEqual(['in_progress', 'done']);
    expect(t.startedMs).toBe(utc('2024-01-01T12:00:00'));
    expect(t.doneMs).toBe(utc('2024-01-09T00:00:00'));
  });

  it('takes an item that went straight to done as started when it finished', () => {
    const t = computeItemTimeline({
      id: 'D',
      createdAt: '2024-01-01',
      statusChanges: [{ at: '2024-01-05', category: 'done' }],
    });
    expect(t.startedMs).toBe(t.doneMs);
  });

  it('names the item when a timestamp is bad', () => {
    expect(() => computeItemTimeline({ id: 'X-1', createdAt: 'yesterday', statusChanges: [] })).toThrow(
      /X-1/,
    );
  });

  it('passes timelines through and parses raw items once', () => {
    const items: FlowItem[] = [{ id: 'E', createdAt: '2024-01-01', statusChanges: [] }];
    const timelines = toTimelines(items);
    expect(toTimelines(timelines)).toBe(timelines);
    expect(toTimelines([])).toEqual([]);
  });
});
