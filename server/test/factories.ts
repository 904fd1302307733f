import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { issueApiToken } from '../auth/api-tokens';
import { hashPassword } from '../auth/passwords';
import type { ScopedRole, ScopeType } from '../auth/permissions';
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

/** A member account with a password and the given roles, for identity and access tests. */
export async function createTestUser(
  store: Store,
  organisationId: string,
  options: {
    password?: string;
    orgAdmin?: boolean;
    grants?: { role: ScopedRole; scopeType: ScopeType; scopeId: string }[];
  } = {},
): Promise<{ userId: string; email: string; password: string }> {
  const now = new Date().toISOString();
  const userId = randomUUID();
  const email = `user-${userId}@example.test`;
  const password = options.password ?? 'correct horse battery staple';
  await store.db
    .insertInto('users')
    .values({
      id: userId,
      organisation_id: organisationId,
      email,
      name: `User ${userId.slice(0, 6)}`,
      person_id: null,
      role: options.orgAdmin ? 'org_admin' : 'member',
      password_hash: await hashPassword(password),
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const g of options.grants ?? []) {
    await store.db
      .insertInto('role_assignments')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        user_id: userId,
        scope_type: g.scopeType,
        scope_id: g.scopeId,
        role: g.role,
        created_at: now,
      })
      .execute();
  }
  return { userId, email, password };
}

/** A token for an existing user. */
export async function tokenFor(
  store: Store,
  organisationId: string,
  userId: string,
  scope: 'read' | 'write' = 'write',
): Promise<string> {
  return (
    await issueApiToken(store.db, {
      organisationId,
      userId,
      name: 'test',
      scope,
      expiresAt: null,
      now: new Date().toISOString(),
    })
  ).token;
}

/** Signs in through the API and returns the session cookie and CSRF token. */
export async function signInSession(app: FastifyInstance, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'triad_session');
  return {
    cookie: `triad_session=${cookie?.value}`,
    csrf: res.json().csrfToken as string,
    setCookie: cookie,
  };
}
