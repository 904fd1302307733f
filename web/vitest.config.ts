import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure modules (CSV, throughput, saved views): no browser needed.
// Run: npx vitest run --config web/vitest.config.ts
export default defineConfig({
  test: { include: ['web/src/**/*.test.ts'], environment: 'node' },
});
