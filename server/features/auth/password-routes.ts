import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { revokeOtherSessions } from '../../auth/sessions';
import { fieldProblem } from '../../http/problem';
import type { Store } from '../../store/database';
import { ChangePasswordBody, ResetConfirmBody, ResetRequestBody } from './auth-schemas';
import { credentialProblems, credentialRouteTags, signedIn, updateOwnUserAudited } from './credential-shared';

const RESET_TTL_MS = 30 * 60_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Changing your password, and the reset link for a forgotten one. */
export function registerPasswordRoutes(
  app: FastifyInstance,
  store: Store,
  options: { devMode: boolean },
): void {
  app.post(
    '/api/v1/auth/password',
    {
      config: signedIn,
      schema: {
        tags: credentialRouteTags,
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...credentialProblems },
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
      await updateOwnUserAudited(
        store,
        principal,
        { password_hash: hashed, updated_at: new Date().toISOString() },
        'password_changed',
        (trx) => revokeOtherSessions(trx, principal.userId, principal.sessionId, new Date()),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { permission: 'public' },
      schema: {
        tags: credentialRouteTags,
        summary: 'Ask for a password reset link (always answers 202)',
        body: ResetRequestBody,
        response: { 202: Type.Null(), ...credentialProblems },
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
        tags: credentialRouteTags,
        summary: 'Set a new password with a reset token (single use)',
        body: ResetConfirmBody,
        response: { 204: Type.Null(), ...credentialProblems },
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
}
