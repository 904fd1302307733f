import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the web app from the current sources once, so the tests never run an old build. */
export default function setup(): void {
  mkdirSync(`${root}/e2e/artifacts`, { recursive: true });
  if (process.env.TRIAD_E2E_SKIP_BUILD === '1') return;
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    // Vitest sets NODE_ENV=test, which Vite honours: the child would build React's development
    // bundle, so the browser tests would measure and test a different app from the one users get.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
