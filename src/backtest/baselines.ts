/**
 * The naive forecasters a scenario must beat. `uniform` gives 0.5 to every yes/no fact.
 * `persistence` says nothing changes after the start: each fact is resolved on a run in which
 * every month's world is the start world and no wave happens, so a change fact gets 0, a
 * status-quo fact 1, and a number keeps its start value (0 for counts of what happens).
 */
import type { World } from '../world/types.js';
import type { Fact } from './facts.js';
import { resolveFact, type ResolvableRun } from './resolve.js';
import { monthIndex } from '../world/month.js';

export const UNIFORM_P = 0.5;

export const uniformForecast = (): number => UNIFORM_P;

/** The run in which nothing happens after the start, for `months` months. */
export function standingStill(start: World, months: number): ResolvableRun {
  return { start, months: new Array<World>(months).fill(start), waves: [] };
}

/** Persistence's forecast: a probability (0 or 1) for a yes/no fact, the start value for a number. */
export function persistenceForecast(fact: Fact, start: World): number {
  const months = Math.max(0, monthIndex(fact.by) - monthIndex(start.month));
  const v = resolveFact(fact, standingStill(start, months));
  return typeof v === 'number' ? v : v ? 1 : 0;
}
