/**
 * One seeded run as the run JSON carries it: the model's records (`simulateDrawn`,
 * src/simulation/run.ts) with each record's sentence added by src/report/trace-words.ts. It sits
 * above both folders so that the model never imports a formatter and a report never runs the
 * model; the CLI and the library (src/index.ts) call it. Same inputs, same result.
 */
import type { Scenario } from './scenario/schema.js';
import { simulateDrawn, type RunOptions } from './simulation/run.js';
import type { RunResult } from './simulation/trace.js';
import { withWords } from './report/trace-words.js';

export function runScenario(given: Scenario, options: RunOptions): RunResult {
  const { scenario, run } = simulateDrawn(given, options);
  return run.months.length === 0 ? { ...run, months: [] } : withWords(run, scenario);
}
