import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration and browser tests run real Astro builds; give them room.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Builds the example site once for the browser tests (skipped when no test/e2e file runs).
    globalSetup: ['test/helpers/compile-package.ts', 'test/helpers/clean-builds.ts', 'test/e2e/global-setup.ts'],
  },
});
