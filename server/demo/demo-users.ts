import type { Insertable } from 'kysely';
import type { Rng } from '../../core/random/prng';
import { hashPassword } from '../auth/passwords';
import type { ScopedRole, ScopeType } from '../auth/permissions';
import type { RoleAssignmentsTable, UsersTable } from '../store/tables';
import { demoId } from './demo-clock';
import type { DemoStructure } from './demo-organisation';

/** Demo mode only: every demo account shares this password, printed at start. */
export const DEMO_PASSWORD = 'northwind-demo';

interface DemoUser {
  email: string;
  name: string;
  role: ScopedRole;
  /** Which scopes of the demo the role is held on. */
  scopes: (s: DemoStructure) => { type: ScopeType; id: string }[];
}

const portfolios = (s: DemoStructure) => s.portfolios.map((p) => ({ type: 'portfolio' as const, id: p.id }));
const project = (key: string) => (s: DemoStructure) =>
  s.projects.filter((p) => p.row.key === key).map((p) => ({ type: 'project' as const, id: p.row.id }));
const team =
  (...names: string[]) =>
  (s: DemoStructure) =>
    s.teams.filter((t) => names.includes(t.name)).map((t) => ({ type: 'team' as const, id: t.id }));

/** One account per role, each on the scopes such a person would hold in Northwind. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'paula.pmo@northwind.example',
    name: 'Paula Pereira (PMO lead)',
    role: 'pmo_lead',
    scopes: portfolios,
  },
  {
    email: 'victor.vmo@northwind.example',
    name: 'Victor Varga (VMO lead)',
    role: 'vmo_lead',
    scopes: portfolios,
  },
  {
    email: 'chris.coach@northwind.example',
    name: 'Chris Cole (agile coach)',
    role: 'agile_coach',
    scopes: team('Falcons', 'Otters', 'Beacon'),
  },
  {
    email: 'maria.pm@northwind.example',
    name: 'Maria Marsh (project manager)',
    role: 'project_manager',
    scopes: project('PAY'),
  },
  {
    email: 'omar.po@northwind.example',
    name: 'Omar Osei (product owner)',
    role: 'product_owner',
    scopes: project('WEB'),
  },
  {
    email: 'tess.team@northwind.example',
    name: 'Tess Tran (team member)',
    role: 'team_member',
    scopes: team('Falcons'),
  },
  {
    email: 'sam.stakeholder@northwind.example',
    name: 'Sam Stone (stakeholder)',
    role: 'stakeholder',
    scopes: (s) => portfolios(s).slice(0, 1),
  },
  {
    email: 'erin.exec@northwind.example',
    name: 'Erin Ek (executive viewer)',
    role: 'executive_viewer',
    scopes: portfolios,
  },
];

export async function generateDemoUsers(
  rng: Rng,
  s: DemoStructure,
  organisationId: string,
  created: string,
): Promise<{ users: Insertable<UsersTable>[]; grants: RoleAssignmentsTable[] }> {
  // One hash for the shared demo password; real accounts each get their own salt.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: Insertable<UsersTable>[] = [];
  const grants: RoleAssignmentsTable[] = [];
  for (const u of DEMO_USERS) {
    const id = demoId(rng);
    users.push({
      id,
      organisation_id: organisationId,
      email: u.email,
      name: u.name,
      person_id: null,
      role: 'member',
      password_hash: passwordHash,
      version: 1,
      created_at: created,
      updated_at: created,
    });
    for (const scope of u.scopes(s)) {
      grants.push({
        id: demoId(rng),
        organisation_id: organisationId,
        user_id: id,
        scope_type: scope.type,
        scope_id: scope.id,
        role: u.role,
        created_at: created,
      });
    }
  }
  return { users, grants };
}
