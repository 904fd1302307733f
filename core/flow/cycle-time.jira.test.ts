/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
// Real data, read through Vite's ?raw import because core/ may not use node:fs.
import jiraCsv from '../../../shared/data/flow/jira.csv?raw';
import { computeLeadTimes } from './cycle-time';
import type { FlowItem } from './types';

// rueedlinger/agile-project-dataset (MIT), 4,123 Jira tasks of two projects; reference figures in
// REFERENCES.md §4.4: with CT = finished − created + 1 on the 2,461 rows that do not finish before
// they were created, nearest-rank 50/70/85/95th percentiles are 6/10/20/64 days (project 0:
// 5/10/20/73, project 1: 6/10/20/56).
describe('lead time on the rueedlinger Jira data set', () => {
  const rows = jiraCsv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
  const items = (project?: string): FlowItem[] =>
    rows
      .filter((r) => project === undefined || r[1] === project)
      .map((r) => ({ id: r[0] ?? '', createdAt: r[3] ?? '', doneAt: r[4] ?? '', statusChanges: [] }));

  it('reproduces the published percentiles and sets the 1,662 migration artefacts aside', () => {
    const all = computeLeadTimes(items(), { unit: 'calendar' });
    expect(rows).toHaveLength(4_123);
    expect(all.samples).toHaveLength(2_461);
    expect(all.excluded).toHaveLength(1_662);
    expect(all.percentiles).toEqual({ 50: 6, 70: 10, 85: 20, 95: 64 });
    expect(computeLeadTimes(items('0'), { unit: 'calendar' }).percentiles).toEqual({
      50: 5,
      70: 10,
      85: 20,
      95: 73,
    });
    expect(computeLeadTimes(items('1'), { unit: 'calendar' }).percentiles).toEqual({
      50: 6,
      70: 10,
      85: 20,
      95: 56,
    });
  });
});
