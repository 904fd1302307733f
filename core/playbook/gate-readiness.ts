import type { MethodologyContent, TemplateGate } from './methodology';
import type { GateOutcome } from './vocabulary';

/** A project document as the gate sees it: which template it fills and its field values. */
export interface ProjectArtefact {
  documentKey: string;
  fields: Record<string, unknown>;
}

export interface MissingArtefact {
  documentKey: string;
  name: string;
  /** `absent`: no such document; `incomplete`: it exists but required fields are empty. */
  reason: 'absent' | 'incomplete';
  missingFields: string[];
}

export interface GateReadiness {
  gateKey: string;
  ready: boolean;
  missingArtefacts: MissingArtefact[];
  missingChecklistItems: { key: string; text: string }[];
  /** An earlier gate that has not passed yet, if any: gates are decided in order. */
  blockedBy: string | null;
}

const filled = (value: unknown) =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/**
 * Whether `gate` may pass: every required artefact exists with every required field filled, every
 * required checklist item is ticked and every earlier gate has passed. Ticked items are keyed
 * `<gateKey>.<itemKey>`. When several documents fill one template, the most complete one counts.
 *
 * @example
 * computeGateReadiness(content, gate, { artefacts: [], checkedItems: [], passedGates: [] }).missingArtefacts
 * // [{ documentKey: 'charter', reason: 'absent', … }]
 */
export function computeGateReadiness(
  content: MethodologyContent,
  gate: TemplateGate,
  evidence: { artefacts: ProjectArtefact[]; checkedItems: string[]; passedGates: string[] },
): GateReadiness {
  const missingArtefacts: MissingArtefact[] = [];
  for (const key of gate.requiredArtefacts) {
    const template = content.documents.find((d) => d.key === key);
    const required = (template?.fields ?? []).filter((f) => f.required).map((f) => f.key);
    const candidates = evidence.artefacts.filter((a) => a.documentKey === key);
    const name = template?.name ?? key;
    if (candidates.length === 0) {
      missingArtefacts.push({ documentKey: key, name, reason: 'absent', missingFields: [] });
      continue;
    }
    const gaps = candidates
      .map((a) => required.filter((f) => !filled(a.fields[f])))
      .sort((x, y) => x.length - y.length)[0] as string[];
    if (gaps.length > 0)
      missingArtefacts.push({ documentKey: key, name, reason: 'incomplete', missingFields: gaps });
  }
  const checked = new Set(evidence.checkedItems);
  const missingChecklistItems = gate.checklist
    .filter((i) => i.required && !checked.has(`${gate.key}.${i.key}`))
    .map((i) => ({ key: i.key, text: i.text }));
  const index = content.gates.findIndex((g) => g.key === gate.key);
  const passed = new Set(evidence.passedGates);
  const blockedBy = content.gates.slice(0, Math.max(0, index)).find((g) => !passed.has(g.key))?.key ?? null;
  return {
    gateKey: gate.key,
    ready: missingArtefacts.length === 0 && missingChecklistItems.length === 0 && blockedBy === null,
    missingArtefacts,
    missingChecklistItems,
    blockedBy,
  };
}

/** Outcomes that let the project through the gate (the others keep it or end it). */
export const isPassingOutcome = (outcome: GateOutcome): boolean =>
  outcome === 'pass' || outcome === 'pass_with_conditions';

/** One line per gap, for a refusal message: "missing artefact Project charter; checklist item …". */
export function describeGateGaps(readiness: GateReadiness): string[] {
  const lines: string[] = [];
  if (readiness.blockedBy) lines.push(`gate ${readiness.blockedBy} has not passed yet`);
  for (const a of readiness.missingArtefacts)
    lines.push(
      a.reason === 'absent'
        ? `missing artefact ${a.name} (${a.documentKey})`
        : `artefact ${a.name} (${a.documentKey}) lacks required fields ${a.missingFields.join(', ')}`,
    );
  for (const i of readiness.missingChecklistItems) lines.push(`checklist item ${i.key} not done: ${i.text}`);
  return lines;
}
