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
  tokenFor,
} from '../../test/factories';

// Intake and triage, moving a project to another template version, and object-level access.

const engines = await testEngines();
const ANSWERS = { problem: 'Checkout abandons at 38 %', outcome: 'One-page checkout', sponsor: 'CFO' };

describe.each(engines)('PMO intake and template moves on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  async function setUp(key: string) {
    const org = await createTestOrganisation(store);
    const admin = apiClient(app, org.token);
    const { portfolio, project } = await createPortfolioWithProject(admin, key);
    const defaults = await admin.post('/api/v1/methodology-templates/defaults', {});
    const predictive = defaults.body.items.find(
      (t: { methodology: string }) => t.methodology === 'predictive',
    );
    const as = async (role: 'pmo_lead' | 'stakeholder', scopeType: 'portfolio' | 'project' = 'portfolio') => {
      const user = await createTestUser(store, org.organisationId, {
        grants: [{ role, scopeType, scopeId: scopeType === 'portfolio' ? portfolio.id : project.id }],
      });
      return apiClient(app, await tokenFor(store, org.organisationId, user.userId));
    };
    return { org, admin, portfolio, project, predictive, as };
  }

  it('takes proposals on the playbook form and triages them into a project, a rejection or a deferral', async () => {
    const { portfolio, predictive, as } = await setUp('INT');
    const pmo = await as('pmo_lead');
    const missing = await pmo.post('/api/v1/project-proposals', {
      portfolioId: portfolio.id,
      templateId: predictive.id,
      title: 'New checkout',
      fields: { problem: 'x', colour: 'red' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'fields.outcome',
      'fields.sponsor',
      'fields.colour',
    ]);

    const created = await pmo.post('/api/v1/project-proposals', {
      portfolioId: portfolio.id,
      templateId: predictive.id,
      title: 'New checkout',
      fields: ANSWERS,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'submitted', projectId: null, version: 1 });
    const url = `/api/v1/project-proposals/${created.body.id}/triage`;

    expect((await pmo.post(url, { decision: 'defer', rationale: 'Wait for Q3 budget' })).status).toBe(428);
    expect((await pmo.post(url, { decision: 'defer', rationale: 'later', version: 7 })).status).toBe(412);
    const deferred = await pmo.post(url, { decision: 'defer', rationale: 'Wait for Q3 budget', version: 1 });
    expect(deferred.status).toBe(200);
    expect(deferred.body).toMatchObject({
      state: 'deferred',
      triageRationale: 'Wait for Q3 budget',
      version: 2,
    });
    expect(deferred.body.triagedBy).toBeTruthy();
    expect(deferred.body.triagedAt).toBeTruthy();

    const noKey = await pmo.post(url, { decision: 'accept', rationale: 'Funded', version: 2 });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('project.key');
    const accepted = await pmo.post(url, {
      decision: 'accept',
      rationale: 'Funded in Q3',
      project: { key: 'CHK' },
      version: 2,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    const projectId = accepted.body.projectId as string;
    const project = await pmo.get(`/api/v1/projects/${projectId}`);
    expect(project.body).toMatchObject({ key: 'CHK', name: 'New checkout', approach: 'predictive' });
    const playbook = await pmo.get(`/api/v1/projects/${projectId}/methodology`);
    expect(playbook.body).toMatchObject({ templateId: predictive.id, templateVersion: 1 });
    const docs = await pmo.get(`/api/v1/project-documents?projectId=${projectId}`);
    expect(docs.body.items[0]).toMatchObject({ documentKey: 'proposal', fields: ANSWERS });

    // Final: no second triage, no edit.
    expect((await pmo.post(url, { decision: 'reject', rationale: 'x', version: 3 })).status).toBe(409);
    expect(
      (await pmo.patch(`/api/v1/project-proposals/${created.body.id}`, { title: 'x' }, { 'if-match': '"3"' }))
        .status,
    ).toBe(409);

    const other = await pmo.post('/api/v1/project-proposals', {
      portfolioId: portfolio.id,
      title: 'Chatbot',
      fields: ANSWERS,
    });
    expect(other.body.templateId).toBe(predictive.id);
    const rejected = await pmo.post(`/api/v1/project-proposals/${other.body.id}/triage`, {
      decision: 'reject',
      rationale: 'Duplicates the service desk roadmap',
      version: 1,
    });
    expect(rejected.body).toMatchObject({ state: 'rejected', projectId: null });
    const queue = await pmo.get(`/api/v1/project-proposals?portfolioId=${portfolio.id}&state=rejected`);
    expect(queue.body.items.map((p: { title: string }) => p.title)).toEqual(['Chatbot']);
  });

  it('moves a project to a newer template version only when asked, reporting and recording the changes', async () => {
    const { admin, project, predictive } = await setUp('MOV');
    const clone = await admin.post(`/api/v1/methodology-templates/${predictive.id}/clone`, { name: 'Ours' });
    expect(
      (await admin.post(`/api/v1/projects/${project.id}/methodology`, { templateId: clone.body.id })).status,
    ).toBe(201);
    const [g1, g2] = clone.body.content.gates;
    const content = structuredClone(clone.body.content);
    content.gates = content.gates.filter((g: { key: string }) => g.key !== g2.key);
    content.gates[0].checklist.push({ key: 'risk_workshop', text: 'Risk workshop held', required: true });
    const edited = await admin.patch(
      `/api/v1/methodology-templates/${clone.body.id}`,
      { content },
      { 'if-match': '"1"' },
    );
    expect(edited.body.version).toBe(2);

    // The edit leaves the running project alone.
    const before = await admin.get(`/api/v1/projects/${project.id}/methodology`);
    expect(before.body).toMatchObject({ templateVersion: 1, latestTemplateVersion: 2 });
    expect(before.body.gates.map((g: { key: string }) => g.key)).toContain(g2.key);

    const preview = await admin.get(`/api/v1/projects/${project.id}/methodology/moves/preview?toVersion=2`);
    expect(preview.status).toBe(200);
    expect(preview.body.changes.gatesRemoved.map((g: { key: string }) => g.key)).toEqual([g2.key]);
    expect(preview.body.changes.gatesChanged[0]).toMatchObject({ key: g1.key });
    expect(preview.body.summary.join(' ')).toContain('Risk workshop held');
    expect(
      (await admin.get(`/api/v1/projects/${project.id}/methodology/moves/preview?toVersion=9`)).status,
    ).toBe(400);

    const url = `/api/v1/projects/${project.id}/methodology/moves`;
    expect((await admin.post(url, { toVersion: 2, rationale: 'Adopt the risk workshop' })).status).toBe(428);
    expect((await admin.post(url, { toVersion: 2, rationale: 'x', version: 99 })).status).toBe(412);
    const moved = await admin.post(url, {
      toVersion: 2,
      rationale: 'Adopt the risk workshop',
      version: before.body.version,
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ fromVersion: 1, toVersion: 2, rationale: 'Adopt the risk workshop' });
    const after = await admin.get(`/api/v1/projects/${project.id}/methodology`);
    expect(after.body.templateVersion).toBe(2);
    expect(after.body.gates.map((g: { key: string }) => g.key)).not.toContain(g2.key);
    expect((await admin.get(url)).body.items).toHaveLength(1);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('entity_type')
      .where('entity_type', '=', 'project_methodology')
      .where('action', '=', 'update')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('hides proposals and playbook routes from users without access (404) and refuses read-only roles (403)', async () => {
    const { org, admin, portfolio, project, as } = await setUp('ACC');
    await admin.post(`/api/v1/projects/${project.id}/methodology`, { methodology: 'predictive' });
    const proposal = await admin.post('/api/v1/project-proposals', {
      portfolioId: portfolio.id,
      title: 'Hidden',
      fields: ANSWERS,
    });
    // Someone in the same organisation holding a role on another portfolio only.
    const { portfolio: elsewhere } = await createPortfolioWithProject(admin, 'ELS');
    const outsiderUser = await createTestUser(store, org.organisationId, {
      grants: [{ role: 'pmo_lead', scopeType: 'portfolio', scopeId: elsewhere.id }],
    });
    const outsider = apiClient(app, await tokenFor(store, org.organisationId, outsiderUser.userId));
    expect((await outsider.get(`/api/v1/project-proposals/${proposal.body.id}`)).status).toBe(404);
    expect(
      (
        await outsider.post(`/api/v1/project-proposals/${proposal.body.id}/triage`, {
          decision: 'reject',
          rationale: 'x',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await outsider.get(`/api/v1/project-proposals?portfolioId=${portfolio.id}`)).body.items).toEqual(
      [],
    );
    expect((await outsider.get(`/api/v1/projects/${project.id}/methodology/moves`)).status).toBe(404);
    expect(
      (await outsider.get(`/api/v1/projects/${project.id}/methodology/moves/preview?toVersion=1`)).status,
    ).toBe(404);
    expect(
      (
        await outsider.post(`/api/v1/projects/${project.id}/methodology/moves`, {
          toVersion: 1,
          rationale: 'x',
          version: 1,
        })
      ).status,
    ).toBe(404);

    const stakeholder = await as('stakeholder');
    expect((await stakeholder.get(`/api/v1/project-proposals/${proposal.body.id}`)).status).toBe(200);
    expect(
      (
        await stakeholder.post(`/api/v1/project-proposals/${proposal.body.id}/triage`, {
          decision: 'reject',
          rationale: 'x',
          version: 1,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await stakeholder.post(`/api/v1/projects/${project.id}/methodology/moves`, {
          toVersion: 1,
          rationale: 'x',
          version: 1,
        })
      ).status,
    ).toBe(403);
  });
});
