import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import { fieldProblem, ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { setSessionCookie } from '../auth/auth-routes';
import { SsoClient } from './sso-client';
import type { SsoConfig } from './sso-config';
import { Redirect, SsoCallbackQuery, SsoStartQuery, SsoStatus } from './sso-schemas';
import { signInWithSso } from './sso-sign-in';
import { TRANSACTION_COOKIE, TRANSACTION_TTL_MS, TransactionSeal } from './sso-transaction';

const COOKIE_PATH = '/api/v1/auth/sso';
const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/**
 * Single sign-on through OpenID Connect (docs/sso.md): the status for the settings page, the
 * start of the authorisation code flow with PKCE, and the callback that signs the user in.
 * With `config` undefined single sign-on is off: the status says so and the other routes are 404.
 */
export function registerSsoRoutes(app: FastifyInstance, store: Store, config: SsoConfig | undefined): void {
  const tags = ['Authentication'];
  const client = config && new SsoClient(config);
  const seal = config && new TransactionSeal(config.transactionKey);
  const enabled = () => {
    if (!config || !client || !seal) throw new ProblemError('not_found', 'Single sign-on is not configured.');
    return { config, client, seal };
  };

  if (config) {
    // The slug is data, not syntax: check it once the app is ready, so a typo shows at start.
    app.addHook('onReady', async () => {
      const found = await store.db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', config.organisationSlug)
        .executeTakeFirst();
      if (!found)
        app.log.error(
          `sso: TRIAD_OIDC_ORGANISATION is "${config.organisationSlug}" but no organisation has that slug; single sign-on will fail`,
        );
    });
  }

  app.get(
    '/api/v1/auth/sso',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Whether single sign-on is configured, and with which provider',
        response: { 200: SsoStatus },
      },
    },
    async () => ({
      enabled: config !== undefined,
      issuer: config?.issuer.href ?? null,
      startUrl: config ? `${COOKIE_PATH}/start` : null,
    }),
  );

  app.get(
    '/api/v1/auth/sso/start',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Start a single sign-on: redirects to the identity provider',
        querystring: SsoStartQuery,
        response: { 302: Redirect, ...problems },
      },
    },
    async (request, reply) => {
      const { client, seal } = enabled();
      const transaction = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        expiresAt: Date.now() + TRANSACTION_TTL_MS,
      };
      const target = await client.authorizationUrl(transaction);
      void reply.setCookie(TRANSACTION_COOKIE, seal.seal(transaction), {
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: COOKIE_PATH,
        maxAge: TRANSACTION_TTL_MS / 1000,
      });
      return reply.redirect(target.href, 302);
    },
  );

  app.get(
    '/api/v1/auth/sso/callback',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Where the identity provider returns: signs in and redirects to the web app',
        querystring: SsoCallbackQuery,
        response: { 302: Redirect, ...problems },
      },
    },
    async (request, reply) => {
      const { config, client, seal } = enabled();
      const now = Date.now();
      const query = request.query as { state?: string };
      const transaction = seal.open(request.cookies[TRANSACTION_COOKIE], now);
      void reply.clearCookie(TRANSACTION_COOKIE, { path: COOKIE_PATH });
      if (!transaction)
        throw fieldProblem(
          'validation_failed',
          'state',
          'no sign-in was started in this browser, or it expired',
        );
      if (query.state !== transaction.state)
        throw fieldProblem('validation_failed', 'state', 'does not match the sign-in this browser started');
      if (!seal.consume(transaction, now))
        throw fieldProblem('validation_failed', 'state', 'this sign-in has already been completed');

      // The response is read against the configured redirect URL, never the Host header.
      const callbackUrl = new URL(config.redirectUrl);
      callbackUrl.search = new URL(request.url, 'http://triad.invalid').search;
      const identity = await client.completeSignIn(callbackUrl, transaction);
      if (identity.userInfoWarning)
        request.log.warn({ reason: identity.userInfoWarning }, 'sso: UserInfo request failed');
      const result = await signInWithSso(store, {
        identity,
        config,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        now: new Date(now),
      });
      for (const warning of result.warnings) request.log.warn({ userId: result.userId }, `sso: ${warning}`);
      setSessionCookie(request, reply, result.token);
      return reply.redirect('/', 302);
    },
  );
}
