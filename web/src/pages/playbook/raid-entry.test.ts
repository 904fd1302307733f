import { describe, expect, it } from 'vitest';
import { buildRaidBody } from './raid-entry';

describe('RAID register entries', () => {
  it('sends an issue with its escalation path one step per line and blank fields as null', () => {
    expect(
      buildRaidBody('issue', 'p1', {
        title: '  Supplier late  ',
        severity: 'high',
        dueDate: '2027-02-01',
        ownerId: '',
        escalationPath: 'Project manager\n\n  Sponsor \nSteering board\n',
      }),
    ).toEqual({
      projectId: 'p1',
      title: 'Supplier late',
      description: null,
      severity: 'high',
      ownerId: null,
      dueDate: '2027-02-01',
      escalationPath: ['Project manager', 'Sponsor', 'Steering board'],
    });
  });

  it('sends an assumption with its validation date', () => {
    expect(
      buildRaidBody('assumption', 'p1', { title: 'Rates hold', validateBy: '2027-03-31', notes: ' ' }),
    ).toEqual({
      projectId: 'p1',
      title: 'Rates hold',
      description: null,
      ownerId: null,
      validateBy: '2027-03-31',
      notes: null,
    });
  });

  it('drops the decision date and decider of a decision that is only proposed', () => {
    const values = {
      title: 'Buy, not build',
      decidedOn: '2027-01-10',
      decidedById: 'person-1',
      rationale: 'Time',
    };
    expect(buildRaidBody('decision', 'p1', { ...values, status: 'proposed' })).toMatchObject({
      status: 'proposed',
      decidedOn: null,
      decidedById: null,
      rationale: 'Time',
    });
    expect(buildRaidBody('decision', 'p1', { ...values, status: 'decided' })).toMatchObject({
      status: 'decided',
      decidedOn: '2027-01-10',
      decidedById: 'person-1',
    });
  });
});
