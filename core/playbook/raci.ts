import type { RaciCode } from './vocabulary';

// RACI: Responsible, Accountable, Consulted, Informed (PMBOK 7th ed. §2.2, responsibility
// assignment matrix). Exactly one Accountable per activity and at least one Responsible.

/** One cell of the matrix: a person (by id) or a role (by name) holds a code on an activity. */
export interface RaciAssignment {
  personId?: string | null;
  role?: string | null;
  code: RaciCode;
}

export interface RaciActivity {
  name: string;
  assignments: RaciAssignment[];
}

export type RaciWarningCode = 'no_accountable' | 'several_accountables' | 'no_responsible';

export interface RaciWarning {
  code: RaciWarningCode;
  activity: string;
  message: string;
  /** The parties holding the code, for `several_accountables`. */
  parties: string[];
}

/** A person or role, as one key: `person:<id>` or `role:<name>`. */
export const raciParty = (a: RaciAssignment): string =>
  a.personId ? `person:${a.personId}` : `role:${(a.role ?? '').trim()}`;

/**
 * The conflicting-responsibility problems of one matrix: activities with no Accountable, several
 * Accountables (a party counted once even if listed twice), or no Responsible.
 *
 * @example
 * computeRaciWarnings([{ name: 'Test plan', assignments: [{ role: 'QA', code: 'R' }] }])
 * // [{ code: 'no_accountable', activity: 'Test plan', … }]
 */
export function computeRaciWarnings(activities: readonly RaciActivity[]): RaciWarning[] {
  const warnings: RaciWarning[] = [];
  for (const activity of activities) {
    const holders = (code: RaciCode) => [
      ...new Set(activity.assignments.filter((a) => a.code === code).map(raciParty)),
    ];
    const accountable = holders('A');
    if (accountable.length === 0)
      warnings.push({
        code: 'no_accountable',
        activity: activity.name,
        message: `"${activity.name}" has no Accountable`,
        parties: [],
      });
    else if (accountable.length > 1)
      warnings.push({
        code: 'several_accountables',
        activity: activity.name,
        message: `"${activity.name}" has ${accountable.length} Accountables; exactly one should answer for it`,
        parties: accountable,
      });
    if (holders('R').length === 0)
      warnings.push({
        code: 'no_responsible',
        activity: activity.name,
        message: `"${activity.name}" has no Responsible`,
        parties: [],
      });
  }
  return warnings;
}

export interface AccountableShare {
  personId: string;
  accountables: number;
  total: number;
  share: number;
  projects: string[];
}

/**
 * The role-overlap problem across a portfolio: people who are Accountable for more than
 * `threshold` (0–1) of all activities with an Accountable, counted over every project's matrix.
 * Portfolios with fewer than `minActivities` such activities are too small to judge and give none.
 *
 * @example
 * // Ann is A on 3 of 4 activities: share 0.75 > 0.5
 * computeAccountableConcentration(matrices, { threshold: 0.5, minActivities: 4 });
 */
export function computeAccountableConcentration(
  matrices: readonly { projectId: string; activities: readonly RaciActivity[] }[],
  options: { threshold: number; minActivities: number },
): AccountableShare[] {
  const counts = new Map<string, { n: number; projects: Set<string> }>();
  let total = 0;
  for (const m of matrices)
    for (const activity of m.activities) {
      const people = new Set(
        activity.assignments.filter((a) => a.code === 'A' && a.personId).map((a) => a.personId as string),
      );
      if (activity.assignments.some((a) => a.code === 'A')) total += 1;
      for (const p of people) {
        const c = counts.get(p) ?? { n: 0, projects: new Set<string>() };
        c.n += 1;
        c.projects.add(m.projectId);
        counts.set(p, c);
      }
    }
  if (total < options.minActivities || total === 0) return [];
  return [...counts.entries()]
    .map(([personId, c]) => ({
      personId,
      accountables: c.n,
      total,
      share: c.n / total,
      projects: [...c.projects].sort(),
    }))
    .filter((s) => s.share > options.threshold)
    .sort((a, b) => b.share - a.share || a.personId.localeCompare(b.personId));
}
