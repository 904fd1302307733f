import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/database';
import { type ApiClient, apiClient, createPortfolioWithProject, createTestOrganisation } from './factories';

export interface CapacityFixtureOptions {
  organisationName: string;
  /** Keys of the two projects, each in a portfolio of its own. */
  keys: [string, string];
  /** Ann's person record beyond her name and Java skill (location, fte). */
  ann?: Record<string, unknown>;
  annName?: string;
  /** Ann's hard booking on the first project and soft booking on the second, in FTE. */
  hard: number;
  soft: number;
  /** The span of both bookings and of the request. */
  startDate: string;
  endDate: string;
}

export interface CapacityFixture {
  api: ApiClient;
  organisationId: string;
  /** ann, bob, cy (people); portfolioP, portfolioQ; p, q (projects); hard, soft (Ann's bookings); request. */
  ids: Record<string, string>;
  /** POSTs and returns the new id, throwing with the answer when it is not 201. */
  create(url: string, body: unknown): Promise<string>;
}

/**
 * The capacity tests' organisation: Ann (Java 5) hard-booked on project P and soft-booked on Q over
 * a span, Bob (Java 3) free, Cy (SQL 4) free, and an open request of P for 0.5 FTE of Java
 * (proficiency 3 or more) over the same span.
 */
export async function createCapacityFixture(
  app: FastifyInstance,
  store: Store,
  options: CapacityFixtureOptions,
): Promise<CapacityFixture> {
  const org = await createTestOrganisation(store, options.organisationName);
  const api = apiClient(app, org.token);
  const create = async (url: string, body: unknown) => {
    const res = await api.post(url, body);
    if (res.status !== 201) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const ids: Record<string, string> = {};
  ids.ann = await create('/api/v1/people', {
    name: options.annName ?? 'Ann Busy',
    ...options.ann,
    skills: [{ skill: 'Java', proficiency: 5 }],
  });
  ids.bob = await create('/api/v1/people', { name: 'Bob Free', skills: [{ skill: 'Java', proficiency: 3 }] });
  ids.cy = await create('/api/v1/people', { name: 'Cy Data', skills: [{ skill: 'SQL', proficiency: 4 }] });
  const [keyP, keyQ] = options.keys;
  const p = await createPortfolioWithProject(api, keyP);
  const q = await createPortfolioWithProject(api, keyQ);
  ids.portfolioP = p.portfolio.id;
  ids.portfolioQ = q.portfolio.id;
  ids.p = p.project.id;
  ids.q = q.project.id;
  const span = { startDate: options.startDate, endDate: options.endDate };
  ids.hard = await create('/api/v1/resource-assignments', {
    personId: ids.ann,
    projectId: ids.p,
    ...span,
    amount: options.hard,
    booking: 'hard',
  });
  ids.soft = await create('/api/v1/resource-assignments', {
    personId: ids.ann,
    projectId: ids.q,
    ...span,
    amount: options.soft,
    booking: 'soft',
  });
  ids.request = await create('/api/v1/resource-requests', {
    projectId: ids.p,
    skill: 'Java',
    ...span,
    amount: 0.5,
    minProficiency: 3,
  });
  return { api, organisationId: org.organisationId, ids, create };
}
