import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
  createTestUser,
} from '../../test/factories';
import { startTestIdentityProvider, type TestIdentityProvider } from './test-identity-provider';

// The whole authorisation code flow against a real OpenID Connect provider (oidc-provider) on a
// loopback port: Triad's relying party talks to it over HTTP, and this test plays the browser —
// following redirects by hand, carrying each site's cookies and submitting the login and consent
// forms. Triad itself is reached through app.inject.

const engines = await testEngines();
const REDIRECT_URL = 'http://triad.test/api/v1/auth/sso/callback';
const ROLE_MAP = [
  'triad-admins=org_admin',
  'pmo=pmo_lead@portfolio:Portfolio PAY, project_manager@project:PAY',
  'squad=team_member@team:Payments Squad',
  'viewers=stakeholder@portfolio:portfolio pay',
].join('; ');

let idp: TestIdentityProvider;
beforeAll(async () => {
  idp = await startTestIdentityProvider(REDIRECT_URL);
});
afterAll(async () => {
  await idp.close();
});

/** Cookies of one site, by name; enough for a single host. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(headers: string[]): void {
    for (const header of headers) {
      const [pair = '', ...attributes] = header.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Plays the browser at the identity provider from the authorisation URL until the provider sends
 * it back to Triad: signs in as `login` and gives consent. Returns the callback URL.
 */
async function authenticateAtProvider(authorizationUrl: URL, login: string): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let init: { method: string; body?: URLSearchParams } = { method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      method: init.method,
      body: init.body,
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    jar.store(res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URL)) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt) throw new Error(`provider answered ${res.status}: ${html}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    init = {
      method: 'POST',
      body: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }),
    };
  }
  throw new Error('too many steps at the identity provider');
}

describe.each(engines)('single sign-on through OpenID Connect on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let orgId: string;
  let portfolioId: string;
  let projectId: string;
  let squadId: string;
  let platformId: string;
  let env: NodeJS.ProcessEnv;

  /** Builds an app with the TRIAD_OIDC_* variables set only while buildApp reads them. */
  async function buildSsoApp(): Promise<FastifyInstance> {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      return await buildApp({ store });
    } finally {
      for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  }

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    const org = await createTestOrganisation(store);
    orgId = org.organisationId;
    const { slug } = await store.db
      .selectFrom('organisations')
      .select('slug')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    env = {
      TRIAD_OIDC_ISSUER: idp.issuer,
      TRIAD_OIDC_CLIENT_ID: idp.clientId,
      TRIAD_OIDC_CLIENT_SECRET: idp.clientSecret,
      TRIAD_OIDC_REDIRECT_URL: REDIRECT_URL,
      TRIAD_OIDC_ORGANISATION: slug,
      TRIAD_OIDC_ROLE_MAP: ROLE_MAP,
      TRIAD_OIDC_STATE_SECRET: 'a shared secret of at least thirty-two characters',
    };
    app = await buildSsoApp();
    const api = apiClient(app, org.token);
    const { portfolio, project } = await createPortfolioWithProject(api, 'PAY');
    portfolioId = portfolio.id;
    projectId = project.id;
    squadId = (await api.post('/api/v1/teams', { name: 'Payments Squad', deliveryMethod: 'scrum' })).body.id;
    platformId = (await api.post('/api/v1/teams', { name: 'Platform', deliveryMethod: 'kanban' })).body.id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  /** GET /start: the provider's authorisation URL and the sealed transaction cookie. */
  async function start(target = app) {
    const res = await target.inject({ method: 'GET', url: '/api/v1/auth/sso/start' });
    expect(res.statusCode).toBe(302);
    const cookie = res.cookies.find((c) => c.name === 'triad_sso');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/sso' });
    return {
      authorizationUrl: new URL(String(res.headers.location)),
      transaction: `triad_sso=${cookie?.value}`,
    };
  }

  async function callback(url: URL, transaction: string | undefined, target = app) {
    return target.inject({
      method: 'GET',
      url: `${url.pathname}${url.search}`,
      headers: transaction ? { cookie: transaction } : {},
    });
  }

  /** The whole flow; returns the session cookie. */
  async function signIn(login: string) {
    const { authorizationUrl, transaction } = await start();
    const res = await callback(await authenticateAtProvider(authorizationUrl, login), transaction);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'triad_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    return `triad_session=${session?.value}`;
  }

  const whoAmI = async (cookie: string) => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      user: {
        id: string;
        email: string;
        name: string;
        orgAdmin: boolean;
        roles: { role: string; scopeId: string }[];
      };
      via: string;
    };
  };
  const roles = (user: { roles: { role: string; scopeId: string }[] }) =>
    user.roles.map((r) => `${r.role}@${r.scopeId}`).sort();
  const sessionCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditActions = async (userId: string) =>
    (
      await store.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', userId)
        .orderBy('at')
        .execute()
    ).map((r) => r.action);

  it('reports its status for the settings page', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/sso' });
    expect(res.json()).toEqual({
      enabled: true,
      issuer: new URL(idp.issuer).href,
      startUrl: '/api/v1/auth/sso/start',
    });
    const plain = await buildApp({ store });
    expect((await plain.inject({ method: 'GET', url: '/api/v1/auth/sso' })).json()).toMatchObject({
      enabled: false,
    });
    expect((await plain.inject({ method: 'GET', url: '/api/v1/auth/sso/start' })).statusCode).toBe(404);
    await plain.close();
  });

  it('sends the browser to the provider with PKCE S256, state and nonce', async () => {
    const { authorizationUrl } = await start();
    expect(authorizationUrl.origin).toBe(new URL(idp.issuer).origin);
    const p = authorizationUrl.searchParams;
    expect(p.get('client_id')).toBe(idp.clientId);
    expect(p.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    expect(p.get('scope')).toBe('openid email profile groups');
  });

  it('creates the user just in time with the mapped roles, and the session cookie works', async () => {
    const login = `alice-${engine.name}`;
    idp.accounts.set(login, {
      email: `${login}@example.test`,
      email_verified: true,
      name: 'Alice Example',
      groups: ['pmo', 'squad', 'unmapped-group'],
    });
    const cookie = await signIn(login);
    const me = await whoAmI(cookie);
    expect(me.via).toBe('session');
    expect(me.user).toMatchObject({ email: `${login}@example.test`, name: 'Alice Example', orgAdmin: false });
    expect(roles(me.user)).toEqual(
      [`pmo_lead@${portfolioId}`, `project_manager@${projectId}`, `team_member@${squadId}`].sort(),
    );
    const row = await store.db
      .selectFrom('users')
      .select(['external_subject', 'password_hash', 'organisation_id'])
      .where('id', '=', me.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      external_subject: `${idp.issuer}|${login}`,
      password_hash: null,
      organisation_id: orgId,
    });
    const method = await store.db
      .selectFrom('sessions')
      .select('method')
      .where('user_id', '=', me.user.id)
      .executeTakeFirstOrThrow();
    expect(method.method).toBe('oidc');
    expect(await auditActions(me.user.id)).toEqual([
      'create',
      'role_granted',
      'role_granted',
      'role_granted',
      'sign_in',
    ]);
  });

  it('reuses the account on the next sign-in and follows group changes, leaving hand-granted roles alone', async () => {
    const login = `bob-${engine.name}`;
    idp.accounts.set(login, {
      email: `${login}@example.test`,
      email_verified: true,
      name: 'Bob',
      groups: ['pmo'],
    });
    const first = await whoAmI(await signIn(login));
    expect(roles(first.user)).toEqual([`pmo_lead@${portfolioId}`, `project_manager@${projectId}`].sort());

    // An administrator grants a role the map does not manage.
    await store.db
      .insertInto('role_assignments')
      .values({
        id: crypto.randomUUID(),
        organisation_id: orgId,
        user_id: first.user.id,
        scope_type: 'team',
        scope_id: platformId,
        role: 'agile_coach',
        created_at: new Date().toISOString(),
      })
      .execute();

    idp.accounts.set(login, {
      email: `${login}@example.test`,
      email_verified: true,
      name: 'Bob',
      groups: ['viewers', 'triad-admins'],
    });
    const second = await whoAmI(await signIn(login));
    expect(second.user.id).toBe(first.user.id);
    expect(second.user.orgAdmin).toBe(true);
    expect(roles(second.user)).toEqual([`agile_coach@${platformId}`, `stakeholder@${portfolioId}`].sort());
    const users = await store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `${login}@example.test`)
      .execute();
    expect(users).toHaveLength(1);

    // Out of every group: the mapped roles and the admin flag go, the hand-granted role stays.
    idp.accounts.set(login, {
      email: `${login}@example.test`,
      email_verified: true,
      name: 'Bob',
      groups: [],
    });
    const third = await whoAmI(await signIn(login));
    expect(third.user.orgAdmin).toBe(false);
    expect(roles(third.user)).toEqual([`agile_coach@${platformId}`]);
    const actions = await auditActions(first.user.id);
    expect(actions.filter((a) => a === 'sign_in')).toHaveLength(3);
    expect(actions.filter((a) => a === 'role_revoked')).toHaveLength(2 + 2);
  });

  it('links an existing local account only when the provider says the e-mail is verified', async () => {
    const carol = await createTestUser(store, orgId);
    const carolLogin = `carol-${engine.name}`;
    idp.accounts.set(carolLogin, { email: carol.email, email_verified: true, name: 'Carol', groups: [] });
    const me = await whoAmI(await signIn(carolLogin));
    expect(me.user.id).toBe(carol.userId);

    const dave = await createTestUser(store, orgId);
    const daveLogin = `dave-${engine.name}`;
    idp.accounts.set(daveLogin, {
      email: dave.email,
      email_verified: false,
      name: 'Dave',
      groups: ['triad-admins'],
    });
    const before = await sessionCount();
    const { authorizationUrl, transaction } = await start();
    const res = await callback(await authenticateAtProvider(authorizationUrl, daveLogin), transaction);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect(res.cookies.find((c) => c.name === 'triad_session')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    const row = await store.db
      .selectFrom('users')
      .select(['external_subject', 'role'])
      .where('id', '=', dave.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ external_subject: null, role: 'member' });
    expect(await auditActions(dave.userId)).toEqual(['sign_in_failed']);
  });

  describe('refuses, with no session', () => {
    const login = `mallory-${engine.name}`;
    beforeAll(() => {
      idp.accounts.set(login, {
        email: `${login}@example.test`,
        email_verified: true,
        name: 'M',
        groups: [],
      });
    });

    async function expectRefused(res: Awaited<ReturnType<typeof callback>>, status: number) {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.cookies.find((c) => c.name === 'triad_session')).toBeUndefined();
    }

    it('a tampered state', async () => {
      const before = await sessionCount();
      const { authorizationUrl, transaction } = await start();
      const back = await authenticateAtProvider(authorizationUrl, login);
      back.searchParams.set('state', `${back.searchParams.get('state')}x`);
      await expectRefused(await callback(back, transaction), 400);
      expect(await sessionCount()).toBe(before);
    });

    it('a forged or missing transaction cookie, which holds the PKCE verifier', async () => {
      const before = await sessionCount();
      const { authorizationUrl, transaction } = await start();
      const back = await authenticateAtProvider(authorizationUrl, login);
      await expectRefused(await callback(back, undefined), 400);
      await expectRefused(await callback(back, `${transaction.slice(0, -4)}AAAA`), 400);
      // The code alone is worthless: the provider wants the verifier (PKCE is required).
      const token = await fetch(`${idp.issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${idp.clientId}:${idp.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code') ?? '',
          redirect_uri: REDIRECT_URL,
        }),
      });
      expect(token.status).toBe(400);
      expect(((await token.json()) as { error: string }).error).toBe('invalid_grant');
      expect(await sessionCount()).toBe(before);
    });

    it('a code issued for another PKCE challenge', async () => {
      const before = await sessionCount();
      const { authorizationUrl, transaction } = await start();
      const attackerVerifier = oidc.randomPKCECodeVerifier();
      authorizationUrl.searchParams.set(
        'code_challenge',
        await oidc.calculatePKCECodeChallenge(attackerVerifier),
      );
      const back = await authenticateAtProvider(authorizationUrl, login);
      const res = await callback(back, transaction);
      await expectRefused(res, 401);
      expect(res.json().detail).toContain('invalid_grant');
      expect(await sessionCount()).toBe(before);
    });

    it('an ID token with the wrong nonce', async () => {
      const before = await sessionCount();
      const { authorizationUrl, transaction } = await start();
      authorizationUrl.searchParams.set('nonce', oidc.randomNonce());
      const res = await callback(await authenticateAtProvider(authorizationUrl, login), transaction);
      await expectRefused(res, 401);
      expect(res.json().detail).toContain('nonce');
      expect(await sessionCount()).toBe(before);
    });

    it('a replayed code, on this instance and on another sharing the state secret', async () => {
      const { authorizationUrl, transaction } = await start();
      const back = await authenticateAtProvider(authorizationUrl, login);
      expect((await callback(back, transaction)).statusCode).toBe(302);
      const before = await sessionCount();
      await expectRefused(await callback(back, transaction), 400);
      // A second instance has not seen the state, so the provider itself refuses the used code.
      const other = await buildSsoApp();
      try {
        const res = await callback(back, transaction, other);
        await expectRefused(res, 401);
        expect(res.json().detail).toContain('invalid_grant');
      } finally {
        await other.close();
      }
      expect(await sessionCount()).toBe(before);
    });

    it('a denial at the provider', async () => {
      const { authorizationUrl, transaction } = await start();
      const denied = new URL(REDIRECT_URL);
      denied.searchParams.set('error', 'access_denied');
      denied.searchParams.set('state', authorizationUrl.searchParams.get('state') ?? '');
      denied.searchParams.set('iss', idp.issuer);
      await expectRefused(await callback(denied, transaction), 401);
    });
  });
});
