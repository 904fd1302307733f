import type { MethodologyContent } from '../../../core/playbook/methodology';
import type { Methodology } from '../../../core/playbook/vocabulary';
import type { Principal } from '../../auth/principal';
import type { DemoStructure } from '../../demo/demo-organisation';
import { createRecord } from '../../resources/resource-service';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import type { Store } from '../../store/database';
import { adoptTemplate } from './adopt-template';
import { seedProjectRaid } from './demo-raid';
import { projectDocumentSpec } from './document-spec';
import { decideGate, type GateDecision } from './gate-service';
import { projectProposalSpec } from './proposal-spec';
import { raciMatrixSpec } from './raci-spec';
import { statusReportSpec } from './status-report-spec';
import { ensureDefaultTemplates, findDefaultTemplateId, getTemplateVersion } from './template-store';

// The PMO playbook of the Northwind demo: every catalogue project on the default playbook of its
// approach, first gates decided (pass, pass with conditions, a recycle), RAID logs, RACI matrices
// (one with warnings), published status reports with a draft, and proposals in the intake queue.
// Written through the resource service as the demo administrator, so scores, history and audit
// are what real use produces.

const METHODOLOGY_OF: Record<string, Methodology> = {
  predictive: 'predictive',
  agile: 'scrum',
  hybrid: 'hybrid',
};
const DECISIONS: GateDecision[] = [
  { outcome: 'pass', rationale: 'Charter and business case approved; funding for planning released.' },
  {
    outcome: 'pass_with_conditions',
    rationale: 'Approved to plan; the vendor shortlist must be confirmed first.',
    conditions: ['Confirm the vendor shortlist by the next steering board'],
  },
];
const RAG = ['green', 'amber', 'red'] as const;
const day = (ms: number, offset: number) => new Date(ms + offset * 86_400_000).toISOString();

export async function seedPlaybookDemo(
  store: Store,
  s: DemoStructure,
  organisationId: string,
  adminUserId: string,
  anchorMs: number,
): Promise<void> {
  const principal: Principal = {
    organisationId,
    userId: adminUserId,
    label: 'Paula Pereira (PMO lead)',
    scope: 'write',
    orgAdmin: true,
    grants: [],
    via: 'token',
  };
  const at = (offset: number): RequestContext => ({ principal, now: day(anchorMs, offset) });
  const ownerIds = s.people.slice(0, 24).map((p) => p.id);
  // Only the catalogue's projects: scaled organisations add hundreds more without playbook data.
  const projects = s.projects.slice(0, 12).map((p) => p.row);
  await store.db.transaction().execute(async (trx) => {
    await ensureDefaultTemplates(trx, organisationId, at(-120).now);
    for (const [index, project] of projects.entries()) {
      const methodology = METHODOLOGY_OF[project.approach] ?? 'predictive';
      const templateId = (await findDefaultTemplateId(trx, organisationId, methodology)) as string;
      const link = await adoptTemplate(trx, at(-100), project.id, templateId);
      const template = await getTemplateVersion(trx, link.templateVersionId);
      if (index < 8) await decideFirstGate(trx, at, project.id, template.content, index);
      await seedProjectRaid(trx, at(0), anchorMs, project.id, index, ownerIds);
      if (index < 6) await seedRaci(trx, at(-60), project.id, index, ownerIds);
      if (index < 6) await seedStatusReports(trx, at, project.id, index);
    }
    await seedProposals(
      trx,
      at,
      s.portfolios[0]?.id ?? '',
      await findDefaultTemplateId(trx, organisationId, 'predictive'),
    );
  });
}

/** Fills the first gate's artefacts and checklist, then decides it (one project recycles first). */
async function decideFirstGate(
  trx: Trx,
  at: (offset: number) => RequestContext,
  projectId: string,
  content: MethodologyContent,
  index: number,
): Promise<void> {
  const gate = content.gates[0];
  if (!gate) return;
  if (index % 4 === 3)
    await decideGate(trx, at(-80), projectId, gate.key, {
      outcome: 'recycle',
      rationale: 'Business case lacks an options appraisal; rework and resubmit.',
    });
  for (const key of gate.requiredArtefacts) {
    const doc = content.documents.find((d) => d.key === key);
    if (!doc) continue;
    await createRecord(trx, at(-75), projectDocumentSpec, {
      projectId,
      documentKey: doc.key,
      title: doc.name,
      fields: Object.fromEntries(
        doc.fields.map((f) => [f.key, `${f.label}: agreed at the kick-off workshop.`]),
      ),
      status: 'final',
    });
  }
  await trx
    .updateTable('project_methodologies')
    .set({ checked_items: JSON.stringify(gate.checklist.map((i) => `${gate.key}.${i.key}`).sort()) })
    .where('project_id', '=', projectId)
    .execute();
  await decideGate(trx, at(-70), projectId, gate.key, DECISIONS[index % 2] as GateDecision);
}

/** A project RACI; the third project's has no Accountable for testing and two for go-live. */
async function seedRaci(trx: Trx, ctx: RequestContext, projectId: string, index: number, people: string[]) {
  const p = (n: number) => people[(index * 4 + n) % people.length] as string;
  const warn = index === 2;
  await createRecord(trx, ctx, raciMatrixSpec, {
    projectId,
    name: 'Project RACI',
    activities: [
      {
        name: 'Business case',
        assignments: [
          { personId: p(0), code: 'A' },
          { personId: p(1), code: 'R' },
          { role: 'Finance', code: 'C' },
        ],
      },
      {
        name: 'Solution design',
        assignments: [
          { personId: p(0), code: 'A' },
          { personId: p(2), code: 'R' },
          { role: 'Security', code: 'C' },
        ],
      },
      {
        name: 'Acceptance testing',
        assignments: warn
          ? [
              { personId: p(3), code: 'R' },
              { role: 'Business users', code: 'C' },
            ]
          : [
              { personId: p(1), code: 'A' },
              { personId: p(3), code: 'R' },
              { role: 'Business users', code: 'C' },
            ],
      },
      {
        name: 'Go-live',
        assignments: warn
          ? [
              { personId: p(0), code: 'A' },
              { personId: p(1), code: 'A' },
              { personId: p(2), code: 'R' },
              { role: 'Service desk', code: 'I' },
            ]
          : [
              { personId: p(0), code: 'A' },
              { personId: p(2), code: 'R' },
              { role: 'Service desk', code: 'I' },
            ],
      },
    ],
  });
}

/** Three published monthly reports and the current month's draft. */
async function seedStatusReports(
  trx: Trx,
  at: (offset: number) => RequestContext,
  projectId: string,
  index: number,
) {
  for (const month of [3, 2, 1]) {
    const r = (n: number) => RAG[Math.min(2, Math.max(0, ((index + month + n) % 4) - 1))] as string;
    const worst = [r(0), r(1), r(2), r(3)].sort(
      (a, b) => RAG.indexOf(b as never) - RAG.indexOf(a as never),
    )[0];
    await createRecord(trx, at(-30 * month + 1), statusReportSpec, {
      projectId,
      periodEnd: at(-30 * month).now.slice(0, 10),
      state: 'published',
      scheduleRag: r(0),
      costRag: r(1),
      scopeRag: r(2),
      riskRag: r(3),
      overallRag: worst,
      summary: month === 1 ? 'Design signed off; build started on the first release.' : 'Planning on track.',
      comments: { schedule: 'Milestones tracked weekly with the supplier.' },
    });
  }
  await createRecord(trx, at(-1), statusReportSpec, {
    projectId,
    periodEnd: at(0).now.slice(0, 10),
    scheduleRag: 'amber',
    riskRag: 'amber',
    summary: 'Draft: to be reviewed by the project manager.',
  });
}

async function seedProposals(
  trx: Trx,
  at: (offset: number) => RequestContext,
  portfolioId: string,
  templateId: string | undefined,
) {
  const proposals = [
    {
      title: 'Open banking API gateway',
      problem: 'Partners integrate through file drops',
      outcome: 'Real-time partner APIs',
      sponsor: 'Chief Digital Officer',
    },
    {
      title: 'Branch appointment booking',
      problem: 'Customers queue for advice',
      outcome: 'Bookable advisor slots online',
      sponsor: 'Head of Retail',
    },
    {
      title: 'Paperless onboarding',
      problem: 'Account opening takes 9 days',
      outcome: 'Same-day digital onboarding',
      sponsor: 'COO',
    },
  ];
  const second = proposals[1];
  for (const [n, p] of proposals.entries()) {
    const created = await createRecord(trx, at(-14 + n * 3), projectProposalSpec, {
      portfolioId,
      templateId,
      title: p.title,
      fields: {
        problem: p.problem,
        outcome: p.outcome,
        sponsor: p.sponsor,
        estimated_cost: `£${(n + 2) * 150}k`,
      },
    });
    // The second proposal was deferred to the next planning round; the rest wait in the queue.
    if (p === second)
      await trx
        .updateTable('project_proposals')
        .set({
          state: 'deferred',
          triage_rationale: 'Strong case, but no capacity before the next planning round.',
          triaged_by: at(0).principal.label,
          triaged_at: at(-4).now,
          version: 2,
        })
        .where('id', '=', String(created.id))
        .execute();
  }
}
