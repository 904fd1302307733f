import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
} from '../../test/factories';
import { CLASSES_OF_SERVICE, demoClassOfService } from './demo-class-of-service';

const engines = await testEngines();

describe.each(engines)('team backlog and board cards on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let projectId: string;
  let teamId: string;

  const create = async (body: Record<string, unknown>) => {
    const res = await api.post('/api/v1/work-items', { projectId, ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const org = await createTestOrganisation(store);
    api = apiClient(app, org.token);
    projectId = (await createPortfolioWithProject(api, 'BKL')).project.id;
    teamId = (await api.post('/api/v1/teams', { name: 'Otters', deliveryMethod: 'kanban' })).body.id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('lists unstarted items in rank order with their feature and epic', async () => {
    const epic = await create({ type: 'epic', title: 'Checkout' });
    const feature = await create({ type: 'feature', title: 'Wallets', parentId: epic.id });
    const a = await create({ type: 'story', title: 'A', teamId, parentId: feature.id, estimate: 3 });
    const b = await create({ type: 'bug', title: 'B', teamId, parentId: epic.id });
    const c = await create({ type: 'story', title: 'C', teamId });
    await create({ type: 'story', title: 'Started', teamId, status: 'In Progress' });
    expect((await api.post(`/api/v1/work-items/${c.id}/rank`, { before: a.id })).status).toBe(200);

    const res = await api.get(`/api/v1/teams/${teamId}/backlog`);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; title: string; feature: unknown; epic: unknown }[];
    // C was ranked before A (A joined the ranked backlog as the anchor); B is unranked, last.
    expect(items.map((i) => i.title)).toEqual(['C', 'A', 'B']);
    expect(items[1]).toMatchObject({ feature: { id: feature.id }, epic: { id: epic.id, title: 'Checkout' } });
    expect(items[2]).toMatchObject({ feature: null, epic: { id: epic.id } });
    expect(b.id).toBe(items[2]?.id);
  });

  it('answers 404 for a team that does not exist', async () => {
    const res = await api.get('/api/v1/teams/00000000-0000-4000-8000-000000000000/backlog');
    expect(res.status).toBe(404);
  });

  it('gives board cards their version and class of service', async () => {
    const item = await create({
      type: 'story',
      title: 'Urgent fix',
      teamId,
      customFields: { classOfService: 'expedite' },
    });
    const board = await api.get(`/api/v1/teams/${teamId}/board?swimlane=class_of_service`);
    expect(board.status).toBe(200);
    const cards = board.body.columns.flatMap((c: { items: unknown[] }) => c.items) as {
      id: string;
      version: number;
      classOfService: string;
    }[];
    expect(cards.find((c) => c.id === item.id)).toMatchObject({
      version: item.version,
      classOfService: 'expedite',
    });
    expect(board.body.lanes.map((l: { key: string }) => l.key)).toContain('expedite');
  });
});

describe('demo class of service', () => {
  it('is deterministic and mostly standard', () => {
    const ids = Array.from(
      { length: 2000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const classes = ids.map((id) => demoClassOfService(id, 'story'));
    expect(ids.map((id) => demoClassOfService(id, 'story'))).toEqual(classes);
    for (const cls of CLASSES_OF_SERVICE) expect(classes).toContain(cls);
    const standard = classes.filter((c) => c === 'standard').length / classes.length;
    expect(standard).toBeGreaterThan(0.6);
    expect(standard).toBeLessThan(0.85);
  });
});
