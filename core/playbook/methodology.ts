import type { Methodology } from './vocabulary';

// A methodology template: the playbook a project runs on. Keys are stable identifiers that gate
// reviews, checklists and documents refer to; names are what people read.

export interface TemplateRole {
  key: string;
  name: string;
  /** The Triad roles (pmo_lead, project_manager, …) that act in this playbook role. */
  triadRoles: string[];
}

export interface TemplatePhase {
  key: string;
  name: string;
  description?: string;
  /** How work is delivered inside the phase: hybrid templates run agile delivery in a predictive phase. */
  delivery?: 'predictive' | 'scrum' | 'kanban';
}

export interface ChecklistItem {
  key: string;
  text: string;
  required: boolean;
}

export interface TemplateGate {
  key: string;
  name: string;
  /** The phase this gate closes (the project moves to the next phase when it passes). */
  afterPhase: string;
  entryCriteria: string[];
  exitCriteria: string[];
  /** Document template keys that must exist, with every required field filled, before a pass. */
  requiredArtefacts: string[];
  checklist: ChecklistItem[];
  /** Template role keys whose holders may decide the gate. */
  approverRoles: string[];
}

export interface DocumentField {
  key: string;
  label: string;
  required: boolean;
}

export interface DocumentTemplate {
  key: string;
  name: string;
  fields: DocumentField[];
}

export interface MethodologyContent {
  roles: TemplateRole[];
  phases: TemplatePhase[];
  gates: TemplateGate[];
  documents: DocumentTemplate[];
  /** The document template proposals for new projects are filled in (the intake form). */
  intakeDocument?: string;
}

export interface MethodologyTemplate {
  name: string;
  methodology: Methodology;
  description: string;
  content: MethodologyContent;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Everything wrong with a template's content, as field/message pairs (empty when valid): keys
 * unique and well formed, gates closing known phases, naming known documents and roles, and
 * roles mapping only to the Triad roles given.
 *
 * @example
 * findTemplateErrors({ roles: [], phases: [], gates: [], documents: [] }, ['pmo_lead']);
 * // [{ field: 'content.phases', message: 'needs at least one phase' }]
 */
export function findTemplateErrors(
  content: MethodologyContent,
  triadRoles: readonly string[],
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const keys = (list: { key: string }[], field: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (!KEY.test(item.key))
        errors.push({ field: `${field}.${i}.key`, message: 'must be a lower-case key' });
      if (seen.has(item.key)) errors.push({ field: `${field}.${i}.key`, message: `repeats "${item.key}"` });
      seen.add(item.key);
    });
    return seen;
  };
  const roles = keys(content.roles, 'content.roles');
  const phases = keys(content.phases, 'content.phases');
  const documents = keys(content.documents, 'content.documents');
  keys(content.gates, 'content.gates');
  if (content.phases.length === 0)
    errors.push({ field: 'content.phases', message: 'needs at least one phase' });
  content.roles.forEach((r, i) => {
    for (const t of r.triadRoles)
      if (!triadRoles.includes(t))
        errors.push({ field: `content.roles.${i}.triadRoles`, message: `"${t}" is not a Triad role` });
  });
  content.documents.forEach((d, i) => {
    keys(d.fields, `content.documents.${i}.fields`);
  });
  if (content.intakeDocument !== undefined && !documents.has(content.intakeDocument))
    errors.push({ field: 'content.intakeDocument', message: `no document "${content.intakeDocument}"` });
  content.gates.forEach((g, i) => {
    const at = `content.gates.${i}`;
    if (!phases.has(g.afterPhase))
      errors.push({ field: `${at}.afterPhase`, message: `no phase "${g.afterPhase}"` });
    for (const a of g.requiredArtefacts)
      if (!documents.has(a)) errors.push({ field: `${at}.requiredArtefacts`, message: `no document "${a}"` });
    for (const r of g.approverRoles)
      if (!roles.has(r)) errors.push({ field: `${at}.approverRoles`, message: `no role "${r}"` });
    if (g.approverRoles.length === 0)
      errors.push({ field: `${at}.approverRoles`, message: 'needs an approver role' });
    keys(g.checklist, `${at}.checklist`);
  });
  return errors;
}

/** The Triad roles that may decide `gate`: the union of its approver roles' mappings. */
export function listGateApproverRoles(content: MethodologyContent, gate: TemplateGate): string[] {
  const triad = new Set<string>();
  for (const key of gate.approverRoles)
    for (const t of content.roles.find((r) => r.key === key)?.triadRoles ?? []) triad.add(t);
  return [...triad].sort();
}

/** The phase after the one `gate` closes, or undefined when it closes the last phase. */
export function findPhaseAfterGate(
  content: MethodologyContent,
  gate: TemplateGate,
): TemplatePhase | undefined {
  const index = content.phases.findIndex((p) => p.key === gate.afterPhase);
  return index < 0 ? undefined : content.phases[index + 1];
}
