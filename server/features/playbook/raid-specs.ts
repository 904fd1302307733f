import { Type } from 'typebox';
import {
  computeExpectedMonetaryValue,
  computeRiskTrend,
  rateRiskScore,
  scoreRisk,
} from '../../../core/playbook/risk';
import {
  ASSUMPTION_STATUSES,
  DECISION_STATUSES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  RISK_RATINGS,
  RISK_RESPONSES,
  RISK_STATUSES,
  RISK_TRENDS,
} from '../../../core/playbook/vocabulary';
import { fieldProblem } from '../../http/problem';
import type { FieldSpec, RequestContext, ResourceSpec } from '../../resources/resource-spec';
import { CalendarDate, Id, LongText, Money, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { projectRecordAccess } from './playbook-access';
import { Level, Nullable } from './playbook-schemas';
import { getPlaybookSettings } from './playbook-settings';

// The RAID log of a project: risks, assumptions, issues and decisions, one resource each.

type Row = Record<string, unknown>;

const projectId: FieldSpec = {
  column: 'project_id',
  schema: Id,
  create: 'required',
  updatable: false,
  references: 'projects',
  filter: 'eq',
};
const title: FieldSpec = {
  column: 'title',
  schema: Name,
  create: 'required',
  searchable: true,
  sortable: true,
};
const description: FieldSpec = { column: 'description', schema: LongText, nullable: true };
const ownerId: FieldSpec = {
  column: 'owner_id',
  schema: Id,
  nullable: true,
  references: 'people',
  filter: 'eq',
};
const today = (ctx: RequestContext) => ctx.now.slice(0, 10);

const Mitigation = Type.Object(
  {
    action: Type.String({ minLength: 1, maxLength: 500 }),
    ownerId: Type.Optional(Nullable(Id)),
    dueDate: Type.Optional(Nullable(CalendarDate)),
    done: Type.Boolean(),
  },
  { additionalProperties: false },
);
const ScorePoint = Type.Object({ date: Type.String(), score: Type.Integer() });

/**
 * A threat on the probability × impact matrix, with its owner, response, mitigation actions,
 * residual score after the response, trend and expected monetary value when its cost impact is known.
 */
export const riskSpec: ResourceSpec = {
  path: 'risks',
  table: 'risks',
  entityType: 'risk',
  title: 'Risk',
  defaultSort: '-score',
  access: projectRecordAccess('risks'),
  fields: {
    projectId,
    title,
    description,
    category: { column: 'category', schema: Type.String({ maxLength: 100 }), nullable: true, filter: 'eq' },
    ownerId,
    probability: { column: 'probability', schema: Level, create: 'required' },
    impact: { column: 'impact', schema: Level, create: 'required' },
    score: { column: 'score', schema: Type.Integer(), create: 'readonly', sortable: true, filter: 'range' },
    residualProbability: { column: 'residual_probability', schema: Level, nullable: true },
    residualImpact: { column: 'residual_impact', schema: Level, nullable: true },
    residualScore: { column: 'residual_score', schema: Type.Integer(), nullable: true, create: 'readonly' },
    responseStrategy: {
      column: 'response_strategy',
      schema: stringEnum(RISK_RESPONSES),
      nullable: true,
      filter: 'eq',
    },
    mitigations: {
      column: 'mitigations',
      schema: Type.Array(Mitigation, { maxItems: 50 }),
      json: true,
      defaultValue: [],
    },
    costImpact: { column: 'cost_impact', schema: Money, nullable: true },
    status: { column: 'status', schema: stringEnum(RISK_STATUSES), defaultValue: 'open', filter: 'eq' },
    raisedOn: { column: 'raised_on', schema: CalendarDate, sortable: true },
    lastReviewedOn: { column: 'last_reviewed_on', schema: CalendarDate, sortable: true },
    nextReviewOn: {
      column: 'next_review_on',
      schema: CalendarDate,
      nullable: true,
      filter: 'range',
      sortable: true,
    },
    scoreHistory: { column: 'score_history', schema: Type.Array(ScorePoint), create: 'readonly', json: true },
  },
  extraResponseFields: {
    rating: stringEnum(RISK_RATINGS),
    residualRating: Nullable(stringEnum(RISK_RATINGS)),
    expectedMonetaryValue: Nullable(Type.Number({ description: 'probability of the band × cost impact' })),
    trend: stringEnum(RISK_TRENDS),
  },
  hooks: {
    async beforeCreate(_trx, ctx, row) {
      row.raised_on ??= today(ctx);
      row.last_reviewed_on ??= row.raised_on;
      scoreRow(row, row);
      row.score_history = JSON.stringify([{ date: today(ctx), score: row.score }]);
    },
    async beforeUpdate(_trx, ctx, before, changes) {
      const merged = { ...before, ...changes };
      const scored: Row = {};
      scoreRow(merged, scored);
      if (scored.score !== Number(before.score)) {
        const history = JSON.parse(String(before.score_history)) as { date: string; score: number }[];
        changes.score_history = JSON.stringify(
          [...history, { date: today(ctx), score: scored.score }].slice(-100),
        );
        // Re-scoring a risk is reviewing it.
        if (!('last_reviewed_on' in changes)) changes.last_reviewed_on = today(ctx);
      }
      for (const [k, v] of Object.entries(scored)) if (v !== before[k]) changes[k] = v;
    },
    async present(trx, records) {
      const orgs = await trx
        .selectFrom('risks')
        .select('organisation_id')
        .where('id', '=', String(records[0]?.id))
        .executeTakeFirst();
      const { riskMatrix } = await getPlaybookSettings(trx, orgs?.organisation_id ?? '');
      for (const r of records) {
        r.rating = rateRiskScore(Number(r.score), riskMatrix);
        r.residualRating =
          r.residualScore === null ? null : rateRiskScore(Number(r.residualScore), riskMatrix);
        r.expectedMonetaryValue = computeExpectedMonetaryValue(
          Number(r.probability),
          r.costImpact === null ? null : Number(r.costImpact),
          riskMatrix,
        );
        r.trend = computeRiskTrend(r.scoreHistory as { score: number }[]);
      }
    },
  },
};

/** Sets score and residual score on `target` from the levels in `source`; residual levels come in pairs. */
function scoreRow(source: Row, target: Row): void {
  target.score = scoreRisk(Number(source.probability), Number(source.impact));
  const rp = source.residual_probability;
  const ri = source.residual_impact;
  if ((rp === null || rp === undefined) !== (ri === null || ri === undefined))
    throw fieldProblem(
      'validation_failed',
      rp == null ? 'residualProbability' : 'residualImpact',
      'is required with its pair',
    );
  target.residual_score = rp == null ? null : scoreRisk(Number(rp), Number(ri));
}

export const assumptionSpec: ResourceSpec = {
  path: 'assumptions',
  table: 'assumptions',
  entityType: 'assumption',
  title: 'Assumption',
  defaultSort: 'title',
  access: projectRecordAccess('assumptions'),
  fields: {
    projectId,
    title,
    description,
    ownerId,
    status: { column: 'status', schema: stringEnum(ASSUMPTION_STATUSES), defaultValue: 'open', filter: 'eq' },
    validateBy: {
      column: 'validate_by',
      schema: CalendarDate,
      nullable: true,
      filter: 'range',
      sortable: true,
    },
    notes: { column: 'notes', schema: LongText, nullable: true },
  },
};

/** A problem that has happened: severity, owner, due date and the path it escalates along. */
export const issueSpec: ResourceSpec = {
  path: 'issues',
  table: 'project_issues',
  entityType: 'issue',
  title: 'Issue',
  defaultSort: 'dueDate',
  access: projectRecordAccess('project_issues'),
  fields: {
    projectId,
    title,
    description,
    severity: {
      column: 'severity',
      schema: stringEnum(ISSUE_SEVERITIES),
      create: 'required',
      filter: 'eq',
      sortable: true,
    },
    status: { column: 'status', schema: stringEnum(ISSUE_STATUSES), defaultValue: 'open', filter: 'eq' },
    ownerId,
    raisedOn: { column: 'raised_on', schema: CalendarDate, sortable: true },
    dueDate: { column: 'due_date', schema: CalendarDate, nullable: true, filter: 'range', sortable: true },
    escalationPath: {
      column: 'escalation_path',
      schema: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 10,
        description: 'Who the issue goes to next, in order (e.g. project manager, sponsor, steering board)',
      }),
      json: true,
      defaultValue: [],
    },
    escalationLevel: {
      column: 'escalation_level',
      schema: Type.Integer({
        minimum: 0,
        maximum: 10,
        description: '0 = with the owner; n = escalated to escalationPath[n-1]',
      }),
      defaultValue: 0,
    },
    resolution: { column: 'resolution', schema: LongText, nullable: true },
  },
  hooks: {
    async beforeCreate(_trx, ctx, row) {
      row.raised_on ??= today(ctx);
      checkEscalation(row);
    },
    async beforeUpdate(_trx, _ctx, before, changes) {
      checkEscalation({ ...before, ...changes });
    },
  },
};

function checkEscalation(row: Row): void {
  const path = JSON.parse(String(row.escalation_path ?? '[]')) as string[];
  if (Number(row.escalation_level) > path.length)
    throw fieldProblem(
      'validation_failed',
      'escalationLevel',
      `is beyond the ${path.length} step(s) of escalationPath`,
    );
}

export const decisionSpec: ResourceSpec = {
  path: 'decisions',
  table: 'decisions',
  entityType: 'decision',
  title: 'Decision',
  defaultSort: '-decidedOn',
  access: projectRecordAccess('decisions'),
  fields: {
    projectId,
    title,
    description,
    status: {
      column: 'status',
      schema: stringEnum(DECISION_STATUSES),
      defaultValue: 'proposed',
      filter: 'eq',
    },
    decidedOn: {
      column: 'decided_on',
      schema: CalendarDate,
      nullable: true,
      filter: 'range',
      sortable: true,
    },
    decidedById: { column: 'decided_by_id', schema: Id, nullable: true, references: 'people', filter: 'eq' },
    rationale: { column: 'rationale', schema: LongText, nullable: true },
    alternatives: { column: 'alternatives', schema: LongText, nullable: true },
  },
};
