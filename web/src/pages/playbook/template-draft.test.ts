import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../../core/playbook/default-templates';
import {
  addItem,
  findDraftErrors,
  type MethodologyContent,
  moveItem,
  parseContentJson,
  removeSectionItem,
  renameKey,
  type TemplateDraft,
  toggleIn,
} from './template-draft';

const TRIAD = ['pmo_lead', 'project_manager', 'product_owner', 'agile_coach', 'team_member'];
const predictive = (): MethodologyContent => structuredClone(DEFAULT_TEMPLATES.predictive.content);
const draftOf = (content: MethodologyContent, name = 'Stage-gate'): TemplateDraft => ({
  name,
  description: '',
  content,
});

describe('template draft edits', () => {
  it('moves an item up and down and leaves the list alone out of range', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moving keeps every item exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 12 }),
        fc.nat(15),
        fc.integer({ min: -3, max: 3 }),
        (list, i, d) => {
          const moved = moveItem(list, i, d);
          expect([...moved].sort()).toEqual([...list].sort());
        },
      ),
    );
  });

  it('adds items with fresh keys that keep the template valid', () => {
    let content = predictive();
    for (const section of ['phases', 'roles', 'documents', 'gates'] as const)
      content = addItem(content, section);
    expect(content.phases.at(-1)?.key).toBe('phase_5');
    expect(content.gates.at(-1)).toMatchObject({ afterPhase: 'phase_5', approverRoles: ['sponsor'] });
    expect(findDraftErrors(draftOf(content), TRIAD)).toEqual({});
  });

  it('renaming a phase, document or role key carries its references along', () => {
    let content = predictive();
    content = renameKey(content, 'phases', 0, 'start');
    content = renameKey(
      content,
      'documents',
      content.documents.findIndex((d) => d.key === 'charter'),
      'pid',
    );
    content = renameKey(
      content,
      'documents',
      content.documents.findIndex((d) => d.key === 'proposal'),
      'idea',
    );
    content = renameKey(
      content,
      'roles',
      content.roles.findIndex((r) => r.key === 'sponsor'),
      'board',
    );
    const g1 = content.gates[0];
    expect(g1?.afterPhase).toBe('start');
    expect(g1?.requiredArtefacts).toContain('pid');
    expect(g1?.approverRoles).toEqual(['board', 'pmo']);
    expect(content.intakeDocument).toBe('idea');
    expect(findDraftErrors(draftOf(content), TRIAD)).toEqual({});
  });

  it("typing a key through another item's key never takes that item's references", () => {
    let content = predictive();
    const gatesOf = (c: MethodologyContent, phase: string) =>
      c.gates.filter((g) => g.afterPhase === phase).map((g) => g.key);
    const before = { initiation: gatesOf(content, 'initiation'), planning: gatesOf(content, 'planning') };
    // Planning is renamed by typing "initiation" and then one more letter.
    content = renameKey(content, 'phases', 1, 'initiation');
    content = renameKey(content, 'phases', 1, 'initiationx');
    expect(gatesOf(content, 'initiation')).toEqual(before.initiation);
    expect(gatesOf(content, 'initiationx')).toEqual([]);
    expect(findDraftErrors(draftOf(content), TRIAD)).toEqual({
      'content.gates.1.afterPhase': 'no phase "planning"',
    });
  });

  it('removing a document or role removes the references; removing a phase reports the gate', () => {
    let content = predictive();
    content = removeSectionItem(
      content,
      'documents',
      content.documents.findIndex((d) => d.key === 'charter'),
    );
    expect(content.gates.flatMap((g) => g.requiredArtefacts)).not.toContain('charter');
    content = removeSectionItem(
      content,
      'documents',
      content.documents.findIndex((d) => d.key === 'proposal'),
    );
    expect(content.intakeDocument).toBeUndefined();
    content = removeSectionItem(
      content,
      'roles',
      content.roles.findIndex((r) => r.key === 'pmo'),
    );
    expect(content.gates[0]?.approverRoles).toEqual(['sponsor']);
    content = removeSectionItem(content, 'phases', 0);
    expect(findDraftErrors(draftOf(content), TRIAD)).toEqual({
      'content.gates.0.afterPhase': 'no phase "initiation"',
    });
  });

  it('toggles keys in a set-like list without duplicates', () => {
    expect(toggleIn(['a'], 'a', true)).toEqual(['a']);
    expect(toggleIn(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleIn(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('template draft validation', () => {
  it("accepts each of Triad's default templates", () => {
    for (const t of Object.values(DEFAULT_TEMPLATES))
      expect(findDraftErrors(draftOf(structuredClone(t.content), t.name), TRIAD)).toEqual({});
  });

  it('names each wrong field with the path the server uses', () => {
    const content = predictive();
    const gate = content.gates[0];
    const field = content.documents[0]?.fields[0];
    if (!gate || !field) throw new Error('the default has gates and fields');
    gate.name = ' ';
    gate.exitCriteria = ['', 'x'.repeat(501)];
    gate.approverRoles = [];
    gate.checklist.push({ key: 'sponsor_named', text: '', required: true });
    field.label = '';
    content.phases[1] = { key: 'Planning!', name: 'Planning' };
    const errors = findDraftErrors(draftOf(content, ''), TRIAD);
    expect(errors).toMatchObject({
      name: 'needs a name',
      'content.gates.0.name': 'needs a name',
      'content.gates.0.exitCriteria.0': 'is empty',
      'content.gates.0.exitCriteria.1': 'at most 500 characters',
      'content.gates.0.approverRoles': 'needs an approver role',
      'content.gates.0.checklist.2.text': 'needs a text',
      'content.gates.0.checklist.2.key': 'repeats "sponsor_named"',
      'content.documents.0.fields.0.label': 'needs a label',
      'content.phases.1.key': 'must be a lower-case key',
      'content.gates.1.afterPhase': 'no phase "planning"',
    });
  });

  it('refuses a role acted by an unknown Triad role and a template without phases', () => {
    const content = predictive();
    content.roles[0]?.triadRoles.push('chief_wizard');
    content.phases = [];
    content.gates = [];
    const errors = findDraftErrors(draftOf(content), TRIAD);
    expect(errors['content.roles.0.triadRoles']).toBe('"chief_wizard" is not a Triad role');
    expect(errors['content.phases']).toBe('needs at least one phase');
  });
});

describe('the advanced JSON view', () => {
  it('parses content and reports what is wrong', () => {
    expect(parseContentJson(JSON.stringify(predictive()))).toEqual({ content: predictive() });
    expect(parseContentJson('{')).toHaveProperty('error');
    expect(parseContentJson('[]')).toEqual({ error: 'must be a JSON object' });
    expect(parseContentJson('{"phases":[],"gates":[],"roles":{}}')).toEqual({
      error: '"roles" must be a list',
    });
  });
});
