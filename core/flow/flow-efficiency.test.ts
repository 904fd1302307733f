import { describe, expect, it } from 'vitest';
import { computeFlowEfficiency } from './flow-efficiency';
import type { FlowItem } from './types';

describe('computeFlowEfficiency', () => {
  it('subtracts blocked, queue and backlog time from the cycle time, counting overlaps once', () => {
    const item: FlowItem = {
      id: 'a',
      createdAt: '2024-03-01',
      statusChanges: [
        { at: '2024-03-01', category: 'in_progress', status: 'Doing' }, // day 1 active
        { at: '2024-03-02', category: 'in_progress', status: 'Doing', blocked: true }, // day 2 blocked
        { at: '2024-03-03', category: 'in_progress', status: 'Ready for QA' }, // days 3–4 queue
        { at: '2024-03-05', category: 'todo', status: 'Backlog' }, // day 5 back in the backlog
        { at: '2024-03-06', category: 'in_progress', status: 'QA' }, // days 6–10 active
        { at: '2024-03-11', category: 'done', status: 'Done' },
      ],
      // Overlaps the blocked flag on day 2 and adds day 7.
      blockedPeriods: [
        { from: '2024-03-02T12:00:00Z', to: '2024-03-03' },
        { from: '2024-03-07', to: '2024-03-08' },
      ],
    };
    const report = computeFlowEfficiency([item], { waitingStatuses: ['Ready for QA'] });
    // 10 days of cycle time; waiting = day 2 + days 3–4 + day 5 + day 7 = 5 days.
    expect(report.items).toEqual([{ id: 'a', activeDays: 5, waitingDays: 5, efficiency: 0.5 }]);
  });

  it('weights the team figure by time, not by item', () => {
    const quick: FlowItem = {
      id: 'quick',
      createdAt: '2024-03-01',
      statusChanges: [
        { at: '2024-03-01', category: 'in_progress' },
        { at: '2024-03-02', category: 'done' },
      ],
    };
    const slow: FlowItem = {
      id: 'slow',
      createdAt: '2024-03-01',
      blockedPeriods: [{ from: '2024-03-01' }], // still flagged: blocked the whole time
      statusChanges: [
        { at: '2024-03-01', category: 'in_progress' },
        { at: '2024-03-04', category: 'done' },
      ],
    };
    const report = computeFlowEfficiency([quick, slow]);
    expect(report.items.map((i) => i.efficiency)).toEqual([1, 0]);
    expect(report.efficiency).toBe(0.25);
    expect(computeFlowEfficiency([]).efficiency).toBeUndefined();
  });
});
