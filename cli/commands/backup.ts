import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Store } from '../../server/store/database';
import { CliError } from '../cli-error';

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const { readConfig } = await import('../../server/config');
  const { openStore } = await import('../../server/store/database');
  const config = readConfig();
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write every table to FILE as newline-delimited JSON (gzip if FILE ends in .gz)')
    .argument('<file>')
    .action(async (file: string) => {
      const { writeBackup } = await import('../../server/backup/backup');
      const { migrateToLatest } = await import('../../server/store/migrate');
      await withStore(async (store) => {
        await migrateToLatest(store);
        const counts = await writeBackup(store, file);
        process.stdout.write(`Backed up ${total(counts)} rows from ${store.engine} to ${file}.\n`);
      });
    });

  program
    .command('restore')
    .description('Load a backup into an empty database (either engine)')
    .argument('<file>')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
      const { RestoreError, restoreBackup } = await import('../../server/backup/restore');
      await withStore(async (store) => {
        try {
          const counts = await restoreBackup(store, file);
          process.stdout.write(`Restored ${total(counts)} rows into ${store.engine}.\n`);
        } catch (error) {
          if (error instanceof RestoreError) throw new CliError(error.message);
          throw error;
        }
      });
    });
}
