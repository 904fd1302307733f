import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates';
import { findIntakeForm, findProposalErrors } from './intake';
import type { MethodologyContent } from './methodology';
import { carryOverProjectState, computeTemplateChanges, describeTemplateChanges } from './template-diff';

const predictive = DEFAULT_TEMPLATES.predictive.content;

describe('intake form', () => {
  it('is the proposal document of the default templates', () => {
    expect(findIntakeForm(predictive)?.key).toBe('proposal');
  });

  it('falls back to the business case for templates written before intake', () => {
    const { intakeDocument: _unused, ...older } = predictive;
    expect(findIntakeForm(older)?.key).toBe('business_case');
  });

  it('names each blank required field and each unknown field', () => {
    const form = findIntakeForm(predictive);
    if (!form) throw new Error('no form');
    const errors = findProposalErrors(form, { problem: 'Slow checkout', outcome: '  ', colour: 'red' });
    expect(errors.map((e) => e.field)).toEqual(['fields.outcome', 'fields.sponsor', 'fields.colour']);
    expect(findProposalErrors(form, { problem: 'p', outcome: 'o', sponsor: 's' })).toEqual([]);
  });
});

/** Version 2 of the predictive template: a gate removed, a checklist item added and one removed. */
function editedPredictive(): MethodologyContent {
  const next = structuredClone(predictive);
  const [first, second] = next.gates;
  if (!first || !second) throw new Error('defaults changed');
  first.checklist = [
    ...first.checklist.slice(1),
    { key: 'risk_workshop', text: 'Risk workshop held', required: true },
  ];
  next.gates = next.gates.filter((g) => g.key !== second.key);
  return next;
}

describe('template version changes', () => {
  it('lists the gates and checklist items added and removed', () => {
    const from = predictive;
    const to = editedPredictive();
    const changes = computeTemplateChanges(from, to);
    const removedGate = from.gates[1];
    expect(changes.gatesRemoved.map((g) => g.key)).toEqual([removedGate?.key]);
    expect(changes.gatesAdded).toEqual([]);
    expect(changes.gatesChanged).toHaveLength(1);
    expect(changes.gatesChanged[0]?.checklistAdded.map((i) => i.key)).toEqual(['risk_workshop']);
    expect(changes.gatesChanged[0]?.checklistRemoved.map((i) => i.key)).toEqual([
      from.gates[0]?.checklist[0]?.key,
    ]);
    expect(describeTemplateChanges(changes).join('\n')).toContain('Risk workshop held');
    // The move back is the mirror image.
    const back = computeTemplateChanges(to, from);
    expect(back.gatesAdded.map((g) => g.key)).toEqual([removedGate?.key]);
  });

  it('reports no change between a version and itself (property)', () => {
    const templates = Object.values(DEFAULT_TEMPLATES).map((t) => t.content);
    fc.assert(
      fc.property(fc.constantFrom(...templates), (content) => {
        const changes = computeTemplateChanges(content, structuredClone(content));
        expect(describeTemplateChanges(changes)).toEqual([]);
      }),
    );
  });

  it('keeps ticks whose item survives and moves a project off a removed phase', () => {
    const to = editedPredictive();
    const g1 = predictive.gates[0];
    const kept = `${g1?.key}.${g1?.checklist[1]?.key}`;
    const dropped = `${g1?.key}.${g1?.checklist[0]?.key}`;
    const state = carryOverProjectState(to, {
      currentPhase: 'gone',
      checkedItems: [kept, dropped],
      passedGates: [g1?.key ?? ''],
    });
    expect(state.checkedItems).toEqual([kept]);
    expect(state.droppedItems).toEqual([dropped]);
    // g1 closes initiation, so the project is in the phase after it.
    expect(state.currentPhase).toBe(to.phases[to.phases.findIndex((p) => p.key === g1?.afterPhase) + 1]?.key);
    expect(
      carryOverProjectState(to, { currentPhase: 'closed', checkedItems: [], passedGates: [] }).currentPhase,
    ).toBe('closed');
  });
});
