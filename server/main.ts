import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app';
import type { Config } from './config';
import { issueDemoToken } from './demo/demo-access';
import { isDatabaseEmpty, seedDemo } from './demo/seed-demo';
import { readSsoConfig } from './features/sso/sso-config';
import { createLogger } from './logger';
import { openStore, type Store } from './store/database';
import { migrateToLatest } from './store/migrate';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  demoToken: string | undefined;
  close(): Promise<void>;
}

/** Opens the store, migrates, seeds the demo into an empty database, and listens. */
export async function startServer(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  // Every setting is checked before anything is opened, so a bad one fails fast and cleanly.
  const sso = readSsoConfig(process.env) ?? null;
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { applied, schemaVersion } = await migrateToLatest(store);
  logger.info({ engine: store.engine, applied, schemaVersion }, 'database ready');

  if (config.demo && (await isDatabaseEmpty(store))) {
    const started = Date.now();
    const summary = await seedDemo(store, { scale: 1, anchorDate: new Date().toISOString().slice(0, 10) });
    logger.info({ ...summary, ms: Date.now() - started }, 'demo organisation seeded');
  }
  const demoToken = config.demo ? await issueDemoToken(store, new Date()) : undefined;

  const app = await buildApp({
    store,
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    devMode: config.demo,
    sso,
    trustProxy: config.trustProxy,
  });
  const url = await app.listen({ port: config.port, host: config.host });
  let closing: Promise<void> | undefined;
  const close = () => {
    // Fastify stops accepting connections and lets in-flight requests finish before resolving.
    closing ??= app.close().then(() => store.close());
    return closing;
  };
  return { app, store, url, demoToken, close };
}
