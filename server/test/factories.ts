import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { issueApiToken } from '../auth/api-tokens';
import type { Store } from '../store/database';

export interface TestOrganisation {
  organisationId: string;
  userId: string;
  /** A read-write API token. */
  token: string;
  readToken: string;
}

/** A new organisation with an admin user and tokens, so every test owns its data and needs no cleanup. */
export async function createTestOrganisation(store: Store, name = 'Test Org'): Promise<TestOrganisation> {
  const now = new Date().toISOString();
  const organisationId = randomUUID();
  const userId = randomUUID();
  await store.db
    .insertInto('organisations')
    .values({
      id: organisationId,
      name,
      slug: `org-${organisationId}`,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.db
    .insertInto('users')
    .values({
      id: userId,
      organisation_id: organisationId,
      email: `admin-${userId}@example.test`,
      name: 'Test Admin',
      person_id: null,
      role: 'org_admin',
      password_hash: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const common = { organisationId, userId, expiresAt: null, now };
  const write = await issueApiToken(store.db, { ...common, name: 'tests', scope: 'write' });
  const read = await issueApiToken(store.db, { ...common, name: 'tests (read)', scope: 'read' });
  return { organisationId, userId, token: write.token, readToken: read.token };
}

/** A small client over app.inject that sends the token and parses JSON answers. */
export function apiClient(app: FastifyInstance, token: string) {
  const call = async (
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    const json =
      res.body && res.headers['content-type']?.toString().includes('json') ? JSON.parse(res.body) : undefined;
    return { status: res.statusCode, body: json, headers: res.headers };
  };
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body: unknown, headers?: Record<string, string>) => call('POST', url, body, headers),
    patch: (url: string, body: unknown, headers?: Record<string, string>) =>
      call('PATCH', url, body, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A portfolio with one project, created through the API. */
export async function createPortfolioWithProject(api: ApiClient, key = 'PAY') {
  const portfolio = await api.post('/api/v1/portfolios', { name: `Portfolio ${key}` });
  const project = await api.post('/api/v1/projects', {
    portfolioId: portfolio.body.id,
    key,
    name: `Project ${key}`,
    approach: 'agile',
  });
  if (project.status !== 201) throw new Error(`project factory failed: ${JSON.stringify(project.body)}`);
  return { portfolio: portfolio.body, project: project.body };
}
