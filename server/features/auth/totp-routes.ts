import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { Type } from 'typebox';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { verifyPassword } from '../../auth/passwords';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { Store } from '../../store/database';
import { TotpCodeBody, TotpDisableBody, TotpSetup } from './auth-schemas';
import { credentialProblems, credentialRouteTags, signedIn, updateOwnUserAudited } from './credential-shared';
import { checkTotp } from './sign-in';

/** The TOTP second factor: set up, confirm, turn off. */
export function registerTotpRoutes(app: FastifyInstance, store: Store): void {
  app.post(
    '/api/v1/auth/totp/setup',
    {
      config: signedIn,
      schema: {
        tags: credentialRouteTags,
        summary: 'Start enabling a second factor: a new secret to scan',
        response: { 200: TotpSetup, ...credentialProblems },
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
        tags: credentialRouteTags,
        summary: 'Confirm the second factor with a code from the app',
        body: TotpCodeBody,
        response: { 204: Type.Null(), ...credentialProblems },
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
      await updateOwnUserAudited(store, principal, { totp_enabled: 1 }, 'totp_enabled');
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/totp/disable',
    {
      config: signedIn,
      schema: {
        tags: credentialRouteTags,
        summary: 'Turn the second factor off (needs your password)',
        body: TotpDisableBody,
        response: { 204: Type.Null(), ...credentialProblems },
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
      await updateOwnUserAudited(store, principal, { totp_enabled: 0, totp_secret: null }, 'totp_disabled');
      return reply.status(204).send();
    },
  );
}
