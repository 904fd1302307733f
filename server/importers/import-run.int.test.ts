import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { createTestOrganisation } from '../test/factories';
import { importAdo } from './ado/import-ado';
import { importGithub } from './github/import-github';

const ADO = new URL('./ado/__fixtures__/fabrikam-flat.csv', import.meta.url).pathname;
const GITHUB = new URL('./github/__fixtures__/hello-world-issues.json', import.meta.url).pathname;

// SQLite only: the page cache and WAL checkpoint settings an import tunes belong to the store's
// connection, which the server shares between requests and between imports running at once.
describe('SQLite settings during imports', () => {
  const store = openStore({ sqliteFile: ':memory:' });
  afterAll(() => store.close());
  const settings = async () => ({
    cache: (await sql<{ cache_size: number }>`pragma cache_size`.execute(store.db)).rows[0]?.cache_size,
    wal: (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)).rows[0]
      ?.wal_autocheckpoint,
  });

  it('are tuned while imports run and restored when the last of overlapping imports ends', async () => {
    await migrateToLatest(store);
    const a = await createTestOrganisation(store, 'A');
    const b = await createTestOrganisation(store, 'B');
    const before = await settings();
    // Batches of one record, so the two imports interleave. Progress is reported between batches,
    // outside their transactions; each report queues a reading of the settings.
    const probes: ReturnType<typeof settings>[] = [];
    const onProgress = () => {
      probes.push(settings());
    };
    const [ado, github] = await Promise.all([
      importAdo(store, { organisationId: a.organisationId, file: ADO, batchSize: 1, onProgress }),
      importGithub(store, { organisationId: b.organisationId, file: GITHUB, batchSize: 1, onProgress }),
    ]);
    const during = await Promise.all(probes);
    expect(ado.created).toBe(8);
    expect(github.created).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(8);
    expect(during.every((s) => s.cache === -65_536 && s.wal === 65_536)).toBe(true);
    expect(await settings()).toEqual(before);
  });
});
