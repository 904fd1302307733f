import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { listGrants } from '../../auth/grants';
import { revokeSession, SESSION_COOKIE } from '../../auth/sessions';
import { SignInThrottle } from '../../auth/sign-in-throttle';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { SessionInfo, SessionList, SignInBody } from './auth-schemas';
import { signIn } from './sign-in';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  429: ProblemSchema,
};

/** Cookie flags: HttpOnly and SameSite=Lax always, Secure whenever the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: 7 * 86_400,
  });
}

/** Sign-in, sign-out, the current session and the list of one's sessions. */
export function registerSessionRoutes(app: FastifyInstance, store: Store): void {
  const throttle = new SignInThrottle();
  const tags = ['Authentication'];

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (and a one-time code when enabled)',
        body: SignInBody,
        response: { 200: SessionInfo, ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body as { email: string; password: string; totp?: string };
      const opened = await signIn(store, throttle, {
        ...body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        now: new Date(),
      });
      setSessionCookie(request, reply, opened.token);
      return { user: await sessionUser(store, opened.userId), csrfToken: opened.csrfToken, via: 'session' };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'End the current session', response: { 204: Type.Null(), ...problems } },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      if (principal.sessionId) {
        await store.db.transaction().execute(async (trx) => {
          await revokeSession(trx, principal.userId, principal.sessionId as string, new Date());
          await recordAudit(trx, principal, new Date().toISOString(), {
            entityType: 'user',
            entityId: principal.userId,
            action: 'sign_out',
            changes: {},
          });
        });
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Who is signed in, their roles and the CSRF token',
        response: { 200: SessionInfo, ...problems },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const csrf = principal.sessionId
        ? ((
            await store.db
              .selectFrom('sessions')
              .select('csrf_token')
              .where('id', '=', principal.sessionId)
              .executeTakeFirst()
          )?.csrf_token ?? null)
        : null;
      return { user: await sessionUser(store, principal.userId), csrfToken: csrf, via: principal.via };
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Your open sessions', response: { 200: SessionList, ...problems } },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const rows = await store.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', principal.userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date().toISOString())
        .orderBy('created_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          expiresAt: r.expires_at,
          userAgent: r.user_agent,
          ip: r.ip,
          method: r.method,
          current: r.id === principal.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Revoke one of your sessions',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      const { id } = request.params as { id: string };
      await store.db.transaction().execute(async (trx) => {
        if (!(await revokeSession(trx, principal.userId, id, new Date())))
          throw new ProblemError('not_found', `Session ${id} does not exist.`);
        await recordAudit(trx, principal, new Date().toISOString(), {
          entityType: 'user',
          entityId: principal.userId,
          action: 'session_revoked',
          changes: { session: { before: id, after: null } },
        });
      });
      return reply.status(204).send();
    },
  );
}

export async function sessionUser(store: Store, userId: string) {
  const user = await store.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    orgAdmin: user.role === 'org_admin',
    totpEnabled: user.totp_enabled === 1,
    roles: await listGrants(store.db, userId),
  };
}
