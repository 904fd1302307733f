// Static material the demo organisation is drawn from: plausible names, skills and a portfolio
// that a PMO lead would recognise. Everything else is generated from a seed.

export const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elif',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Mei',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tanvi',
  'Ugo',
  'Vera',
  'Wanjiru',
  'Xavier',
  'Yara',
  'Zeynep',
  'Aisha',
  'Bruno',
  'Carmen',
  'Daniel',
];
export const LAST_NAMES = [
  'Okafor',
  'Schmidt',
  'Dubois',
  'Ivanov',
  'Yilmaz',
  'Haddad',
  'Murphy',
  'Tanaka',
  'García',
  'Berg',
  'Rao',
  "O'Brien",
  'Chen',
  'Benali',
  'Lindqvist',
  'Nair',
  'Moreau',
  'Silva',
  'Nilsson',
  'Mehta',
  'Rossi',
  'Novak',
  'Mwangi',
  'Laurent',
  'Costa',
  'Demir',
  'Khan',
  'Ferreira',
  'López',
  'Weber',
];
export const LOCATIONS = ['London', 'Berlin', 'Lisbon', 'Nairobi', 'Bangalore', 'Toronto'];

export const ROLES: { title: string; skills: string[] }[] = [
  { title: 'Software Engineer', skills: ['TypeScript', 'React', 'Node.js', 'PostgreSQL', 'AWS'] },
  {
    title: 'Senior Software Engineer',
    skills: ['TypeScript', 'Java', 'Kubernetes', 'PostgreSQL', 'Architecture'],
  },
  { title: 'Data Engineer', skills: ['Python', 'SQL', 'Spark', 'dbt', 'Airflow'] },
  { title: 'QA Engineer', skills: ['Test automation', 'Playwright', 'Exploratory testing', 'Accessibility'] },
  { title: 'UX Designer', skills: ['User research', 'Figma', 'Accessibility', 'Service design'] },
  { title: 'Product Owner', skills: ['Backlog management', 'Stakeholder management', 'OKRs', 'Discovery'] },
  { title: 'Scrum Master', skills: ['Scrum', 'Kanban', 'Facilitation', 'Coaching'] },
  { title: 'Project Manager', skills: ['Scheduling', 'Risk management', 'Budgeting', 'MS Project'] },
  {
    title: 'Business Analyst',
    skills: ['Requirements', 'Process modelling', 'SQL', 'Stakeholder management'],
  },
  { title: 'DevOps Engineer', skills: ['Kubernetes', 'Terraform', 'AWS', 'Observability'] },
];

export interface PortfolioTemplate {
  name: string;
  description: string;
  programs: string[];
  projects: {
    key: string;
    name: string;
    approach: 'predictive' | 'agile' | 'hybrid';
    program: number | null;
    state: 'proposed' | 'approved' | 'active' | 'on_hold' | 'completed';
    phase: string;
    budget: number | null;
    /** Relative amount of delivery work in the project. */
    weight: number;
  }[];
  goals: string[];
}

export const PORTFOLIOS: PortfolioTemplate[] = [
  {
    name: 'Digital Customer Experience',
    description: 'Everything a customer touches: web, mobile and self-service.',
    programs: ['Self-Service 2.0', 'Mobile First'],
    projects: [
      {
        key: 'WEB',
        name: 'Customer Portal Redesign',
        approach: 'agile',
        program: 0,
        state: 'active',
        phase: 'Delivery',
        budget: 1_200_000,
        weight: 3,
      },
      {
        key: 'APP',
        name: 'Mobile Banking App',
        approach: 'agile',
        program: 1,
        state: 'active',
        phase: 'Delivery',
        budget: 950_000,
        weight: 3,
      },
      {
        key: 'PAY',
        name: 'Payments Modernisation',
        approach: 'hybrid',
        program: 0,
        state: 'active',
        phase: 'Build',
        budget: 2_400_000,
        weight: 2,
      },
      {
        key: 'CHAT',
        name: 'Support Chatbot Pilot',
        approach: 'agile',
        program: null,
        state: 'approved',
        phase: 'Discovery',
        budget: 180_000,
        weight: 0.5,
      },
    ],
    goals: ['Raise digital NPS from 31 to 45', 'Move 60% of service requests to self-service'],
  },
  {
    name: 'Operations Excellence',
    description: 'Lower cost to serve and keep the lights on, safely.',
    programs: ['Back-Office Automation', 'Regulatory Compliance'],
    projects: [
      {
        key: 'ERP',
        name: 'ERP Finance Upgrade',
        approach: 'predictive',
        program: 0,
        state: 'active',
        phase: 'Execution',
        budget: 3_100_000,
        weight: 0.4,
      },
      {
        key: 'DORA',
        name: 'Operational Resilience (DORA)',
        approach: 'predictive',
        program: 1,
        state: 'active',
        phase: 'Planning',
        budget: 850_000,
        weight: 0.3,
      },
      {
        key: 'RPA',
        name: 'Claims Process Automation',
        approach: 'hybrid',
        program: 0,
        state: 'active',
        phase: 'Build',
        budget: 640_000,
        weight: 1.5,
      },
      {
        key: 'DC',
        name: 'Data Centre Exit',
        approach: 'predictive',
        program: null,
        state: 'on_hold',
        phase: 'Planning',
        budget: 1_750_000,
        weight: 0.3,
      },
    ],
    goals: ['Cut cost to serve by 15%', 'Zero major audit findings'],
  },
  {
    name: 'Data & Platform',
    description: 'The shared platform and the data the other offices run on.',
    programs: ['Cloud Platform', 'Data Foundation'],
    projects: [
      {
        key: 'PLAT',
        name: 'Internal Developer Platform',
        approach: 'agile',
        program: 0,
        state: 'active',
        phase: 'Delivery',
        budget: 1_050_000,
        weight: 2,
      },
      {
        key: 'LAKE',
        name: 'Customer Data Lakehouse',
        approach: 'hybrid',
        program: 1,
        state: 'active',
        phase: 'Build',
        budget: 1_400_000,
        weight: 2,
      },
      {
        key: 'ML',
        name: 'Churn Prediction Model',
        approach: 'agile',
        program: 1,
        state: 'proposed',
        phase: 'Idea',
        budget: null,
        weight: 0.5,
      },
      {
        key: 'IAM',
        name: 'Identity Consolidation',
        approach: 'predictive',
        program: 0,
        state: 'completed',
        phase: 'Closed',
        budget: 520_000,
        weight: 0.3,
      },
    ],
    goals: ['Ship a change to production in under a day', 'One trusted customer data set'],
  },
];

export const TEAMS: {
  name: string;
  method: 'scrum' | 'kanban' | 'hybrid';
  description: string;
  speed: number;
}[] = [
  { name: 'Falcons', method: 'scrum', description: 'Customer portal squad', speed: 1.1 },
  { name: 'Otters', method: 'scrum', description: 'Mobile app squad', speed: 0.9 },
  { name: 'Lynx', method: 'scrum', description: 'Payments squad', speed: 0.8 },
  { name: 'Beacon', method: 'kanban', description: 'Platform and DevOps', speed: 1.3 },
  { name: 'Harbour', method: 'kanban', description: 'Data engineering', speed: 1.0 },
  { name: 'Atlas', method: 'hybrid', description: 'Automation and back-office', speed: 0.7 },
];

/** Which demo team works on which project (by key); predictive projects have no agile team. */
export const PROJECT_TEAM: Record<string, number> = {
  WEB: 0,
  CHAT: 0,
  APP: 1,
  PAY: 2,
  PLAT: 3,
  ML: 4,
  LAKE: 4,
  RPA: 5,
  ERP: 5,
  DORA: 3,
  DC: 3,
  IAM: 3,
};

export const EPIC_THEMES = [
  'Onboarding',
  'Search',
  'Notifications',
  'Accessibility',
  'Performance',
  'Reporting',
  'Security hardening',
  'Billing',
  'Integrations',
  'Observability',
  'Data quality',
  'Self-service',
  'Compliance',
  'Migration',
];
export const STORY_VERBS = [
  'Add',
  'Improve',
  'Support',
  'Refactor',
  'Validate',
  'Show',
  'Export',
  'Automate',
  'Simplify',
  'Track',
];
export const STORY_OBJECTS = [
  'login with passkeys',
  'address change form',
  'statement download',
  'payment limits',
  'error messages',
  'audit log view',
  'card freeze toggle',
  'consent banner',
  'invoice PDF',
  'search filters',
  'dashboard tiles',
  'retry on timeout',
  'data export job',
  'alerting rules',
  'feature flags',
  'API pagination',
  'onboarding tour',
];
export const TAGS = [
  { name: 'customer-facing', color: '#2563eb' },
  { name: 'regulatory', color: '#dc2626' },
  { name: 'tech-debt', color: '#a16207' },
  { name: 'quick-win', color: '#16a34a' },
];
