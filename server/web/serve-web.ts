import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export interface WebAppOptions {
  /** The built app (default web/dist). */
  distDir?: string;
  /**
   * Build the app when distDir has no index.html, so `npm ci && npm start` works on a fresh clone.
   * Off under Vitest (API tests need no web app) and when TRIAD_WEB_BUILD=off.
   */
  buildIfMissing?: boolean;
}

/**
 * Serves the single-page web app: the files of web/dist, and index.html for every other GET that
 * is not under /api, so deep links such as /portfolio/projects/123 load the app.
 */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const distDir = options.distDir ?? join(WEB_DIR, 'dist');
  const buildIfMissing =
    options.buildIfMissing ?? (!process.env.VITEST && process.env.TRIAD_WEB_BUILD !== 'off');
  if (!existsSync(join(distDir, 'index.html')) && buildIfMissing) await buildWebApp(distDir, app);

  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build:web`');
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') return reply.callNotFound();
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The Triad web app is not built. Run `npm run build:web` and restart; the API is at /api/docs.',
        );
    });
    return;
  }

  await app.register(fastifyStatic, {
    root: distDir,
    // One route per file present at start: unknown paths fall through to the index.html route below.
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      // Hashed file names never change content; index.html must be revalidated to pick up new builds.
      reply.header(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}

/**
 * Runs `vite build` in a child process into a temporary folder, then renames it into place, so a
 * server started at the same moment never serves a half-written build.
 */
async function buildWebApp(distDir: string, app: FastifyInstance): Promise<void> {
  let viteBin: string;
  try {
    const require = createRequire(import.meta.url);
    viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    app.log.warn('vite is not installed (production install?): cannot build the web app');
    return;
  }
  const tempDir = `${distDir}.building-${process.pid}`;
  app.log.info('building the web app (first start)…');
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        viteBin,
        'build',
        '--config',
        join(WEB_DIR, 'vite.config.ts'),
        '--outDir',
        tempDir,
        '--logLevel',
        'warn',
      ],
      { cwd: WEB_DIR, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', () => resolve(null));
    child.on('exit', resolve);
  });
  if (code !== 0) {
    app.log.error({ code }, 'web app build failed');
    await rm(tempDir, { recursive: true, force: true });
    return;
  }
  if (existsSync(join(distDir, 'index.html'))) {
    await rm(tempDir, { recursive: true, force: true }); // another process finished first
  } else {
    await rm(distDir, { recursive: true, force: true });
    await rename(tempDir, distDir);
  }
  app.log.info({ ms: Date.now() - started }, 'web app built');
}
