// The PMO playbook's words: methodologies, gate outcomes, RAG, RAID and RACI vocabularies.

export const METHODOLOGIES = ['predictive', 'scrum', 'kanban', 'hybrid'] as const;
export type Methodology = (typeof METHODOLOGIES)[number];

/** Stage-gate decisions (Cooper's go / kill / hold / recycle, in PMO wording). */
export const GATE_OUTCOMES = ['pass', 'pass_with_conditions', 'recycle', 'stop'] as const;
export type GateOutcome = (typeof GATE_OUTCOMES)[number];

export const RAG_RATINGS = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAG_RATINGS)[number];

export const STATUS_DIMENSIONS = ['schedule', 'cost', 'scope', 'risk'] as const;
export type StatusDimension = (typeof STATUS_DIMENSIONS)[number];

/** PMBOK 7th ed. §2.8.5: responses to threats. */
export const RISK_RESPONSES = ['avoid', 'mitigate', 'transfer', 'accept', 'escalate'] as const;
export type RiskResponse = (typeof RISK_RESPONSES)[number];
export const RISK_STATUSES = ['open', 'closed'] as const;
export const RISK_RATINGS = ['low', 'medium', 'high'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];
export const RISK_TRENDS = ['new', 'rising', 'stable', 'falling'] as const;
export type RiskTrend = (typeof RISK_TRENDS)[number];

export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const ASSUMPTION_STATUSES = ['open', 'validated', 'invalidated'] as const;
export const DECISION_STATUSES = ['proposed', 'decided', 'superseded'] as const;

export const RACI_CODES = ['R', 'A', 'C', 'I'] as const;
export type RaciCode = (typeof RACI_CODES)[number];

export const STATUS_REPORT_STATES = ['draft', 'published'] as const;
