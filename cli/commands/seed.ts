import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { parseDateOption, parseIntegerOption } from '../options';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Load the deterministic demo organisation (Northwind Digital)')
    .option('--demo', 'seed the demo organisation (the only kind of seed today)')
    .option('--scale <n>', 'size: 1 ≈ 5,000 work items, 200 ≈ 1,000,000', '1')
    .option('--anchor <date>', 'last day of the 18-month history (YYYY-MM-DD, default today)')
    .action(async (options: { demo?: boolean; scale: string; anchor?: string }) => {
      if (!options.demo) throw new CliError('say what to seed: triad seed --demo [--scale N]');
      const scale = parseIntegerOption('--scale', options.scale, 1, 1000);
      const anchorDate = options.anchor
        ? parseDateOption('--anchor', options.anchor)
        : new Date().toISOString().slice(0, 10);
      const { readConfig } = await import('../../server/config');
      const { DEMO_ORGANISATION_SLUG, seedDemo } = await import('../../server/demo/seed-demo');
      const { openStore } = await import('../../server/store/database');
      const { migrateToLatest } = await import('../../server/store/migrate');
      const config = readConfig();
      const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(store);
        const existing = await store.db
          .selectFrom('organisations')
          .select('id')
          .where('slug', '=', DEMO_ORGANISATION_SLUG)
          .executeTakeFirst();
        if (existing) throw new CliError('the demo organisation is already in this database');
        const started = Date.now();
        const summary = await seedDemo(store, {
          scale,
          anchorDate,
          onProgress: (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\rseeding projects ${done}/${total}`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write(
          `Seeded Northwind Digital on ${store.engine}: ${summary.projects} projects, ${summary.workItems} work items, ` +
            `${summary.statusChanges} status changes in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      } finally {
        await store.close();
      }
    });
}
