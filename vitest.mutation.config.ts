/**
 * The suites Stryker runs against each mutant (`npm run test:mutation`): the in-process unit,
 * rule, agent, simulation and property suites. The CLI end-to-end suite is left out because it
 * runs the built dist/, which mutants never reach; property suites run fewer examples
 * (THAW_FC_RUNS) so that a mutant is judged in seconds on a 2-core machine.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/world/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/agents/**/*.test.ts', 'test/simulation/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/docs.test.ts'],
    // The sweep suites run worker threads from the built dist/, which the mutation sandbox has not.
    exclude: ['test/simulation/sweep*.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { THAW_FC_RUNS: '12', THAW_MUTATION: '1' },
  },
});
