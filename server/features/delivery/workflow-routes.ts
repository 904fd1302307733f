import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/audit-store';
import { assertRecordAccess } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { IdParams, WorkflowBody, WorkflowResponse } from './schemas';
import { teamDeliverySpec } from './team-access';
import { checkWorkflow, presentWorkflow } from './workflow-service';
import { findWorkflow, replaceWorkflow, type WorkflowStateInput } from './workflow-store';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

/** GET and PUT /api/v1/teams/:id/workflow: the team's ordered states, WIP limits and SLE. */
export function registerWorkflowRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/teams/:id/workflow',
    {
      config: { permission: 'delivery.read' },
      schema: {
        tags: ['Delivery'],
        summary: "A team's workflow: ordered states with categories, WIP limits and the SLE",
        params: IdParams,
        response: { 200: WorkflowResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const { id } = request.params as { id: string };
      await assertRecordAccess(store.db, teamDeliverySpec, principal, id, 'read');
      return presentWorkflow(id, await findWorkflow(store.db, principal.organisationId, id));
    },
  );

  app.put(
    '/api/v1/teams/:id/workflow',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Delivery'],
        summary: "Replace a team's workflow (states in board order, WIP limits, SLE)",
        params: IdParams,
        body: WorkflowBody,
        response: { 200: WorkflowResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const { id } = request.params as { id: string };
      const body = request.body as {
        states: WorkflowStateInput[];
        sle?: { days: number; percentile: number } | null;
      };
      checkWorkflow(body.states);
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        await assertRecordAccess(trx, teamDeliverySpec, principal, id, 'write');
        const before = presentWorkflow(id, await findWorkflow(trx, principal.organisationId, id));
        const stored = await replaceWorkflow(
          trx,
          principal.organisationId,
          id,
          { states: body.states, sle: body.sle ?? null },
          now,
        );
        const after = presentWorkflow(id, stored);
        await recordAudit(trx, principal, now, {
          entityType: 'team_workflow',
          entityId: stored.workflow.id,
          action: before.configured ? 'update' : 'create',
          changes: {
            states: { before: before.states, after: after.states },
            sle: { before: before.sle, after: after.sle },
          },
        });
        return after;
      });
    },
  );
}
