import { describe, expect, it } from 'vitest';
import { moveFeedback } from './move-feedback';

describe('moveFeedback', () => {
  it('names the links that hold a task later than the requested start', () => {
    const f = moveFeedback('2025-03-03', { name: 'Build', earlyStart: '2025-03-10', totalFloat: 0 }, [
      { name: 'Design', type: 'FS', lag: 0 },
      { name: 'Permit', type: 'SS', lag: 2 },
    ]);
    expect(f.tone).toBe('warning');
    expect(f.message).toBe(
      'Build cannot start on 2025-03-03: its links from Design (FS), Permit (SS +2d) keep it from starting before 2025-03-10.',
    );
  });

  it('warns about a broken finish-no-later-than date, and confirms a clean move', () => {
    expect(
      moveFeedback('2025-03-10', { name: 'Test', earlyStart: '2025-03-10', totalFloat: -3 }, []).message,
    ).toMatch(/finish-no-later-than.*-3 working days/);
    expect(moveFeedback('2025-03-10', { name: 'Test', earlyStart: '2025-03-10', totalFloat: 4 }, [])).toEqual(
      {
        tone: 'ok',
        message: 'Test now starts 2025-03-10; the schedule was recalculated.',
      },
    );
  });

  it('blames the calendar when a task without links lands later (a weekend)', () => {
    expect(
      moveFeedback('2025-03-08', { name: 'X', earlyStart: '2025-03-10', totalFloat: 0 }, []).message,
    ).toMatch(/calendar or status date/);
  });
});
