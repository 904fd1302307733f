import { describe, expect, it } from 'vitest';
import { isDriving, moveFeedback } from './move-feedback';

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
    ).toMatch(/calendar, a resource's leave or the status date/);
  });

  it('names only the driving links: a link with slack is not what holds the task (resource leave)', () => {
    // Design finishes at unit 5; Build's only resource is away on units 5 and 6, so Build starts
    // at 7: the FS link has slack 2 and the leave holds it.
    const design = { es: 0, ef: 5 };
    const build = { es: 7, ef: 10 };
    expect(isDriving('FS', 0, design, build)).toBe(false);
    expect(isDriving('FS', 2, design, build)).toBe(true);
    expect(isDriving('SS', 7, design, build)).toBe(true);
    expect(isDriving('FF', 5, design, build)).toBe(true);
    expect(isDriving('SF', 9, design, build)).toBe(false);
    const f = moveFeedback('2025-03-03', { name: 'Build', earlyStart: '2025-03-12', totalFloat: 0 }, [
      { name: 'Design', type: 'FS', lag: 0, driving: isDriving('FS', 0, design, build) },
    ]);
    expect(f.message).toBe(
      "Build cannot start on 2025-03-03: the calendar, a resource's leave or the status date moves it to 2025-03-12.",
    );
  });
});
