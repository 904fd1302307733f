import { computeGateReadiness, isPassingOutcome } from '../../../core/playbook/gate-readiness';
import { listGateApproverRoles } from '../../../core/playbook/methodology';
import type { Trx } from '../../resources/resource-spec';
import { listGateReviews, loadGateEvidence } from './gate-service';
import type { ProjectMethodologyRow } from './project-methodology-store';
import { getTemplateVersion } from './template-store';

/** A project's playbook as the API shows it: its template version, phases and every gate's state. */
export async function presentProjectMethodology(trx: Trx, link: ProjectMethodologyRow) {
  const template = await getTemplateVersion(trx, link.templateVersionId);
  const reviews = await listGateReviews(trx, link.projectId);
  const evidence = await loadGateEvidence(trx, link, reviews);
  const latest = await trx
    .selectFrom('methodology_templates')
    .select(['version', 'name'])
    .where('id', '=', link.templateId)
    .executeTakeFirst();
  const checked = new Set(link.checkedItems);
  return {
    projectId: link.projectId,
    templateId: link.templateId,
    templateName: template.name,
    methodology: template.methodology,
    templateVersion: link.templateVersion,
    latestTemplateVersion: latest ? Number(latest.version) : null,
    currentPhase: link.currentPhase,
    adoptedBy: link.adoptedBy,
    adoptedAt: link.createdAt,
    version: link.version,
    roles: template.content.roles,
    phases: template.content.phases,
    documents: template.content.documents,
    gates: template.content.gates.map((gate) => {
      const mine = reviews.filter((r) => r.gateKey === gate.key);
      const last = mine.at(-1);
      return {
        key: gate.key,
        name: gate.name,
        afterPhase: gate.afterPhase,
        entryCriteria: gate.entryCriteria,
        exitCriteria: gate.exitCriteria,
        requiredArtefacts: gate.requiredArtefacts,
        approverRoles: gate.approverRoles,
        approverTriadRoles: listGateApproverRoles(template.content, gate),
        checklist: gate.checklist.map((i) => ({ ...i, done: checked.has(`${gate.key}.${i.key}`) })),
        status: !last
          ? 'pending'
          : last.outcome === 'pass'
            ? 'passed'
            : last.outcome === 'pass_with_conditions'
              ? 'passed_with_conditions'
              : last.outcome === 'recycle'
                ? 'recycled'
                : 'stopped',
        passed: mine.some((r) => isPassingOutcome(r.outcome)),
        readiness: computeGateReadiness(template.content, gate, evidence),
        reviews: mine,
      };
    }),
  };
}
