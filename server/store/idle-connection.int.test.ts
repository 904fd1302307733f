import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../test/engines';

const engines = (await testEngines()).filter((e) => e.name === 'postgres');

// A server restart or an administrator closes idle pooled connections; pg reports that as an
// 'error' event on the pool. Unheard, it is an uncaught exception that ends the whole process.
// SQLite has no connection pool to lose, so this suite exists only for the PostgreSQL run.
describe.runIf(engines.length > 0)('a pooled connection closed by the server', () => {
  for (const engine of engines)
    it(`does not crash the process on ${engine.name}; the next query gets a fresh connection`, async () => {
      const { store, dispose } = await engine.open();
      try {
        const uncaught: unknown[] = [];
        const onUncaught = (error: unknown) => uncaught.push(error);
        process.on('uncaughtException', onUncaught);
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
        const pid = rows[0]?.pid;
        expect(pid).toBeGreaterThan(0);
        // Terminate that (now idle) connection from a second session, as an administrator would.
        const { default: pg } = await import('pg');
        const admin = new pg.Client({
          connectionString: process.env.TRIAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        });
        await admin.connect();
        await admin.query('select pg_terminate_backend($1)', [pid]);
        await admin.end();
        await new Promise((resolve) => setTimeout(resolve, 200));
        process.off('uncaughtException', onUncaught);
        expect(uncaught).toEqual([]);
        const again = await sql<{ one: number }>`select 1 as one`.execute(store.db);
        expect(again.rows[0]?.one).toBe(1);
      } finally {
        await dispose();
      }
    });
});
