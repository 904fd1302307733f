import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { findRiskMatrixErrors, type RiskMatrix } from '../../../core/playbook/risk';
import { computeSetupProgress, DEFAULT_SETUP_PLAN } from '../../../core/playbook/setup-plan';
import { recordAudit } from '../../audit/audit-store';
import { authenticate, requireWrite } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { expectedVersion } from '../../http/if-match';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { Trx } from '../../resources/resource-spec';
import { referenceExists } from '../../resources/resource-store';
import { CalendarDate, Id, LongText } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { RiskMatrixSchema } from './playbook-schemas';
import { getPlaybookSettings } from './playbook-settings';

// The office itself: organisation-wide playbook settings and the PMO setup plan. Every member
// reads them; organisation admins and PMO leads change them.

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

function requireOfficeWriter(principal: Principal): void {
  requireWrite(principal);
  if (!principal.orgAdmin && !principal.grants.some((g) => g.role === 'pmo_lead'))
    throw new ProblemError('forbidden', 'Only organisation admins and PMO leads may change the PMO setup.');
}

const Settings = Type.Object({
  riskMatrix: RiskMatrixSchema,
  raciShareThreshold: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  raciMinActivities: Type.Integer({ minimum: 1, maximum: 10_000 }),
  version: Type.Integer({ minimum: 0 }),
});

const Step = Type.Object({
  key: Type.String(),
  step: Type.String(),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  position: Type.Integer(),
  done: Type.Boolean(),
  doneOn: Type.Union([Type.String(), Type.Null()]),
  doneBy: Type.Union([Type.String(), Type.Null()]),
  ownerId: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
const Plan = Type.Object({
  progress: Type.Object({
    done: Type.Integer(),
    total: Type.Integer(),
    share: Type.Number(),
    steps: Type.Array(Type.Object({ step: Type.String(), done: Type.Integer(), total: Type.Integer() })),
  }),
  items: Type.Array(Step),
});

/** Creates the default setup plan the first time an organisation looks at it. */
async function ensureSetupPlan(trx: Trx, organisationId: string, now: string): Promise<void> {
  const existing = await trx
    .selectFrom('pmo_setup_steps')
    .select('key')
    .where('organisation_id', '=', organisationId)
    .execute();
  const have = new Set(existing.map((e) => e.key));
  for (const [position, s] of DEFAULT_SETUP_PLAN.entries()) {
    if (have.has(s.key)) continue;
    await trx
      .insertInto('pmo_setup_steps')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        key: s.key,
        step: s.step,
        title: s.title,
        description: s.description,
        position,
        done: 0,
        done_on: null,
        done_by: null,
        owner_id: null,
        due_date: null,
        notes: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

async function readPlan(trx: Trx, organisationId: string) {
  const rows = await trx
    .selectFrom('pmo_setup_steps')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('key')
    .execute();
  const items = rows.map((r) => ({
    key: r.key,
    step: r.step,
    title: r.title,
    description: r.description,
    position: Number(r.position),
    done: Number(r.done) === 1,
    doneOn: r.done_on,
    doneBy: r.done_by,
    ownerId: r.owner_id,
    dueDate: r.due_date,
    notes: r.notes,
    version: Number(r.version),
  }));
  return { progress: computeSetupProgress(items), items };
}

export function registerOfficeRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['PMO office'];
  const principalOf = (request: FastifyRequest) => authenticate(store, request);

  app.get(
    '/api/v1/playbook/settings',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Risk matrix and RACI thresholds of the organisation',
        response: { 200: Settings, ...errors(401) },
      },
    },
    async (request) => getPlaybookSettings(store.db, (await principalOf(request)).organisationId),
  );

  app.put(
    '/api/v1/playbook/settings',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Change the risk matrix and RACI thresholds (admins and PMO leads; version required)',
        body: Settings,
        response: { 200: Settings, ...errors(400, 401, 403, 412) },
      },
    },
    async (request) => {
      const principal = await principalOf(request);
      requireOfficeWriter(principal);
      const body = request.body as {
        riskMatrix: RiskMatrix;
        raciShareThreshold: number;
        raciMinActivities: number;
        version: number;
      };
      const problems = findRiskMatrixErrors(body.riskMatrix);
      if (problems.length > 0)
        throw new ProblemError(
          'validation_failed',
          problems.map((p) => `${p.field}: ${p.message}`).join('; '),
          problems,
        );
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        const current = await getPlaybookSettings(trx, principal.organisationId);
        if (current.version !== body.version)
          throw new ProblemError(
            'precondition_failed',
            `Settings are at version ${current.version}, not ${body.version}.`,
            [],
            {
              current,
            },
          );
        const values = {
          risk_matrix: JSON.stringify(body.riskMatrix),
          raci_share_threshold: body.raciShareThreshold,
          raci_min_activities: body.raciMinActivities,
          version: current.version + 1,
          updated_at: now,
        };
        if (current.version === 0)
          await trx
            .insertInto('playbook_settings')
            .values({
              id: randomUUID(),
              organisation_id: principal.organisationId,
              created_at: now,
              ...values,
            })
            .execute();
        else
          await trx
            .updateTable('playbook_settings')
            .set(values)
            .where('organisation_id', '=', principal.organisationId)
            .execute();
        await recordAudit(trx, principal, now, {
          entityType: 'playbook_settings',
          entityId: principal.organisationId,
          action: 'update',
          changes: {
            riskMatrix: { before: current.riskMatrix, after: body.riskMatrix },
            raciShareThreshold: { before: current.raciShareThreshold, after: body.raciShareThreshold },
            raciMinActivities: { before: current.raciMinActivities, after: body.raciMinActivities },
          },
        });
        return getPlaybookSettings(trx, principal.organisationId);
      });
    },
  );

  app.get(
    '/api/v1/playbook/setup-plan',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'The PMO setup plan: define goals, establish roles, create documentation, choose tools',
        response: { 200: Plan, ...errors(401) },
      },
    },
    async (request) => {
      const principal = await principalOf(request);
      return store.db.transaction().execute(async (trx) => {
        await ensureSetupPlan(trx, principal.organisationId, new Date().toISOString());
        return readPlan(trx, principal.organisationId);
      });
    },
  );

  app.patch(
    '/api/v1/playbook/setup-plan/:key',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Tick off or plan one step of the PMO setup (admins and PMO leads; If-Match or version)',
        params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 60 }) }),
        body: Type.Object(
          {
            done: Type.Optional(Type.Boolean()),
            ownerId: Type.Optional(Type.Union([Id, Type.Null()])),
            dueDate: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
            notes: Type.Optional(Type.Union([LongText, Type.Null()])),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Plan, ...errors(400, 401, 403, 404, 412, 422, 428) },
      },
    },
    async (request) => {
      const principal = await principalOf(request);
      requireOfficeWriter(principal);
      const { key } = request.params as { key: string };
      const { version, ...body } = request.body as {
        done?: boolean;
        ownerId?: string | null;
        dueDate?: string | null;
        notes?: string | null;
        version?: number;
      };
      const expected = expectedVersion(request, version);
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        await ensureSetupPlan(trx, principal.organisationId, now);
        const row = await trx
          .selectFrom('pmo_setup_steps')
          .selectAll()
          .where('organisation_id', '=', principal.organisationId)
          .where('key', '=', key)
          .executeTakeFirst();
        if (!row)
          throw new ProblemError('not_found', `The setup plan has no step "${key}".`, [
            { field: 'key', message: 'not found' },
          ]);
        if (Number(row.version) !== expected)
          throw new ProblemError(
            'precondition_failed',
            `Step ${key} is at version ${row.version}, not ${expected}.`,
          );
        if (body.ownerId && !(await referenceExists(trx, 'people', principal.organisationId, body.ownerId)))
          throw fieldProblem('invalid_reference', 'ownerId', 'does not name a person of this organisation');
        const changes: Record<string, unknown> = {};
        if (body.done !== undefined && body.done !== (Number(row.done) === 1)) {
          changes.done = body.done ? 1 : 0;
          changes.done_on = body.done ? now.slice(0, 10) : null;
          changes.done_by = body.done ? principal.label : null;
        }
        if (body.ownerId !== undefined) changes.owner_id = body.ownerId;
        if (body.dueDate !== undefined) changes.due_date = body.dueDate;
        if (body.notes !== undefined) changes.notes = body.notes;
        if (Object.keys(changes).length > 0) {
          await trx
            .updateTable('pmo_setup_steps')
            .set({ ...changes, version: expected + 1, updated_at: now })
            .where('id', '=', row.id)
            .where('version', '=', expected)
            .execute();
          await recordAudit(trx, principal, now, {
            entityType: 'pmo_setup_step',
            entityId: row.id,
            action: 'update',
            changes: Object.fromEntries(
              Object.entries(changes).map(([k, v]) => [
                k,
                { before: (row as Record<string, unknown>)[k] ?? null, after: v },
              ]),
            ),
          });
        }
        return readPlan(trx, principal.organisationId);
      });
    },
  );
}
