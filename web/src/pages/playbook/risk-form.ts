// The risk form's model: what the dialog holds as strings, the request body it sends (new risk or
// a change with If-Match), and its per-field problems with the server's field names. Residual
// levels come in pairs (server/features/playbook/raid-specs.ts); a review stamps today's date.

export interface MitigationRow {
  action: string;
  ownerId: string;
  dueDate: string;
  done: boolean;
}

export interface RiskForm {
  title: string;
  probability: string;
  impact: string;
  residualProbability: string;
  residualImpact: string;
  ownerId: string;
  responseStrategy: string;
  costImpact: string;
  mitigations: MitigationRow[];
  status: string;
  nextReviewOn: string;
  /** Record a review today (clears the "review overdue" flag). */
  reviewed: boolean;
}

/** The risk as the API returns it, as far as the form reads it. */
export interface RiskLike {
  title: string;
  probability: number;
  impact: number;
  residualProbability?: number | null;
  residualImpact?: number | null;
  ownerId?: string | null;
  responseStrategy?: string | null;
  costImpact?: number | null;
  mitigations?: { action: string; ownerId?: string | null; dueDate?: string | null; done: boolean }[];
  status?: string;
  nextReviewOn?: string | null;
}

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function toRiskForm(risk?: RiskLike): RiskForm {
  return {
    title: risk?.title ?? '',
    probability: str(risk?.probability ?? 3),
    impact: str(risk?.impact ?? 3),
    residualProbability: str(risk?.residualProbability),
    residualImpact: str(risk?.residualImpact),
    ownerId: str(risk?.ownerId),
    responseStrategy: risk ? str(risk.responseStrategy) : 'mitigate',
    costImpact: str(risk?.costImpact),
    mitigations: (risk?.mitigations ?? []).map((m) => ({
      action: m.action,
      ownerId: str(m.ownerId),
      dueDate: str(m.dueDate),
      done: m.done,
    })),
    status: risk?.status ?? 'open',
    nextReviewOn: str(risk?.nextReviewOn),
    reviewed: false,
  };
}

/** The body of a create (with `projectId`) or of a change (without; the project is fixed). */
export function buildRiskBody(f: RiskForm, today: string, projectId?: string): Record<string, unknown> {
  const level = (v: string) => (v === '' ? null : Number(v));
  return {
    ...(projectId ? { projectId } : { status: f.status }),
    title: f.title.trim(),
    probability: Number(f.probability),
    impact: Number(f.impact),
    residualProbability: level(f.residualProbability),
    residualImpact: level(f.residualImpact),
    ownerId: orNull(f.ownerId),
    responseStrategy: orNull(f.responseStrategy),
    costImpact: f.costImpact.trim() === '' ? null : Number(f.costImpact),
    mitigations: f.mitigations.map((m) => ({
      action: m.action.trim(),
      ownerId: orNull(m.ownerId),
      dueDate: orNull(m.dueDate),
      done: m.done,
    })),
    nextReviewOn: orNull(f.nextReviewOn),
    ...(f.reviewed ? { lastReviewedOn: today } : {}),
  };
}

/** Problems the form can see before sending, by the server's field names. */
export function findRiskFormErrors(f: RiskForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.title.trim() === '') errors.title = 'needs a title';
  if ((f.residualProbability === '') !== (f.residualImpact === ''))
    errors[f.residualProbability === '' ? 'residualProbability' : 'residualImpact'] =
      'set both residual levels or neither';
  if (f.costImpact.trim() !== '' && !(Number(f.costImpact) >= 0))
    errors.costImpact = 'must be an amount of 0 or more';
  f.mitigations.forEach((m, i) => {
    if (m.action.trim() === '') errors[`mitigations.${i}.action`] = 'needs an action';
  });
  return errors;
}
