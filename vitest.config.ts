import { defineConfig } from 'vitest/config';

// Two projects: pure/unit tests (core, cli) and store/HTTP tests that talk to a real database.
// `npm run test:pg` runs the store project against PostgreSQL as well (see server/test/engines.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'store',
          include: ['server/**/*.test.ts', 'cli/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
