// TanStack Query hooks over the generic resource API. Query keys start with the resource name,
// so invalidating `[resource]` refreshes every list and record of that resource.
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, apiRequest, type QueryParams } from './client';
import type { AuditEntry, Page, ResourceName, ResourceTypes, StatusChange } from './types';

export const queryKeys = {
  all: (resource: ResourceName) => [resource] as const,
  list: (resource: ResourceName, params: QueryParams) => [resource, 'list', params] as const,
  infinite: (resource: ResourceName, params: QueryParams) => [resource, 'infinite', params] as const,
  everything: (resource: ResourceName, params: QueryParams) => [resource, 'everything', params] as const,
  record: (resource: ResourceName, id: string) => [resource, 'record', id] as const,
  audit: (resource: ResourceName, id: string) => [resource, 'audit', id] as const,
};

export function listPage<R extends ResourceName>(
  resource: R,
  params: QueryParams,
  signal?: AbortSignal,
): Promise<Page<ResourceTypes[R]>> {
  return apiRequest('GET', `/${resource}`, signal ? { query: params, signal } : { query: params });
}

/** One page of a list (default 50 rows). */
export function useList<R extends ResourceName>(resource: R, params: QueryParams = {}, enabled = true) {
  return useQuery({
    queryKey: queryKeys.list(resource, params),
    queryFn: ({ signal }) => listPage(resource, params, signal),
    enabled,
  });
}

/** A list read page by page as the user scrolls (server-side paging through `cursor`). */
export function useInfiniteList<R extends ResourceName>(resource: R, params: QueryParams = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.infinite(resource, params),
    queryFn: ({ pageParam, signal }) =>
      listPage(resource, { limit: 100, ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Every record of a small reference list (portfolios, teams, people for name look-ups), read in
 * pages of 500 up to `cap` records.
 */
export function useEverything<R extends ResourceName>(resource: R, params: QueryParams = {}, cap = 5000) {
  return useQuery({
    queryKey: queryKeys.everything(resource, params),
    queryFn: async ({ signal }) => {
      const items: ResourceTypes[R][] = [];
      let cursor: string | undefined;
      do {
        const page = await listPage(resource, { ...params, limit: 500, cursor }, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < cap);
      return items;
    },
    staleTime: 60_000,
  });
}

export function useRecord<R extends ResourceName>(resource: R, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.record(resource, id ?? ''),
    queryFn: ({ signal }) => apiRequest<ResourceTypes[R]>('GET', `/${resource}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAudit(resource: ResourceName, id: string) {
  return useQuery({
    queryKey: queryKeys.audit(resource, id),
    queryFn: ({ signal }) =>
      apiRequest<{ items: AuditEntry[] }>('GET', `/${resource}/${id}/audit`, { signal }).then((r) => r.items),
  });
}

export function useStatusHistory(id: string) {
  return useQuery({
    queryKey: ['work-items', 'status-history', id],
    queryFn: ({ signal }) =>
      apiRequest<{ items: StatusChange[] }>('GET', `/work-items/${id}/status-history`, { signal }).then(
        (r) => r.items,
      ),
  });
}

export function useCreateRecord<R extends ResourceName>(resource: R) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiRequest<ResourceTypes[R]>('POST', `/${resource}`, { body }),
    onSuccess: (record) => {
      client.setQueryData(queryKeys.record(resource, (record as { id: string }).id), record);
      return client.invalidateQueries({ queryKey: queryKeys.all(resource) });
    },
  });
}

export interface UpdateVariables {
  id: string;
  version: number;
  patch: Record<string, unknown>;
}

/**
 * Updates a record optimistically: the cached record changes at once and is restored if the server
 * refuses. A 412 (someone else saved first) rejects with an ApiError whose `current` is their
 * version, for the caller's conflict dialog.
 */
export function useUpdateRecord<R extends ResourceName>(resource: R) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: UpdateVariables) =>
      apiRequest<ResourceTypes[R]>('PATCH', `/${resource}/${id}`, { body: patch, ifMatch: version }),
    onMutate: async ({ id, patch }) => {
      const key = queryKeys.record(resource, id);
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<ResourceTypes[R]>(key);
      if (previous) client.setQueryData(key, { ...previous, ...patch });
      return { previous };
    },
    onError: (error, { id }, context) => {
      const key = queryKeys.record(resource, id);
      if (error instanceof ApiError && error.code === 'precondition_failed' && error.current) {
        client.setQueryData(key, error.current);
      } else if (context?.previous) {
        client.setQueryData(key, context.previous);
      }
    },
    onSuccess: (record, { id }) => client.setQueryData(queryKeys.record(resource, id), record),
    onSettled: () => invalidateLists(client, resource),
  });
}

export function useDeleteRecord(resource: ResourceName) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<void>('DELETE', `/${resource}/${id}`, { ifMatch: version }),
    onSuccess: (_result, { id }) => {
      client.removeQueries({ queryKey: queryKeys.record(resource, id) });
      return invalidateLists(client, resource);
    },
  });
}

function invalidateLists(client: QueryClient, resource: ResourceName) {
  return client.invalidateQueries({
    queryKey: queryKeys.all(resource),
    predicate: (query) => query.queryKey[1] !== 'record',
  });
}
