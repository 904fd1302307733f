import { describe, expect, it } from 'vitest';
import { buildRaidBody, buildRaidPatch, changedFields, toRaidValues } from './raid-entry';

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

  it('keeps the decision date of a superseded decision', () => {
    expect(
      buildRaidBody('decision', 'p1', { title: 'Buy', status: 'superseded', decidedOn: '2027-01-10' }),
    ).toMatchObject({ status: 'superseded', decidedOn: '2027-01-10' });
  });
});

describe('editing a RAID register entry', () => {
  const issue = {
    id: 'i1',
    version: 3,
    projectId: 'p1',
    title: 'Supplier late',
    description: null,
    severity: 'high',
    status: 'open',
    ownerId: 'person-1',
    dueDate: '2027-02-01',
    escalationPath: ['Project manager', 'Sponsor'],
    escalationLevel: 1,
    resolution: null,
  };

  it('fills the form from the record: nulls as blanks, the escalation path one step per line', () => {
    expect(toRaidValues('issue', issue)).toEqual({
      title: 'Supplier late',
      description: '',
      severity: 'high',
      ownerId: 'person-1',
      dueDate: '2027-02-01',
      escalationPath: 'Project manager\nSponsor',
      resolution: '',
    });
  });

  it('sends only the fields changed since the form was opened, never the project', () => {
    const original = toRaidValues('issue', issue);
    const values = {
      ...original,
      title: 'Supplier very late ',
      resolution: ' Re-sourced ',
      description: ' ',
    };
    // A blank description stays null, so it is no change.
    expect(buildRaidPatch('issue', values, original)).toEqual({
      title: 'Supplier very late',
      resolution: 'Re-sourced',
    });
    expect(buildRaidPatch('issue', original, original)).toEqual({});
    // An escalation path with a blank line is the same path.
    expect(
      buildRaidPatch('issue', { ...original, escalationPath: 'Project manager\n\nSponsor\n' }, original),
    ).toEqual({});
  });

  it('finds what someone else changed, compared as the server stores it', () => {
    const original = toRaidValues('issue', issue);
    const theirs = toRaidValues('issue', { ...issue, version: 4, dueDate: '2027-03-01', ownerId: null });
    expect(changedFields('issue', original, theirs)).toEqual(['dueDate', 'ownerId']);
  });

  it('compares an assumption and a decision by their own fields', () => {
    const assumption = toRaidValues('assumption', {
      id: 'a1',
      version: 1,
      title: 'Rates hold',
      ownerId: null,
      validateBy: null,
      notes: 'x',
    });
    expect(changedFields('assumption', assumption, { ...assumption, notes: 'y' })).toEqual(['notes']);
    const decision = toRaidValues('decision', {
      id: 'd1',
      version: 2,
      title: 'Buy',
      status: 'decided',
      decidedOn: '2027-01-10',
    });
    // Back to proposed drops the decision date too.
    expect(buildRaidPatch('decision', { ...decision, status: 'proposed' }, decision)).toEqual({
      status: 'proposed',
      decidedOn: null,
    });
  });
});
