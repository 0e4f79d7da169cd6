import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration and browser tests run real Astro builds; give them room.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
