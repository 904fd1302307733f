import type { Command } from 'commander';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (DATABASE_URL or the SQLite file in TRIAD_DATA_DIR)')
    .action(async () => {
      const { readConfig } = await import('../../server/config');
      const { openStore } = await import('../../server/store/database');
      const { migrateToLatest } = await import('../../server/store/migrate');
      const config = readConfig();
      const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const { applied, schemaVersion } = await migrateToLatest(store);
        process.stdout.write(
          applied.length === 0
            ? `Schema is up to date (${schemaVersion}) on ${store.engine}.\n`
            : `Applied ${applied.join(', ')} on ${store.engine}; schema is now ${schemaVersion}.\n`,
        );
      } finally {
        await store.close();
      }
    });
}
