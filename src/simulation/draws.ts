/**
 * Drawing a run's uncertain inputs (src/scenario/uncertain.ts). The draws come from their own
 * stream, seeded from the run's seed but apart from the model's stream, so making a parameter
 * uncertain does not shift any other random number of the run: the same seed with the
 * distribution's drawn value written as a plain number gives the same run.
 */
import type { Scenario } from '../scenario/schema.js';
import { setIn } from '../scenario/setting.js';
import { valueAt } from '../study/design.js';
import type { FactorValue } from '../study/design.js';
import { createRng } from './rng.js';

/** Parameter path → drawn value, in the order the scenario lists its distributions. */
export type Draws = Readonly<Record<string, FactorValue>>;

/** The stream of a run's draws: `thaw:draws:SEED`, never `thaw:SEED`, the model's. */
export const drawStream = (seed: number) => createRng(`draws:${seed}`);

/** The scenario with every distribution replaced by a value drawn for this seed, and the values. */
export function drawInputs(scenario: Scenario, seed: number): { scenario: Scenario; draws: Draws } {
  const inputs = scenario.uncertain;
  if (!inputs || inputs.length === 0) return { scenario, draws: {} };
  const rng = drawStream(seed);
  const draws: Record<string, FactorValue> = {};
  let concrete: Scenario = scenario;
  for (const input of inputs) {
    const value = valueAt({ name: input.path, distribution: input.distribution, integer: input.integer }, rng.next());
    draws[input.path] = value;
    concrete = setIn(concrete, input.at, value);
  }
  const { uncertain: _drawn, ...fixed } = concrete;
  void _drawn;
  return { scenario: fixed, draws };
}
