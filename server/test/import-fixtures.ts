import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Store } from '../store/database';
import type { TestEngine } from './engines';
import { createTestOrganisation } from './factories';

/**
 * The set-up the importer tests share: a fresh database of the engine with its own organisation
 * per test (so tests need no cleanup between them), a scratch directory for files written on the
 * fly, and the counts and rows an import is checked against.
 */
export interface ImportTarget {
  store: Store;
  organisationId: string;
}

/**
 * Call inside `describe.each(engines)`: returns `open()`, which gives each test its own database
 * and organisation; every database opened is closed after the block.
 */
export function importTargets(engine: TestEngine): () => Promise<ImportTarget> {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  return async () => {
    const handle = await engine.open();
    cleanups.push(handle.dispose);
    const org = await createTestOrganisation(handle.store);
    return { store: handle.store, organisationId: org.organisationId };
  };
}

/** A directory of its own under the system's temporary directory, for export files a test writes. */
export function importScratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `triad-${name}-`));
}

/** Work items and status-history rows of the organisation: what a re-import must leave unchanged. */
export async function countImported(store: Store, organisationId: string) {
  const items = await store.db
    .selectFrom('work_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const changes = await store.db
    .selectFrom('work_item_status_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { items: Number(items.n), changes: Number(changes.n) };
}

/** The organisation's work items by key, with the fields importers set and the parent's key. */
export async function importedItems(store: Store, organisationId: string) {
  const rows = await store.db
    .selectFrom('work_items as w')
    .leftJoin('work_items as p', 'p.id', 'w.parent_id')
    .select(['w.key', 'w.title', 'w.type', 'w.status', 'w.status_category', 'w.done_at'])
    .select(['w.source', 'w.source_key'])
    .select(['w.estimate', 'w.started_at', 'w.custom_fields', 'w.version', 'p.key as parent'])
    .where('w.organisation_id', '=', organisationId)
    .orderBy('w.key')
    .execute();
  return new Map(rows.map((r) => [r.key, r]));
}
