import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { FieldChanges } from '../../audit/audit-store';
import { accessFilter, assertRecordAccess } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { Id } from '../../resources/vocabulary-schemas';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';
import { portfolioSpec } from '../portfolios/spec';
import { projectSpec } from '../projects/spec';
import { findProject } from './actuals-store';
import { computeBudgetVsActuals } from './budget-vs-actuals';
import { parseCostCsv } from './cost-csv';
import { costEntrySpec } from './cost-entry-spec';
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
    async (request) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      if (typeof request.body !== 'string')
        throw new ProblemError('unsupported_media_type', 'Send the file as text/csv.');
      const { rows, errors: problems } = parseCostCsv(request.body);
      const keys = [...new Set(rows.map((r) => r.project))];
      const projects = keys.length
        ? await store.db
            .selectFrom('projects')
            .select(['id', 'key'])
            .where('organisation_id', '=', principal.organisationId)
            .where('key', 'in', keys)
            .execute()
        : [];
      const idOf = new Map(projects.map((p) => [p.key, p.id]));
      for (const r of rows) {
        if (!idOf.has(r.project))
          problems.push({ field: `row ${r.row}: project`, message: `no project with key "${r.project}"` });
      }
      if (problems.length > 0) {
        problems.sort((a, b) => rowOf(a.field) - rowOf(b.field));
        throw new ProblemError(
          'validation_failed',
          `${problems.length} problem(s) in the file, nothing imported; first: ${problems[0]?.field}: ${problems[0]?.message}`,
          problems,
        );
      }
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        const values = rows.map((r) => ({
          id: randomUUID(),
          organisation_id: principal.organisationId,
          project_id: idOf.get(r.project) as string,
          work_item_id: null,
          incurred_on: r.date,
          amount: r.amount,
          category: r.category,
          cost_type: r.costType,
          description: r.description,
          origin: 'csv',
          version: 1,
          created_at: now,
          updated_at: now,
        }));
        await insertInBatches(trx, 'cost_entries', values);
        // Every row must land in a project the caller may change costs of (the resource's own rule).
        const writable = new Set<string>();
        const restrict = accessFilter(costEntrySpec, principal, 'write');
        for (let i = 0; i < values.length; i += 500) {
          let query = trx
            .selectFrom('cost_entries')
            .select('id')
            .where(
              'id',
              'in',
              values.slice(i, i + 500).map((v) => v.id),
            );
          if (restrict) query = query.where(restrict);
          for (const r of await query.execute()) writable.add(r.id);
        }
        const refused = values.map((v, i) => ({ v, r: rows[i] })).filter(({ v }) => !writable.has(v.id));
        if (refused.length > 0) {
          throw new ProblemError(
            'forbidden',
            `Your roles do not allow adding costs to ${[...new Set(refused.map(({ r }) => r?.project))].join(', ')}; nothing imported.`,
            refused.slice(0, 100).map(({ r }) => ({
              field: `row ${r?.row}: project`,
              message: 'you may not add costs to this project',
            })),
          );
        }
        await insertInBatches(
          trx,
          'audit_events',
          values.map((v) => ({
            id: randomUUID(),
            organisation_id: principal.organisationId,
            entity_type: 'cost_entry',
            entity_id: v.id,
            action: 'create',
            actor_id: principal.userId,
            actor_label: principal.label,
            at: now,
            changes: JSON.stringify(auditChanges(v)),
          })),
        );
        return { created: values.length, total: values.reduce((s, v) => s + v.amount, 0) };
      });
    },
  );
}

const rowOf = (field: string) => Number(/row (\d+)/.exec(field)?.[1] ?? 0);

/** The audit entry of an imported cost entry, in the API's field names. */
function auditChanges(v: {
  project_id: string;
  incurred_on: string;
  amount: number;
  category: string;
  cost_type: string;
  description: string | null;
}): FieldChanges {
  const after = {
    projectId: v.project_id,
    incurredOn: v.incurred_on,
    amount: v.amount,
    category: v.category,
    costType: v.cost_type,
    description: v.description,
    origin: 'csv',
  };
  return Object.fromEntries(Object.entries(after).map(([k, value]) => [k, { before: null, after: value }]));
}
