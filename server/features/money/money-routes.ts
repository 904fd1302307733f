import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { assertRecordAccess } from '../../auth/access';
import { authenticate } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { portfolioSpec } from '../portfolios/spec';
import { projectSpec } from '../projects/spec';
import { findProject } from './actuals-store';
import { computeBudgetVsActuals } from './budget-vs-actuals';
import { type ParsedCost, parseCostCsv } from './cost-csv';
import { costEntrySpec } from './cost-entry-spec';
import { type EntryImport, importEntries, resolveProjectKeys } from './entry-import';
import { computeProjectEvm } from './evm-service';
import {
  BudgetVsActualsResponse,
  EvmQuery,
  EvmResponse,
  ImportResult,
  RollupQuery,
  RollupResponse,
} from './money-schemas';
import { computePortfolioRollup, type RollupPeriod } from './portfolio-rollup';
import { registerTimeImportRoute } from './time-import-route';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

/** Earned value, budgets against actuals, and the CSV imports of cost and time entries. */
export function registerMoneyRoutes(app: FastifyInstance, store: Store): void {
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
  registerTimeImportRoute(app, store);

  app.get(
    '/api/v1/projects/:id/evm',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Money'],
        summary:
          'Earned value at a status date: PV from the budget, EV from progress, AC from costs and time; EVM, earned schedule, S-curve, AgileEVM and reference-class ranges',
        params: Type.Object({ id: Id }),
        querystring: EvmQuery,
        response: { 200: EvmResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const q = request.query as { asOf?: string; budgetVersion?: string };
      await assertRecordAccess(store.db, projectSpec, principal, id, 'read');
      const project = await findProject(store.db, principal.organisationId, id);
      if (!project) throw new ProblemError('not_found', `Project ${id} does not exist.`);
      const asOf = q.asOf ?? new Date().toISOString().slice(0, 10);
      return computeProjectEvm(store.db, principal.organisationId, project, asOf, q.budgetVersion);
    },
  );

  app.get(
    '/api/v1/projects/:id/budget-vs-actuals',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Money'],
        summary:
          'Budget (original, current, forecast) against actual cost per month, by labour / non-labour and capex / opex',
        params: Type.Object({ id: Id }),
        response: { 200: BudgetVsActualsResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, projectSpec, principal, id, 'read');
      const project = await findProject(store.db, principal.organisationId, id);
      if (!project) throw new ProblemError('not_found', `Project ${id} does not exist.`);
      return computeBudgetVsActuals(store.db, principal.organisationId, project);
    },
  );

  app.get(
    '/api/v1/portfolios/:id/budget-rollup',
    {
      config: { permission: 'portfolio.read' },
      schema: {
        tags: ['Money'],
        summary:
          "A portfolio roll-up: its projects' budgets (original, current, forecast) against actuals by month, quarter or year and category, with a row per project",
        params: Type.Object({ id: Id }),
        querystring: RollupQuery,
        response: { 200: RollupResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      const q = request.query as { period?: RollupPeriod };
      await assertRecordAccess(store.db, portfolioSpec, principal, id, 'read');
      return computePortfolioRollup(store.db, principal, id, q.period ?? 'quarter');
    },
  );

  app.post(
    '/api/v1/cost-entries/import',
    {
      config: { permission: 'portfolio.write' },
      schema: {
        tags: ['Money'],
        summary:
          'Import cost entries from CSV (text/csv; header "project,date,amount[,category,costType,description]", project by key). All rows or none: bad rows are reported by line number',
        response: { 200: ImportResult, ...errors, 403: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request) => importEntries(store, request, costImport),
  );
}

const costImport: EntryImport<ParsedCost, CostColumns> = {
  spec: costEntrySpec,
  parse: parseCostCsv,
  async resolve(db, org, rows, problems) {
    const idOf = await resolveProjectKeys(db, org, rows, problems);
    return (r) => ({
      project_id: idOf.get(r.project) as string,
      work_item_id: null,
      incurred_on: r.date,
      amount: r.amount,
      category: r.category,
      cost_type: r.costType,
      description: r.description,
      origin: 'csv',
    });
  },
  // The audit entry of an imported cost entry, in the API's field names.
  audit: (v) => ({
    projectId: v.project_id,
    incurredOn: v.incurred_on,
    amount: v.amount,
    category: v.category,
    costType: v.cost_type,
    description: v.description,
    origin: 'csv',
  }),
  total: (v) => v.amount,
  refused: 'adding costs to',
  verb: 'add costs to',
};

interface CostColumns {
  project_id: string;
  work_item_id: null;
  incurred_on: string;
  amount: number;
  category: string;
  cost_type: string;
  description: string | null;
  origin: 'csv';
}
