import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { testEngines } from '../../test/engines';
import { apiClient, createPortfolioWithProject, createTestOrganisation } from '../../test/factories';
import type { Store } from '../database';
import * as m0018 from './0018-resource-request-roles';

const engines = await testEngines();

// 0018 rebuilds resource_requests on SQLite: a request's bookings must keep their link to it
// (request_id is ON DELETE SET NULL, so a rebuild with foreign keys on would silently cut it),
// and foreign keys must be enforced again afterwards.
describe.each(engines)('migration 0018: resource requests by role on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('goes down and up again keeping requests, their links and foreign keys', async () => {
    const org = await createTestOrganisation(store);
    const api = apiClient(app, org.token);
    const { project } = await createPortfolioWithProject(api);
    const person = await api.post('/api/v1/people', { name: 'Ida', title: 'Analyst' });
    const span = { startDate: '2026-05-01', endDate: '2026-05-29' };
    const request = await api.post('/api/v1/resource-requests', {
      projectId: project.id,
      role: 'Analyst',
      ...span,
      amount: 0.5,
    });
    expect(request.status).toBe(201);
    const booking = await api.post('/api/v1/resource-assignments', {
      personId: person.body.id,
      projectId: project.id,
      requestId: request.body.id,
      ...span,
      amount: 10,
      unit: 'hours',
    });
    expect(booking.status).toBe(201);
    const link = async () =>
      (
        await sql<{
          request_id: string | null;
        }>`select request_id from resource_assignments where id = ${booking.body.id}`.execute(store.db)
      ).rows[0]?.request_id;

    await m0018.down(store.db as never);
    // Before 0018 a request had to name a skill: a role-only request keeps its role as the skill.
    const down = await sql<{
      skill: string;
    }>`select skill from resource_requests where id = ${request.body.id}`.execute(store.db);
    expect(down.rows[0]?.skill).toBe('Analyst');
    expect(await link()).toBe(request.body.id);

    await m0018.up(store.db as never);
    const up = await sql<{
      skill: string | null;
      role: string | null;
    }>`select skill, role from resource_requests where id = ${request.body.id}`.execute(store.db);
    expect(up.rows[0]).toEqual({ skill: 'Analyst', role: null });
    expect(await link()).toBe(request.body.id);
    // Foreign keys hold again: a booking of a request that does not exist is refused.
    const dangling = sql`update resource_assignments set request_id = 'no-such-request' where id = ${booking.body.id}`;
    await expect(dangling.execute(store.db)).rejects.toThrow(/foreign key/i);
    // And the API still reads and writes requests without a skill.
    const roleOnly = await api.post('/api/v1/resource-requests', {
      projectId: project.id,
      role: 'Analyst',
      ...span,
      amount: 0.2,
    });
    expect(roleOnly.status).toBe(201);
    expect(roleOnly.body.skill).toBeNull();
  });
});
