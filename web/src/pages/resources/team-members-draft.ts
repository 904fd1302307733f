// The team membership editor's draft: who is in the team and the share of their capacity each
// gives it, typed as a percentage and sent as the API's allocation in (0, 1]
// (server/features/resources/team-members.ts). Pure, so the checks are unit-tested.

export interface MemberDraft {
  personId: string;
  /** Percent of the person's capacity, as typed. */
  percent: string;
}

export interface Member {
  personId: string;
  allocation: number;
}

/** The team's members as editable rows (allocation 0.5 → "50"). */
export function toDraft(members: readonly Member[]): MemberDraft[] {
  return members.map((m) => ({
    personId: m.personId,
    percent: String(Math.round(m.allocation * 10_000) / 100),
  }));
}

/**
 * Messages keyed as the API names its fields (`members.<i>.personId`, `members.<i>.allocation`),
 * so the server's refusals land in the same places; empty when the draft can be sent.
 */
export function checkMembers(rows: readonly MemberDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r.personId === '') errors[`members.${i}.personId`] = 'Choose a person for this row';
    else if (rows.findIndex((x) => x.personId === r.personId) < i)
      errors[`members.${i}.personId`] = 'Is listed twice';
    const percent = Number(r.percent);
    if (r.percent.trim() === '' || !Number.isFinite(percent) || percent <= 0 || percent > 100)
      errors[`members.${i}.allocation`] = 'Enter a share above 0 % and at most 100 %';
  });
  return errors;
}

/** The body's `members`: percentages as shares of 1. Call after checkMembers found nothing. */
export function toMembers(rows: readonly MemberDraft[]): Member[] {
  return rows.map((r) => ({ personId: r.personId, allocation: Number(r.percent) / 100 }));
}

/** Whether the draft differs from the team's members (order aside). */
export function hasChanges(rows: readonly MemberDraft[], members: readonly Member[]): boolean {
  if (rows.length !== members.length) return true;
  const saved = new Map(members.map((m) => [m.personId, m.allocation]));
  return rows.some((r) => {
    const a = saved.get(r.personId);
    return a === undefined || Math.abs(a - Number(r.percent) / 100) > 1e-9;
  });
}

/** A server field name (`/members/0/allocation` or `members.0.allocation`) in the draft's form. */
export function normaliseField(field: string): string {
  return field.replace(/^\//, '').replaceAll('/', '.');
}
