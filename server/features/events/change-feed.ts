import type { ResourceSpec } from '../../resources/resource-spec';
import type { Store } from '../../store/database';

/** What a subscriber is told: a record changed; it refetches through the API to see what. */
export interface ChangeEvent {
  type: 'changed';
  /** The audit trail's entity type (`work_item`). */
  entityType: string;
  /** The API resource (`work-items`), so a client can find its cached copies. */
  resource: string;
  id: string;
  action: 'created' | 'updated' | 'deleted';
  /** The version after the change; null once the record is deleted. */
  version: number | null;
}

/** A change as published inside the server: the event plus what is needed to check read access. */
export interface Change {
  organisationId: string;
  spec: ResourceSpec;
  event: ChangeEvent;
}

type Listener = (change: Change) => void;

/**
 * An in-process publish/subscribe of committed changes, one per store: every app built over the
 * same store (tests build several) sees the same changes. Several server processes over one
 * PostgreSQL database would each see only their own changes; LISTEN/NOTIFY would lift that.
 */
class ChangeFeed {
  private readonly listeners = new Map<string, Set<Listener>>();

  publish(change: Change): void {
    for (const listener of this.listeners.get(change.organisationId) ?? []) {
      // One failing subscriber must not stop the others, nor the request that published.
      try {
        listener(change);
      } catch {
        // The subscriber's own stream handling reports its errors.
      }
    }
  }

  /** Listens to the changes of one organisation; returns the function that stops listening. */
  subscribe(organisationId: string, listener: Listener): () => void {
    let set = this.listeners.get(organisationId);
    if (!set) {
      set = new Set();
      this.listeners.set(organisationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(organisationId);
    };
  }

  subscriberCount(organisationId: string): number {
    return this.listeners.get(organisationId)?.size ?? 0;
  }
}

const feeds = new WeakMap<Store, ChangeFeed>();

export function changeFeed(store: Store): ChangeFeed {
  let feed = feeds.get(store);
  if (!feed) {
    feed = new ChangeFeed();
    feeds.set(store, feed);
  }
  return feed;
}

/**
 * Tells subscribers that a record of `spec` changed. Call it after the transaction committed, so
 * nobody refetches a change that was rolled back. The record is the one the route answers with
 * (loosely typed in the generic routes); for a deletion only its id is needed.
 */
export function publishChange(
  store: Store,
  context: { principal: { organisationId: string } },
  spec: ResourceSpec,
  record: Record<string, unknown>,
  action: ChangeEvent['action'],
): void {
  changeFeed(store).publish({
    organisationId: context.principal.organisationId,
    spec,
    event: {
      type: 'changed',
      entityType: spec.entityType,
      resource: spec.path,
      id: String(record.id),
      action,
      version: action !== 'deleted' && typeof record.version === 'number' ? record.version : null,
    },
  });
}
