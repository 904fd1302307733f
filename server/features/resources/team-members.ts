import { Type } from 'typebox';
import { fieldProblem } from '../../http/problem';
import type { RequestContext, Trx, WriteEvent } from '../../resources/resource-spec';

// A team's members and each one's allocation to it, written with the team (`members` on
// POST / PATCH /teams, If-Match and audit as for any team change). Capacity planning reads the
// allocation: a member gives the team their capacity × allocation, and team bookings are spread
// by it (docs/resources.md).

const Member = Type.Object(
  {
    personId: Type.String({ minLength: 1, maxLength: 64 }),
    allocation: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: "Share of the person's capacity that goes to the team (1 = all of it)",
    }),
  },
  { additionalProperties: false },
);
export const TeamMembers = Type.Array(Member, { maxItems: 500 });

interface MemberValue {
  personId: string;
  allocation: number;
}

/** Replaces the team's members when `members` was sent; every person must be of the organisation. */
export async function writeTeamMembers(trx: Trx, ctx: RequestContext, write: WriteEvent): Promise<void> {
  if (!('members' in write.extras)) return;
  const members = write.extras.members as MemberValue[];
  const ids = members.map((m) => m.personId);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) throw fieldProblem('validation_failed', `members.${twice}.personId`, 'is listed twice');
  const org = ctx.principal.organisationId;
  if (ids.length > 0) {
    const found = new Set(
      (
        await trx
          .selectFrom('people')
          .select('id')
          .where('organisation_id', '=', org)
          .where('id', 'in', ids)
          .execute()
      ).map((p) => p.id),
    );
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw fieldProblem(
        'invalid_reference',
        `members.${missing}.personId`,
        'does not name a person of this organisation',
      );
  }
  const teamId = String(write.after.id);
  await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (members.length === 0) return;
  await trx
    .insertInto('team_members')
    .values(
      members.map((m) => ({
        organisation_id: org,
        team_id: teamId,
        person_id: m.personId,
        allocation: m.allocation,
      })),
    )
    .execute();
}

/** Adds `members` (ordered by person id) to presented teams, in one query. */
export async function presentTeamMembers(trx: Trx, records: Record<string, unknown>[]): Promise<void> {
  const ids = records.map((r) => String(r.id));
  if (ids.length === 0) return;
  const rows = await trx
    .selectFrom('team_members')
    .select(['team_id', 'person_id', 'allocation'])
    .where('team_id', 'in', ids)
    .orderBy('person_id')
    .execute();
  for (const r of records) {
    r.members = rows
      .filter((m) => m.team_id === r.id)
      .map((m) => ({ personId: m.person_id, allocation: Number(m.allocation) }));
  }
}
