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

const engines = await testEngines();

describe.each(engines)('work items on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    api = apiClient(app, (await createTestOrganisation(store)).token);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('numbers items per project and builds the epic → feature → story hierarchy', async () => {
    const { project } = await createPortfolioWithProject(api, 'HIER');
    const epic = (
      await api.post('/api/v1/work-items', { projectId: project.id, type: 'epic', title: 'Checkout' })
    ).body;
    const feature = (
      await api.post('/api/v1/work-items', {
        projectId: project.id,
        type: 'feature',
        title: 'Wallets',
        parentId: epic.id,
      })
    ).body;
    const story = await api.post('/api/v1/work-items', {
      projectId: project.id,
      type: 'story',
      title: 'Pay by wallet',
      parentId: feature.id,
      estimate: 5,
      estimateUnit: 'points',
    });
    expect([epic.key, feature.key, story.body.key]).toEqual(['HIER-1', 'HIER-2', 'HIER-3']);
    const wrong = await api.post('/api/v1/work-items', {
      projectId: project.id,
      type: 'epic',
      title: 'Nested epic',
      parentId: feature.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('parentId');
    const children = await api.get(`/api/v1/work-items?parentId=${feature.id}`);
    expect(children.body.items.map((i: { key: string }) => i.key)).toEqual(['HIER-3']);
  });

  it('writes every status change to the history in the same transaction and keeps flow timestamps', async () => {
    const { project } = await createPortfolioWithProject(api, 'FLOW');
    let item = (
      await api.post('/api/v1/work-items', { projectId: project.id, type: 'bug', title: 'Crash on save' })
    ).body;
    expect(item).toMatchObject({ status: 'To Do', statusCategory: 'todo', startedAt: null, doneAt: null });
    const move = async (body: Record<string, unknown>) => {
      const res = await api.patch(`/api/v1/work-items/${item.id}`, { ...body, version: item.version });
      expect(res.status).toBe(200);
      item = res.body;
    };
    await move({ status: 'In Progress' });
    const started = item.startedAt;
    expect(started).not.toBeNull();
    await move({ status: 'Waiting for vendor', statusCategory: 'in_progress' });
    await move({ status: 'Done' });
    expect(item.doneAt).not.toBeNull();
    await move({ status: 'In Progress' });
    expect(item).toMatchObject({ doneAt: null, startedAt: started });
    await move({ title: 'Crash on save (Safari)' });

    const history = (await api.get(`/api/v1/work-items/${item.id}/status-history`)).body.items;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'To Do',
      'In Progress',
      'Waiting for vendor',
      'Done',
      'In Progress',
    ]);
    expect(history[0].fromStatus).toBeNull();
    expect(history[3]).toMatchObject({ fromCategory: 'in_progress', toCategory: 'done' });
  });

  it('asks for a category when the status name is unknown, and writes nothing', async () => {
    const { project } = await createPortfolioWithProject(api, 'CAT');
    const res = await api.post('/api/v1/work-items', {
      projectId: project.id,
      type: 'task',
      title: 'X',
      status: 'Parked',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('statusCategory');
    expect((await api.get(`/api/v1/work-items?projectId=${project.id}`)).body.items).toEqual([]);
  });

  it('filters by doneAt range inclusively by day and searches titles', async () => {
    const { project } = await createPortfolioWithProject(api, 'RANGE');
    const a = (
      await api.post('/api/v1/work-items', {
        projectId: project.id,
        type: 'story',
        title: 'Alpha search term',
        status: 'Done',
      })
    ).body;
    const today = String(a.doneAt).slice(0, 10);
    const inRange = await api.get(
      `/api/v1/work-items?projectId=${project.id}&doneAtFrom=${today}&doneAtTo=${today}`,
    );
    expect(inRange.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const found = await api.get(`/api/v1/work-items?projectId=${project.id}&q=SEARCH`);
    expect(found.body.items).toHaveLength(1);
  });
});

describe.each(engines)('tags on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    api = apiClient(app, (await createTestOrganisation(store)).token);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('tags projects and work items, filters by tag, and refuses tags of another organisation', async () => {
    const { project } = await createPortfolioWithProject(api, 'TAGS');
    const urgent = (await api.post('/api/v1/tags', { name: 'urgent', color: '#dc2626' })).body;
    const debt = (await api.post('/api/v1/tags', { name: 'tech-debt' })).body;
    const item = (
      await api.post('/api/v1/work-items', {
        projectId: project.id,
        type: 'task',
        title: 'Patch',
        tagIds: [urgent.id],
      })
    ).body;
    expect(item.tagIds).toEqual([urgent.id]);
    await api.post('/api/v1/work-items', { projectId: project.id, type: 'task', title: 'Other' });
    const tagged = await api.get(`/api/v1/work-items?projectId=${project.id}&tag=${urgent.id}`);
    expect(tagged.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);

    const retagged = await api.patch(`/api/v1/work-items/${item.id}`, {
      tagIds: [debt.id],
      version: item.version,
    });
    expect(retagged.body).toMatchObject({ tagIds: [debt.id], version: item.version + 1 });
    const audit = (await api.get(`/api/v1/work-items/${item.id}/audit`)).body.items.at(-1);
    expect(audit.changes.tagIds).toEqual({ before: [urgent.id], after: [debt.id] });

    const foreignTag = (
      await apiClient(app, (await createTestOrganisation(store)).token).post('/api/v1/tags', { name: 'x' })
    ).body;
    const refused = await api.patch(`/api/v1/projects/${project.id}`, {
      tagIds: [foreignTag.id],
      version: project.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('tagIds');
    expect((await api.get(`/api/v1/projects/${project.id}`)).body).toMatchObject({
      tagIds: [],
      version: project.version,
    });

    await api.delete(`/api/v1/work-items/${retagged.body.id}?version=${retagged.body.version}`);
    const left = await store.db
      .selectFrom('taggings')
      .select('entity_id')
      .where('entity_id', '=', item.id)
      .execute();
    expect(left).toEqual([]);
  });
});
