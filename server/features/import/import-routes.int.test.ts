import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { testEngines } from '../../test/engines';
import { createTestOrganisation, createTestUser, tokenFor } from '../../test/factories';

const CSV = readFileSync(new URL('../../importers/table/__fixtures__/roadmap.csv', import.meta.url));
const ADO = readFileSync(new URL('../../importers/ado/__fixtures__/fabrikam-flat.csv', import.meta.url));
// Real Jira data (see shared/data/jira/README): five statuses appear only in histories.
const JIRA = readFileSync(new URL('../../../../shared/data/jira/aea-shared.json', import.meta.url));
const engines = await testEngines();

describe.each(engines)('Web import flow on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  const setup = async () => {
    const handle = await engine.open();
    const app: FastifyInstance = await buildApp({ store: handle.store });
    cleanups.push(async () => {
      await app.close();
      await handle.dispose();
    });
    const org = await createTestOrganisation(handle.store);
    const call = (method: 'GET' | 'POST', url: string, body?: unknown, token = org.token) =>
      app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(Buffer.isBuffer(body) ? { 'content-type': 'application/octet-stream' } : {}),
        },
        ...(body === undefined ? {} : { payload: body as string }),
      });
    return { app, store: handle.store, org, call };
  };
  const poll = async (call: Awaited<ReturnType<typeof setup>>['call'], id: string) => {
    for (let i = 0; i < 200; i++) {
      const job = (await call('GET', `/api/v1/imports/jobs/${id}`)).json();
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import job did not finish');
  };

  it('uploads a spreadsheet, suggests a mapping, validates per row, imports and saves the mapping', async () => {
    const { call } = await setup();
    const up = await call('POST', '/api/v1/imports/uploads?fileName=roadmap.csv', CSV);
    expect(up.statusCode).toBe(201);
    const preview = up.json();
    expect(preview).toMatchObject({
      kind: 'table',
      format: 'csv',
      source: 'csv:roadmap',
      savedMapping: null,
    });
    expect(preview.columns).toContain('Summary');
    expect(preview.sampleRows[0]).toEqual([
      '1',
      'Checkout redesign',
      'In Progress',
      'epic',
      'Ana Lima',
      '',
      '2024-04-01',
      '',
      '',
      'web',
    ]);
    expect(preview.suggestedMapping.columns).toMatchObject({
      key: 'Ref',
      title: 'Summary',
      status: 'State',
      type: 'Kind',
      assignee: 'Owner',
    });
    const mapping = { ...preview.suggestedMapping, project: 'Roadmap' };
    const checked = await call('POST', `/api/v1/imports/uploads/${preview.id}/validate`, {
      kind: 'table',
      mapping,
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ total: 8, valid: 5, existing: 0, rejected: 3 });
    expect(checked.json().rejections[0]).toEqual({ row: 6, reason: 'ROADMAP-5: no title' });
    const started = await call('POST', `/api/v1/imports/uploads/${preview.id}/import`, {
      kind: 'table',
      mapping,
      onMissing: 'keep',
    });
    expect(started.statusCode).toBe(202);
    const job = await poll(call, started.json().id);
    expect(job).toMatchObject({ status: 'completed', summary: { created: 5, rejected: 3 } });
    const list = await call('GET', '/api/v1/work-items?q=Checkout');
    expect(list.json().items[0]).toMatchObject({ key: 'ROADMAP-1', title: 'Checkout redesign' });
    // the mapping is saved per source: the next upload of the same file offers it
    const again = (await call('POST', '/api/v1/imports/uploads?fileName=roadmap.csv', CSV)).json();
    expect(again.savedMapping).toMatchObject({ columns: { key: 'Ref' }, project: 'Roadmap' });
    const second = await poll(
      call,
      (await call('POST', `/api/v1/imports/uploads/${again.id}/import`, { kind: 'table' })).json().id,
    );
    expect(second.summary).toMatchObject({ created: 0, unchanged: 5 });
  });

  it('offers a Jira upload the built-in mapping and names the statuses nothing classified', async () => {
    const { call } = await setup();
    const preview = (await call('POST', '/api/v1/imports/uploads?fileName=aea-shared.json', JIRA)).json();
    expect(preview).toMatchObject({ kind: 'jira', format: 'json', savedMapping: null });
    expect(preview.defaultMapping.fields.storyPoints).toContain('Story Points');
    const url = `/api/v1/imports/uploads/${preview.id}/validate`;
    const plain = (await call('POST', url, { kind: 'jira', mapping: preview.defaultMapping })).json();
    expect(plain).toMatchObject({ total: 325, valid: 325, rejected: 0 });
    expect(plain.unclassifiedStatuses).toEqual(expect.arrayContaining(['Incomplete', 'Waiting for info']));
    const mapping = {
      ...preview.defaultMapping,
      statuses: Object.fromEntries(plain.unclassifiedStatuses.map((s: string) => [s, 'todo'])),
    };
    const mapped = (await call('POST', url, { kind: 'jira', mapping })).json();
    expect(mapped.unclassifiedStatuses).toEqual([]);
  });

  it('detects an Azure DevOps export, refuses bad input with the field named, and admits admins only', async () => {
    const { call, store, org } = await setup();
    const preview = (await call('POST', '/api/v1/imports/uploads?fileName=fabrikam.csv', ADO)).json();
    expect(preview).toMatchObject({ kind: 'ado', source: 'ado:fabrikam', suggestedMapping: null });
    const bad = await call('POST', `/api/v1/imports/uploads/${preview.id}/validate`, {
      kind: 'ado',
      mapping: { statuses: { New: 'nope' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('mapping');
    const noMapping = await call('POST', `/api/v1/imports/uploads/${preview.id}/validate`, { kind: 'table' });
    expect(noMapping.statusCode).toBe(400);
    expect(
      (await call('GET', '/api/v1/imports/uploads/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    const member = await createTestUser(store, org.organisationId);
    const memberToken = await tokenFor(store, org.organisationId, member.userId);
    expect(
      (await call('GET', `/api/v1/imports/uploads/${preview.id}`, undefined, memberToken)).statusCode,
    ).toBe(403);
    const other = await createTestOrganisation(store, 'Other');
    expect(
      (await call('GET', `/api/v1/imports/uploads/${preview.id}`, undefined, other.token)).statusCode,
    ).toBe(404);
    const job = await poll(
      call,
      (await call('POST', `/api/v1/imports/uploads/${preview.id}/import`, { kind: 'ado' })).json().id,
    );
    expect(job.summary).toMatchObject({ created: 8, rejected: 3 });
  });
});
