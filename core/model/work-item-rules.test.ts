import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_CATEGORIES } from './vocabulary';
import { applyStatusCategory, canBeChildOf, defaultStatusCategory } from './work-item-rules';

describe('work item hierarchy', () => {
  it('follows epic → feature → story / task / bug', () => {
    expect(canBeChildOf('feature', 'epic')).toBe(true);
    expect(canBeChildOf('story', 'feature')).toBe(true);
    expect(canBeChildOf('task', 'story')).toBe(true);
    expect(canBeChildOf('epic', 'feature')).toBe(false);
    expect(canBeChildOf('feature', 'story')).toBe(false);
  });
});

describe('applyStatusCategory', () => {
  it('keeps the first start across re-opens and clears done on a re-open', () => {
    let t = applyStatusCategory({ startedAt: null, doneAt: null }, 'in_progress', 'T1');
    t = applyStatusCategory(t, 'done', 'T2');
    expect(t).toEqual({ startedAt: 'T1', doneAt: 'T2' });
    t = applyStatusCategory(t, 'in_progress', 'T3');
    expect(t).toEqual({ startedAt: 'T1', doneAt: null });
    t = applyStatusCategory(t, 'done', 'T4');
    expect(t).toEqual({ startedAt: 'T1', doneAt: 'T4' });
  });

  it('counts a jump straight to done as started at that moment', () => {
    expect(applyStatusCategory({ startedAt: null, doneAt: null }, 'done', 'T')).toEqual({
      startedAt: 'T',
      doneAt: 'T',
    });
  });

  it('sets doneAt exactly when the last category is done (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...STATUS_CATEGORIES), { minLength: 1, maxLength: 20 }),
        (moves) => {
          let t = { startedAt: null as string | null, doneAt: null as string | null };
          moves.forEach((c, i) => {
            t = applyStatusCategory(t, c, `T${i}`);
          });
          const lastDone = moves[moves.length - 1] === 'done';
          return (
            (t.doneAt !== null) === lastDone && (t.startedAt === null) === moves.every((c) => c === 'todo')
          );
        },
      ),
    );
  });
});

describe('defaultStatusCategory', () => {
  it('maps common Jira status names and leaves unknown ones undecided', () => {
    expect(defaultStatusCategory('In Progress')).toBe('in_progress');
    expect(defaultStatusCategory(' Done ')).toBe('done');
    expect(defaultStatusCategory('Backlog')).toBe('todo');
    expect(defaultStatusCategory('Waiting for author')).toBeUndefined();
  });
});
