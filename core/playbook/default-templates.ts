import type {
  ChecklistItem,
  DocumentTemplate,
  MethodologyContent,
  MethodologyTemplate,
  TemplateGate,
  TemplateRole,
} from './methodology';
import type { Methodology } from './vocabulary';

// The playbooks Triad ships, one per methodology. Sources: PMI PMBOK 7th ed. and the Standard for
// Project Management (predictive life cycle, charter, closure); Cooper, "Stage-Gate Systems" (1990)
// for gates with deliverables, criteria and go / kill / hold / recycle decisions; the Scrum Guide
// 2020 (roles, events, Definition of Done); the Kanban Guide 2020 (WIP limits, service levels).

const field = (key: string, label: string, required = true) => ({ key, label, required });
const item = (key: string, text: string, required = true): ChecklistItem => ({ key, text, required });

/**
 * The document templates every default playbook carries: the project proposal (its intake form)
 * and the four PMBOK documents.
 */
export const DEFAULT_DOCUMENTS: DocumentTemplate[] = [
  {
    key: 'proposal',
    name: 'Project proposal',
    fields: [
      field('problem', 'Problem or opportunity'),
      field('outcome', 'Desired outcome'),
      field('sponsor', 'Proposed sponsor'),
      field('estimated_cost', 'Rough cost estimate', false),
      field('target_start', 'Preferred start', false),
      field('strategic_fit', 'Strategic goals it serves', false),
    ],
  },
  {
    key: 'charter',
    name: 'Project charter',
    fields: [
      field('purpose', 'Purpose and justification'),
      field('objectives', 'Measurable objectives'),
      field('scope', 'High-level scope and boundaries'),
      field('sponsor', 'Sponsor and project manager authority'),
      field('milestones', 'Summary milestone schedule'),
      field('budget', 'Summary budget', false),
      field('risks', 'Key risks and assumptions', false),
    ],
  },
  {
    key: 'business_case',
    name: 'Business case',
    fields: [
      field('problem', 'Problem or opportunity'),
      field('options', 'Options considered'),
      field('benefits', 'Expected benefits and how they are measured'),
      field('costs', 'Costs and funding'),
      field('recommendation', 'Recommended option'),
      field('npv', 'Financial appraisal (NPV, payback)', false),
    ],
  },
  {
    key: 'status_report',
    name: 'Status report',
    fields: [
      field('summary', 'Summary'),
      field('achievements', 'Achievements this period'),
      field('next_steps', 'Planned next period'),
      field('decisions_needed', 'Decisions needed', false),
    ],
  },
  {
    key: 'closure_report',
    name: 'Closure report',
    fields: [
      field('outcomes', 'Outcomes against objectives'),
      field('acceptance', 'Acceptance of deliverables'),
      field('lessons', 'Lessons learned'),
      field('handover', 'Handover to operations'),
      field('open_items', 'Open items and their owners', false),
    ],
  },
];

const ROLES: TemplateRole[] = [
  { key: 'sponsor', name: 'Sponsor', triadRoles: ['pmo_lead'] },
  { key: 'pmo', name: 'PMO', triadRoles: ['pmo_lead'] },
  { key: 'project_manager', name: 'Project manager', triadRoles: ['project_manager'] },
  { key: 'team', name: 'Delivery team', triadRoles: ['team_member'] },
];

const gate = (
  key: string,
  name: string,
  afterPhase: string,
  requiredArtefacts: string[],
  checklist: ChecklistItem[],
  approverRoles: string[],
  exitCriteria: string[],
  entryCriteria: string[] = [],
): TemplateGate => ({
  key,
  name,
  afterPhase,
  entryCriteria,
  exitCriteria,
  requiredArtefacts,
  checklist,
  approverRoles,
});

const predictive: MethodologyContent = {
  roles: ROLES,
  phases: [
    { key: 'initiation', name: 'Initiation', delivery: 'predictive' },
    { key: 'planning', name: 'Planning', delivery: 'predictive' },
    { key: 'execution', name: 'Execution', delivery: 'predictive' },
    { key: 'closing', name: 'Closing', delivery: 'predictive' },
  ],
  gates: [
    gate(
      'g1_approve',
      'Gate 1: approve to plan',
      'initiation',
      ['charter', 'business_case'],
      [
        item('sponsor_named', 'Sponsor named and committed'),
        item('stakeholders', 'Key stakeholders identified'),
      ],
      ['sponsor', 'pmo'],
      ['Charter and business case approved', 'Funding for planning released'],
      ['Proposal triaged by the PMO'],
    ),
    gate(
      'g2_baseline',
      'Gate 2: baseline approved',
      'planning',
      ['charter'],
      [
        item('schedule_baseline', 'Schedule baseline set'),
        item('budget_baseline', 'Cost baseline set'),
        item('raid_started', 'RAID log started with owners'),
        item('raci_agreed', 'RACI agreed'),
      ],
      ['sponsor', 'pmo'],
      ['Scope, schedule and cost baselines approved'],
    ),
    gate(
      'g3_accept',
      'Gate 3: deliverables accepted',
      'execution',
      ['status_report'],
      [
        item('acceptance_tests', 'Acceptance tests passed'),
        item('ops_ready', 'Operations ready to take over'),
      ],
      ['sponsor'],
      ['Deliverables accepted by the sponsor'],
    ),
    gate(
      'g4_close',
      'Gate 4: closure',
      'closing',
      ['closure_report'],
      [
        item('lessons_logged', 'Lessons learned recorded'),
        item('contracts_closed', 'Contracts closed', false),
      ],
      ['sponsor', 'pmo'],
      ['Closure report approved', 'Resources released'],
    ),
  ],
  documents: DEFAULT_DOCUMENTS,
  intakeDocument: 'proposal',
};

const scrum: MethodologyContent = {
  roles: [
    { key: 'sponsor', name: 'Sponsor', triadRoles: ['pmo_lead'] },
    { key: 'product_owner', name: 'Product Owner', triadRoles: ['product_owner'] },
    { key: 'scrum_master', name: 'Scrum Master', triadRoles: ['agile_coach'] },
    { key: 'developers', name: 'Developers', triadRoles: ['team_member'] },
  ],
  phases: [
    { key: 'inception', name: 'Inception', delivery: 'scrum' },
    { key: 'sprints', name: 'Sprints', delivery: 'scrum' },
    { key: 'release', name: 'Release and close', delivery: 'scrum' },
  ],
  gates: [
    gate(
      'ready_to_start',
      'Ready to start sprinting',
      'inception',
      ['charter'],
      [
        item('product_goal', 'Product Goal stated'),
        item('backlog_ordered', 'Product Backlog ordered for the first sprints'),
        item('definition_of_done', 'Definition of Done agreed'),
      ],
      ['sponsor', 'product_owner'],
      ['A team, a Product Owner and a Scrum Master are named'],
    ),
    gate(
      'release_review',
      'Release decision',
      'sprints',
      ['status_report'],
      [
        item('increment_done', 'Increment meets the Definition of Done'),
        item('stakeholder_review', 'Reviewed with stakeholders'),
      ],
      ['product_owner'],
      ['The Product Owner accepts the increment for release'],
    ),
    gate(
      'close',
      'Close',
      'release',
      ['closure_report'],
      [item('retrospective', 'Closing retrospective held')],
      ['sponsor', 'product_owner'],
      ['Benefits owner named for what was released'],
    ),
  ],
  documents: DEFAULT_DOCUMENTS,
  intakeDocument: 'proposal',
};

const kanban: MethodologyContent = {
  roles: [
    { key: 'sponsor', name: 'Sponsor', triadRoles: ['pmo_lead'] },
    {
      key: 'service_owner',
      name: 'Service delivery owner',
      triadRoles: ['product_owner', 'project_manager'],
    },
    { key: 'flow_coach', name: 'Flow coach', triadRoles: ['agile_coach'] },
    { key: 'team', name: 'Team', triadRoles: ['team_member'] },
  ],
  phases: [
    { key: 'setup', name: 'Set up the system', delivery: 'kanban' },
    { key: 'flow', name: 'Continuous flow', delivery: 'kanban' },
  ],
  gates: [
    gate(
      'system_defined',
      'Kanban system defined',
      'setup',
      ['charter'],
      [
        item('workflow_visualised', 'Workflow visualised on a board'),
        item('wip_limits', 'WIP limits set for each state'),
        item('service_level', 'Service level expectation agreed'),
      ],
      ['sponsor', 'service_owner'],
      ['Definition of workflow agreed (Kanban Guide 2020)'],
    ),
    gate(
      'service_review',
      'Service delivery review',
      'flow',
      ['status_report', 'closure_report'],
      [item('metrics_reviewed', 'Throughput, cycle time and WIP reviewed')],
      ['sponsor'],
      ['The service continues, changes or closes'],
    ),
  ],
  documents: DEFAULT_DOCUMENTS,
  intakeDocument: 'proposal',
};

const hybrid: MethodologyContent = {
  roles: [...ROLES, { key: 'product_owner', name: 'Product Owner', triadRoles: ['product_owner'] }],
  phases: [
    { key: 'initiation', name: 'Initiation', delivery: 'predictive' },
    { key: 'planning', name: 'Planning', delivery: 'predictive' },
    { key: 'delivery', name: 'Iterative delivery', delivery: 'scrum' },
    { key: 'closing', name: 'Closing', delivery: 'predictive' },
  ],
  gates: [
    predictive.gates[0] as TemplateGate,
    gate(
      'g2_release_plan',
      'Gate 2: release plan approved',
      'planning',
      ['charter'],
      [
        item('release_plan', 'Release plan and milestones set'),
        item('backlog_ready', 'Backlog refined for the first iterations'),
        item('raci_agreed', 'RACI agreed'),
      ],
      ['sponsor', 'pmo'],
      ['Milestones and budget approved; iterations may start'],
    ),
    gate(
      'g3_accept',
      'Gate 3: increments accepted',
      'delivery',
      ['status_report'],
      [
        item('acceptance_tests', 'Acceptance tests passed'),
        item('ops_ready', 'Operations ready to take over'),
      ],
      ['sponsor', 'product_owner'],
      ['The final increment is accepted'],
    ),
    predictive.gates[3] as TemplateGate,
  ],
  documents: DEFAULT_DOCUMENTS,
  intakeDocument: 'proposal',
};

/** Triad's default playbook for each methodology. */
export const DEFAULT_TEMPLATES: Record<Methodology, MethodologyTemplate> = {
  predictive: {
    name: 'Predictive (stage-gate)',
    methodology: 'predictive',
    description:
      'Initiation, planning, execution and closing, each closed by a gate with required artefacts.',
    content: predictive,
  },
  scrum: {
    name: 'Scrum',
    methodology: 'scrum',
    description: 'Inception, sprints and release, with readiness and release decisions by the Product Owner.',
    content: scrum,
  },
  kanban: {
    name: 'Kanban',
    methodology: 'kanban',
    description:
      'Set up a pull system with WIP limits, then deliver continuously with periodic service reviews.',
    content: kanban,
  },
  hybrid: {
    name: 'Hybrid',
    methodology: 'hybrid',
    description: 'Predictive initiation, planning and closing gates around iterative (Scrum) delivery.',
    content: hybrid,
  },
};
