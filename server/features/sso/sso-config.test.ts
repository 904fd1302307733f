import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config';
import { readSsoConfig } from './sso-config';

const base = {
  TRIAD_OIDC_ISSUER: 'https://id.example.com/realms/acme',
  TRIAD_OIDC_CLIENT_ID: 'triad',
  TRIAD_OIDC_REDIRECT_URL: 'https://triad.example.com/api/v1/auth/sso/callback',
  TRIAD_OIDC_ORGANISATION: 'acme',
};

describe('readSsoConfig', () => {
  it('is off without an issuer', () => {
    expect(readSsoConfig({})).toBeUndefined();
    expect(readSsoConfig({ TRIAD_OIDC_ISSUER: '' })).toBeUndefined();
  });

  it('reads a public client with the defaults', () => {
    const config = readSsoConfig(base);
    expect(config).toMatchObject({
      clientId: 'triad',
      clientSecret: undefined,
      scopes: ['openid', 'email', 'profile', 'groups'],
      groupsClaim: 'groups',
      organisationSlug: 'acme',
      roleMap: [],
      transactionKey: undefined,
      insecureLoopback: false,
    });
    expect(config?.issuer.href).toBe('https://id.example.com/realms/acme');
  });

  it('reads the optional settings', () => {
    const config = readSsoConfig({
      ...base,
      TRIAD_OIDC_CLIENT_SECRET: 's3cret',
      TRIAD_OIDC_SCOPES: 'openid email',
      TRIAD_OIDC_GROUPS_CLAIM: 'roles',
      TRIAD_OIDC_ROLE_MAP: 'admins=org_admin',
      TRIAD_OIDC_STATE_SECRET: 'x'.repeat(32),
    });
    expect(config?.clientSecret).toBe('s3cret');
    expect(config?.scopes).toEqual(['openid', 'email']);
    expect(config?.groupsClaim).toBe('roles');
    expect(config?.roleMap).toHaveLength(1);
    expect(config?.transactionKey).toHaveLength(32);
  });

  it('allows plain HTTP only for a loopback issuer', () => {
    expect(
      readSsoConfig({ ...base, TRIAD_OIDC_ISSUER: 'http://localhost:8080/realms/dev' })?.insecureLoopback,
    ).toBe(true);
    expect(() => readSsoConfig({ ...base, TRIAD_OIDC_ISSUER: 'http://id.example.com' })).toThrow(/https/);
  });

  it.each([
    [{ TRIAD_OIDC_CLIENT_ID: 'triad' }, /TRIAD_OIDC_CLIENT_ID set but TRIAD_OIDC_ISSUER is not/],
    [{ ...base, TRIAD_OIDC_CLIENT_ID: '' }, /TRIAD_OIDC_CLIENT_ID is required/],
    [{ ...base, TRIAD_OIDC_ORGANISATION: undefined }, /TRIAD_OIDC_ORGANISATION is required/],
    [{ ...base, TRIAD_OIDC_ISSUER: 'id.example.com' }, /TRIAD_OIDC_ISSUER must be an absolute URL/],
    [
      { ...base, TRIAD_OIDC_REDIRECT_URL: 'https://triad.example.com/callback' },
      /\/api\/v1\/auth\/sso\/callback/,
    ],
    [{ ...base, TRIAD_OIDC_SCOPES: 'email profile' }, /must include openid/],
    [{ ...base, TRIAD_OIDC_STATE_SECRET: 'short' }, /at least 32 characters/],
    [{ ...base, TRIAD_OIDC_ROLE_MAP: 'admins=root' }, /TRIAD_OIDC_ROLE_MAP rule 1/],
  ])('refuses a mistake at start (%#)', (env, message) => {
    expect(() => readSsoConfig(env)).toThrow(ConfigError);
    expect(() => readSsoConfig(env)).toThrow(message);
  });
});
