import { describe, expect, it } from 'vitest';
import fixtures from '../../../shared/data/fixtures/cpm_pert.json' with { type: 'json' };
import { computeCpm } from './cpm';
import { CycleError, DuplicateActivityError, NegativeDurationError, UnknownPredecessorError } from './errors';
import type { Activity, LinkType } from './types';

type Row = { ES: number; EF: number; LS: number; LF: number; TF: number; FF: number };

function expectSchedule(result: ReturnType<typeof computeCpm>, schedule: Record<string, Row>): void {
  for (const [id, row] of Object.entries(schedule)) {
    const got = result.activities[id];
    expect({ id, ...got }).toMatchObject({
      id,
      es: row.ES,
      ef: row.EF,
      ls: row.LS,
      lf: row.LF,
      totalFloat: row.TF,
      freeFloat: row.FF,
    });
  }
}

function fromRelations(
  durations: Record<string, number>,
  relations: [string, string, string, number][],
): Activity[] {
  return Object.entries(durations).map(([id, duration]) => ({
    id,
    duration,
    predecessors: relations
      .filter(([, to]) => to === id)
      .map(([from, , type, lag]) => ({ id: from, type: type as LinkType, lag })),
  }));
}

describe('computeCpm on published networks (REFERENCES §2, fixtures/cpm_pert.json)', () => {
  it('reproduces Hillier & Lieberman "Reliable Construction Co." dates, floats and critical path', () => {
    const f = fixtures.reliable_construction;
    const preds = f.predecessors as Record<string, string>;
    const activities = Object.entries(f.durations).map(([id, duration]) => ({
      id,
      duration,
      predecessors: (preds[id]?.split(',') ?? []).map((p) => ({ id: p, type: 'FS' as const, lag: 0 })),
    }));
    const result = computeCpm(activities);
    expect(result.makespan).toBe(44);
    expectSchedule(result, f.schedule);
    // The textbook's slacks: D, G, H, M = 4; I = 2; K = 1.
    expect(result.criticalPaths).toEqual([f.critical_path]);
    expect(result.criticalActivities).toEqual(f.critical_path);
  });

  it('handles SS relations (PDM course example, §2.3)', () => {
    const f = fixtures.pdm_ss_example;
    const result = computeCpm(fromRelations(f.durations, f.relations as [string, string, string, number][]));
    expect(result.makespan).toBe(38);
    expectSchedule(result, f.schedule);
    expect(result.criticalPaths).toEqual([f.critical]);
  });

  it('handles all four link types with positive and negative lags (§2.4, LP-verified)', () => {
    const f = fixtures.all_types_with_lags_constructed;
    const result = computeCpm(fromRelations(f.durations, f.relations as [string, string, string, number][]));
    expect(result.makespan).toBe(19);
    expectSchedule(result, f.schedule);
    expect(result.criticalPaths).toEqual([f.critical]);
  });
});

describe('computeCpm features', () => {
  const fs = (id: string) => ({ id, type: 'FS' as const, lag: 0 });

  it('returns every critical path when there are several', () => {
    const result = computeCpm([
      { id: 'S', duration: 0, predecessors: [] },
      { id: 'A', duration: 4, predecessors: [fs('S')] },
      { id: 'B', duration: 4, predecessors: [fs('S')] },
      { id: 'C', duration: 2, predecessors: [fs('S')] },
      { id: 'E', duration: 0, predecessors: [fs('A'), fs('B'), fs('C')] },
    ]);
    expect(result.criticalPaths).toEqual([
      ['S', 'A', 'E'],
      ['S', 'B', 'E'],
    ]);
    expect(result.activities.C).toMatchObject({ totalFloat: 2, freeFloat: 2, critical: false });
    expect(result.activities.E).toMatchObject({ es: 4, ef: 4, critical: true });
  });

  it('applies start-no-earlier-than and finish-no-later-than constraints', () => {
    const result = computeCpm([
      { id: 'A', duration: 3, predecessors: [], startNoEarlierThan: 2 },
      { id: 'B', duration: 2, predecessors: [fs('A')], finishNoLaterThan: 6 },
      { id: 'C', duration: 5, predecessors: [] },
    ]);
    // A is pushed to 2..5 and B to 5..7, so B's deadline of 6 leaves it (and A) a float of -1.
    expect(result.activities.A).toMatchObject({ es: 2, ef: 5, lf: 4, totalFloat: -1, critical: true });
    expect(result.activities.B).toMatchObject({ es: 5, ef: 7, lf: 6, totalFloat: -1 });
    expect(result.makespan).toBe(7);
  });

  it('rolls summary tasks up from their children and spreads links on summaries to the leaves', () => {
    const result = computeCpm([
      { id: 'P', duration: 0, predecessors: [] },
      { id: 'A', duration: 3, predecessors: [], parent: 'P' },
      { id: 'B', duration: 5, predecessors: [], parent: 'P' },
      { id: 'M', duration: 0, predecessors: [fs('P')] },
    ]);
    expect(result.activities.P).toMatchObject({ es: 0, ef: 5, summary: true, critical: true });
    expect(result.activities.M).toMatchObject({ es: 5, ef: 5, critical: true });
    expect(result.criticalPaths).toEqual([['B', 'M']]);
  });

  it('never starts an activity before time 0, even with a negative lag', () => {
    const result = computeCpm([
      { id: 'A', duration: 2, predecessors: [] },
      { id: 'B', duration: 1, predecessors: [{ id: 'A', type: 'FS', lag: -5 }] },
    ]);
    expect(result.activities.B?.es).toBe(0);
  });

  it('reports the ids along a cycle', () => {
    const run = () =>
      computeCpm([
        { id: 'A', duration: 1, predecessors: [] },
        { id: 'B', duration: 1, predecessors: [fs('A'), fs('D')] },
        { id: 'C', duration: 1, predecessors: [fs('B')] },
        { id: 'D', duration: 1, predecessors: [fs('C')] },
      ]);
    expect(run).toThrow(CycleError);
    try {
      run();
    } catch (error) {
      const cycle = (error as CycleError).cycle;
      expect(new Set(cycle)).toEqual(new Set(['B', 'C', 'D']));
      expect(cycle[0]).toBe(cycle.at(-1));
    }
  });

  it('rejects unknown predecessors, negative durations and duplicate ids with typed errors', () => {
    expect(() => computeCpm([{ id: 'A', duration: 1, predecessors: [fs('Z')] }])).toThrow(
      UnknownPredecessorError,
    );
    expect(() => computeCpm([{ id: 'A', duration: -1, predecessors: [] }])).toThrow(NegativeDurationError);
    expect(() =>
      computeCpm([
        { id: 'A', duration: 1, predecessors: [] },
        { id: 'A', duration: 2, predecessors: [] },
      ]),
    ).toThrow(DuplicateActivityError);
  });
});
