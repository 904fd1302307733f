import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's, via playwright-core) against a real server on a scratch
// SQLite database. `npm run test:e2e`; see docs/web.md.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // Each spec file starts its own server and browser; two at a time keeps memory modest.
    maxWorkers: 2,
  },
});
