import { describe, expect, it } from 'vitest';
import { checkMembers, hasChanges, normaliseField, toDraft, toMembers } from './team-members-draft';

describe('team members draft', () => {
  it('turns allocations into percentages and back', () => {
    const members = [
      { personId: 'ann', allocation: 0.5 },
      { personId: 'bob', allocation: 1 },
    ];
    const draft = toDraft(members);
    expect(draft).toEqual([
      { personId: 'ann', percent: '50' },
      { personId: 'bob', percent: '100' },
    ]);
    expect(toMembers(draft)).toEqual(members);
    expect(hasChanges(draft, members)).toBe(false);
    expect(
      hasChanges(
        [
          { personId: 'ann', percent: '40' },
          { personId: 'bob', percent: '100' },
        ],
        members,
      ),
    ).toBe(true);
  });

  it('names the field of each problem as the API does', () => {
    expect(
      checkMembers([
        { personId: 'ann', percent: '0' },
        { personId: '', percent: '50' },
        { personId: 'ann', percent: '120' },
        { personId: 'cy', percent: '' },
      ]),
    ).toEqual({
      'members.0.allocation': 'Enter a share above 0 % and at most 100 %',
      'members.1.personId': 'Choose a person for this row',
      'members.2.personId': 'Is listed twice',
      'members.2.allocation': 'Enter a share above 0 % and at most 100 %',
      'members.3.allocation': 'Enter a share above 0 % and at most 100 %',
    });
    expect(checkMembers([{ personId: 'ann', percent: '12.5' }])).toEqual({});
    expect(normaliseField('/members/3/allocation')).toBe('members.3.allocation');
  });
});
