// TanStack Query hooks over the identity API: one's sessions, password and second factor, API
// tokens, and (for organisation admins) users and their roles; plus the single sign-on status.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshSession } from './auth';
import { ApiError, apiRequest } from './client';
import type { paths } from './schema.gen';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<P extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer B }
      ? Json<B>
      : never
  : never;

export type Session = Ok<'/api/v1/auth/sessions', 'get'>['items'][number];
export type ApiToken = Ok<'/api/v1/auth/tokens', 'get'>['items'][number];
export type TokenCreated = Ok<'/api/v1/auth/tokens', 'post'>;
export type TotpSetup = Ok<'/api/v1/auth/totp/setup', 'post'>;
export type User = Ok<'/api/v1/users', 'get'>['items'][number];
export type RoleAssignment = User['roles'][number];
export type SsoStatus = Ok<'/api/v1/auth/sso', 'get'>;

/** The roles of the permission matrix (server/auth/permissions.ts), in the users' words. */
export const ROLE_LABELS: Record<string, string> = {
  pmo_lead: 'PMO lead',
  vmo_lead: 'VMO lead',
  agile_coach: 'Agile coach',
  project_manager: 'Project manager',
  product_owner: 'Product owner',
  team_member: 'Team member',
  stakeholder: 'Stakeholder',
  executive_viewer: 'Executive viewer',
};
export const SCOPE_TYPES = ['portfolio', 'project', 'team'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];
export const SCOPE_RESOURCE = { portfolio: 'portfolios', project: 'projects', team: 'teams' } as const;

export const identityKeys = {
  sessions: ['identity', 'sessions'] as const,
  tokens: ['identity', 'tokens'] as const,
  users: ['identity', 'users'] as const,
  sso: ['identity', 'sso'] as const,
};

export function useSessions() {
  return useQuery({
    queryKey: identityKeys.sessions,
    queryFn: ({ signal }) =>
      apiRequest<{ items: Session[] }>('GET', '/auth/sessions', { signal }).then((r) => r.items),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/auth/sessions/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: identityKeys.sessions }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiRequest<void>('POST', '/auth/password', { body }),
    // The server ends every other session.
    onSuccess: () => client.invalidateQueries({ queryKey: identityKeys.sessions }),
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => apiRequest<TotpSetup>('POST', '/auth/totp/setup') });
}

export function useTotpEnable() {
  return useMutation({
    mutationFn: (code: string) => apiRequest<void>('POST', '/auth/totp/enable', { body: { code } }),
    onSuccess: () => refreshSession(),
  });
}

export function useTotpDisable() {
  return useMutation({
    mutationFn: (password: string) => apiRequest<void>('POST', '/auth/totp/disable', { body: { password } }),
    onSuccess: () => refreshSession(),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: identityKeys.tokens,
    queryFn: ({ signal }) =>
      apiRequest<{ items: ApiToken[] }>('GET', '/auth/tokens', { signal }).then((r) => r.items),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: 'read' | 'write'; expiresInDays?: number }) =>
      apiRequest<TokenCreated>('POST', '/auth/tokens', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: identityKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/auth/tokens/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: identityKeys.tokens }),
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: identityKeys.users,
    queryFn: ({ signal }) => apiRequest<{ items: User[] }>('GET', '/users', { signal }).then((r) => r.items),
    enabled,
  });
}

/** Every change to users or roles refreshes the list, and one's own roles in the account menu. */
function useUserMutation<V>(run: (variables: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: identityKeys.users });
      await refreshSession();
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: { email: string; name: string; password?: string; orgAdmin?: boolean }) =>
    apiRequest<User>('POST', '/users', { body }),
  );
}

export function useUpdateUser() {
  return useUserMutation(
    ({ id, ...body }: { id: string; name?: string; orgAdmin?: boolean; disabled?: boolean }) =>
      apiRequest<User>('PATCH', `/users/${id}`, { body }),
  );
}

export function useGrantRole() {
  return useUserMutation((body: { userId: string; role: string; scopeType: ScopeType; scopeId: string }) =>
    apiRequest<RoleAssignment>('POST', '/role-assignments', { body }),
  );
}

export function useRevokeRole() {
  return useUserMutation((id: string) => apiRequest<void>('DELETE', `/role-assignments/${id}`));
}

/** Single sign-on status; `null` when the server has no such endpoint (older servers). */
export function useSsoStatus() {
  return useQuery({
    queryKey: identityKeys.sso,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<SsoStatus>('GET', '/auth/sso', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
