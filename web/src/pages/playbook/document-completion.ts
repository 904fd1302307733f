// How complete a project document is against its playbook template: the gates count a document as
// an artefact only when every required field is filled (core/playbook/gate-readiness.ts).
import type { DocumentTemplate } from '../../../../core/playbook/methodology';

export interface Completion {
  required: number;
  filled: number;
  /** Labels of the required fields still empty. */
  missing: string[];
  complete: boolean;
}

const isFilled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export function computeCompletion(template: DocumentTemplate, fields: Record<string, unknown>): Completion {
  const required = template.fields.filter((f) => f.required);
  const missing = required.filter((f) => !isFilled(fields[f.key])).map((f) => f.label);
  return {
    required: required.length,
    filled: required.length - missing.length,
    missing,
    complete: missing.length === 0,
  };
}

/** Only the fields with text, trimmed: an emptied field is removed rather than stored blank. */
export function filledFields(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  );
}
