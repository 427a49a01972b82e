/**
 * One fast-check configuration for every property suite, so that a run is reproducible from the
 * line it prints:
 * - the seed is fixed (THAW_FC_SEED overrides it) and printed once per suite file;
 * - THAW_FC_RUNS sets the examples per property (default 100); `npm run test:deep` sets
 *   THAW_FC_DEEP=1, which runs ten times as many.
 * A failing property writes its shrunk scenario to test/properties/.counterexamples/ as a YAML file
 * and prints the `thaw run` command that replays it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Scenario } from '../../src/scenario/schema.js';

export const FC_SEED = Number(process.env.THAW_FC_SEED ?? 20251213);
const BASE_RUNS = Number(process.env.THAW_FC_RUNS ?? 100);
export const DEEP = process.env.THAW_FC_DEEP === '1';
/** Examples per property: the base number, ten times that in deep mode. */
export const runsFor = (scale = 1): number => Math.max(1, Math.round(BASE_RUNS * scale * (DEEP ? 10 : 1)));

let announced = false;
export function announceSeed(suite: string): void {
  if (announced) return;
  announced = true;
  console.log(`[fast-check] ${suite}: seed ${FC_SEED}, ${runsFor()} examples per property${DEEP ? ' (deep)' : ''}; replay with THAW_FC_SEED=${FC_SEED}`);
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const COUNTEREXAMPLE_DIR = fileURLToPath(new URL('./.counterexamples/', import.meta.url));

/** A scenario as YAML that `thaw run FILE` loads: the resolved scenario, every default spelled out. */
export function scenarioYaml(scenario: Scenario, note: string): string {
  const plain = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  return `# ${note.split('\n').join('\n# ')}\n${stringify(plain, { lineWidth: 0 })}`;
}

/** Writes a failing example as a scenario file; returns the command that replays it. */
export function writeCounterexample(property: string, scenario: Scenario, seed: number, message: string): string {
  mkdirSync(COUNTEREXAMPLE_DIR, { recursive: true });
  const file = `${COUNTEREXAMPLE_DIR}${property.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}-seed-${seed}.yaml`;
  const replay = `npx thaw run ${relative(ROOT, file)} --seed ${seed} --format json`;
  writeFileSync(file, scenarioYaml(scenario, `Counterexample for the property "${property}" (fast-check seed ${FC_SEED}).\nReplay: ${replay}\n${message}`));
  return replay;
}

/** An example a run property is checked on: a valid scenario and a run seed. */
export interface RunExample {
  readonly scenario: Scenario;
  readonly seed: number;
}

/**
 * Checks `predicate` (which throws on a violation) on examples of `arb` with the shared seed.
 * On failure the shrunk example becomes a scenario file, and the error names the replay command.
 */
export function checkRuns(property: string, arb: fc.Arbitrary<RunExample>, predicate: (example: RunExample) => void, scale = 1): void {
  const details = fc.check(fc.property(arb, (example) => { predicate(example); }), { seed: FC_SEED, numRuns: runsFor(scale) });
  if (!details.failed) return;
  const [example] = details.counterexample ?? [];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  let replay = '(no counterexample)';
  // Under Stryker (THAW_MUTATION=1) a failing property is the expected outcome: leave no files.
  if (example && process.env.THAW_MUTATION === '1') replay = '(not written under mutation testing)';
  else if (example) replay = writeCounterexample(property, example.scenario, example.seed, error);
  throw new Error(`property "${property}" failed after ${details.numRuns} example(s), shrunk ${details.numShrinks} time(s)\n`
    + `  fast-check seed ${FC_SEED}, path ${details.counterexamplePath}\n  ${error}\n  replay: ${replay}`);
}

/** A plain property over other values (no scenario to write), with the shared seed. */
export function checkProperty<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, scale = 1): void {
  fc.assert(fc.property(arb, (value) => { predicate(value); }), { seed: FC_SEED, numRuns: runsFor(scale) });
}
