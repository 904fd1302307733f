import type { ChecklistItem, MethodologyContent } from './methodology';

// Moving a running project to another version of its template: what changes, and how the
// project's state (current phase, ticked checklist items) carries over.

interface Named {
  key: string;
  name: string;
}

export interface GateChange extends Named {
  checklistAdded: ChecklistItem[];
  checklistRemoved: ChecklistItem[];
  artefactsAdded: string[];
  artefactsRemoved: string[];
  approverRolesAdded: string[];
  approverRolesRemoved: string[];
  criteriaChanged: boolean;
}

export interface TemplateChanges {
  phasesAdded: Named[];
  phasesRemoved: Named[];
  gatesAdded: Named[];
  gatesRemoved: Named[];
  gatesChanged: GateChange[];
  documentsAdded: Named[];
  documentsRemoved: Named[];
  rolesAdded: Named[];
  rolesRemoved: Named[];
}

const named = (x: Named): Named => ({ key: x.key, name: x.name });
const byKey = <T extends { key: string }>(list: T[]) => new Map(list.map((x) => [x.key, x]));
function added<T extends { key: string }>(from: T[], to: T[]): T[] {
  const before = byKey(from);
  return to.filter((x) => !before.has(x.key));
}
const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The differences between two versions of a template, by key: phases, gates, documents and roles
 * added or removed, and for gates in both, checklist items, required artefacts and approver roles
 * added or removed and whether the entry or exit criteria changed.
 */
export function computeTemplateChanges(from: MethodologyContent, to: MethodologyContent): TemplateChanges {
  const oldGates = byKey(from.gates);
  const gatesChanged: GateChange[] = [];
  for (const gate of to.gates) {
    const old = oldGates.get(gate.key);
    if (!old) continue;
    const change: GateChange = {
      ...named(gate),
      checklistAdded: added(old.checklist, gate.checklist),
      checklistRemoved: added(gate.checklist, old.checklist),
      artefactsAdded: minus(gate.requiredArtefacts, old.requiredArtefacts),
      artefactsRemoved: minus(old.requiredArtefacts, gate.requiredArtefacts),
      approverRolesAdded: minus(gate.approverRoles, old.approverRoles),
      approverRolesRemoved: minus(old.approverRoles, gate.approverRoles),
      criteriaChanged:
        !same(old.entryCriteria, gate.entryCriteria) || !same(old.exitCriteria, gate.exitCriteria),
    };
    const lists = [
      change.checklistAdded,
      change.checklistRemoved,
      change.artefactsAdded,
      change.artefactsRemoved,
      change.approverRolesAdded,
      change.approverRolesRemoved,
    ];
    if (change.criteriaChanged || lists.some((l) => l.length > 0)) gatesChanged.push(change);
  }
  return {
    phasesAdded: added(from.phases, to.phases).map(named),
    phasesRemoved: added(to.phases, from.phases).map(named),
    gatesAdded: added(from.gates, to.gates).map(named),
    gatesRemoved: added(to.gates, from.gates).map(named),
    gatesChanged,
    documentsAdded: added(from.documents, to.documents).map(named),
    documentsRemoved: added(to.documents, from.documents).map(named),
    rolesAdded: added(from.roles, to.roles).map(named),
    rolesRemoved: added(to.roles, from.roles).map(named),
  };
}

export interface ProjectPlaybookState {
  currentPhase: string | null;
  /** `<gateKey>.<itemKey>` of the ticked checklist items. */
  checkedItems: string[];
  /** Gates the project has passed (with or without conditions). */
  passedGates: string[];
}

/**
 * The project's state on the new version: ticks kept where the gate and item still exist; the
 * current phase kept when it still exists, else the phase after the last passed gate that still
 * exists (or the first phase). `closed` stays closed.
 */
export function carryOverProjectState(
  to: MethodologyContent,
  state: ProjectPlaybookState,
): { currentPhase: string | null; checkedItems: string[]; droppedItems: string[] } {
  const valid = new Set(to.gates.flatMap((g) => g.checklist.map((i) => `${g.key}.${i.key}`)));
  const checkedItems = state.checkedItems.filter((k) => valid.has(k));
  const droppedItems = state.checkedItems.filter((k) => !valid.has(k));
  const phases = to.phases.map((p) => p.key);
  let currentPhase = state.currentPhase;
  if (currentPhase !== 'closed' && (currentPhase === null || !phases.includes(currentPhase))) {
    const passed = to.gates.filter((g) => state.passedGates.includes(g.key));
    const lastIndex = Math.max(-1, ...passed.map((g) => phases.indexOf(g.afterPhase)));
    currentPhase = lastIndex + 1 < phases.length ? (phases[lastIndex + 1] ?? null) : 'closed';
  }
  return { currentPhase, checkedItems, droppedItems };
}

/** One line per change, for the decision record and the confirmation dialog. */
export function describeTemplateChanges(changes: TemplateChanges): string[] {
  const lines: string[] = [];
  const list = (verb: string, what: string, items: Named[]) => {
    if (items.length > 0) lines.push(`${what} ${verb}: ${items.map((i) => i.name).join(', ')}`);
  };
  list('added', 'Phases', changes.phasesAdded);
  list('removed', 'Phases', changes.phasesRemoved);
  list('added', 'Gates', changes.gatesAdded);
  list('removed', 'Gates', changes.gatesRemoved);
  for (const g of changes.gatesChanged) {
    const parts: string[] = [];
    if (g.checklistAdded.length) parts.push(`checklist +${g.checklistAdded.map((i) => i.text).join(', +')}`);
    if (g.checklistRemoved.length)
      parts.push(`checklist −${g.checklistRemoved.map((i) => i.text).join(', −')}`);
    if (g.artefactsAdded.length) parts.push(`requires ${g.artefactsAdded.join(', ')}`);
    if (g.artefactsRemoved.length) parts.push(`no longer requires ${g.artefactsRemoved.join(', ')}`);
    if (g.approverRolesAdded.length || g.approverRolesRemoved.length) parts.push('approvers changed');
    if (g.criteriaChanged) parts.push('criteria changed');
    lines.push(`${g.name}: ${parts.join('; ')}`);
  }
  list('added', 'Documents', changes.documentsAdded);
  list('removed', 'Documents', changes.documentsRemoved);
  list('added', 'Roles', changes.rolesAdded);
  list('removed', 'Roles', changes.rolesRemoved);
  return lines;
}
