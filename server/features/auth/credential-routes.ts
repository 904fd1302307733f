import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { issueApiToken } from '../../auth/api-tokens';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { revokeOtherSessions } from '../../auth/sessions';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import {
  ChangePasswordBody,
  ResetConfirmBody,
  ResetRequestBody,
  TokenCreateBody,
  TokenCreated,
  TokenInfo,
  TotpCodeBody,
  TotpDisableBody,
  TotpSetup,
} from './auth-schemas';
import { checkTotp } from './sign-in';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  429: ProblemSchema,
};
const RESET_TTL_MS = 30 * 60_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Password change and reset, the TOTP second factor, and personal API tokens. */
export function registerCredentialRoutes(
  app: FastifyInstance,
  store: Store,
  options: { devMode: boolean },
): void {
  const tags = ['Authentication'];
  const signedIn = { permission: 'signed-in' as const };

  app.post(
    '/api/v1/auth/password',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const body = request.body as { currentPassword: string; newPassword: string };
      const user = await store.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', principal.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, body.currentPassword)))
        throw fieldProblem('validation_failed', 'currentPassword', 'is wrong');
      const hashed = await hashPassword(body.newPassword);
      await store.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hashed, updated_at: new Date().toISOString() })
          .where('id', '=', principal.userId)
          .execute();
        await revokeOtherSessions(trx, principal.userId, principal.sessionId, new Date());
        await recordAudit(trx, principal, new Date().toISOString(), {
          entityType: 'user',
          entityId: principal.userId,
          action: 'password_changed',
          changes: {},
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Ask for a password reset link (always answers 202)',
        body: ResetRequestBody,
        response: { 202: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { email } = request.body as { email: string };
      const user = await store.db
        .selectFrom('users')
        .select(['id', 'organisation_id'])
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      if (user) {
        const token = randomBytes(32).toString('base64url');
        const now = new Date();
        await store.db
          .insertInto('one_time_tokens')
          .values({
            id: randomUUID(),
            organisation_id: user.organisation_id,
            user_id: user.id,
            purpose: 'password_reset',
            token_hash: sha256(token),
            expires_at: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
            used_at: null,
            created_at: now.toISOString(),
          })
          .execute();
        // No mail server is configured in development: the link goes to the log instead.
        if (options.devMode)
          request.log.info(
            { resetLink: `${request.protocol}://${request.host}/reset-password#token=${token}` },
            'password reset link (dev mode)',
          );
      }
      // The same answer whether or not the address is known, so it cannot be used to find accounts.
      return reply.status(202).send();
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Set a new password with a reset token (single use)',
        body: ResetConfirmBody,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body as { token: string; newPassword: string };
      const hashed = await hashPassword(body.newPassword);
      const now = new Date();
      await store.db.transaction().execute(async (trx) => {
        // Marking the token used in the same statement that checks it makes it single-use under races.
        const used = await trx
          .updateTable('one_time_tokens')
          .set({ used_at: now.toISOString() })
          .where('token_hash', '=', sha256(body.token))
          .where('purpose', '=', 'password_reset')
          .where('used_at', 'is', null)
          .where('expires_at', '>', now.toISOString())
          .returning(['user_id', 'organisation_id'])
          .executeTakeFirst();
        if (!used) throw fieldProblem('validation_failed', 'token', 'is unknown, expired or already used');
        await trx
          .updateTable('users')
          .set({
            password_hash: hashed,
            failed_sign_ins: 0,
            locked_until: null,
            updated_at: now.toISOString(),
          })
          .where('id', '=', used.user_id)
          .execute();
        await revokeOtherSessions(trx, used.user_id, undefined, now);
        await recordAudit(
          trx,
          { organisationId: used.organisation_id, userId: used.user_id, label: 'password reset link' },
          now.toISOString(),
          { entityType: 'user', entityId: used.user_id, action: 'password_reset', changes: {} },
        );
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/totp/setup',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Start enabling a second factor: a new secret to scan',
        response: { 200: TotpSetup, ...problems },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const secret = new OTPAuth.Secret({ size: 20 });
      const user = await store.db
        .selectFrom('users')
        .select(['email', 'totp_enabled'])
        .where('id', '=', principal.userId)
        .executeTakeFirstOrThrow();
      if (user.totp_enabled)
        throw new ProblemError('conflict', 'A second factor is already enabled; disable it first.');
      await store.db
        .updateTable('users')
        .set({ totp_secret: secret.base32 })
        .where('id', '=', principal.userId)
        .execute();
      const totp = new OTPAuth.TOTP({ issuer: 'Triad', label: user.email, secret });
      return { secret: secret.base32, otpauthUrl: totp.toString() };
    },
  );

  app.post(
    '/api/v1/auth/totp/enable',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Confirm the second factor with a code from the app',
        body: TotpCodeBody,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const user = await store.db
        .selectFrom('users')
        .select('totp_secret')
        .where('id', '=', principal.userId)
        .executeTakeFirstOrThrow();
      if (!checkTotp(user.totp_secret, (request.body as { code: string }).code))
        throw fieldProblem('validation_failed', 'code', 'does not match; check the clock of your device');
      await store.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ totp_enabled: 1 }).where('id', '=', principal.userId).execute();
        await recordAudit(trx, principal, new Date().toISOString(), {
          entityType: 'user',
          entityId: principal.userId,
          action: 'totp_enabled',
          changes: {},
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/totp/disable',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Turn the second factor off (needs your password)',
        body: TotpDisableBody,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const user = await store.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', principal.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, (request.body as { password: string }).password)))
        throw fieldProblem('validation_failed', 'password', 'is wrong');
      await store.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_enabled: 0, totp_secret: null })
          .where('id', '=', principal.userId)
          .execute();
        await recordAudit(trx, principal, new Date().toISOString(), {
          entityType: 'user',
          entityId: principal.userId,
          action: 'totp_disabled',
          changes: {},
        });
      });
      return reply.status(204).send();
    },
  );

  const presentToken = (r: {
    id: string;
    name: string;
    scope: string;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
  }) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  });

  app.get(
    '/api/v1/auth/tokens',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Your API tokens (never the secret)',
        response: { 200: Type.Object({ items: Type.Array(TokenInfo) }), ...problems },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const rows = await store.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', principal.userId)
        .orderBy('created_at', 'desc')
        .execute();
      return { items: rows.map(presentToken) };
    },
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Create an API token: the secret is shown in this answer only',
        body: TokenCreateBody,
        response: { 201: TokenCreated, ...problems },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const body = request.body as { name: string; scope: 'read' | 'write'; expiresInDays?: number };
      const now = new Date();
      const expiresAt = body.expiresInDays
        ? new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString()
        : null;
      const created = await store.db.transaction().execute(async (trx) => {
        const issued = await issueApiToken(trx, {
          organisationId: principal.organisationId,
          userId: principal.userId,
          name: body.name,
          scope: body.scope,
          expiresAt,
          now: now.toISOString(),
        });
        await recordAudit(trx, principal, now.toISOString(), {
          entityType: 'api_token',
          entityId: issued.id,
          action: 'token_created',
          changes: { name: { before: null, after: body.name }, scope: { before: null, after: body.scope } },
        });
        return issued;
      });
      const row = await store.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      return reply.status(201).send({ token: created.token, info: presentToken(row) });
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const { id } = request.params as { id: string };
      const now = new Date().toISOString();
      await store.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: now })
          .where('id', '=', id)
          .where('user_id', '=', principal.userId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1)
          throw new ProblemError('not_found', `API token ${id} does not exist or is already revoked.`);
        await recordAudit(trx, principal, now, {
          entityType: 'api_token',
          entityId: id,
          action: 'token_revoked',
          changes: {},
        });
      });
      return reply.status(204).send();
    },
  );
}
