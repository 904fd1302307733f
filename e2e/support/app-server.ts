import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { type RunningServer, startServer } from '../../server/main';
import { registerWebApp } from '../../server/web/serve-web';

export interface TestApp {
  /** Where the browser goes: the web app, with the API under /api. */
  url: string;
  /** The API token of the demo administrator. */
  token: string;
  server: RunningServer;
  /** Calls the API directly (set-up and checks that need no browser). */
  api<T>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts Triad on a scratch SQLite database with the demo organisation, on a free port. If the
 * server does not serve the web app itself yet (before `registerWebApp` is wired into buildApp),
 * a small front server serves web/dist and forwards /api to it.
 */
export async function startTestApp(): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triad-e2e-'));
  const config = readConfig({ TRIAD_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', TRIAD_DEMO: 'true' });
  const server = await startServer(config, createLogger('silent'));
  if (!server.demoToken) throw new Error('demo mode issued no token');
  const token = server.demoToken;

  const home = await fetch(`${server.url}/`);
  const servesWeb = (home.headers.get('content-type') ?? '').includes('text/html');
  const front = servesWeb ? undefined : await startFrontServer(server.url);
  const url = front ? frontUrl(front) : server.url;

  const api = async <T>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<T> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${server.url}/api/v1${path}`, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  return {
    url,
    token,
    server,
    api,
    close: async () => {
      await front?.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function frontUrl(front: FastifyInstance): string {
  const address = front.server.address();
  if (!address || typeof address === 'string') throw new Error('front server has no port');
  return `http://127.0.0.1:${address.port}`;
}

async function startFrontServer(apiUrl: string): Promise<FastifyInstance> {
  const front = Fastify();
  front.removeAllContentTypeParsers();
  front.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  front.all('/api/*', async (request, reply) => {
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'if-match', 'content-type', 'accept']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const init: RequestInit = { method: request.method, headers };
    if (request.body instanceof Buffer && request.body.length > 0) init.body = request.body;
    const response = await fetch(`${apiUrl}${request.url}`, init);
    reply.status(response.status);
    const type = response.headers.get('content-type');
    if (type) reply.type(type);
    return reply.send(Buffer.from(await response.arrayBuffer()));
  });
  await registerWebApp(front, { buildIfMissing: false });
  await front.listen({ port: 0, host: '127.0.0.1' });
  return front;
}
