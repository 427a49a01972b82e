import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property suites and CLI end-to-end tests run many simulations; 5 s is too short for them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
