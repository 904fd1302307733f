import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../audit/audit-store';
import { issueApiToken } from '../../auth/api-tokens';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { Id } from '../../resources/vocabulary-schemas';
import type { Store } from '../../store/database';
import { TokenCreateBody, TokenCreated, TokenInfo } from './auth-schemas';
import { credentialProblems, credentialRouteTags, signedIn } from './credential-shared';

/** Personal API tokens: list, create (the secret is shown once), revoke. */
export function registerTokenRoutes(app: FastifyInstance, store: Store): void {
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
        tags: credentialRouteTags,
        summary: 'Your API tokens (never the secret)',
        response: { 200: Type.Object({ items: Type.Array(TokenInfo) }), ...credentialProblems },
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
        tags: credentialRouteTags,
        summary: 'Create an API token: the secret is shown in this answer only',
        body: TokenCreateBody,
        response: { 201: TokenCreated, ...credentialProblems },
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
        tags: credentialRouteTags,
        summary: 'Revoke one of your API tokens',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...credentialProblems },
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
