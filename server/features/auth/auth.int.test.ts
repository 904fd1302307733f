import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { apiClient, createTestOrganisation, createTestUser, signInSession } from '../../test/factories';

const engines = await testEngines();

describe.each(engines)('sign-in, sessions and credentials on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let orgId: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, trustProxy: true, devMode: true });
    orgId = (await createTestOrganisation(store)).organisationId;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const auditActions = async (userId: string) =>
    (
      await store.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', userId)
        .orderBy('at')
        .execute()
    ).map((r) => r.action);

  it('signs in with a fresh HttpOnly, SameSite=Lax session cookie, Secure behind HTTPS', async () => {
    const user = await createTestUser(store, orgId);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'x-forwarded-proto': 'https', cookie: 'triad_session=attacker-chosen-value' },
      payload: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'triad_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    // Session fixation: the server never adopts a session id the client brought.
    expect(cookie?.value).not.toBe('attacker-chosen-value');
    const plain = await signInSession(app, user.email, user.password);
    expect(plain.setCookie?.secure).toBeFalsy();
    expect(plain.cookie).not.toBe(`triad_session=${cookie?.value}`);
    expect(await auditActions(user.userId)).toContain('sign_in');
  });

  it('requires the CSRF token for changes made with the cookie, not for reads', async () => {
    const admin = await createTestUser(store, orgId, { orgAdmin: true });
    const { cookie, csrf } = await signInSession(app, admin.email, admin.password);
    const read = await app.inject({ method: 'GET', url: '/api/v1/projects', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    const forged = await app.inject({
      method: 'POST',
      url: '/api/v1/portfolios',
      headers: { cookie },
      payload: { name: 'Forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().errors[0].field).toBe('X-CSRF-Token');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/portfolios',
      headers: { cookie, 'x-csrf-token': 'nope' },
      payload: { name: 'Forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/portfolios',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'Real' },
    });
    expect(ok.statusCode).toBe(201);
    const names = (
      await store.db.selectFrom('portfolios').select('name').where('organisation_id', '=', orgId).execute()
    ).map((r) => r.name);
    expect(names).toEqual(['Real']);
  });

  it('refuses tampered cookies, and sessions after sign-out or revocation', async () => {
    const user = await createTestUser(store, orgId);
    const a = await signInSession(app, user.email, user.password);
    const b = await signInSession(app, user.email, user.password);
    const tampered = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `${a.cookie}x` },
    });
    expect(tampered.statusCode).toBe(401);
    const sessions = (
      await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { cookie: a.cookie } })
    ).json().items;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s: { current: boolean }) => !s.current);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.id}`,
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
    });
    expect(revoke.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(401);
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: a.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('locks an account after five wrong passwords, even for the right one, and audits it', async () => {
    const user = await createTestUser(store, orgId);
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: user.email, password: `wrong-${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: user.password },
    });
    expect(locked.statusCode).toBe(429);
    const actions = await auditActions(user.userId);
    expect(actions.filter((a) => a === 'sign_in_failed').length).toBeGreaterThanOrEqual(5);
    expect(actions).toContain('account_locked');
    expect(actions).not.toContain('sign_in');
  });

  it('answers the same for unknown accounts and throttles an address that keeps failing', async () => {
    const throttled = await buildApp({ store });
    try {
      const unknown = await throttled.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nobody@example.test', password: 'whatever-it-is' },
      });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().detail).toBe('The e-mail address or the password is wrong.');
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) {
        statuses.push(
          (
            await throttled.inject({
              method: 'POST',
              url: '/api/v1/auth/sign-in',
              payload: { email: `n${i}@example.test`, password: 'x' },
            })
          ).statusCode,
        );
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await throttled.close();
    }
  });

  it('changes the password (ending other sessions) and resets it with a single-use token', async () => {
    const user = await createTestUser(store, orgId);
    const a = await signInSession(app, user.email, user.password);
    const b = await signInSession(app, user.email, user.password);
    const change = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
      payload: { currentPassword: user.password, newPassword: 'a much better passphrase' },
    });
    expect(change.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: a.cookie } }))
        .statusCode,
    ).toBe(200);

    const logs: string[] = [];
    const logged = await buildApp({
      store,
      devMode: true,
      logger: (await import('pino')).default({ level: 'info' }, { write: (line: string) => logs.push(line) }),
    });
    try {
      expect(
        (
          await logged.inject({
            method: 'POST',
            url: '/api/v1/auth/password-reset',
            payload: { email: user.email },
          })
        ).statusCode,
      ).toBe(202);
      expect(
        (
          await logged.inject({
            method: 'POST',
            url: '/api/v1/auth/password-reset',
            payload: { email: 'ghost@example.test' },
          })
        ).statusCode,
      ).toBe(202);
    } finally {
      await logged.close();
    }
    const token = /#token=([A-Za-z0-9_-]+)/.exec(logs.join('\n'))?.[1] as string;
    expect(token).toBeTruthy();
    const confirm = (newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, newPassword },
      });
    expect((await confirm('reset passphrase one')).statusCode).toBe(204);
    const reused = await confirm('reset passphrase two');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0].field).toBe('token');
    await signInSession(app, user.email, 'reset passphrase one');
    expect(await auditActions(user.userId)).toEqual(
      expect.arrayContaining(['password_changed', 'password_reset']),
    );
  });

  it('asks for a one-time code once a second factor is enabled', async () => {
    const user = await createTestUser(store, orgId);
    const s = await signInSession(app, user.email, user.password);
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.json().secret) });
    const enable = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { code: totp.generate() },
    });
    expect(enable.statusCode).toBe(204);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: user.password },
    });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('mfa_required');
    const wrongCode = String((Number(totp.generate()) + 500_000) % 1_000_000).padStart(6, '0');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: user.password, totp: wrongCode },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: user.password, totp: totp.generate() },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('shows an API token once, keeps only its hash, and stops accepting it when revoked or expired', async () => {
    const user = await createTestUser(store, orgId, { orgAdmin: true });
    const s = await signInSession(app, user.email, user.password);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { name: 'CI', scope: 'read' },
    });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json();
    const stored = await store.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', info.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const listed = (
      await app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: { cookie: s.cookie } })
    ).body;
    expect(listed).not.toContain(token);
    const api = apiClient(app, token);
    expect((await api.get('/api/v1/projects')).status).toBe(200);
    expect((await api.post('/api/v1/portfolios', { name: 'Nope' })).status).toBe(403);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${info.id}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await api.get('/api/v1/projects')).status).toBe(401);
    await store.db
      .updateTable('api_tokens')
      .set({ revoked_at: null, expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', info.id)
      .execute();
    expect((await api.get('/api/v1/projects')).status).toBe(401);
    expect(await auditActions(info.id)).toEqual(['token_created', 'token_revoked']);
  });

  it('refuses prototype-polluting and deeply nested bodies without changing anything', async () => {
    const user = await createTestUser(store, orgId, { orgAdmin: true });
    const s = await signInSession(app, user.email, user.password);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
    for (const payload of [
      '{"name":"x","constructor":{"prototype":{"admin":true}}}',
      '{"name":"x","__proto__":{"orgAdmin":true}}',
    ]) {
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/portfolios', headers, payload })).statusCode,
      ).toBe(400);
    }
    let nested = '"deep"';
    for (let i = 0; i < 5000; i++) nested = `{"a":${nested}}`;
    const deep = await app.inject({
      method: 'POST',
      url: '/api/v1/portfolios',
      headers,
      payload: `{"name":"x","description":${nested}}`,
    });
    expect(deep.statusCode).toBe(400);
    expect({} as Record<string, unknown>).not.toHaveProperty('admin');
    const count = await store.db
      .selectFrom('portfolios')
      .select('id')
      .where('organisation_id', '=', orgId)
      .where('name', '=', 'x')
      .execute();
    expect(count).toEqual([]);
  });

  it('sets security headers with a Content-Security-Policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
