// The structured template editor's model: pure edits of a methodology template's content (add,
// remove, move, rename with the references that follow) and its validation as field → message,
// with the same field paths the server answers (`content.gates.0.approverRoles`).
import {
  type DocumentTemplate,
  findTemplateErrors,
  type MethodologyContent,
  type TemplateGate,
  type TemplatePhase,
  type TemplateRole,
} from '../../../../core/playbook/methodology';

export type { MethodologyContent } from '../../../../core/playbook/methodology';

export interface TemplateDraft {
  name: string;
  description: string;
  content: MethodologyContent;
}

/** Field path → message; one message per field (the first found). */
export type DraftErrors = Record<string, string>;

/** The list sections of a template, each an array of items with a key. */
export type Section = 'phases' | 'gates' | 'roles' | 'documents';

// Limits of the server's schema (server/features/playbook/playbook-schemas.ts).
export const LIMITS = {
  items: 30,
  criteria: 50,
  checklist: 50,
  fields: 50,
  artefacts: 20,
  text: 500,
  label: 200,
};

/** Moves the item at `index` by `delta` places (−1 up, +1 down); out of range leaves the list. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1) as [T];
  next.splice(to, 0, item);
  return next;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/** A lower-case key for a new item, `${stem}_${n}` with the first n not taken. */
export function freshKey(stem: string, taken: readonly { key: string }[]): string {
  const used = new Set(taken.map((t) => t.key));
  for (let n = taken.length + 1; ; n += 1) if (!used.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

/** Appends a new, valid-as-far-as-possible item to a section. */
export function addItem(content: MethodologyContent, section: Section): MethodologyContent {
  switch (section) {
    case 'phases': {
      const phase: TemplatePhase = { key: freshKey('phase', content.phases), name: 'New phase' };
      return { ...content, phases: [...content.phases, phase] };
    }
    case 'roles': {
      const role: TemplateRole = { key: freshKey('role', content.roles), name: 'New role', triadRoles: [] };
      return { ...content, roles: [...content.roles, role] };
    }
    case 'documents': {
      const document: DocumentTemplate = {
        key: freshKey('document', content.documents),
        name: 'New document',
        fields: [],
      };
      return { ...content, documents: [...content.documents, document] };
    }
    case 'gates': {
      const gate: TemplateGate = {
        key: freshKey('gate', content.gates),
        name: 'New gate',
        afterPhase: content.phases.at(-1)?.key ?? '',
        entryCriteria: [],
        exitCriteria: [],
        requiredArtefacts: [],
        checklist: [],
        approverRoles: content.roles[0] ? [content.roles[0].key] : [],
      };
      return { ...content, gates: [...content.gates, gate] };
    }
  }
}

/**
 * Removes an item; references to it go with it (a removed document leaves the gates' required
 * artefacts and the intake form; a removed role leaves the approvers). Gates closing a removed
 * phase stay and are reported by `findDraftErrors`, so no gate disappears unseen.
 */
export function removeSectionItem(content: MethodologyContent, section: Section, index: number) {
  const key = content[section][index]?.key;
  const next = {
    ...content,
    [section]: removeItem<{ key: string }>(content[section], index),
  } as MethodologyContent;
  if (key === undefined) return next;
  if (section === 'documents') {
    next.gates = next.gates.map((g) => ({
      ...g,
      requiredArtefacts: g.requiredArtefacts.filter((a) => a !== key),
    }));
    if (next.intakeDocument === key) delete next.intakeDocument;
  }
  if (section === 'roles')
    next.gates = next.gates.map((g) => ({ ...g, approverRoles: g.approverRoles.filter((r) => r !== key) }));
  return next;
}

/**
 * Changes an item's key and every reference to it (gate phases, artefacts, approvers, intake form).
 * References move only between unambiguous keys: while the old key is shared with another item, or
 * the new one is taken, they stay put (and `findDraftErrors` reports what no longer resolves), so
 * typing a key through another item's key never captures that item's references.
 */
export function renameKey(content: MethodologyContent, section: Section, index: number, to: string) {
  const items: { key: string }[] = content[section];
  const from = items[index]?.key;
  if (from === undefined) return content;
  const others = items.filter((_, i) => i !== index).map((item) => item.key);
  const carry = !others.includes(from) && !others.includes(to);
  const swap = (k: string) => (carry && k === from ? to : k);
  const next = {
    ...content,
    [section]: content[section].map((item, i) => (i === index ? { ...item, key: to } : item)),
  } as MethodologyContent;
  if (section === 'phases') next.gates = next.gates.map((g) => ({ ...g, afterPhase: swap(g.afterPhase) }));
  if (section === 'documents') {
    next.gates = next.gates.map((g) => ({ ...g, requiredArtefacts: g.requiredArtefacts.map(swap) }));
    if (next.intakeDocument !== undefined) next.intakeDocument = swap(next.intakeDocument);
  }
  if (section === 'roles')
    next.gates = next.gates.map((g) => ({ ...g, approverRoles: g.approverRoles.map(swap) }));
  return next;
}

/** Adds or removes `value` in a set-like list (approver roles, required artefacts, Triad roles). */
export function toggleIn(list: readonly string[], value: string, on: boolean): string[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}

/**
 * Everything wrong with a draft, by field: the server's content rules (`findTemplateErrors`) plus
 * the schema's text rules (names and labels 1–200 characters, criteria up to 500, list limits),
 * so the editor can show each message beside its input before saving.
 */
export function findDraftErrors(draft: TemplateDraft, triadRoles: readonly string[]): DraftErrors {
  const errors: DraftErrors = {};
  const add = (field: string, message: string): void => {
    errors[field] ??= message;
  };
  const label = (field: string, value: string, what = 'a name'): void => {
    if (value.trim() === '') add(field, `needs ${what}`);
    else if (value.length > LIMITS.label) add(field, `at most ${LIMITS.label} characters`);
  };
  const texts = (field: string, list: readonly string[]) => {
    if (list.length > LIMITS.criteria) add(field, `at most ${LIMITS.criteria} entries`);
    list.forEach((t, i) => {
      if (t.trim() === '') add(`${field}.${i}`, 'is empty');
      else if (t.length > LIMITS.text) add(`${field}.${i}`, `at most ${LIMITS.text} characters`);
    });
  };
  label('name', draft.name);
  const c = draft.content;
  for (const section of ['phases', 'gates', 'roles', 'documents'] as const)
    if (c[section].length > LIMITS.items) add(`content.${section}`, `at most ${LIMITS.items}`);
  for (const [i, p] of c.phases.entries()) label(`content.phases.${i}.name`, p.name);
  for (const [i, r] of c.roles.entries()) label(`content.roles.${i}.name`, r.name);
  c.documents.forEach((d, i) => {
    label(`content.documents.${i}.name`, d.name);
    if (d.fields.length > LIMITS.fields)
      add(`content.documents.${i}.fields`, `at most ${LIMITS.fields} fields`);
    for (const [j, f] of d.fields.entries())
      label(`content.documents.${i}.fields.${j}.label`, f.label, 'a label');
  });
  c.gates.forEach((g, i) => {
    const at = `content.gates.${i}`;
    label(`${at}.name`, g.name);
    texts(`${at}.entryCriteria`, g.entryCriteria);
    texts(`${at}.exitCriteria`, g.exitCriteria);
    if (g.checklist.length > LIMITS.checklist) add(`${at}.checklist`, `at most ${LIMITS.checklist} items`);
    if (g.requiredArtefacts.length > LIMITS.artefacts)
      add(`${at}.requiredArtefacts`, `at most ${LIMITS.artefacts}`);
    for (const [j, item] of g.checklist.entries()) label(`${at}.checklist.${j}.text`, item.text, 'a text');
  });
  for (const e of findTemplateErrors(c, triadRoles)) add(e.field, e.message);
  return errors;
}

/** Parses the advanced JSON view; answers the content or the parse problem. */
export function parseContentJson(text: string): { content: MethodologyContent } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'not JSON' };
  }
  const c = parsed as Partial<MethodologyContent> | null;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return { error: 'must be a JSON object' };
  for (const section of ['phases', 'gates', 'roles', 'documents'] as const)
    if (!Array.isArray(c[section])) return { error: `"${section}" must be a list` };
  return { content: c as MethodologyContent };
}

export const newChecklistItem = (gate: TemplateGate) => ({
  key: freshKey('item', gate.checklist),
  text: '',
  required: true,
});

export const newDocumentField = (document: DocumentTemplate) => ({
  key: freshKey('field', document.fields),
  label: '',
  required: true,
});
