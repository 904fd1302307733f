import { useEffect } from 'react';
import { useEverything, useRecord } from '../api/resources';
import type { ResourceName } from '../api/types';

/** The display name of a record (for breadcrumbs and links); the cached record is reused. */
export function RecordName({ resource, id }: { resource: ResourceName; id: string | undefined }) {
  const record = useRecord(resource, id);
  const data = record.data as { key?: string; name?: string; title?: string } | undefined;
  if (!data) return <>…</>;
  if ('title' in data && data.title) return <>{`${data.key} ${data.title}`}</>;
  return <>{data.name ?? data.key ?? id}</>;
}

/** id → name for people (owners, assignees). */
export function usePeopleNames(): Map<string, string> {
  const people = useEverything('people');
  return new Map((people.data ?? []).map((p) => [p.id, p.name]));
}

export function useTeamNames(): Map<string, string> {
  const teams = useEverything('teams');
  return new Map((teams.data ?? []).map((t) => [t.id, t.name]));
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Triad`;
  }, [title]);
}
