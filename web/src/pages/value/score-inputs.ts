// The inputs one prioritisation model needs from a work item, as a form: which fields, their scale,
// the PUT body for that model's section and field messages under the API's names (`rice.effort`,
// `modelScores.<model>.<criterion>`). Pure, so it is tested without a browser.
import { INTERCOM_IMPACT_SCALE } from '../../../../core/prioritisation/rice';
import { MODIFIED_FIBONACCI } from '../../../../core/prioritisation/wsjf';
import type { Criterion, Prioritisation } from '../../api/value';

export interface ScoreField {
  key: string;
  label: string;
  /** A fixed scale to choose from, or a range to type in. */
  options?: readonly number[];
  min?: number;
  max?: number;
  /** The lower end is excluded (effort, duration: a job takes some time). */
  positive?: boolean;
}

export type ModelKind = 'wsjf' | 'rice' | 'cd3' | 'weighted';

/** The fields of a model; for a weighted model its criteria on their scales. */
export function scoreFields(kind: ModelKind, criteria: readonly Criterion[] = []): ScoreField[] {
  if (kind === 'wsjf')
    return [
      { key: 'userBusinessValue', label: 'User-business value', min: 0 },
      { key: 'timeCriticality', label: 'Time criticality', min: 0 },
      { key: 'riskReductionOpportunityEnablement', label: 'Risk reduction / opportunity enablement', min: 0 },
      { key: 'jobSize', label: 'Job size', options: MODIFIED_FIBONACCI },
    ];
  if (kind === 'rice')
    return [
      { key: 'reach', label: 'Reach (people or events per period)', min: 0 },
      { key: 'impact', label: 'Impact', options: INTERCOM_IMPACT_SCALE },
      { key: 'confidencePercent', label: 'Confidence (%)', min: 0, max: 100 },
      { key: 'effort', label: 'Effort (person-months)', min: 0, positive: true },
    ];
  if (kind === 'cd3')
    return [
      { key: 'costOfDelayPerWeek', label: 'Cost of delay per week', min: 0 },
      { key: 'durationWeeks', label: 'Duration (weeks)', min: 0, positive: true },
    ];
  return criteria.map((c) => ({ key: c.id, label: `${c.name} (${c.min}–${c.max})`, min: c.min, max: c.max }));
}

/** Where a model keeps its inputs in the API: a section, or the model's entry in modelScores. */
export function sectionOf(kind: ModelKind, modelId: string | null): string {
  if (kind === 'cd3') return 'costOfDelay';
  if (kind === 'weighted') return `modelScores.${modelId}`;
  return kind;
}

/** The current values of a model's fields as text ('' where none is stored). */
export function currentScores(
  inputs: Prioritisation,
  kind: ModelKind,
  modelId: string | null,
  fields: readonly ScoreField[],
): Record<string, string> {
  const stored: Record<string, number> | null | undefined =
    kind === 'weighted'
      ? inputs.modelScores[modelId ?? '']
      : (inputs[sectionOf(kind, modelId) as 'wsjf' | 'rice' | 'costOfDelay'] as Record<
          string,
          number
        > | null);
  return Object.fromEntries(
    fields.map((f) => [f.key, stored?.[f.key] === undefined ? '' : String(stored[f.key])]),
  );
}

/** The PUT body for this model only; the other sections keep their values on the server. */
export function scoreBody(
  inputs: Prioritisation,
  kind: ModelKind,
  modelId: string | null,
  draft: Record<string, string>,
): Record<string, unknown> {
  const values = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, Number(v)]));
  if (kind === 'weighted') return { modelScores: { ...inputs.modelScores, [modelId ?? '']: values } };
  return { [sectionOf(kind, modelId)]: values };
}

/** Field messages by API name: each value a number on its field's scale or range. */
export function findScoreErrors(
  kind: ModelKind,
  modelId: string | null,
  fields: readonly ScoreField[],
  draft: Record<string, string>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const section = sectionOf(kind, modelId);
  for (const f of fields) {
    const text = draft[f.key] ?? '';
    const v = Number(text);
    const name = `${section}.${f.key}`;
    if (text.trim() === '' || !Number.isFinite(v)) errors[name] = 'Enter a number';
    else if (f.options && !f.options.includes(v)) errors[name] = `Choose one of ${f.options.join(', ')}`;
    else if (f.positive && v <= 0) errors[name] = 'Must be more than 0';
    else if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max))
      errors[name] = f.max === undefined ? `Must be ${f.min} or more` : `Must be within ${f.min}–${f.max}`;
  }
  return errors;
}
