import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates';
import { computeGateReadiness, describeGateGaps } from './gate-readiness';
import { findTemplateErrors, listGateApproverRoles, type MethodologyContent } from './methodology';
import { METHODOLOGIES } from './vocabulary';

const TRIAD = [
  'pmo_lead',
  'vmo_lead',
  'agile_coach',
  'project_manager',
  'product_owner',
  'team_member',
  'stakeholder',
  'executive_viewer',
];
const predictive = DEFAULT_TEMPLATES.predictive.content;
const g1 = predictive.gates[0] as (typeof predictive.gates)[number];
const g2 = predictive.gates[1] as (typeof predictive.gates)[number];

const charter = {
  documentKey: 'charter',
  fields: { purpose: 'p', objectives: 'o', scope: 's', sponsor: 'x', milestones: 'm' },
};
const businessCase = {
  documentKey: 'business_case',
  fields: { problem: 'p', options: 'o', benefits: 'b', costs: 'c', recommendation: 'r' },
};

describe('default templates', () => {
  it.each(METHODOLOGIES)('%s is a valid template', (m) => {
    expect(findTemplateErrors(DEFAULT_TEMPLATES[m].content, TRIAD)).toEqual([]);
  });

  it('finds unknown phases, documents, roles and Triad roles', () => {
    const broken: MethodologyContent = {
      roles: [{ key: 'boss', name: 'Boss', triadRoles: ['emperor'] }],
      phases: [{ key: 'only', name: 'Only' }],
      documents: [],
      gates: [
        {
          key: 'g',
          name: 'G',
          afterPhase: 'nope',
          entryCriteria: [],
          exitCriteria: [],
          requiredArtefacts: ['charter'],
          checklist: [],
          approverRoles: ['ghost'],
        },
      ],
    };
    expect(findTemplateErrors(broken, TRIAD).map((e) => e.field)).toEqual([
      'content.roles.0.triadRoles',
      'content.gates.0.afterPhase',
      'content.gates.0.requiredArtefacts',
      'content.gates.0.approverRoles',
    ]);
  });

  it('maps approver roles to Triad roles', () => {
    expect(listGateApproverRoles(predictive, g1)).toEqual(['pmo_lead']);
    const scrum = DEFAULT_TEMPLATES.scrum.content;
    expect(listGateApproverRoles(scrum, scrum.gates[1] as (typeof scrum.gates)[number])).toEqual([
      'product_owner',
    ]);
  });
});

describe('gate readiness', () => {
  it('lists exactly the missing artefacts and checklist items', () => {
    const r = computeGateReadiness(predictive, g1, {
      artefacts: [],
      checkedItems: ['g1_approve.sponsor_named'],
      passedGates: [],
    });
    expect(r.ready).toBe(false);
    expect(r.missingArtefacts.map((a) => [a.documentKey, a.reason])).toEqual([
      ['charter', 'absent'],
      ['business_case', 'absent'],
    ]);
    expect(r.missingChecklistItems.map((i) => i.key)).toEqual(['stakeholders']);
    expect(describeGateGaps(r)).toEqual([
      'missing artefact Project charter (charter)',
      'missing artefact Business case (business_case)',
      'checklist item stakeholders not done: Key stakeholders identified',
    ]);
  });

  it('counts an artefact with an empty required field as incomplete, optional fields not at all', () => {
    const r = computeGateReadiness(predictive, g1, {
      artefacts: [{ documentKey: 'charter', fields: { ...charter.fields, scope: '  ' } }, businessCase],
      checkedItems: ['g1_approve.sponsor_named', 'g1_approve.stakeholders'],
      passedGates: [],
    });
    expect(r.missingArtefacts).toEqual([
      { documentKey: 'charter', name: 'Project charter', reason: 'incomplete', missingFields: ['scope'] },
    ]);
  });

  it('is ready with complete artefacts and ticked items, optional items may stay open', () => {
    const r = computeGateReadiness(predictive, g1, {
      artefacts: [charter, businessCase],
      checkedItems: ['g1_approve.sponsor_named', 'g1_approve.stakeholders'],
      passedGates: [],
    });
    expect(r).toMatchObject({
      ready: true,
      missingArtefacts: [],
      missingChecklistItems: [],
      blockedBy: null,
    });
  });

  it('blocks a gate until the earlier ones have passed', () => {
    const r = computeGateReadiness(predictive, g2, {
      artefacts: [charter],
      checkedItems: [],
      passedGates: [],
    });
    expect(r.blockedBy).toBe('g1_approve');
  });

  it('ticking items for another gate never readies this one (property)', () => {
    fc.assert(
      fc.property(fc.subarray(g2.checklist.map((i) => `g2_baseline.${i.key}`)), (ticks) => {
        const r = computeGateReadiness(predictive, g1, {
          artefacts: [charter, businessCase],
          checkedItems: ticks,
          passedGates: [],
        });
        expect(r.missingChecklistItems).toHaveLength(2);
      }),
    );
  });
});
