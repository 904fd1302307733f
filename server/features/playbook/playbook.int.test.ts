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

const engines = await testEngines();

const CHARTER = { purpose: 'p', objectives: 'o', scope: 's', sponsor: 'x', milestones: 'm' };
const BUSINESS_CASE = { problem: 'p', options: 'o', benefits: 'b', costs: 'c', recommendation: 'r' };

describe.each(engines)('PMO playbook on $name', (engine) => {
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

  /** The shared client, plus PUT (the settings and checklist routes replace a whole value). */
  const client = (token: string) => ({
    ...apiClient(app, token),
    put: async (url: string, body: unknown) => {
      const res = await app.inject({
        method: 'PUT',
        url,
        headers: { authorization: `Bearer ${token}` },
        payload: body as object,
      });
      return { status: res.statusCode, body: res.json() };
    },
  });

  async function setUp(key: string) {
    const org = await createTestOrganisation(store);
    const admin = client(org.token);
    const { portfolio, project } = await createPortfolioWithProject(admin, key);
    const as = async (role: 'pmo_lead' | 'project_manager' | 'stakeholder' | 'product_owner') => {
      const user = await createTestUser(store, org.organisationId, {
        grants: [{ role, scopeType: 'portfolio', scopeId: portfolio.id }],
      });
      return client(await tokenFor(store, org.organisationId, user.userId));
    };
    return { org, admin, portfolio, project, as };
  }

  it('seeds a default template per methodology, versions edits and never changes running projects', async () => {
    const { admin, project } = await setUp('TPL');
    const defaults = await admin.post('/api/v1/methodology-templates/defaults', {});
    expect(defaults.status).toBe(200);
    expect(defaults.body.items.map((t: { methodology: string }) => t.methodology).sort()).toEqual([
      'hybrid',
      'kanban',
      'predictive',
      'scrum',
    ]);
    // Idempotent.
    expect((await admin.post('/api/v1/methodology-templates/defaults', {})).body.items).toHaveLength(4);
    const predictive = defaults.body.items.find(
      (t: { methodology: string }) => t.methodology === 'predictive',
    );
    expect(predictive).toMatchObject({ isDefault: true, version: 1, projectCount: 0 });

    const clone = await admin.post(`/api/v1/methodology-templates/${predictive.id}/clone`, {
      name: 'Our stage-gate',
    });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({
      name: 'Our stage-gate',
      isDefault: false,
      clonedFromId: predictive.id,
      version: 1,
    });

    const adopted = await admin.post(`/api/v1/projects/${project.id}/methodology`, {
      templateId: clone.body.id,
    });
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({ templateVersion: 1, currentPhase: 'initiation' });
    expect(adopted.body.gates).toHaveLength(4);
    expect(
      (await admin.post(`/api/v1/projects/${project.id}/methodology`, { methodology: 'scrum' })).status,
    ).toBe(409);

    // Edit the template: drop the business case from gate 1. The project stays on version 1.
    const content = structuredClone(clone.body.content);
    content.gates[0].requiredArtefacts = ['charter'];
    const edited = await admin.patch(`/api/v1/methodology-templates/${clone.body.id}`, {
      content,
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, projectCount: 1 });
    const view = await admin.get(`/api/v1/projects/${project.id}/methodology`);
    expect(view.body).toMatchObject({ templateVersion: 1, latestTemplateVersion: 2 });
    expect(view.body.gates[0].requiredArtefacts).toEqual(['charter', 'business_case']);
    const versions = await admin.get(`/api/v1/methodology-templates/${clone.body.id}/versions`);
    expect(
      versions.body.items.map((v: { templateVersion: number; projectCount: number }) => [
        v.templateVersion,
        v.projectCount,
      ]),
    ).toEqual([
      [2, 0],
      [1, 1],
    ]);

    // Bad template content names the field.
    const bad = structuredClone(content);
    bad.gates[0].approverRoles = ['nobody'];
    const refused = await admin.patch(`/api/v1/methodology-templates/${clone.body.id}`, {
      content: bad,
      version: 2,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toEqual({
      field: 'content.gates.0.approverRoles',
      message: 'no role "nobody"',
    });

    // Deleting a template in use is refused, naming the count; an unused one goes.
    const del = await admin.delete(`/api/v1/methodology-templates/${clone.body.id}?version=2`);
    expect(del.status).toBe(409);
    expect(del.body).toMatchObject({ code: 'has_dependents', projectCount: 1 });
    expect(del.body.detail).toContain('in use by 1 project');
    expect((await admin.get(`/api/v1/methodology-templates/${clone.body.id}`)).status).toBe(200);
    const unused = defaults.body.items.find((t: { methodology: string }) => t.methodology === 'kanban');
    expect((await admin.delete(`/api/v1/methodology-templates/${unused.id}?version=1`)).status).toBe(204);
  });

  it('lets a PMO lead start a project on each methodology, each carrying phases, gates, roles and documents', async () => {
    const { portfolio, as } = await setUp('METH');
    const pmo = await as('pmo_lead');
    const approach = { predictive: 'predictive', scrum: 'agile', kanban: 'agile', hybrid: 'hybrid' };
    const deliveries: Record<string, string[]> = {};
    for (const [methodology, projectApproach] of Object.entries(approach)) {
      const project = await pmo.post('/api/v1/projects', {
        portfolioId: portfolio.id,
        key: `M${methodology.slice(0, 3).toUpperCase()}`,
        name: `${methodology} pilot`,
        approach: projectApproach,
      });
      expect(project.status).toBe(201);
      const adopted = await pmo.post(`/api/v1/projects/${project.body.id}/methodology`, { methodology });
      expect(adopted.status).toBe(201);
      const view = adopted.body as {
        templateVersion: number;
        currentPhase: string;
        phases: { key: string; delivery?: string }[];
        roles: { triadRoles: string[] }[];
        gates: { checklist: unknown[]; requiredArtefacts: string[]; approverTriadRoles: string[] }[];
        documents: { key: string; fields: { required: boolean }[] }[];
      };
      expect(view.templateVersion).toBe(1);
      expect(view.currentPhase).toBe(view.phases[0]?.key);
      expect(view.roles.length).toBeGreaterThan(0);
      expect(view.gates.length).toBeGreaterThan(0);
      for (const gate of view.gates) {
        expect(gate.checklist.length).toBeGreaterThan(0);
        expect(gate.requiredArtefacts.length).toBeGreaterThan(0);
        expect(gate.approverTriadRoles.length).toBeGreaterThan(0);
      }
      const documents = new Map(view.documents.map((d) => [d.key, d.fields]));
      for (const key of ['charter', 'business_case', 'status_report', 'closure_report']) {
        const fields = documents.get(key) ?? [];
        // Each document template has required fields and optional ones.
        expect(fields.some((f) => f.required)).toBe(true);
        expect(fields.some((f) => !f.required)).toBe(true);
      }
      deliveries[methodology] = view.phases.map((p) => p.delivery ?? '');
    }
    expect(new Set(deliveries.predictive)).toEqual(new Set(['predictive']));
    expect(new Set(deliveries.scrum)).toEqual(new Set(['scrum']));
    expect(new Set(deliveries.kanban)).toEqual(new Set(['kanban']));
    // Hybrid: predictive phases with agile delivery inside.
    expect(new Set(deliveries.hybrid)).toEqual(new Set(['predictive', 'scrum']));
  });

  it('refuses to pass a gate while an artefact or checklist item is missing, and only for approver roles', async () => {
    const { admin, project, as } = await setUp('GATE');
    expect(
      (await admin.post(`/api/v1/projects/${project.id}/methodology`, { methodology: 'predictive' })).status,
    ).toBe(201);
    const url = `/api/v1/projects/${project.id}/gates/g1_approve/reviews`;
    const pass = { outcome: 'pass', rationale: 'Charter and case are sound' };

    const missing = await admin.post(url, pass);
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'requiredArtefacts.charter',
      'requiredArtefacts.business_case',
      'checklist.sponsor_named',
      'checklist.stakeholders',
    ]);
    expect(missing.body.detail).toContain('missing artefact Project charter (charter)');

    // An incomplete charter is named with its missing fields.
    await admin.post('/api/v1/project-documents', {
      projectId: project.id,
      documentKey: 'charter',
      title: 'Charter',
      fields: { ...CHARTER, scope: '' },
    });
    const unknownDoc = await admin.post('/api/v1/project-documents', {
      projectId: project.id,
      documentKey: 'memo',
      title: 'M',
    });
    expect(unknownDoc.status).toBe(400);
    expect(unknownDoc.body.errors[0].field).toBe('documentKey');
    await admin.post('/api/v1/project-documents', {
      projectId: project.id,
      documentKey: 'business_case',
      title: 'BC',
      fields: BUSINESS_CASE,
    });
    for (const itemKey of ['sponsor_named', 'stakeholders'])
      expect(
        (
          await admin.put(`/api/v1/projects/${project.id}/methodology/checklist`, {
            gateKey: 'g1_approve',
            itemKey,
            done: true,
          })
        ).status,
      ).toBe(200);
    const incomplete = await admin.post(url, pass);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toEqual([
      { field: 'requiredArtefacts.charter', message: 'Project charter lacks scope' },
    ]);

    // A recycle is allowed any time, also while the gate is not ready.
    const recycled = await admin.post(url, {
      outcome: 'recycle',
      rationale: 'Charter lacks scope; rework it',
    });
    expect(recycled.status).toBe(201);
    expect((await admin.get(`/api/v1/projects/${project.id}/methodology`)).body.gates[0].status).toBe(
      'recycled',
    );

    // Fill the charter: ready. Pass with conditions needs them.
    const docs = await admin.get(`/api/v1/project-documents?projectId=${project.id}&documentKey=charter`);
    const charter = docs.body.items[0];
    expect(
      (
        await admin.patch(`/api/v1/project-documents/${charter.id}`, {
          fields: CHARTER,
          version: charter.version,
        })
      ).status,
    ).toBe(200);
    expect((await admin.post(url, { outcome: 'pass_with_conditions', rationale: 'ok' })).status).toBe(400);

    // Approvers: the template names Sponsor and PMO → pmo_lead. A project manager may not decide.
    const pm = await as('project_manager');
    const refused = await pm.post(url, pass);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('decided by Sponsor or PMO (Triad roles pmo_lead)');
    const stakeholder = await as('stakeholder');
    expect((await stakeholder.post(url, pass)).status).toBe(403);
    const pmo = await as('pmo_lead');
    const passed = await pmo.post(url, {
      ...pass,
      outcome: 'pass_with_conditions',
      conditions: ['Refresh the cost estimate'],
    });
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({
      gateKey: 'g1_approve',
      outcome: 'pass_with_conditions',
      conditions: ['Refresh the cost estimate'],
      approverRoles: ['pmo_lead'],
      templateVersion: 1,
    });
    expect(passed.body.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await pmo.post(url, pass)).status).toBe(409);

    const view = (await admin.get(`/api/v1/projects/${project.id}/methodology`)).body;
    expect(view.currentPhase).toBe('planning');
    expect(view.gates[0].status).toBe('passed_with_conditions');
    // Gate 3 waits for gate 2.
    const early = await admin.post(`/api/v1/projects/${project.id}/gates/g3_accept/reviews`, pass);
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toEqual({
      field: 'gateKey',
      message: 'gate g2_baseline has not passed yet',
    });
    // Stop ends it.
    expect(
      (
        await admin.post(`/api/v1/projects/${project.id}/gates/g2_baseline/reviews`, {
          outcome: 'stop',
          rationale: 'No funding',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post(`/api/v1/projects/${project.id}/gates/g2_baseline/reviews`, {
          outcome: 'recycle',
          rationale: 'x',
        })
      ).status,
    ).toBe(409);
    const reviews = await admin.get(`/api/v1/projects/${project.id}/gate-reviews`);
    // Every decision is kept with its rationale, approver and date.
    const recorded = reviews.body.items as {
      outcome: string;
      rationale: string;
      approverUserId: string;
      approverLabel: string;
      decidedOn: string;
    }[];
    expect(recorded.map((r) => [r.outcome, r.rationale])).toEqual([
      ['recycle', 'Charter lacks scope; rework it'],
      ['pass_with_conditions', 'Charter and case are sound'],
      ['stop', 'No funding'],
    ]);
    for (const r of recorded) {
      expect(r.approverUserId).toBeTruthy();
      expect(r.approverLabel).toBeTruthy();
      expect(r.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // The pass was the PMO lead's, the recycle and the stop the admin's.
    expect(recorded[1]?.approverUserId).not.toBe(recorded[0]?.approverUserId);
  });

  it('lets a Scrum release decision be taken by the product owner only', async () => {
    const { admin, project, as } = await setUp('SCR');
    await admin.post(`/api/v1/projects/${project.id}/methodology`, { methodology: 'scrum' });
    await admin.post('/api/v1/project-documents', {
      projectId: project.id,
      documentKey: 'charter',
      title: 'C',
      fields: CHARTER,
    });
    for (const itemKey of ['product_goal', 'backlog_ordered', 'definition_of_done'])
      await admin.put(`/api/v1/projects/${project.id}/methodology/checklist`, {
        gateKey: 'ready_to_start',
        itemKey,
        done: true,
      });
    const po = await as('product_owner');
    expect(
      (
        await po.post(`/api/v1/projects/${project.id}/gates/ready_to_start/reviews`, {
          outcome: 'pass',
          rationale: 'Ready',
        })
      ).status,
    ).toBe(201);
    const release = await (await as('pmo_lead')).post(
      `/api/v1/projects/${project.id}/gates/release_review/reviews`,
      {
        outcome: 'recycle',
        rationale: 'Not yet',
      },
    );
    expect(release.status).toBe(403);
  });

  it('keeps a RAID log with scores, EMV, trend and a portfolio heat map with flags', async () => {
    const { admin, project, portfolio } = await setUp('RAID');
    const risk = await admin.post('/api/v1/risks', {
      projectId: project.id,
      title: 'Vendor late',
      probability: 2,
      impact: 4,
      costImpact: 40_000,
      responseStrategy: 'mitigate',
      mitigations: [{ action: 'Second supplier', done: false }],
      residualProbability: 1,
      residualImpact: 3,
      raisedOn: '2026-01-10',
    });
    expect(risk.status).toBe(201);
    expect(risk.body).toMatchObject({
      score: 8,
      rating: 'medium',
      residualScore: 3,
      residualRating: 'low',
      trend: 'new',
      lastReviewedOn: '2026-01-10',
    });
    expect(risk.body.expectedMonetaryValue).toBeCloseTo(12_000);
    const rising = await admin.patch(`/api/v1/risks/${risk.body.id}`, { probability: 4, version: 1 });
    expect(rising.body).toMatchObject({ score: 16, rating: 'high', trend: 'rising' });
    expect(rising.body.expectedMonetaryValue).toBeCloseTo(28_000);
    expect(
      (await admin.post('/api/v1/risks', { projectId: project.id, title: 'x', probability: 6, impact: 1 }))
        .status,
    ).toBe(400);
    const pair = await admin.post('/api/v1/risks', {
      projectId: project.id,
      title: 'x',
      probability: 1,
      impact: 1,
      residualImpact: 1,
    });
    expect(pair.status).toBe(400);
    expect(pair.body.errors[0].field).toBe('residualProbability');
    await admin.post('/api/v1/risks', {
      projectId: project.id,
      title: 'Old',
      probability: 1,
      impact: 2,
      raisedOn: '2025-01-01',
      lastReviewedOn: '2025-01-01',
    });
    const issue = await admin.post('/api/v1/issues', {
      projectId: project.id,
      title: 'Build broken',
      severity: 'critical',
      dueDate: '2026-01-01',
      escalationPath: ['Project manager', 'Sponsor'],
      escalationLevel: 1,
    });
    expect(issue.status).toBe(201);
    expect(
      (
        await admin.post('/api/v1/issues', {
          projectId: project.id,
          title: 'y',
          severity: 'low',
          escalationLevel: 2,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/v1/assumptions', {
          projectId: project.id,
          title: 'Budget holds',
          validateBy: '2026-02-01',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/api/v1/decisions', {
          projectId: project.id,
          title: 'Use vendor A',
          status: 'decided',
          decidedOn: '2026-01-05',
        })
      ).status,
    ).toBe(201);

    const raid = await admin.get(`/api/v1/portfolios/${portfolio.id}/raid?asOf=2026-03-01`);
    expect(raid.status).toBe(200);
    expect(raid.body.heatMap.cells[3][3]).toBe(1);
    expect(raid.body.heatMap.cells[0][1]).toBe(1);
    expect(raid.body.heatMap.residualCells[0][2]).toBe(1);
    expect(raid.body.risks).toMatchObject({
      open: 2,
      byRating: { low: 1, medium: 0, high: 1 },
      expectedMonetaryValue: 28_000,
    });
    expect(raid.body.flagged.map((f: { title: string; flags: string[] }) => [f.title, f.flags])).toEqual([
      ['Vendor late', ['escalating']],
      ['Old', ['review_overdue']],
    ]);
    expect(raid.body.issues).toMatchObject({
      open: 1,
      overdue: 1,
      escalated: 1,
      bySeverity: { critical: 1 },
    });
    expect(raid.body.assumptions).toEqual({ open: 1, overdue: 1 });
    expect(raid.body.decisions).toEqual({ total: 1, proposed: 0 });

    // A configurable matrix changes the ratings.
    const settings = (await admin.get('/api/v1/playbook/settings')).body;
    expect(settings.version).toBe(0);
    const put = await admin.put('/api/v1/playbook/settings', {
      ...settings,
      riskMatrix: { ...settings.riskMatrix, thresholds: { medium: 2, high: 20 } },
    });
    expect(put.status).toBe(200);
    expect((await admin.get(`/api/v1/risks/${risk.body.id}`)).body.rating).toBe('medium');
    expect(
      (
        await admin.put('/api/v1/playbook/settings', {
          ...put.body,
          riskMatrix: { ...settings.riskMatrix, thresholds: { medium: 9, high: 3 } },
        })
      ).status,
    ).toBe(400);
  });

  it('warns on RACI gaps and on one person accountable for too much of the portfolio', async () => {
    const { admin, project, portfolio } = await setUp('RACI');
    const ann = (await admin.post('/api/v1/people', { name: 'Ann' })).body.id;
    const bob = (await admin.post('/api/v1/people', { name: 'Bob' })).body.id;
    const matrix = await admin.post('/api/v1/raci-matrices', {
      projectId: project.id,
      activities: [
        {
          name: 'Charter',
          assignments: [
            { personId: ann, code: 'A' },
            { personId: bob, code: 'R' },
          ],
        },
        {
          name: 'Budget',
          assignments: [
            { personId: ann, code: 'A' },
            { personId: bob, code: 'A' },
            { role: 'Finance', code: 'R' },
          ],
        },
        { name: 'Testing', assignments: [{ role: 'QA', code: 'C' }] },
        {
          name: 'Release',
          assignments: [
            { personId: ann, code: 'A' },
            { role: 'Ops', code: 'R' },
          ],
        },
      ],
    });
    expect(matrix.status).toBe(201);
    expect(
      matrix.body.warnings.map((w: { activity: string; code: string }) => `${w.activity}:${w.code}`),
    ).toEqual(['Budget:several_accountables', 'Testing:no_accountable', 'Testing:no_responsible']);
    const bad = await admin.post('/api/v1/raci-matrices', {
      projectId: project.id,
      activities: [{ name: 'x', assignments: [{ personId: ann, role: 'PM', code: 'R' }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('activities.0.assignments.0');

    const settings = (await admin.get('/api/v1/playbook/settings')).body;
    await admin.put('/api/v1/playbook/settings', {
      ...settings,
      raciShareThreshold: 0.5,
      raciMinActivities: 3,
    });
    const warnings = await admin.get(`/api/v1/portfolios/${portfolio.id}/raci-warnings`);
    expect(warnings.status).toBe(200);
    expect(warnings.body.concentration).toEqual([
      { personId: ann, name: 'Ann', accountables: 3, total: 3, share: 1, projects: [project.id] },
    ]);
    expect(warnings.body.projects[0].warnings).toHaveLength(3);
  });

  it('pre-fills a status draft from data, publishes it, exports it and rolls it up', async () => {
    const { admin, project, portfolio, as } = await setUp('STAT');
    await admin.patch(`/api/v1/projects/${project.id}`, {
      budget: 100_000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      version: project.version,
    });
    await admin.post('/api/v1/milestones', { projectId: project.id, name: 'Beta', dueDate: '2026-06-01' });
    for (const title of ['A', 'B', 'C'])
      await admin.post('/api/v1/risks', {
        projectId: project.id,
        title,
        probability: 4,
        impact: 4,
        raisedOn: '2026-06-20',
      });

    const draft = await admin.post(`/api/v1/projects/${project.id}/status-reports/draft`, {
      periodEnd: '2026-06-30',
      actualCost: 70_000,
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      state: 'draft',
      scheduleRag: 'red',
      costRag: 'red',
      riskRag: 'red',
      overallRag: 'red',
      actualCost: 70_000,
    });
    expect(draft.body.comments.schedule).toBe('Milestone "Beta" is 29 days late');
    expect(draft.body.comments.risk).toBe('3 open high risk(s): A, B, C');
    expect(draft.body.signals.milestones).toHaveLength(1);
    expect(draft.body.health.score).toBe(0);
    expect(draft.body.health.formula).toContain('health = Σ(weight × points)');

    const health = await admin.get(`/api/v1/projects/${project.id}/health?asOf=2026-05-01`);
    expect(health.status).toBe(200);
    expect(health.body.dimensions.schedule.rag).toBe('green');
    expect(health.body.formula).toContain('weights schedule 0.3');

    // The PM edits and publishes; a published report is frozen.
    const pm = await as('project_manager');
    const edited = await pm.patch(`/api/v1/status-reports/${draft.body.id}`, {
      costRag: 'amber',
      comments: { ...draft.body.comments, cost: 'Invoices include prepayments' },
      summary: 'Beta slipped; recovery plan agreed.',
      state: 'published',
      version: draft.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.publishedAt).toBeTruthy();
    expect(
      (
        await pm.patch(`/api/v1/status-reports/${draft.body.id}`, {
          summary: 'x',
          version: edited.body.version,
        })
      ).status,
    ).toBe(409);
    const noOverall = await admin.post('/api/v1/status-reports', {
      projectId: project.id,
      periodEnd: '2026-07-31',
      state: 'published',
    });
    expect(noOverall.status).toBe(400);

    const markdown = await admin.get(`/api/v1/status-reports/${draft.body.id}/export`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers['content-type']).toContain('text/markdown');
    const pdf = await admin.get(`/api/v1/status-reports/${draft.body.id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const rollup = await admin.get(`/api/v1/portfolios/${portfolio.id}/status-rollup`);
    expect(rollup.status).toBe(200);
    expect(rollup.body.counts).toEqual({ green: 0, amber: 0, red: 1, none: 0 });
    expect(rollup.body.projects[0]).toMatchObject({
      key: 'STAT',
      reports: 1,
      latest: { overallRag: 'red', costRag: 'amber' },
    });
    const history = await admin.get(`/api/v1/status-reports?projectId=${project.id}`);
    expect(history.body.items).toHaveLength(1);
  });

  it('tracks the PMO setup plan', async () => {
    const { admin, as } = await setUp('SET');
    const plan = await admin.get('/api/v1/playbook/setup-plan');
    expect(plan.status).toBe(200);
    expect(plan.body.items).toHaveLength(12);
    expect(plan.body.progress).toMatchObject({ done: 0, total: 12 });
    const first = plan.body.items[0];
    const ticked = await admin.patch(`/api/v1/playbook/setup-plan/${first.key}`, {
      done: true,
      version: first.version,
    });
    expect(ticked.status).toBe(200);
    expect(ticked.body.progress.done).toBe(1);
    expect(ticked.body.items[0]).toMatchObject({ done: true, version: 2 });
    expect(
      (await admin.patch(`/api/v1/playbook/setup-plan/${first.key}`, { done: false, version: 1 })).status,
    ).toBe(412);
    const pm = await as('project_manager');
    expect(
      (await pm.patch(`/api/v1/playbook/setup-plan/${first.key}`, { done: false, version: 2 })).status,
    ).toBe(403);
    expect((await pm.get('/api/v1/playbook/setup-plan')).status).toBe(200);
  });
});
