import { randomUUID } from 'node:crypto';
import {
  computeGateReadiness,
  describeGateGaps,
  type GateReadiness,
  isPassingOutcome,
} from '../../../core/playbook/gate-readiness';
import {
  findPhaseAfterGate,
  listGateApproverRoles,
  type TemplateGate,
} from '../../../core/playbook/methodology';
import type { GateOutcome } from '../../../core/playbook/vocabulary';
import { recordAudit } from '../../audit/audit-store';
import type { Principal } from '../../auth/principal';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { findProjectMethodology, type ProjectMethodologyRow } from './project-methodology-store';
import { getTemplateVersion, type TemplateVersion } from './template-store';

// Gate reviews: who may decide, whether the gate may pass, and the recorded decision.

export interface GateReviewRecord {
  id: string;
  projectId: string;
  gateKey: string;
  gateName: string;
  templateVersion: number;
  outcome: GateOutcome;
  rationale: string;
  conditions: string[];
  approverUserId: string;
  approverLabel: string;
  approverRoles: string[];
  decidedOn: string;
  readiness: GateReadiness;
  createdAt: string;
}

export async function listGateReviews(trx: Trx, projectId: string): Promise<GateReviewRecord[]> {
  const rows = await trx
    .selectFrom('gate_reviews')
    .innerJoin('methodology_template_versions as v', 'v.id', 'gate_reviews.template_version_id')
    .selectAll('gate_reviews')
    .select('v.template_version')
    .where('gate_reviews.project_id', '=', projectId)
    .orderBy('gate_reviews.created_at')
    .orderBy('gate_reviews.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    gateKey: r.gate_key,
    gateName: r.gate_name,
    templateVersion: Number(r.template_version),
    outcome: r.outcome as GateOutcome,
    rationale: r.rationale,
    conditions: JSON.parse(r.conditions) as string[],
    approverUserId: r.approver_user_id,
    approverLabel: r.approver_label,
    approverRoles: JSON.parse(r.approver_roles) as string[],
    decidedOn: r.decided_on,
    readiness: JSON.parse(r.readiness) as GateReadiness,
    createdAt: r.created_at,
  }));
}

/** The artefacts, ticks and passed gates the readiness of a project's gates is judged on. */
export async function loadGateEvidence(trx: Trx, link: ProjectMethodologyRow, reviews: GateReviewRecord[]) {
  const docs = await trx
    .selectFrom('project_documents')
    .select(['document_key', 'fields'])
    .where('project_id', '=', link.projectId)
    .execute();
  return {
    artefacts: docs.map((d) => ({
      documentKey: d.document_key,
      fields: JSON.parse(d.fields) as Record<string, unknown>,
    })),
    checkedItems: link.checkedItems,
    passedGates: reviews.filter((r) => isPassingOutcome(r.outcome)).map((r) => r.gateKey),
  };
}

/** The Triad roles the caller holds on the project, directly or through its portfolio. */
export async function listRolesOnProject(
  trx: Trx,
  principal: Principal,
  projectId: string,
): Promise<string[]> {
  const project = await trx
    .selectFrom('projects')
    .select('portfolio_id')
    .where('id', '=', projectId)
    .executeTakeFirst();
  return [
    ...new Set(
      principal.grants
        .filter(
          (g) =>
            (g.scopeType === 'project' && g.scopeId === projectId) ||
            (g.scopeType === 'portfolio' && g.scopeId === project?.portfolio_id),
        )
        .map((g) => g.role),
    ),
  ].sort();
}

export interface GateDecision {
  outcome: GateOutcome;
  rationale: string;
  conditions?: string[];
  decidedOn?: string;
}

/**
 * Records a gate decision. Refuses callers who hold none of the Triad roles the gate's approver
 * roles map to (org admins always may), passes while an artefact or checklist item is missing
 * (422 listing each), decisions on a gate already passed or a project already stopped (409).
 */
export async function decideGate(
  trx: Trx,
  ctx: RequestContext,
  projectId: string,
  gateKey: string,
  decision: GateDecision,
): Promise<GateReviewRecord> {
  const link = await findProjectMethodology(trx, projectId);
  if (!link)
    throw fieldProblem(
      'validation_failed',
      'projectId',
      'the project has adopted no methodology template yet',
    );
  const template = await getTemplateVersion(trx, link.templateVersionId);
  const gate = template.content.gates.find((g) => g.key === gateKey);
  if (!gate)
    throw new ProblemError('not_found', `The project's playbook has no gate "${gateKey}".`, [
      { field: 'gateKey', message: `not one of ${template.content.gates.map((g) => g.key).join(', ')}` },
    ]);
  await assertMayDecide(trx, ctx.principal, projectId, template, gate);

  const reviews = await listGateReviews(trx, projectId);
  const stopped = reviews.find((r) => r.outcome === 'stop');
  if (stopped)
    throw new ProblemError(
      'conflict',
      `The project was stopped at ${stopped.gateName} on ${stopped.decidedOn}.`,
    );
  if (reviews.some((r) => r.gateKey === gateKey && isPassingOutcome(r.outcome)))
    throw new ProblemError('conflict', `${gate.name} has already passed.`, [
      { field: 'gateKey', message: 'already passed' },
    ]);

  const readiness = computeGateReadiness(template.content, gate, await loadGateEvidence(trx, link, reviews));
  if (isPassingOutcome(decision.outcome) && !readiness.ready) {
    const gaps = describeGateGaps(readiness);
    throw new ProblemError(
      'invalid_reference',
      `${gate.name} cannot pass: ${gaps.join('; ')}.`,
      [
        ...(readiness.blockedBy
          ? [{ field: 'gateKey', message: `gate ${readiness.blockedBy} has not passed yet` }]
          : []),
        ...readiness.missingArtefacts.map((a) => ({
          field: `requiredArtefacts.${a.documentKey}`,
          message:
            a.reason === 'absent' ? `${a.name} is missing` : `${a.name} lacks ${a.missingFields.join(', ')}`,
        })),
        ...readiness.missingChecklistItems.map((i) => ({
          field: `checklist.${i.key}`,
          message: `not done: ${i.text}`,
        })),
      ],
      { readiness },
    );
  }
  const conditions = (decision.conditions ?? []).map((c) => c.trim()).filter((c) => c.length > 0);
  if (decision.outcome === 'pass_with_conditions' && conditions.length === 0)
    throw fieldProblem('validation_failed', 'conditions', 'are required for a pass with conditions');

  const record = {
    id: randomUUID(),
    organisation_id: ctx.principal.organisationId,
    project_id: projectId,
    template_version_id: link.templateVersionId,
    gate_key: gate.key,
    gate_name: gate.name,
    outcome: decision.outcome,
    rationale: decision.rationale.trim(),
    conditions: JSON.stringify(conditions),
    approver_user_id: ctx.principal.userId,
    approver_label: ctx.principal.label,
    approver_roles: JSON.stringify(
      ctx.principal.orgAdmin ? ['org_admin'] : await listRolesOnProject(trx, ctx.principal, projectId),
    ),
    decided_on: decision.decidedOn ?? ctx.now.slice(0, 10),
    readiness: JSON.stringify(readiness),
    created_at: ctx.now,
  };
  await trx.insertInto('gate_reviews').values(record).execute();
  if (isPassingOutcome(decision.outcome)) {
    const next = findPhaseAfterGate(template.content, gate);
    await trx
      .updateTable('project_methodologies')
      .set({ current_phase: next?.key ?? 'closed', version: link.version + 1, updated_at: ctx.now })
      .where('id', '=', link.id)
      .execute();
  }
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: 'gate_review',
    entityId: record.id,
    action: 'create',
    changes: Object.fromEntries(
      (['project_id', 'gate_key', 'outcome', 'rationale', 'conditions', 'decided_on'] as const).map((k) => [
        k,
        { before: null, after: record[k] },
      ]),
    ),
  });
  const saved = (await listGateReviews(trx, projectId)).find((r) => r.id === record.id);
  return saved as GateReviewRecord;
}

async function assertMayDecide(
  trx: Trx,
  principal: Principal,
  projectId: string,
  template: TemplateVersion,
  gate: TemplateGate,
): Promise<void> {
  if (principal.orgAdmin) return;
  const allowed = listGateApproverRoles(template.content, gate);
  const held = await listRolesOnProject(trx, principal, projectId);
  if (held.some((r) => allowed.includes(r))) return;
  const names = gate.approverRoles.map((k) => template.content.roles.find((r) => r.key === k)?.name ?? k);
  throw new ProblemError(
    'forbidden',
    `${gate.name} is decided by ${names.join(' or ')} (Triad roles ${allowed.join(', ') || 'none'}); you hold ${held.join(', ') || 'no role'} on this project.`,
    [{ field: 'gateKey', message: `approver roles: ${allowed.join(', ')}` }],
  );
}
