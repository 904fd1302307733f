import type { Rng } from '../../core/random/prng';
import type {
  DependenciesTable,
  GoalsTable,
  MilestonesTable,
  PeopleTable,
  PersonSkillsTable,
  PortfoliosTable,
  ProgramsTable,
  ProjectsTable,
  TagsTable,
  TeamMembersTable,
  TeamsTable,
} from '../store/tables';
import {
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  PORTFOLIOS,
  PROJECT_TEAM,
  ROLES,
  TAGS,
  TEAMS,
} from './demo-catalogue';
import { dayToDate, dayToIso, demoId, HISTORY_DAYS, pick } from './demo-clock';

export interface DemoProject {
  row: ProjectsTable;
  teamIndex: number | null;
  weight: number;
}

export interface DemoStructure {
  people: PeopleTable[];
  skills: PersonSkillsTable[];
  teams: TeamsTable[];
  teamSpeeds: number[];
  members: TeamMembersTable[];
  portfolios: PortfoliosTable[];
  programs: ProgramsTable[];
  projects: DemoProject[];
  milestones: MilestonesTable[];
  projectDependencies: DependenciesTable[];
  goals: GoalsTable[];
  tags: TagsTable[];
}

/**
 * The organisation's people, teams, portfolios, programs, projects, milestones and goals. Scale 1
 * is the catalogue; every further unit adds 5 projects, 3 teams and 30 people, so `--scale 200`
 * has about 1,000 projects.
 */
export function generateStructure(
  rng: Rng,
  anchorMs: number,
  organisationId: string,
  scale: number,
): DemoStructure {
  const created = dayToIso(anchorMs, 0);
  const base = { organisation_id: organisationId, version: 1, created_at: created, updated_at: created };
  const s: DemoStructure = {
    people: [],
    skills: [],
    teams: [],
    teamSpeeds: [],
    members: [],
    portfolios: [],
    programs: [],
    projects: [],
    milestones: [],
    projectDependencies: [],
    goals: [],
    tags: [],
  };

  const peopleCount = 60 + 30 * (scale - 1);
  for (let i = 0; i < peopleCount; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(i * 7 + Math.floor(i / LAST_NAMES.length)) % LAST_NAMES.length] as string;
    const role = ROLES[i % ROLES.length] as (typeof ROLES)[number];
    const id = demoId(rng);
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    s.people.push({
      ...base,
      id,
      name: `${first} ${last}`,
      email: `${handle}${i >= 60 ? i : ''}@northwind.example`,
      title: role.title,
      location: pick(rng, LOCATIONS),
      fte: rng.next() < 0.15 ? 0.6 : 1,
    });
    const skillCount = 2 + rng.nextInt(3);
    for (const skill of role.skills.slice(0, skillCount)) {
      s.skills.push({
        organisation_id: organisationId,
        person_id: id,
        skill,
        proficiency: 1 + rng.nextInt(5),
      });
    }
  }

  const teamCount = 6 + 3 * (scale - 1);
  for (let t = 0; t < teamCount; t++) {
    const template = TEAMS[t % TEAMS.length] as (typeof TEAMS)[number];
    const suffix = t >= TEAMS.length ? ` ${Math.floor(t / TEAMS.length) + 1}` : '';
    s.teams.push({
      ...base,
      id: demoId(rng),
      name: `${template.name}${suffix}`,
      delivery_method: template.method,
      description: template.description,
    });
    s.teamSpeeds.push(template.speed * (0.85 + rng.next() * 0.3));
  }
  s.people.forEach((p, i) => {
    if (i % 10 === 7) return; // project managers sit outside delivery teams
    s.members.push({
      organisation_id: organisationId,
      team_id: (s.teams[i % teamCount] as TeamsTable).id,
      person_id: p.id,
      allocation: 1,
    });
  });

  const owner = () => pick(rng, s.people).id;
  for (const template of PORTFOLIOS) {
    const portfolio = {
      ...base,
      id: demoId(rng),
      name: template.name,
      description: template.description,
      owner_id: owner(),
    };
    s.portfolios.push(portfolio);
    const programIds = template.programs.map((name) => {
      const program = {
        ...base,
        id: demoId(rng),
        portfolio_id: portfolio.id,
        name,
        description: null,
        owner_id: owner(),
      };
      s.programs.push(program);
      return program.id;
    });
    for (const p of template.projects) {
      const team = PROJECT_TEAM[p.key] ?? null;
      s.projects.push(
        project(
          rng,
          anchorMs,
          base,
          portfolio.id,
          p.program === null ? null : (programIds[p.program] ?? null),
          p,
          team,
          owner(),
          '',
        ),
      );
    }
    for (const [g, name] of template.goals.entries()) {
      s.goals.push({
        ...base,
        id: demoId(rng),
        parent_id: null,
        name,
        description: null,
        level: g === 0 ? 'organisation' : 'portfolio',
        portfolio_id: g === 0 ? null : portfolio.id,
        team_id: null,
        owner_id: owner(),
      });
    }
  }
  const templates = PORTFOLIOS.flatMap((p, pi) =>
    p.projects.filter((x) => x.approach !== 'predictive').map((x) => ({ ...x, pi })),
  );
  for (let unit = 2; unit <= scale; unit++) {
    for (let j = 0; j < 5; j++) {
      const t = templates[(unit * 5 + j) % templates.length] as (typeof templates)[number];
      const portfolioId = (s.portfolios[t.pi] as PortfoliosTable).id;
      const team = 6 + (unit - 2) * 3 + (j % 3);
      s.projects.push(
        project(rng, anchorMs, base, portfolioId, null, { ...t, weight: 1 }, team, owner(), `${unit}`),
      );
    }
  }
  for (const p of s.projects) s.milestones.push(...milestones(rng, anchorMs, base, p.row));
  for (let i = 1; i < s.projects.length; i += 4) {
    const pred = s.projects[i - 1] as DemoProject;
    const succ = s.projects[i] as DemoProject;
    s.projectDependencies.push({
      ...base,
      id: demoId(rng),
      kind: 'project',
      predecessor_id: pred.row.id,
      successor_id: succ.row.id,
      link_type: 'FS',
      lag_days: 0,
      description: `${succ.row.name} needs ${pred.row.name}`,
    });
  }
  s.tags = TAGS.map((t) => ({ ...base, id: demoId(rng), name: t.name, color: t.color }));
  return s;
}

type Base = { organisation_id: string; version: number; created_at: string; updated_at: string };
type Template = (typeof PORTFOLIOS)[number]['projects'][number];

function project(
  rng: Rng,
  anchorMs: number,
  base: Base,
  portfolioId: string,
  programId: string | null,
  t: Template,
  team: number | null,
  ownerId: string,
  suffix: string,
): DemoProject {
  const startDay = t.state === 'proposed' ? HISTORY_DAYS + 30 : rng.next() * 120;
  const endDay = startDay + 300 + rng.next() * 300;
  const health =
    t.state === 'active'
      ? pick(rng, ['green', 'green', 'amber', 'red'])
      : t.state === 'proposed'
        ? null
        : 'green';
  return {
    row: {
      ...base,
      id: demoId(rng),
      portfolio_id: portfolioId,
      program_id: programId,
      key: `${t.key}${suffix}`,
      name: suffix ? `${t.name} ${suffix}` : t.name,
      description: null,
      approach: t.approach,
      lifecycle_state: t.state,
      phase: t.phase,
      health,
      owner_id: ownerId,
      start_date: dayToDate(anchorMs, startDay),
      end_date: dayToDate(anchorMs, endDay),
      budget: t.budget,
      next_item_number: 1,
    },
    teamIndex: team,
    weight: t.weight,
  };
}

function milestones(rng: Rng, anchorMs: number, base: Base, p: ProjectsTable): MilestonesTable[] {
  const names = ['Kick-off', 'Design approved', 'Beta release', 'Go-live', 'Closure'];
  const start = (Date.parse(p.start_date ?? '') - anchorMs) / 86_400_000 + HISTORY_DAYS;
  const end = (Date.parse(p.end_date ?? '') - anchorMs) / 86_400_000 + HISTORY_DAYS;
  return names.map((name, i) => {
    const due = start + ((end - start) * i) / (names.length - 1);
    const slip = rng.next() < 0.3 ? 5 + rng.next() * 25 : rng.next() * 3;
    const completed = due + slip < HISTORY_DAYS ? dayToDate(anchorMs, due + slip) : null;
    return {
      ...base,
      id: demoId(rng),
      project_id: p.id,
      name,
      description: null,
      due_date: dayToDate(anchorMs, due),
      completed_on: completed,
    };
  });
}
