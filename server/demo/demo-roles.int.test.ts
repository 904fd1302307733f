import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Store } from '../store/database';
import { testEngines } from '../test/engines';
import { signInSession } from '../test/factories';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { DEMO_ADMIN_EMAIL, seedDemo } from './seed-demo';

const engines = await testEngines();

describe.each(engines)('demo accounts on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    app = await buildApp({ store, rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const as = async (email: string) => {
    const { cookie, csrf } = await signInSession(app, email, DEMO_PASSWORD);
    const get = async (url: string) => (await app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const patch = (url: string, body: object) =>
      app.inject({ method: 'PATCH', url, headers: { cookie, 'x-csrf-token': csrf }, payload: body });
    return { get, patch };
  };
  const projectKeys = async (user: Awaited<ReturnType<typeof as>>) =>
    (await user.get('/api/v1/projects?limit=100')).items.map((p: { key: string }) => p.key).sort();

  it('lets every demo account sign in with the demo password', async () => {
    for (const email of [DEMO_ADMIN_EMAIL, ...DEMO_USERS.map((u) => u.email)]) {
      const user = await as(email);
      expect((await user.get('/api/v1/auth/session')).user.email).toBe(email);
    }
  });

  it('shows each role exactly its part of the portfolio', async () => {
    const all = await projectKeys(await as(DEMO_ADMIN_EMAIL));
    expect(all).toHaveLength(24);
    expect(await projectKeys(await as('paula.pmo@northwind.example'))).toEqual(all);
    expect(await projectKeys(await as('erin.exec@northwind.example'))).toEqual(all);
    // The stakeholder holds the first portfolio only: Digital Customer Experience.
    expect(await projectKeys(await as('sam.stakeholder@northwind.example'))).toEqual([
      'APP',
      'CHAT',
      'INSTP',
      'OBAPI',
      'ONBRD',
      'PAY',
      'PFM',
      'SPEND',
      'VOICE',
      'WEB',
    ]);
    expect(await projectKeys(await as('maria.pm@northwind.example'))).toEqual(['PAY']);
    // The Falcons work on WEB and CHAT; their team member sees those projects through the team.
    expect(await projectKeys(await as('tess.team@northwind.example'))).toEqual(['CHAT', 'WEB']);
  });

  it('lets a team member move their team’s items but not edit what they only read', async () => {
    const tess = await as('tess.team@northwind.example');
    const items = (await tess.get('/api/v1/work-items?limit=5&statusCategory=todo')).items;
    expect(items.length).toBeGreaterThan(0);
    const item = items[0];
    expect(
      (await tess.patch(`/api/v1/work-items/${item.id}`, { status: 'In Progress', version: item.version }))
        .statusCode,
    ).toBe(200);
    const project = (await tess.get('/api/v1/projects?key=WEB')).items[0];
    expect(
      (await tess.patch(`/api/v1/projects/${project.id}`, { health: 'red', version: project.version }))
        .statusCode,
    ).toBe(403);
    const erin = await as('erin.exec@northwind.example');
    expect(
      (await erin.patch(`/api/v1/projects/${project.id}`, { health: 'red', version: project.version }))
        .statusCode,
    ).toBe(403);
    const paula = await as('paula.pmo@northwind.example');
    expect(
      (await paula.patch(`/api/v1/projects/${project.id}`, { health: 'red', version: project.version }))
        .statusCode,
    ).toBe(200);
  });
});
