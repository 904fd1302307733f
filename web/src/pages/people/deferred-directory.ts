import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listPage, queryKeys } from '../../api/resources';
import type { ResourceName, ResourceTypes } from '../../api/types';

const CAP = 5000;

/**
 * Every record of a reference list (people, teams, projects: for names and filter choices), like
 * `useEverything`, but only once `ready` — when the page's own rows have arrived. At the demo's
 * --scale 200 the people directory is ten requests of 500; fired together with the page's list they
 * queued ahead of it on the server and delayed the first rows by a second or more (see
 * docs/benchmarks.md, web render). The cache key is `useEverything`'s, so the pages share it.
 */
export function useDeferredEverything<R extends ResourceName>(resource: R, ready: boolean) {
  return useQuery({
    queryKey: queryKeys.everything(resource, {}),
    queryFn: async ({ signal }) => {
      const items: ResourceTypes[R][] = [];
      let cursor: string | undefined;
      do {
        const page = await listPage(resource, { limit: 500, cursor }, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < CAP);
      return items;
    },
    staleTime: 60_000,
    enabled: ready,
  });
}

/** id → display name from a deferred reference list; empty until it has loaded. */
export function useDeferredNames(resource: 'people' | 'teams', ready: boolean): Map<string, string> {
  const list = useDeferredEverything(resource, ready);
  return useMemo(
    () => new Map((list.data ?? []).map((r) => [(r as { id: string }).id, (r as { name: string }).name])),
    [list.data],
  );
}
