// Live updates: one stream of `GET /api/v1/events` per signed-in tab. Each message names a record
// that changed; the matching TanStack Query caches are invalidated, so open pages refetch through
// the API (and its access control) and show the change. The stream is read with `fetch`, not
// EventSource, because only fetch can send the Authorization header of a token sign-in (a token in
// the address would end up in logs); a cookie session sends its cookie the same way.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { EventStreamParser } from '../lib/event-stream';
import { authenticate, forgetCredentials, useAuth } from './auth';
import { queryKeys } from './resources';
import type { ResourceName } from './types';

export interface ChangeEvent {
  type: 'changed';
  entityType: string;
  resource: string;
  id: string;
  action: 'created' | 'updated' | 'deleted';
  version: number | null;
}

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

export interface LiveState {
  status: LiveStatus;
  /** The latest changes made elsewhere (newest first), for the notifications menu. */
  recent: (ChangeEvent & { at: string })[];
}

const RECENT_LIMIT = 8;
const BATCH_MS = 150;
const listeners = new Set<() => void>();
let live: LiveState = { status: 'off', recent: [] };

function update(next: Partial<LiveState>): void {
  live = { ...live, ...next };
  for (const listener of listeners) listener();
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => live,
  );
}

/** Opens the stream while signed in; mount once, in the shell. */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    void follow(client, controller.signal);
    return () => {
      controller.abort();
      update({ status: 'off', recent: [] });
    };
  }, [signedIn, client]);
}

async function follow(client: QueryClient, signal: AbortSignal): Promise<void> {
  const batch = new ChangeBatch(client);
  let failures = 0;
  while (!signal.aborted) {
    update({ status: failures === 0 ? 'connecting' : 'reconnecting' });
    try {
      const response = await fetch(
        '/api/v1/events',
        authenticate({ headers: { Accept: 'text/event-stream' }, signal }),
      );
      if (response.status === 401) {
        forgetCredentials();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      update({ status: 'live' });
      // Changes made while the stream was down were missed: refresh everything once.
      if (failures > 0) void client.invalidateQueries();
      failures = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new EventStreamParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.push(value)) batch.add(JSON.parse(message.data) as ChangeEvent);
      }
    } catch {
      if (signal.aborted) return;
    }
    // The stream ended (server restart, network change): try again, backing off up to 30 s.
    failures += 1;
    update({ status: 'reconnecting' });
    await sleep(Math.min(30_000, 500 * 2 ** failures), signal);
  }
}

/** Collects events for a moment so a burst of changes refetches each list once. */
class ChangeBatch {
  private pending: ChangeEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: QueryClient) {}

  add(event: ChangeEvent): void {
    if (event.type !== 'changed' || this.isKnown(event)) return;
    this.pending.push(event);
    update({ recent: [{ ...event, at: new Date().toISOString() }, ...live.recent].slice(0, RECENT_LIMIT) });
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Our own saves already put the new version in the cache; their echo needs no refetch. */
  private isKnown(event: ChangeEvent): boolean {
    if (event.version === null) return false;
    const cached = this.client.getQueryData<{ version?: number }>(
      queryKeys.record(event.resource as ResourceName, event.id),
    );
    return cached?.version !== undefined && cached.version >= event.version;
  }

  private flush(): void {
    this.timer = undefined;
    const events = this.pending;
    this.pending = [];
    const byResource = new Map<string, Set<string>>();
    for (const event of events) {
      const ids = byResource.get(event.resource) ?? new Set<string>();
      ids.add(event.id);
      byResource.set(event.resource, ids);
    }
    for (const [resource, ids] of byResource) {
      void this.client.invalidateQueries({
        queryKey: [resource],
        // Lists, reference lists and histories of the resource, and the changed records only.
        predicate: (query) => query.queryKey[1] !== 'record' || ids.has(String(query.queryKey[2])),
      });
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
