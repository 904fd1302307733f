import * as oidc from 'openid-client';
import { ProblemError } from '../../http/problem';
import type { SsoConfig } from './sso-config';
import type { SsoTransaction } from './sso-transaction';

/** The claims of a completed sign-in: the validated ID token, completed from the UserInfo endpoint. */
export interface IdentityClaims {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  /** Why the UserInfo endpoint could not complete the claims, when it could not. */
  userInfoWarning: string | undefined;
}

/**
 * The relying party (openid-client): discovers the provider on first use (and again after a
 * failed discovery, so Triad starts while the provider is down), builds the authorisation request
 * and redeems the code. openid-client checks the state, the issuer, the audience, the expiry and
 * the nonce of the ID token; the provider checks the PKCE verifier against the challenge.
 */
export class SsoClient {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(private readonly config: SsoConfig) {}

  private configuration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, insecureLoopback } = this.config;
    this.discovered ??= oidc
      .discovery(
        issuer,
        clientId,
        undefined,
        clientSecret === undefined ? oidc.None() : oidc.ClientSecretBasic(clientSecret),
        { execute: insecureLoopback ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }

  async authorizationUrl(transaction: SsoTransaction): Promise<URL> {
    const configuration = await this.configuration();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl.href,
      scope: this.config.scopes.join(' '),
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Redeems the code in `callbackUrl`; a refusal by the provider or a failed check is a 401. */
  async completeSignIn(callbackUrl: URL, transaction: SsoTransaction): Promise<IdentityClaims> {
    const configuration = await this.configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusal(error);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new ProblemError('unauthenticated', 'The identity provider returned no ID token.');

    let userInfo: Record<string, unknown> = {};
    let userInfoWarning: string | undefined;
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      } catch (error) {
        userInfoWarning = (error as Error).message;
      }
    }
    // The ID token is authoritative; UserInfo only fills in what it left out (often the groups).
    return {
      issuer: idToken.iss,
      subject: idToken.sub,
      claims: { ...userInfo, ...idToken },
      userInfoWarning,
    };
  }
}

/** openid-client codes of a response that arrived but must not be trusted. */
const FAILED_CHECKS = new Set([
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
]);

function refusal(error: unknown): unknown {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError)
    return new ProblemError(
      'unauthenticated',
      `The identity provider refused the sign-in: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`,
    );
  if (error instanceof oidc.ClientError && FAILED_CHECKS.has(error.code ?? '')) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return new ProblemError('unauthenticated', `The sign-in response failed a check: ${reason}.`);
  }
  // Anything else (the provider unreachable, a misconfiguration) is ours to log, not the user's fault.
  return error;
}
