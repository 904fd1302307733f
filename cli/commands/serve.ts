import type { Command } from 'commander';
import { parseIntegerOption } from '../options';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the API (and the demo organisation on an empty database)')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
      // Loaded on demand so that `triad --help` and the pure commands start quickly.
      const { readConfig } = await import('../../server/config');
      const { createLogger } = await import('../../server/logger');
      const { startServer } = await import('../../server/main');
      const env = { ...process.env };
      if (options.port !== undefined) env.PORT = String(parseIntegerOption('--port', options.port, 0, 65535));
      const config = readConfig(env);
      const logger = createLogger(config.logLevel);
      const server = await startServer(config, logger);
      process.stderr.write(`\nTriad is running at ${server.url}  (API docs: ${server.url}/api/docs)\n`);
      if (server.demoToken) {
        process.stderr.write(
          `Open ${server.url}/#token=${server.demoToken} to sign in as Ada Admin (demo mode).\n`,
        );
        process.stderr.write(`Demo mode: API token for Ada Admin (valid 24 h):\n  ${server.demoToken}\n`);
        process.stderr.write(
          `Try: curl -H "Authorization: Bearer ${server.demoToken}" ${server.url}/api/v1/projects\n`,
        );
        const { DEMO_ADMIN_EMAIL } = await import('../../server/demo/seed-demo');
        const { DEMO_PASSWORD, DEMO_USERS } = await import('../../server/demo/demo-users');
        process.stderr.write(`Demo accounts, one per role (password "${DEMO_PASSWORD}", demo mode only):\n`);
        for (const u of [
          { email: DEMO_ADMIN_EMAIL, name: 'Ada Admin (organisation admin)' },
          ...DEMO_USERS,
        ]) {
          process.stderr.write(`  ${u.email.padEnd(36)} ${u.name}\n`);
        }
        process.stderr.write('\n');
      }
      const shutdown = (signal: string) => {
        logger.info({ signal }, 'shutting down: finishing in-flight requests');
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
