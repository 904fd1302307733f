// The one module that knows how the web app authenticates. Two ways in:
// - password sign-in (the default): the server sets an HttpOnly session cookie, which travels with
//   `credentials: 'same-origin'`; every change also sends the session's CSRF token, kept in memory
//   only (GET /auth/session hands it out again after a reload);
// - an API token (the secondary option, and the `#token=` link demo mode prints): kept in
//   sessionStorage for this tab and sent as a bearer header.
import { useSyncExternalStore } from 'react';
import type { paths } from './schema.gen';

type SessionInfo = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
export type SessionUser = SessionInfo['user'];

export type AuthState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; via: 'session' | 'token'; user: SessionUser; csrfToken: string | null };

const STORAGE_KEY = 'triad.apiToken';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const listeners = new Set<() => void>();
let state: AuthState = { status: 'checking' };

function readToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function setState(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getAuthState(): AuthState {
  return state;
}

export function subscribeToAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribeToAuth, getAuthState);
}

/** The signed-in user, or undefined while checking or when signed out. */
export function useCurrentUser(): SessionUser | undefined {
  const auth = useAuth();
  return auth.status === 'signed-in' ? auth.user : undefined;
}

/** Adds the credentials to a fetch request: the bearer token, or the CSRF token for a change. */
export function authenticate(init: RequestInit, token = readToken()): RequestInit {
  const headers = new Headers(init.headers);
  if (token) {
    headers.set('Authorization', `Bearer ${token}`);
  } else if (state.status === 'signed-in' && state.csrfToken) {
    const method = (init.method ?? 'GET').toUpperCase();
    if (!SAFE_METHODS.has(method)) headers.set('X-CSRF-Token', state.csrfToken);
  }
  return { ...init, headers, credentials: 'same-origin' };
}

async function fetchSession(token?: string): Promise<Response> {
  return fetch(
    '/api/v1/auth/session',
    authenticate({ headers: { Accept: 'application/json' } }, token ?? readToken()),
  );
}

function adopt(info: SessionInfo, via: 'session' | 'token'): void {
  setState({ status: 'signed-in', via, user: info.user, csrfToken: info.csrfToken });
}

/**
 * Finds out at start-up (and after a reload) who is signed in: with the stored token if there is
 * one, otherwise with the session cookie, which the page cannot read.
 */
export async function restoreSession(): Promise<void> {
  const token = readToken();
  try {
    const response = await fetchSession();
    if (response.ok) {
      adopt((await response.json()) as SessionInfo, token ? 'token' : 'session');
      return;
    }
    if (token && response.status === 401) sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // The server did not answer; the sign-in page says so when the user tries.
  }
  setState({ status: 'signed-out' });
}

/** Re-reads the user (name, roles) after a change to them. */
export async function refreshSession(): Promise<void> {
  if (state.status !== 'signed-in') return;
  const response = await fetchSession();
  if (response.ok) adopt((await response.json()) as SessionInfo, state.via);
}

export type PasswordSignIn =
  | { outcome: 'signed-in' }
  | { outcome: 'mfa-required' }
  | { outcome: 'refused'; code: string; message: string };

/** Signs in with e-mail and password, and the one-time code when the account has a second factor. */
export async function signInWithPassword(
  email: string,
  password: string,
  totp?: string,
): Promise<PasswordSignIn> {
  let response: Response;
  try {
    response = await fetch('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(totp ? { email, password, totp } : { email, password }),
      credentials: 'same-origin',
    });
  } catch {
    return { outcome: 'refused', code: 'unreachable', message: 'The server did not answer.' };
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) {
    // A token from an earlier sign-in in this tab must not shadow the new session.
    sessionStorage.removeItem(STORAGE_KEY);
    adopt(payload as unknown as SessionInfo, 'session');
    return { outcome: 'signed-in' };
  }
  const code = typeof payload.code === 'string' ? payload.code : 'internal';
  if (code === 'mfa_required') return { outcome: 'mfa-required' };
  const message =
    typeof payload.detail === 'string' ? payload.detail : `Sign-in failed (${response.status}).`;
  return { outcome: 'refused', code, message };
}

export type TokenCheck = 'valid' | 'invalid' | 'unreachable';

/** Checks a pasted API token with the API and, when accepted, signs in with it. */
export async function signInWithToken(token: string): Promise<TokenCheck> {
  const trimmed = token.trim();
  try {
    const response = await fetchSession(trimmed);
    if (!response.ok) return response.status === 401 || response.status === 403 ? 'invalid' : 'unreachable';
    sessionStorage.setItem(STORAGE_KEY, trimmed);
    adopt((await response.json()) as SessionInfo, 'token');
    return 'valid';
  } catch {
    return 'unreachable';
  }
}

/**
 * Reads `#token=…` from the address (the link the demo start-up message prints) into storage and
 * removes it from the address bar and history so it is not bookmarked or shared by accident.
 * `restoreSession` then checks it. The password-reset page's `#token=` is a different token.
 */
export function takeTokenFromUrl(): boolean {
  if (window.location.pathname === '/reset-password') return false;
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return false;
  sessionStorage.setItem(STORAGE_KEY, decodeURIComponent(match[1]).trim());
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return true;
}

/** Ends the session on the server (a no-op for tokens, which stay valid) and forgets it here. */
export async function signOut(): Promise<void> {
  if (state.status === 'signed-in') {
    await fetch('/api/v1/auth/sign-out', authenticate({ method: 'POST' })).catch(() => undefined);
  }
  forgetCredentials();
}

/** Forgets the credentials without asking the server (it already answered 401). */
export function forgetCredentials(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: nothing to remove
  }
  setState({ status: 'signed-out' });
}
