// The demo's pipeline of proposed initiatives: what Northwind's portfolio boards are asked to fund
// next. Each portfolio's live projects end within the demo's history or soon after; these start
// 1–6 quarters after the demo clock, so Value → Optimisation has a real choice to make.
// Browser tests find live projects by name: a pipeline name must not contain one of theirs or a
// word they search for ("Payments", e2e/shell.spec.ts).

export interface PipelineItem {
  /** Index into PORTFOLIOS (demo-catalogue.ts). */
  portfolio: number;
  /** Index into that portfolio's programs, or null. */
  program: number | null;
  key: string;
  name: string;
  approach: 'predictive' | 'agile' | 'hybrid';
  state: 'proposed' | 'approved';
  phase: string;
  /** Quarters after the demo clock's quarter in which the initiative starts. */
  startsIn: number;
  quarters: number;
  budget: number;
  /** Yearly benefit once live, as a share of the budget: NPV at 8 % is about (2.76 × this − 1.14) × budget. */
  benefitRatio: number;
  /** FTE asked for per skill in each quarter of the run (skills the demo's people hold). */
  demand: Record<string, number>;
  /** Keys of projects (pipeline or live) that must finish before this one starts. */
  dependsOn: string[];
}

export const PIPELINE: PipelineItem[] = [
  {
    portfolio: 0,
    program: null,
    key: 'OBAPI',
    name: 'Open Banking API Gateway',
    approach: 'agile',
    state: 'approved',
    phase: 'Discovery',
    startsIn: 1,
    quarters: 5,
    budget: 2_400_000,
    benefitRatio: 1,
    demand: { Java: 2, Kubernetes: 1, 'Node.js': 2.5 },
    dependsOn: [],
  },
  {
    portfolio: 0,
    program: 0,
    key: 'INSTP',
    name: 'Instant Credit Transfers',
    approach: 'hybrid',
    state: 'proposed',
    phase: 'Business case',
    startsIn: 2,
    quarters: 4,
    budget: 1_500_000,
    benefitRatio: 1.05,
    demand: { Java: 2, 'Node.js': 1.5 },
    dependsOn: [],
  },
  {
    portfolio: 0,
    program: 0,
    key: 'ONBRD',
    name: 'Digital Onboarding and eKYC',
    approach: 'agile',
    state: 'proposed',
    phase: 'Business case',
    startsIn: 1,
    quarters: 3,
    budget: 900_000,
    benefitRatio: 1.3,
    demand: { React: 2, 'Service design': 1, 'Node.js': 1.5 },
    dependsOn: [],
  },
  {
    portfolio: 0,
    program: 1,
    key: 'PFM',
    name: 'Personal Finance Insights',
    approach: 'agile',
    state: 'proposed',
    phase: 'Idea',
    startsIn: 3,
    quarters: 2,
    budget: 600_000,
    benefitRatio: 0.46,
    demand: { React: 1.5, 'Service design': 1 },
    dependsOn: [],
  },
  {
    portfolio: 0,
    program: 1,
    key: 'SPEND',
    name: 'Spending Controls Hub',
    approach: 'agile',
    state: 'proposed',
    phase: 'Idea',
    startsIn: 2,
    quarters: 2,
    budget: 500_000,
    benefitRatio: 0.8,
    demand: { React: 1, 'Node.js': 0.5 },
    dependsOn: [],
  },
  {
    portfolio: 0,
    program: null,
    key: 'VOICE',
    name: 'Voice Banking Assistant',
    approach: 'agile',
    state: 'proposed',
    phase: 'Idea',
    startsIn: 4,
    quarters: 3,
    budget: 900_000,
    benefitRatio: 0.3,
    demand: { 'Service design': 1, Python: 1 },
    dependsOn: ['CHAT'],
  },
  {
    portfolio: 1,
    program: 0,
    key: 'MORTG',
    name: 'Mortgage Origination Workflow',
    approach: 'hybrid',
    state: 'proposed',
    phase: 'Business case',
    startsIn: 1,
    quarters: 3,
    budget: 1_300_000,
    benefitRatio: 0.9,
    demand: { 'Process modelling': 1.5, Java: 1, Requirements: 1 },
    dependsOn: [],
  },
  {
    portfolio: 1,
    program: 1,
    key: 'REGREP',
    name: 'Regulatory Reporting Automation',
    approach: 'predictive',
    state: 'approved',
    phase: 'Planning',
    startsIn: 2,
    quarters: 4,
    budget: 1_100_000,
    benefitRatio: 0.5,
    demand: { SQL: 1.5, Requirements: 1, 'Risk management': 0.5 },
    dependsOn: [],
  },
  {
    portfolio: 1,
    program: 0,
    key: 'FRAUD',
    name: 'Fraud Case Management',
    approach: 'hybrid',
    state: 'proposed',
    phase: 'Idea',
    startsIn: 5,
    quarters: 3,
    budget: 800_000,
    benefitRatio: 0.7,
    demand: { 'Process modelling': 1, Java: 1 },
    dependsOn: [],
  },
  {
    portfolio: 2,
    program: 0,
    key: 'EVENTS',
    name: 'Real-Time Event Streaming',
    approach: 'agile',
    state: 'approved',
    phase: 'Discovery',
    startsIn: 1,
    quarters: 3,
    budget: 1_200_000,
    benefitRatio: 0.75,
    demand: { Kubernetes: 1.5, Spark: 1, Terraform: 1 },
    dependsOn: [],
  },
  {
    portfolio: 2,
    program: 1,
    key: 'C360',
    name: 'Customer 360 Analytics',
    approach: 'agile',
    state: 'proposed',
    phase: 'Business case',
    startsIn: 4,
    quarters: 5,
    budget: 1_600_000,
    benefitRatio: 0.85,
    demand: { Spark: 1.5, dbt: 1, Python: 1 },
    dependsOn: ['EVENTS'],
  },
  {
    portfolio: 2,
    program: 0,
    key: 'OBSV',
    name: 'Observability Platform',
    approach: 'agile',
    state: 'proposed',
    phase: 'Idea',
    startsIn: 6,
    quarters: 2,
    budget: 450_000,
    benefitRatio: 0.55,
    demand: { Observability: 1, Kubernetes: 1 },
    dependsOn: [],
  },
];
