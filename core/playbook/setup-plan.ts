// The PMO's own setup plan: the four steps of standing up an office (define clear goals, establish
// roles and responsibilities, create essential documentation, choose the right tools), each broken
// into tasks an organisation ticks off.

export interface SetupStep {
  key: string;
  step: string;
  title: string;
  description: string;
}

const STEPS: [string, string, [string, string, string][]][] = [
  [
    'goals',
    'Define clear goals',
    [
      [
        'goals.mandate',
        'Agree the PMO mandate with the executive sponsor',
        'Supportive, controlling or directive; what it owns and what it does not.',
      ],
      [
        'goals.objectives',
        'Set measurable PMO objectives',
        'E.g. share of projects with an approved charter, on-time gate reviews.',
      ],
      [
        'goals.scope',
        'Decide which portfolios and projects the PMO covers',
        'Start small; add portfolios as the playbook matures.',
      ],
    ],
  ],
  [
    'roles',
    'Establish roles and responsibilities',
    [
      [
        'roles.pmo_team',
        'Name the PMO lead and team',
        'Grant the pmo_lead role on the portfolios the PMO covers.',
      ],
      ['roles.raci', 'Agree the PMO RACI', 'Who decides gates, who owns RAID logs, who publishes status.'],
      [
        'roles.sponsors',
        'Confirm sponsors for every active project',
        'Every project needs one accountable sponsor.',
      ],
    ],
  ],
  [
    'documentation',
    'Create essential documentation',
    [
      [
        'documentation.playbook',
        'Choose the methodology templates',
        'Adopt or clone the predictive, Scrum, Kanban and hybrid playbooks.',
      ],
      [
        'documentation.templates',
        'Review the document templates',
        'Charter, business case, status report and closure report fields.',
      ],
      [
        'documentation.risk_matrix',
        'Set the risk matrix and review cadence',
        'Probability bands, rating thresholds, review interval.',
      ],
    ],
  ],
  [
    'tools',
    'Choose the right tools',
    [
      ['tools.triad', 'Set up Triad for the portfolios in scope', 'Portfolios, projects, people and roles.'],
      [
        'tools.reporting',
        'Agree the status reporting rhythm',
        'Period, audience, and which roll-ups the board sees.',
      ],
      [
        'tools.integrations',
        'Connect delivery tools',
        'Import from Jira or MS Project so status pre-fills from real data.',
      ],
    ],
  ],
];

/** The default setup plan, in order. */
export const DEFAULT_SETUP_PLAN: SetupStep[] = STEPS.flatMap(([, stepTitle, tasks], n) =>
  tasks.map(([key, title, description]) => ({ key, step: `${n + 1}. ${stepTitle}`, title, description })),
);

/** Share of steps done (0–1) overall and per step heading. */
export function computeSetupProgress(items: readonly { step: string; done: boolean }[]) {
  const byStep = new Map<string, { done: number; total: number }>();
  for (const i of items) {
    const s = byStep.get(i.step) ?? { done: 0, total: 0 };
    s.total += 1;
    if (i.done) s.done += 1;
    byStep.set(i.step, s);
  }
  const done = items.filter((i) => i.done).length;
  return {
    done,
    total: items.length,
    share: items.length === 0 ? 0 : done / items.length,
    steps: [...byStep.entries()].map(([step, s]) => ({ step, ...s })),
  };
}
