import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { authenticate, requireOrgAdmin, requireWrite } from '../../auth/authenticate';
import { hashPassword } from '../../auth/passwords';
import { SCOPE_TYPES, SCOPED_ROLES } from '../../auth/permissions';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { referenceExists } from '../../resources/resource-store';
import { Id, Name, stringEnum } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import type { UsersTable } from '../../store/tables';

type UserRow = Selectable<UsersTable>;

import { Email, NewPassword } from '../auth/auth-schemas';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};
const Role = Type.Object({
  id: Type.String(),
  role: Type.String(),
  scopeType: Type.String(),
  scopeId: Type.String(),
});
const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  orgAdmin: Type.Boolean(),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  sso: Type.Boolean(),
  roles: Type.Array(Role),
  createdAt: Type.String(),
});
const CreateUser = Type.Object(
  { email: Email, name: Name, password: Type.Optional(NewPassword), orgAdmin: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const UpdateUser = Type.Object(
  {
    name: Type.Optional(Name),
    orgAdmin: Type.Optional(Type.Boolean()),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
const Grant = Type.Object(
  { userId: Id, role: stringEnum(SCOPED_ROLES), scopeType: stringEnum(SCOPE_TYPES), scopeId: Id },
  { additionalProperties: false },
);
const SCOPE_TABLE = { portfolio: 'portfolios', project: 'projects', team: 'teams' } as const;

/** Organisation admins manage accounts and who holds which role where. */
export function registerUserRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['Users and roles'];
  const admin = { permission: 'org.admin' as const };
  const adminContext = async (request: Parameters<typeof authenticate>[1], write: boolean) => {
    const principal = await authenticate(store, request);
    requireOrgAdmin(principal);
    if (write) requireWrite(principal);
    return principal;
  };

  const present = async (rows: UserRow[]) => {
    const roles =
      rows.length === 0
        ? []
        : await store.db
            .selectFrom('role_assignments')
            .selectAll()
            .where(
              'user_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
    return rows.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      orgAdmin: u.role === 'org_admin',
      disabled: Boolean(u.disabled),
      totpEnabled: Boolean(u.totp_enabled),
      sso: u.external_subject !== null,
      roles: roles
        .filter((r) => r.user_id === u.id)
        .map((r) => ({ id: r.id, role: r.role, scopeType: r.scope_type, scopeId: r.scope_id })),
      createdAt: u.created_at,
    }));
  };

  app.get(
    '/api/v1/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Accounts of the organisation with their roles',
        response: { 200: Type.Object({ items: Type.Array(User) }), ...problems },
      },
    },
    async (request) => {
      const principal = await adminContext(request, false);
      const rows = await store.db
        .selectFrom('users')
        .selectAll()
        .where('organisation_id', '=', principal.organisationId)
        .orderBy('name')
        .execute();
      return { items: await present(rows) };
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: admin,
      schema: { tags, summary: 'Create an account', body: CreateUser, response: { 201: User, ...problems } },
    },
    async (request, reply) => {
      const principal = await adminContext(request, true);
      const body = request.body as { email: string; name: string; password?: string; orgAdmin?: boolean };
      const now = new Date().toISOString();
      const id = randomUUID();
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      await store.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', body.email.toLowerCase())
          .executeTakeFirst();
        if (taken) throw fieldProblem('conflict', 'email', 'is already used by another account');
        await trx
          .insertInto('users')
          .values({
            id,
            organisation_id: principal.organisationId,
            email: body.email.toLowerCase(),
            name: body.name,
            person_id: null,
            role: body.orgAdmin ? 'org_admin' : 'member',
            password_hash: passwordHash,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await recordAudit(trx, principal, now, {
          entityType: 'user',
          entityId: id,
          action: 'create',
          changes: {
            email: { before: null, after: body.email },
            orgAdmin: { before: null, after: Boolean(body.orgAdmin) },
          },
        });
      });
      const [user] = await present([
        await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      ]);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Rename, promote or disable an account',
        params: Type.Object({ id: Id }),
        body: UpdateUser,
        response: { 200: User, ...problems },
      },
    },
    async (request) => {
      const principal = await adminContext(request, true);
      const { id } = request.params as { id: string };
      const body = request.body as { name?: string; orgAdmin?: boolean; disabled?: boolean };
      if (id === principal.userId && (body.orgAdmin === false || body.disabled))
        throw fieldProblem(
          'validation_failed',
          body.disabled ? 'disabled' : 'orgAdmin',
          'you cannot demote or disable yourself',
        );
      const now = new Date().toISOString();
      await store.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', id)
          .where('organisation_id', '=', principal.organisationId)
          .executeTakeFirst();
        if (!before) throw new ProblemError('not_found', `User ${id} does not exist.`);
        const role = body.orgAdmin === undefined ? before.role : body.orgAdmin ? 'org_admin' : 'member';
        const disabled = body.disabled === undefined ? before.disabled : body.disabled ? 1 : 0;
        await trx
          .updateTable('users')
          .set({
            name: body.name ?? before.name,
            role,
            disabled,
            updated_at: now,
            version: before.version + 1,
          })
          .where('id', '=', id)
          .execute();
        if (disabled)
          await trx
            .updateTable('sessions')
            .set({ revoked_at: now })
            .where('user_id', '=', id)
            .where('revoked_at', 'is', null)
            .execute();
        await recordAudit(trx, principal, now, {
          entityType: 'user',
          entityId: id,
          action: role !== before.role ? 'role_granted' : 'update',
          changes: {
            orgAdmin: { before: before.role === 'org_admin', after: role === 'org_admin' },
            disabled: { before: Boolean(before.disabled), after: Boolean(disabled) },
          },
        });
      });
      const [user] = await present([
        await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      ]);
      return user;
    },
  );

  app.post(
    '/api/v1/role-assignments',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Give a user a role on a portfolio, project or team',
        body: Grant,
        response: { 201: Role, ...problems },
      },
    },
    async (request, reply) => {
      const principal = await adminContext(request, true);
      const body = request.body as {
        userId: string;
        role: string;
        scopeType: keyof typeof SCOPE_TABLE;
        scopeId: string;
      };
      if (!(await referenceExists(store.db, 'users', principal.organisationId, body.userId)))
        throw fieldProblem('invalid_reference', 'userId', 'does not name a user of this organisation');
      if (
        !(await referenceExists(
          store.db,
          SCOPE_TABLE[body.scopeType],
          principal.organisationId,
          body.scopeId,
        ))
      )
        throw fieldProblem(
          'invalid_reference',
          'scopeId',
          `does not name a ${body.scopeType} of this organisation`,
        );
      const id = randomUUID();
      const now = new Date().toISOString();
      await store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('role_assignments')
          .values({
            id,
            organisation_id: principal.organisationId,
            user_id: body.userId,
            scope_type: body.scopeType,
            scope_id: body.scopeId,
            role: body.role,
            created_at: now,
          })
          .execute();
        await recordAudit(trx, principal, now, {
          entityType: 'user',
          entityId: body.userId,
          action: 'role_granted',
          changes: { [`${body.scopeType}:${body.scopeId}`]: { before: null, after: body.role } },
        });
      });
      return reply
        .status(201)
        .send({ id, role: body.role, scopeType: body.scopeType, scopeId: body.scopeId });
    },
  );

  app.delete(
    '/api/v1/role-assignments/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Take a role away',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = await adminContext(request, true);
      const { id } = request.params as { id: string };
      const now = new Date().toISOString();
      await store.db.transaction().execute(async (trx) => {
        const grant = await trx
          .selectFrom('role_assignments')
          .selectAll()
          .where('id', '=', id)
          .where('organisation_id', '=', principal.organisationId)
          .executeTakeFirst();
        if (!grant) throw new ProblemError('not_found', `Role assignment ${id} does not exist.`);
        await trx.deleteFrom('role_assignments').where('id', '=', id).execute();
        await recordAudit(trx, principal, now, {
          entityType: 'user',
          entityId: grant.user_id,
          action: 'role_revoked',
          changes: { [`${grant.scope_type}:${grant.scope_id}`]: { before: grant.role, after: null } },
        });
      });
      return reply.status(204).send();
    },
  );
}
