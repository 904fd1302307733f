import { createHash } from 'node:crypto';
import { ConfigError } from '../../config';
import { parseRoleMap, RoleMapError, type RoleRule } from './role-map';

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';

/** Single sign-on through OpenID Connect, from the TRIAD_OIDC_* variables (see docs/sso.md). */
export interface SsoConfig {
  issuer: URL;
  clientId: string;
  /** Absent for a public client, which then proves itself with PKCE alone. */
  clientSecret: string | undefined;
  /** Where the identity provider sends the browser back: Triad's public URL + SSO_CALLBACK_PATH. */
  redirectUrl: URL;
  scopes: string[];
  /** Claim holding the user's groups; may be a dotted path such as `resource_access.triad.roles`. */
  groupsClaim: string;
  /** Slug of the organisation that single sign-on users belong to. */
  organisationSlug: string;
  roleMap: RoleRule[];
  /** 32-byte key sealing the sign-in transaction cookie; random per process when not configured. */
  transactionKey: Buffer | undefined;
  /** Plain-HTTP issuer on a loopback address (local identity providers and tests). */
  insecureLoopback: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** undefined when TRIAD_OIDC_ISSUER is unset: single sign-on is then off. Throws ConfigError on mistakes. */
export function readSsoConfig(env: NodeJS.ProcessEnv = process.env): SsoConfig | undefined {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const issuerText = value('TRIAD_OIDC_ISSUER');
  if (issuerText === undefined) {
    const stray = Object.keys(env).filter((k) => k.startsWith('TRIAD_OIDC_') && value(k) !== undefined);
    if (stray.length > 0)
      throw new ConfigError(`${stray.join(', ')} set but TRIAD_OIDC_ISSUER is not: single sign-on needs it`);
    return undefined;
  }
  const required = (name: string) => {
    const v = value(name);
    if (v === undefined) throw new ConfigError(`${name} is required when TRIAD_OIDC_ISSUER is set`);
    return v;
  };

  const issuer = readUrl('TRIAD_OIDC_ISSUER', issuerText);
  const insecureLoopback = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  if (issuer.protocol !== 'https:' && !insecureLoopback)
    throw new ConfigError(
      `TRIAD_OIDC_ISSUER must be an https:// URL (plain http only on localhost), got "${issuerText}"`,
    );

  const redirectUrl = readUrl('TRIAD_OIDC_REDIRECT_URL', required('TRIAD_OIDC_REDIRECT_URL'));
  if (!['http:', 'https:'].includes(redirectUrl.protocol) || redirectUrl.pathname !== SSO_CALLBACK_PATH)
    throw new ConfigError(
      `TRIAD_OIDC_REDIRECT_URL must be Triad's public address followed by ${SSO_CALLBACK_PATH}, got "${redirectUrl.href}"`,
    );
  if (redirectUrl.search !== '' || redirectUrl.hash !== '')
    throw new ConfigError('TRIAD_OIDC_REDIRECT_URL must not carry a query or a fragment');

  const scopes = (value('TRIAD_OIDC_SCOPES') ?? 'openid email profile groups')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!scopes.includes('openid'))
    throw new ConfigError(`TRIAD_OIDC_SCOPES must include openid, got "${scopes.join(' ')}"`);

  const secretText = value('TRIAD_OIDC_STATE_SECRET');
  if (secretText !== undefined && secretText.length < 32)
    throw new ConfigError('TRIAD_OIDC_STATE_SECRET must be at least 32 characters long');

  let roleMap: RoleRule[];
  try {
    roleMap = parseRoleMap(value('TRIAD_OIDC_ROLE_MAP'));
  } catch (error) {
    if (error instanceof RoleMapError) throw new ConfigError(error.message);
    throw error;
  }

  return {
    issuer,
    clientId: required('TRIAD_OIDC_CLIENT_ID'),
    clientSecret: value('TRIAD_OIDC_CLIENT_SECRET'),
    redirectUrl,
    scopes,
    groupsClaim: value('TRIAD_OIDC_GROUPS_CLAIM') ?? 'groups',
    organisationSlug: required('TRIAD_OIDC_ORGANISATION'),
    roleMap,
    transactionKey:
      secretText === undefined ? undefined : createHash('sha256').update(secretText, 'utf8').digest(),
    insecureLoopback,
  };
}

function readUrl(name: string, text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL, got "${text}"`);
  }
}
