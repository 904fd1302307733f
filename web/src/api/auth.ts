// The one module that knows how the web app authenticates. Today: an API token kept in
// sessionStorage and sent as a bearer header. When cookie sessions arrive, only this file changes:
// `authenticate` would return the init unchanged (the cookie travels with `credentials`), and
// `signOut` would call the sign-out endpoint.
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'triad.apiToken';
const listeners = new Set<() => void>();

function readToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function isSignedIn(): boolean {
  return readToken() !== null;
}

/** Adds the credentials to a fetch request. */
export function authenticate(init: RequestInit, token = readToken()): RequestInit {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers, credentials: 'same-origin' };
}

export function signInWithToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token.trim());
  notify();
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  notify();
}

export function subscribeToAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribeToAuth, isSignedIn);
}

/**
 * Signs in with `#token=…` from the address (the link the demo start-up message prints) and removes
 * the token from the address bar and history so it is not bookmarked or shared by accident.
 */
export function signInFromUrl(): boolean {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return false;
  signInWithToken(decodeURIComponent(match[1]));
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return true;
}

export type TokenCheck = 'valid' | 'invalid' | 'unreachable';

/** Asks the API whether a token is accepted, before storing it. */
export async function checkToken(token: string): Promise<TokenCheck> {
  try {
    const response = await fetch('/api/v1/organisation', authenticate({}, token.trim()));
    if (response.ok) return 'valid';
    return response.status === 401 || response.status === 403 ? 'invalid' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
