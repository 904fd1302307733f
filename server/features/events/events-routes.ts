import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { assertRecordAccess } from '../../auth/access';
import { findTokenIdentity } from '../../auth/api-tokens';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { type Change, changeFeed } from './change-feed';

export interface EventRouteOptions {
  /** A comment line this often keeps proxies from closing an idle stream (default 25 s). */
  heartbeatMs?: number;
}

/**
 * `GET /api/v1/events`: a server-sent event stream of `{type:'changed', …}` for the records of the
 * caller's organisation that the caller may read (docs/web.md, "Live updates"). Each change is
 * checked against the caller's roles before it is sent; a deletion is sent to the whole
 * organisation, because the record is gone and its id alone reveals nothing. Every heartbeat also
 * re-checks the credential, so a revoked session or token stops receiving within one interval.
 */
export function registerEventRoutes(
  app: FastifyInstance,
  store: Store,
  { heartbeatMs = 25_000 }: EventRouteOptions = {},
): void {
  const open = new Set<() => void>();
  // Fastify waits for open requests before it closes; end the streams so shutdown is not held up.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/api/v1/events',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['Live updates'],
        summary: 'Server-sent events: which records of your organisation changed',
        description:
          'Each message is `data: {"type":"changed","entityType","resource","id","action","version"}`. ' +
          'Refetch the record to see the change. A comment line arrives every 25 seconds.',
        response: {
          200: {
            description: 'text/event-stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          401: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      reply.hijack();
      const raw = reply.raw;
      // The security headers (helmet) were set on the reply, which a hijacked request never sends.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) raw.setHeader(name, value);
      }
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and similar proxies would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n: connected\n\n');

      // Access checks are asynchronous; chaining them keeps the events in publication order.
      let queue = Promise.resolve();
      const unsubscribe = changeFeed(store).subscribe(principal.organisationId, (change) => {
        queue = queue
          .then(async () => {
            if (raw.writableEnded || !(await mayRead(store, principal, change))) return;
            raw.write(`data: ${JSON.stringify(change.event)}\n\n`);
          })
          .catch((error: unknown) => request.log.warn({ err: error }, 'events: could not send a change'));
      });
      const heartbeat = setInterval(() => {
        void credentialStillValid(store, request, principal).then(
          (valid) => (valid ? raw.write(': heartbeat\n\n') : close()),
          () => close(),
        );
      }, heartbeatMs);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        if (!raw.writableEnded) raw.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
}

async function mayRead(store: Store, principal: Principal, change: Change): Promise<boolean> {
  if (principal.orgAdmin || change.event.action === 'deleted') return true;
  try {
    await assertRecordAccess(store.db, change.spec, principal, change.event.id, 'read');
    return true;
  } catch {
    return false;
  }
}

/** Whether the session or token behind the stream is still live and the account still enabled. */
async function credentialStillValid(
  store: Store,
  request: FastifyRequest,
  principal: Principal,
): Promise<boolean> {
  const now = new Date().toISOString();
  if (principal.sessionId) {
    const session = await store.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', principal.sessionId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!session) return false;
  } else {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !(await findTokenIdentity(store.db, token, now))) return false;
  }
  const user = await store.db
    .selectFrom('users')
    .select('disabled')
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  return user !== undefined && !user.disabled;
}
