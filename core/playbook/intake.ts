import type { DocumentTemplate, MethodologyContent } from './methodology';

// Intake: proposals for new projects are filled in on a form the playbook defines — one of its
// document templates, named by `intakeDocument` (older templates fall back to the business case).

/** The document template a template's proposals are filled in, or undefined when it has none. */
export function findIntakeForm(content: MethodologyContent): DocumentTemplate | undefined {
  const key = content.intakeDocument ?? 'business_case';
  return content.documents.find((d) => d.key === key);
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * What is wrong with a proposal's answers: required fields left blank and fields the form does
 * not have, as field/message pairs (empty when the proposal is complete).
 *
 * @example
 * findProposalErrors({ key: 'p', name: 'Proposal', fields: [{ key: 'problem', label: 'Problem', required: true }] }, {});
 * // [{ field: 'fields.problem', message: 'Problem is required' }]
 */
export function findProposalErrors(
  form: DocumentTemplate,
  answers: Record<string, unknown>,
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  for (const f of form.fields)
    if (f.required && isBlank(answers[f.key]))
      errors.push({ field: `fields.${f.key}`, message: `${f.label} is required` });
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) errors.push({ field: `fields.${key}`, message: `is not a field of ${form.name}` });
  return errors;
}
