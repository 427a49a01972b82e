/** Building scenarios and running them in tests: one place, so every suite speaks the same way. */
import { loadScenario } from '../../src/scenario/load.js';
import { mergeScenario, type Plain } from '../../src/scenario/merge.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { runScenario } from '../../src/run-scenario.js';
import { OPEN_WORLD_RULE_IDS } from '../../src/rules/ids.js';
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

/**
 * A shipped scenario in the closed world of R01–R17 (the open world's rules R18–R25 off, then the
 * patch): the article's rules are checked on the world the article describes. How the open world
 * changes them is checked in test/rules/R18…R24.
 */
export function closed(name = 'base', patch: Record<string, unknown> = {}): Scenario {
  const rules = { ...Object.fromEntries(OPEN_WORLD_RULE_IDS.map((id) => [id, false])), ...((patch.rules as Record<string, boolean> | undefined) ?? {}) };
  return scenario(name, { ...patch, rules });
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
