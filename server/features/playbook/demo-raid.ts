import type { RiskResponse } from '../../../core/playbook/vocabulary';
import { createRecord, updateRecord } from '../../resources/resource-service';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { assumptionSpec, decisionSpec, issueSpec, riskSpec } from './raid-specs';

// The Northwind RAID logs: a handful of realistic risks per project on the 5 × 5 matrix, some
// re-scored upwards since they were raised (rising, so escalating), some past their review date,
// plus issues on an escalation path, assumptions and decisions.

interface RiskPlan {
  title: string;
  category: string;
  p: number;
  i: number;
  response: RiskResponse;
  cost: number | null;
  /** Re-scored later to these levels (a rising or falling trend). */
  later?: [number, number];
  /** Days after raising that the next review was due (past dates make it overdue). */
  reviewInDays?: number;
  residual?: [number, number];
}

const RISKS: RiskPlan[] = [
  {
    title: 'Key supplier misses the integration window',
    category: 'supplier',
    p: 3,
    i: 4,
    response: 'mitigate',
    cost: 120_000,
    later: [4, 5],
    residual: [2, 3],
  },
  {
    title: 'Regulator changes reporting rules mid-project',
    category: 'regulatory',
    p: 2,
    i: 5,
    response: 'accept',
    cost: 250_000,
    reviewInDays: 20,
  },
  {
    title: 'Legacy data quality worse than sampled',
    category: 'data',
    p: 4,
    i: 3,
    response: 'mitigate',
    cost: 60_000,
    residual: [2, 2],
  },
  {
    title: 'Lead architect leaves before design sign-off',
    category: 'people',
    p: 2,
    i: 4,
    response: 'transfer',
    cost: 40_000,
    later: [1, 4],
  },
  {
    title: 'Performance targets missed under peak load',
    category: 'technical',
    p: 3,
    i: 3,
    response: 'escalate',
    cost: 80_000,
    later: [4, 4],
    reviewInDays: 25,
  },
  {
    title: 'Business users unavailable for acceptance testing',
    category: 'people',
    p: 3,
    i: 2,
    response: 'avoid',
    cost: null,
    reviewInDays: 30,
  },
  {
    title: 'Cloud costs exceed the forecast',
    category: 'financial',
    p: 2,
    i: 3,
    response: 'mitigate',
    cost: 35_000,
    residual: [1, 3],
  },
];

const ISSUES = [
  { title: 'Test environment unavailable for two weeks', severity: 'high', late: true },
  { title: 'Vendor licence renewal blocked by procurement', severity: 'critical', late: true },
  { title: 'Design review actions not closed', severity: 'medium', late: false },
] as const;

const day = (ms: number, offset: number) => new Date(ms + offset * 86_400_000).toISOString();

/** Writes the RAID log of one project through the resource service (scores, history, audit). */
export async function seedProjectRaid(
  trx: Trx,
  ctx: RequestContext,
  anchorMs: number,
  projectId: string,
  index: number,
  ownerIds: string[],
): Promise<void> {
  const owner = (n: number) => ownerIds[(index * 3 + n) % ownerIds.length] ?? null;
  const at = (offset: number): RequestContext => ({ ...ctx, now: day(anchorMs, offset) });
  const count = 3 + (index % 3);
  for (let n = 0; n < count; n++) {
    const plan = RISKS[(index + n) % RISKS.length] as RiskPlan;
    const raised = -70 + n * 5;
    const created = await createRecord(trx, at(raised), riskSpec, {
      projectId,
      title: plan.title,
      category: plan.category,
      ownerId: owner(n),
      probability: plan.p,
      impact: plan.i,
      responseStrategy: plan.response,
      costImpact: plan.cost,
      ...(plan.residual ? { residualProbability: plan.residual[0], residualImpact: plan.residual[1] } : {}),
      nextReviewOn: plan.reviewInDays ? day(anchorMs, raised + plan.reviewInDays).slice(0, 10) : null,
      mitigations: [
        {
          action: `Agree a fallback plan for: ${plan.title.toLowerCase()}`,
          ownerId: owner(n),
          done: n % 2 === 0,
        },
      ],
    });
    if (plan.later) {
      await updateRecord(
        trx,
        at(-12),
        riskSpec,
        String(created.id),
        { probability: plan.later[0], impact: plan.later[1], nextReviewOn: day(anchorMs, 14).slice(0, 10) },
        1,
      );
    }
  }
  const issue = ISSUES[index % ISSUES.length] as (typeof ISSUES)[number];
  await createRecord(trx, at(-20), issueSpec, {
    projectId,
    title: issue.title,
    severity: issue.severity,
    ownerId: owner(5),
    dueDate: day(anchorMs, issue.late ? -5 : 10).slice(0, 10),
    escalationPath: ['Project manager', 'Sponsor', 'Portfolio board'],
    escalationLevel: issue.late ? 1 : 0,
  });
  await createRecord(trx, at(-40), assumptionSpec, {
    projectId,
    title: 'Budget for the next phase is released on time',
    ownerId: owner(6),
    validateBy: day(anchorMs, index % 2 === 0 ? -3 : 21).slice(0, 10),
  });
  await createRecord(trx, at(-35), decisionSpec, {
    projectId,
    title: index % 2 === 0 ? 'Buy, not build, the identity component' : 'Release in two waves',
    status: index % 3 === 0 ? 'proposed' : 'decided',
    rationale: 'Lower delivery risk for a modest licence cost.',
  });
}
