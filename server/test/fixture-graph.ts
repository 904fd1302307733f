import { DEFAULT_TEMPLATES } from '../../core/playbook/default-templates';
import type { ApiClient } from './factories';

export interface FixtureGraph {
  people: string;
  teams: string;
  portfolios: string;
  programs: string;
  projects: string;
  otherProject: string;
  work_items: string;
  goals: string;
  /** Stories of `projects`, for dependencies that must not repeat. */
  stories: string[];
}

let serial = 0;
/** Dependencies walk the pairs on a counter of their own, so other resources' bodies do not shift them. */
let dependencySerial = 0;

/** One record of every referenced kind in an organisation, created through the API. */
export async function createFixtureGraph(api: ApiClient): Promise<FixtureGraph> {
  const ok = async (url: string, body: unknown) => {
    const res = await api.post(url, body);
    if (res.status !== 201) throw new Error(`fixture ${url} failed: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const n = ++serial;
  const people = await ok('/api/v1/people', {
    name: 'Pat Fixture',
    skills: [{ skill: 'SQL', proficiency: 3 }],
  });
  const teams = await ok('/api/v1/teams', { name: 'Fixture team', deliveryMethod: 'hybrid' });
  const portfolios = await ok('/api/v1/portfolios', { name: 'Fixture portfolio', ownerId: people });
  const programs = await ok('/api/v1/programs', { name: 'Fixture program', portfolioId: portfolios });
  const projects = await ok('/api/v1/projects', {
    portfolioId: portfolios,
    key: `FX${n}`,
    name: 'Fixture',
    approach: 'hybrid',
  });
  const otherProject = await ok('/api/v1/projects', {
    portfolioId: portfolios,
    key: `FY${n}`,
    name: 'Other',
    approach: 'agile',
  });
  const work_items = await ok('/api/v1/work-items', {
    projectId: projects,
    type: 'epic',
    title: 'Fixture epic',
    teamId: teams,
  });
  const goals = await ok('/api/v1/goals', {
    name: 'Fixture goal',
    level: 'portfolio',
    portfolioId: portfolios,
  });
  const stories: string[] = [];
  for (let i = 0; i < 6; i++) {
    stories.push(
      await ok('/api/v1/work-items', {
        projectId: projects,
        type: 'story',
        title: `Story ${i}`,
        parentId: work_items,
      }),
    );
  }
  return { people, teams, portfolios, programs, projects, otherProject, work_items, goals, stories };
}

/** A body the create route of each resource accepts, given the organisation's fixture graph. */
export function validCreateBody(path: string, g: FixtureGraph): Record<string, unknown> {
  const n = ++serial;
  switch (path) {
    case 'portfolios':
      return { name: `Portfolio ${n}` };
    case 'programs':
      return { portfolioId: g.portfolios, name: `Program ${n}` };
    case 'projects':
      return { portfolioId: g.portfolios, key: `NEW${n}`, name: `Project ${n}`, approach: 'predictive' };
    case 'work-items':
      return { projectId: g.projects, type: 'feature', title: `Feature ${n}`, parentId: g.work_items };
    case 'milestones':
      return { projectId: g.projects, name: `Milestone ${n}`, dueDate: '2026-03-31' };
    case 'dependencies': {
      // A pair may be linked only once: walk through the 30 ordered pairs of the fixture's stories.
      const pair = ++dependencySerial % 30;
      const from = Math.floor(pair / 5);
      const to = (from + 1 + (pair % 5)) % 6;
      return { kind: 'work_item', predecessorId: g.stories[from], successorId: g.stories[to] };
    }
    case 'teams':
      return { name: `Team ${n}`, deliveryMethod: 'scrum' };
    case 'people':
      return { name: `Person ${n}` };
    case 'goals':
      return { name: `Goal ${n}`, level: 'portfolio', portfolioId: g.portfolios };
    case 'tags':
      return { name: `tag-${n}` };
    case 'key-results':
      return { goalId: g.goals, name: `KR ${n}`, metric: 'NPS', unit: 'points', baseline: 31, target: 45 };
    case 'goal-alignments':
      return { goalId: g.goals, projectId: g.projects, weight: 0.5 };
    case 'value-streams':
      return { name: `Stream ${n}`, kind: 'development', portfolioId: g.portfolios, teamIds: [g.teams] };
    case 'kpis':
      return { name: `KPI ${n}`, metricType: 'nps', unit: 'points', portfolioId: g.portfolios, target: 45 };
    case 'business-cases':
      return {
        projectId: g.projects,
        name: `Case ${n}`,
        rate: 0.1,
        lines: [{ name: 'build', kind: 'cost', amounts: [1000] }],
      };
    case 'benefits':
      return { projectId: g.projects, name: `Benefit ${n}`, unit: '£', baseline: 0, target: 100 };
    case 'scoring-models':
      return {
        name: `Model ${n}`,
        portfolioId: g.portfolios,
        criteria: [{ id: 'value', name: 'Value', weight: 1, min: 1, max: 5 }],
      };
    case 'work-calendars':
      return {
        name: `Calendar ${n}`,
        location: `City ${n}`,
        holidays: [{ date: '2026-12-25', name: 'Christmas' }],
      };
    case 'leave-entries':
      return { personId: g.people, startDate: '2026-03-02', endDate: '2026-03-06' };
    case 'resource-requests':
      return {
        projectId: g.projects,
        skill: 'SQL',
        startDate: '2026-03-02',
        endDate: '2026-03-27',
        amount: 0.5,
      };
    case 'team-bookings':
      return {
        teamId: g.teams,
        projectId: g.projects,
        startDate: '2026-03-02',
        endDate: '2026-03-27',
        amount: 0.5,
      };
    case 'resource-assignments':
      return {
        personId: g.people,
        projectId: g.projects,
        startDate: '2026-03-02',
        endDate: '2026-03-27',
        amount: 0.5,
      };
    case 'optimisation-scenarios':
      return { portfolioId: g.portfolios, name: `Scenario ${n}`, horizonStart: '2026-04-01' };
    case 'budgets':
      return {
        projectId: g.projects,
        name: `Budget ${n}`,
        lines: [{ period: '2026-03', category: 'opex', costType: 'labour', amount: 1000 }],
      };
    case 'cost-rates':
      return { role: `Role ${n}`, hourlyRate: 80 };
    case 'cost-entries':
      return { projectId: g.projects, incurredOn: '2026-03-31', amount: 1200 };
    case 'time-entries':
      return { personId: g.people, projectId: g.projects, workedOn: '2026-03-31', hours: 7.5 };
    case 'progress-reports':
      return { projectId: g.projects, reportedOn: '2026-03-31', percentComplete: 40 };
    case 'schedule-tasks':
      return { projectId: g.projects, name: `Task ${n}`, duration: 5 };
    case 'schedule-resources':
      return { projectId: g.projects, name: `Resource ${n}`, capacity: 2 };
    case 'sprints':
      return { teamId: g.teams, name: `Sprint ${n}`, startDate: '2026-03-02', endDate: '2026-03-13' };
    case 'retrospectives':
      return { teamId: g.teams, title: `Retro ${n}`, heldOn: '2026-03-13' };
    case 'retrospective-actions':
      return { teamId: g.teams, title: `Action ${n}` };
    case 'methodology-templates':
      return {
        name: `Playbook ${n}`,
        methodology: 'kanban',
        portfolioId: g.portfolios,
        content: DEFAULT_TEMPLATES.kanban.content,
      };
    case 'project-documents':
      return {
        projectId: g.projects,
        documentKey: 'charter',
        title: `Charter ${n}`,
        fields: { purpose: 'Why' },
      };
    case 'risks':
      return { projectId: g.projects, title: `Risk ${n}`, probability: 3, impact: 4, costImpact: 1000 };
    case 'assumptions':
      return { projectId: g.projects, title: `Assumption ${n}` };
    case 'issues':
      return { projectId: g.projects, title: `Issue ${n}`, severity: 'high', escalationPath: ['Sponsor'] };
    case 'decisions':
      return { projectId: g.projects, title: `Decision ${n}` };
    case 'raci-matrices':
      return {
        projectId: g.projects,
        activities: [{ name: 'Plan', assignments: [{ personId: g.people, code: 'A' }] }],
      };
    case 'status-reports':
      return { projectId: g.projects, periodEnd: '2026-06-30', overallRag: 'green' };
    case 'project-proposals':
      return {
        portfolioId: g.portfolios,
        title: `Proposal ${n}`,
        fields: { problem: 'p', outcome: 'o', sponsor: 's' },
      };
    default:
      throw new Error(`no valid body for ${path}`);
  }
}
