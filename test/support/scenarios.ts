/** Building scenarios and running them in tests: one place, so every suite speaks the same way. */
import { loadScenario } from '../../src/scenario/load.js';
import { mergeScenario, type Plain } from '../../src/scenario/merge.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { runScenario } from '../../src/simulation/run.js';
import type { RunResult } from '../../src/simulation/trace.js';

const cache = new Map<string, Scenario>();

/** A shipped scenario with a patch merged over it (same merge as `extends`). */
export function scenario(name = 'base', patch: Record<string, unknown> = {}): Scenario {
  let base = cache.get(name);
  if (!base) {
    base = loadScenario(name).scenario;
    cache.set(name, base);
  }
  const merged = mergeScenario(JSON.parse(JSON.stringify(base)) as Plain, JSON.parse(JSON.stringify(patch)) as Plain);
  return scenarioSchema.parse(merged);
}

export const seeds = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);

export function runs(s: Scenario, n = 40, months?: number): RunResult[] {
  return seeds(n).map((seed) => runScenario(s, { seed, ...(months ? { months } : {}) }));
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export const meanReleased = (rs: readonly RunResult[]): number => mean(rs.map((r) => r.outcome.prisonersReleased));

export const allDeals = (rs: readonly RunResult[]) => rs.flatMap((r) => r.months.flatMap((m) => m.deals.map((d) => ({ ...d, month: m.month, run: r }))));

export const allOffers = (rs: readonly RunResult[]) => rs.flatMap((r) => r.months.flatMap((m) => m.offers));

export const allEvents = (rs: readonly RunResult[]) => rs.flatMap((r) => r.months.flatMap((m) => m.events));
