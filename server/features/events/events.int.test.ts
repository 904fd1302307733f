import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
  createTestUser,
  signInSession,
  tokenFor,
} from '../../test/factories';
import type { ChangeEvent } from './change-feed';

const engines = await testEngines();

/** Reads a live event stream over real HTTP, collecting the `data:` messages. */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: ChangeEvent[] = [];
  let text = '';
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
        let end = text.indexOf('\n\n');
        while (end >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) events.push(JSON.parse(data) as ChangeEvent);
          end = text.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  const waitFor = async (predicate: () => boolean, ms = 5_000) => {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`timed out; events so far: ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    response,
    events,
    waitFor,
    isEnded: () => ended,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

describe.each(engines)('live updates over server-sent events on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('refuses anonymous callers', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('streams the changes a member may read, deletions to everyone, and nothing of other organisations', async () => {
    const org = await createTestOrganisation(store);
    const admin = apiClient(app, org.token);
    const a = await createPortfolioWithProject(admin, 'EVA');
    const b = await createPortfolioWithProject(admin, 'EVB');
    const member = await createTestUser(store, org.organisationId, {
      grants: [{ role: 'stakeholder', scopeType: 'portfolio', scopeId: a.portfolio.id }],
    });
    const memberToken = await tokenFor(store, org.organisationId, member.userId);
    const other = await createTestOrganisation(store, 'Elsewhere');
    const otherProject = await createPortfolioWithProject(apiClient(app, other.token), 'EVX');

    const memberStream = await openStream(`${base}/api/v1/events`, {
      authorization: `Bearer ${memberToken}`,
    });
    const adminStream = await openStream(`${base}/api/v1/events`, { authorization: `Bearer ${org.token}` });
    expect(memberStream.response.status).toBe(200);
    expect(memberStream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(memberStream.response.headers.get('cache-control')).toBe('no-store');

    await apiClient(app, other.token).patch(`/api/v1/projects/${otherProject.project.id}`, {
      version: 1,
      description: 'elsewhere',
    });
    await admin.patch(`/api/v1/projects/${b.project.id}`, { version: 1, description: 'unshared' });
    await admin.patch(`/api/v1/projects/${a.project.id}`, { version: 1, description: 'shared' });
    await memberStream.waitFor(() => memberStream.events.length >= 1);
    await adminStream.waitFor(() => adminStream.events.length >= 2);
    // Events arrive in publication order, so B's change was withheld, not late.
    expect(memberStream.events).toEqual([
      {
        type: 'changed',
        entityType: 'project',
        resource: 'projects',
        id: a.project.id,
        action: 'updated',
        version: 2,
      },
    ]);
    expect(adminStream.events.map((e) => e.id)).toEqual([b.project.id, a.project.id]);

    const created = await admin.post('/api/v1/work-items', {
      projectId: a.project.id,
      type: 'story',
      title: 'Live',
    });
    await admin.delete(`/api/v1/projects/${b.project.id}?version=2`);
    await memberStream.waitFor(() => memberStream.events.length >= 3);
    expect(memberStream.events.slice(1)).toMatchObject([
      { resource: 'work-items', id: created.body.id, action: 'created', version: 1 },
      { resource: 'projects', id: b.project.id, action: 'deleted', version: null },
    ]);

    await memberStream.close();
    await adminStream.close();
  });

  it('accepts the session cookie without a CSRF token, since reading changes nothing', async () => {
    const org = await createTestOrganisation(store);
    const user = await createTestUser(store, org.organisationId, { orgAdmin: true });
    const session = await signInSession(app, user.email, user.password);
    const stream = await openStream(`${base}/api/v1/events`, { cookie: session.cookie });
    expect(stream.response.status).toBe(200);
    const { project } = await createPortfolioWithProject(apiClient(app, org.token), 'EVC');
    await stream.waitFor(() => stream.events.some((e) => e.id === project.id));
    await stream.close();
  });

  it('ends open streams when the server shuts down, without waiting for them', async () => {
    const { store: own, dispose: disposeOwn } = await engine.open();
    const server = await buildApp({ store: own });
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const org = await createTestOrganisation(own);
    const stream = await openStream(`${url}/api/v1/events`, { authorization: `Bearer ${org.token}` });
    expect(stream.response.status).toBe(200);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await stream.waitFor(() => stream.isEnded());
    await stream.close();
    await disposeOwn();
  });
});
