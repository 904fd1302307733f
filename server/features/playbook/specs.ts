import type { ResourceSpec } from '../../resources/resource-spec';
import { projectDocumentSpec } from './document-spec';
import { projectProposalSpec } from './proposal-spec';
import { raciMatrixSpec } from './raci-spec';
import { assumptionSpec, decisionSpec, issueSpec, riskSpec } from './raid-specs';
import { statusReportSpec } from './status-report-spec';
import { methodologyTemplateSpec } from './template-spec';

/** The PMO playbook's CRUD resources, in the order the OpenAPI document lists them. */
export const PLAYBOOK_RESOURCE_SPECS: readonly ResourceSpec[] = [
  methodologyTemplateSpec,
  projectDocumentSpec,
  riskSpec,
  assumptionSpec,
  issueSpec,
  decisionSpec,
  raciMatrixSpec,
  statusReportSpec,
  projectProposalSpec,
];
