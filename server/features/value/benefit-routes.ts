import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  computeBenefitRealisation,
  computePortfolioRealisation,
  type DatedValue,
  type MetricDirection,
} from '../../../core/value';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import { presentRows } from '../../resources/resource-presenter';
import type { Trx } from '../../resources/resource-spec';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { portfolioSpec } from '../portfolios/spec';
import { benefitSpec } from './benefit-spec';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Point = Type.Object({
  date: Type.String(),
  planned: Type.Number(),
  realised: Nullable(Type.Number()),
  plannedProgress: Type.Number(),
  realisedProgress: Nullable(Type.Number()),
});
const Realisation = Type.Object({
  benefitId: Type.String(),
  name: Type.String(),
  projectId: Type.String(),
  status: Type.String(),
  ownerId: Nullable(Type.String()),
  measuredBy: Type.String({ description: '"kpi" (the linked KPI\'s measurements) or "actuals"' }),
  financialValue: Nullable(Type.Number()),
  series: Type.Array(Point),
  toDate: Point,
  realisedVsPlanned: Nullable(Type.Number()),
  review: Type.Object({
    date: Nullable(Type.String()),
    outcome: Nullable(Type.String()),
    notes: Nullable(Type.String()),
  }),
});
const AsOf = Type.Object({ asOf: Type.Optional(CalendarDate) }, { additionalProperties: false });

/** Benefits realised versus planned, per benefit and for a portfolio. */
export function registerBenefitRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/benefits/:id/realisation',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Benefit'],
        summary: 'Realised versus planned over time for one benefit',
        params: Type.Object({ id: Id }),
        querystring: AsOf,
        response: { 200: Realisation, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, benefitSpec, principal, id, 'read');
      const [r] = await realisations(store.db, principal, { id }, asOfOf(request.query));
      return r;
    },
  );

  app.get(
    '/api/v1/portfolios/:id/benefits-realisation',
    {
      config: { permission: 'value.read' },
      schema: {
        tags: ['Portfolio'],
        summary: "A portfolio's value realised to date versus planned, and each benefit's realisation",
        params: Type.Object({ id: Id }),
        querystring: AsOf,
        response: {
          200: Type.Object({
            asOf: Type.String(),
            planned: Type.Number(),
            realised: Type.Number(),
            fullValue: Type.Number(),
            ratio: Nullable(Type.Number()),
            unvalued: Type.Integer(),
            benefits: Type.Array(Realisation),
          }),
          400: ProblemSchema,
          401: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, portfolioSpec, principal, id, 'read');
      const asOf = asOfOf(request.query);
      const benefits = await realisations(store.db, principal, { portfolioId: id }, asOf);
      const totals = computePortfolioRealisation(
        benefits
          .filter((b) => b.status !== 'cancelled')
          .map((b) => ({
            financialValue: b.financialValue,
            plannedProgress: b.toDate.plannedProgress,
            realisedProgress: b.toDate.realisedProgress,
          })),
      );
      return { asOf, ...totals, benefits };
    },
  );
}

const asOfOf = (query: unknown) => (query as { asOf?: string }).asOf ?? new Date().toISOString().slice(0, 10);

async function realisations(
  trx: Trx,
  principal: Principal,
  where: { id?: string; portfolioId?: string },
  asOf: string,
) {
  let query = trx.selectFrom('benefits').selectAll().where('organisation_id', '=', principal.organisationId);
  if (where.id) query = query.where('id', '=', where.id);
  if (where.portfolioId)
    query = query.where(
      'project_id',
      'in',
      trx.selectFrom('projects').select('id').where('portfolio_id', '=', where.portfolioId),
    );
  const filter = accessFilter(benefitSpec, principal);
  if (filter) query = query.where(filter);
  const records = await presentRows(trx, benefitSpec, await query.orderBy('name').orderBy('id').execute());
  const kpiIds = [...new Set(records.map((r) => r.kpiId).filter((k): k is string => typeof k === 'string'))];
  const measurements =
    kpiIds.length === 0
      ? []
      : await trx
          .selectFrom('kpi_measurements')
          .select(['kpi_id', 'measured_on', 'value'])
          .where('kpi_id', 'in', kpiIds)
          .where('measured_on', '<=', asOf)
          .execute();
  return records.map((r) => {
    // A benefit tied to a KPI is measured by it; otherwise by the actuals its owner records.
    const fromKpi = typeof r.kpiId === 'string';
    const actuals: DatedValue[] = fromKpi
      ? measurements
          .filter((m) => m.kpi_id === r.kpiId)
          .map((m) => ({ date: m.measured_on, value: Number(m.value) }))
      : (r.actuals as DatedValue[]);
    const result = computeBenefitRealisation(
      {
        baseline: Number(r.baseline),
        target: Number(r.target),
        direction: r.direction as MetricDirection,
        trajectory: r.trajectory as DatedValue[],
        actuals,
      },
      asOf,
    );
    return {
      benefitId: String(r.id),
      name: String(r.name),
      projectId: String(r.projectId),
      status: String(r.status),
      ownerId: (r.ownerId as string | null) ?? null,
      measuredBy: fromKpi ? 'kpi' : 'actuals',
      financialValue: r.financialValue === null ? null : Number(r.financialValue),
      ...result,
      review: {
        date: (r.reviewDate as string | null) ?? null,
        outcome: (r.reviewOutcome as string | null) ?? null,
        notes: (r.reviewNotes as string | null) ?? null,
      },
    };
  });
}
