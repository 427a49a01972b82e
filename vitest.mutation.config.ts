/**
 * The suites Stryker runs against each mutant (`npm run test:mutation`): the fast in-process
 * suites — world, agents (model-based), properties, determinism, the agents' stepper and the rule
 * suites that are unit tests. The CLI and sweep suites run the built dist/, which mutants never
 * reach; property suites run fewer examples (THAW_FC_RUNS=8), so that a mutant is judged in
 * seconds on a 2-core machine.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/world/**/*.test.ts', 'test/agents/**/*.test.ts', 'test/properties/**/*.test.ts',
      'test/negotiation/**/*.test.ts', 'test/study/**/*.test.ts', 'test/backtest/**/*.test.ts',
      // The report's pure modules (chart specs from numbers, the result kinds' registry, tables).
      'test/report/results.test.ts', 'test/report/result-specs.test.ts', 'test/report/result-pages.test.ts',
      // The front door's pure modules: file reading and writing, the CLI's conventions, options,
      // completion and list (in process), the resolved-scenario cache and the generated docs.
      'test/files/**/*.test.ts', 'test/cli/modules/**/*.test.ts', 'test/scenario/resolved.test.ts',
      'test/docs.test.ts', 'test/scenario/shipped.test.ts',
      'test/simulation/determinism.test.ts', 'test/simulation/agent-step.test.ts',
      // The rule suites that are unit tests; the others run 40–90 simulations per test, which on
      // two cores makes a full mutation run take hours (docs/testing.md).
      'test/rules/R03.test.ts', 'test/rules/R05.test.ts', 'test/rules/catalogue.test.ts',
    ],
    // The metamorphic suite compares means over thousands of runs: it judges the model, not a
    // mutant, and would add seconds to every one.
    exclude: ['test/properties/metamorphic.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { THAW_FC_RUNS: '8', THAW_MUTATION: '1' },
  },
});
