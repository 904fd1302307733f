import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  computeAccountableConcentration,
  computeRaciWarnings,
  type RaciActivity,
} from '../../../core/playbook/raci';
import { computeRiskHeatMap, computeRiskTrend, flagRisk, rateRiskScore } from '../../../core/playbook/risk';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import type { ResourceSpec, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { portfolioSpec } from '../portfolios/spec';
import { getPlaybookSettings } from './playbook-settings';
import { raciMatrixSpec } from './raci-spec';
import { assumptionSpec, decisionSpec, issueSpec, riskSpec } from './raid-specs';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const Params = Type.Object({ id: Id });
const Grid = Type.Array(Type.Array(Type.Integer()));

/** Rows of a project-owned table in a portfolio that the caller may read. */
function inPortfolio(trx: Trx, spec: ResourceSpec, principal: Principal, portfolioId: string) {
  const table = spec.table as 'risks';
  let q = trx
    .selectFrom(table)
    .selectAll()
    .where('organisation_id', '=', principal.organisationId)
    .where(
      'project_id',
      'in',
      trx.selectFrom('projects').select('id').where('portfolio_id', '=', portfolioId),
    );
  const visible = accessFilter(spec, principal);
  if (visible) q = q.where(visible);
  return q;
}

/** The portfolio RAID roll-up (heat map, flagged risks, issue counts) and RACI warnings. */
export function registerPortfolioRaidRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/portfolios/:id/raid',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Portfolio'],
        summary:
          'RAID roll-up: risk heat map (probability × impact), flagged risks, open issues, assumptions and decisions',
        params: Params,
        querystring: Type.Object({ asOf: Type.Optional(CalendarDate) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            asOf: Type.String(),
            matrix: Type.Unknown(),
            heatMap: Type.Object({
              description: Type.String(),
              cells: Grid,
              residualCells: Grid,
            }),
            risks: Type.Object({
              open: Type.Integer(),
              byRating: Type.Object({ low: Type.Integer(), medium: Type.Integer(), high: Type.Integer() }),
              expectedMonetaryValue: Type.Number(),
            }),
            flagged: Type.Array(
              Type.Object({
                riskId: Type.String(),
                projectId: Type.String(),
                title: Type.String(),
                probability: Type.Integer(),
                impact: Type.Integer(),
                score: Type.Integer(),
                rating: Type.String(),
                trend: Type.String(),
                flags: Type.Array(Type.String()),
                ownerId: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            issues: Type.Object({
              open: Type.Integer(),
              bySeverity: Type.Record(Type.String(), Type.Integer()),
              overdue: Type.Integer(),
              escalated: Type.Integer(),
            }),
            assumptions: Type.Object({ open: Type.Integer(), overdue: Type.Integer() }),
            decisions: Type.Object({ total: Type.Integer(), proposed: Type.Integer() }),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, portfolioSpec, principal, id, 'read');
      const asOf = (request.query as { asOf?: string }).asOf ?? new Date().toISOString().slice(0, 10);
      const { riskMatrix } = await getPlaybookSettings(store.db, principal.organisationId);
      const risks = (await inPortfolio(store.db, riskSpec, principal, id).execute()).filter(
        (r) => r.status === 'open',
      );
      const byRating = { low: 0, medium: 0, high: 0 };
      let emv = 0;
      const flagged = [];
      for (const r of risks) {
        const rating = rateRiskScore(Number(r.score), riskMatrix);
        byRating[rating] += 1;
        const p = riskMatrix.probabilities[Number(r.probability) - 1]?.value ?? 0;
        if (r.cost_impact !== null) emv += p * Number(r.cost_impact);
        const trend = computeRiskTrend(JSON.parse(r.score_history) as { score: number }[]);
        const flags = flagRisk(
          {
            status: r.status,
            lastReviewedOn: r.last_reviewed_on,
            nextReviewOn: r.next_review_on,
            trend,
            rating,
            responseStrategy: r.response_strategy,
          },
          asOf,
          riskMatrix,
        );
        if (flags.length > 0)
          flagged.push({
            riskId: r.id,
            projectId: r.project_id,
            title: r.title,
            probability: Number(r.probability),
            impact: Number(r.impact),
            score: Number(r.score),
            rating,
            trend,
            flags,
            ownerId: r.owner_id,
          });
      }
      flagged.sort((a, b) => b.score - a.score || a.riskId.localeCompare(b.riskId));
      const issues = (await inPortfolio(store.db, issueSpec, principal, id).execute()) as unknown as {
        status: string;
        severity: string;
        due_date: string | null;
        escalation_level: number;
      }[];
      const openIssues = issues.filter((i) => i.status === 'open' || i.status === 'in_progress');
      const bySeverity: Record<string, number> = { low: 0, medium: 0, high: 0, critical: 0 };
      for (const i of openIssues) bySeverity[i.severity] = (bySeverity[i.severity] ?? 0) + 1;
      const assumptions = (await inPortfolio(
        store.db,
        assumptionSpec,
        principal,
        id,
      ).execute()) as unknown as {
        status: string;
        validate_by: string | null;
      }[];
      const openAssumptions = assumptions.filter((a) => a.status === 'open');
      const decisions = (await inPortfolio(store.db, decisionSpec, principal, id).execute()) as unknown as {
        status: string;
      }[];
      return {
        asOf,
        matrix: riskMatrix,
        heatMap: {
          description: 'cells[p-1][i-1] counts open risks at probability level p and impact level i',
          cells: computeRiskHeatMap(
            risks.map((r) => ({ probability: Number(r.probability), impact: Number(r.impact) })),
          ),
          residualCells: computeRiskHeatMap(
            risks
              .filter((r) => r.residual_probability !== null && r.residual_impact !== null)
              .map((r) => ({
                probability: Number(r.residual_probability),
                impact: Number(r.residual_impact),
              })),
          ),
        },
        risks: { open: risks.length, byRating, expectedMonetaryValue: Math.round(emv * 100) / 100 },
        flagged,
        issues: {
          open: openIssues.length,
          bySeverity,
          overdue: openIssues.filter((i) => i.due_date !== null && i.due_date < asOf).length,
          escalated: openIssues.filter((i) => Number(i.escalation_level) > 0).length,
        },
        assumptions: {
          open: openAssumptions.length,
          overdue: openAssumptions.filter((a) => a.validate_by !== null && a.validate_by < asOf).length,
        },
        decisions: {
          total: decisions.length,
          proposed: decisions.filter((d) => d.status === 'proposed').length,
        },
      };
    },
  );

  app.get(
    '/api/v1/portfolios/:id/raci-warnings',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Portfolio'],
        summary: 'RACI warnings of every project, and people holding an excessive share of Accountables',
        params: Params,
        response: {
          200: Type.Object({
            threshold: Type.Number(),
            minActivities: Type.Integer(),
            concentration: Type.Array(
              Type.Object({
                personId: Type.String(),
                name: Type.Union([Type.String(), Type.Null()]),
                accountables: Type.Integer(),
                total: Type.Integer(),
                share: Type.Number(),
                projects: Type.Array(Type.String()),
              }),
            ),
            projects: Type.Array(
              Type.Object({ projectId: Type.String(), warnings: Type.Array(Type.Unknown()) }),
            ),
          }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, portfolioSpec, principal, id, 'read');
      const settings = await getPlaybookSettings(store.db, principal.organisationId);
      const rows = (await inPortfolio(store.db, raciMatrixSpec, principal, id).execute()) as unknown as {
        project_id: string;
        activities: string;
      }[];
      const matrices = rows.map((r) => ({
        projectId: r.project_id,
        activities: JSON.parse(r.activities) as RaciActivity[],
      }));
      const concentration = computeAccountableConcentration(matrices, {
        threshold: settings.raciShareThreshold,
        minActivities: settings.raciMinActivities,
      });
      const people =
        concentration.length === 0
          ? []
          : await store.db
              .selectFrom('people')
              .select(['id', 'name'])
              .where(
                'id',
                'in',
                concentration.map((c) => c.personId),
              )
              .where('organisation_id', '=', principal.organisationId)
              .execute();
      return {
        threshold: settings.raciShareThreshold,
        minActivities: settings.raciMinActivities,
        concentration: concentration.map((c) => ({
          ...c,
          name: people.find((p) => p.id === c.personId)?.name ?? null,
        })),
        projects: matrices
          .map((m) => ({ projectId: m.projectId, warnings: computeRaciWarnings(m.activities) }))
          .sort((a, b) => a.projectId.localeCompare(b.projectId)),
      };
    },
  );
}
