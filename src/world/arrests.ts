/**
 * The revolving door (R18), unilateral pardons (R20), re-arrests of people freed at home (R23)
 * and sentences served (R25): the flows that move the prisoner stock outside any deal. Each is a
 * pure function of the world, the parameters and uniforms drawn by the caller in a fixed order,
 * one per cohort and flow, every month (`openWorldMonth` in src/simulation/run.ts), so the number
 * of draws never depends on the world. Counts are Poisson (`poisson`, one uniform per count).
 */
import type { BelarusParams, Scenario } from '../scenario/schema.js';
import type { World } from './types.js';
import { countPardoned, flowCohorts, rearrestFromHome } from './recipes.js';
import { poisson } from '../simulation/rng.js';

/** One cohort's share of a monthly flow: who, and how many. */
export interface CohortCount {
  readonly id: string;
  readonly count: number;
}

/**
 * R18: each cohort's monthly arrest rate. A cohort's own `arrestRate` wins; otherwise it takes its
 * `arrestShare` of the overall rate when any cohort gives one, or else a share in proportion to
 * what it held at the start (equal shares when nobody was held).
 */
export function arrestRates(scenario: Scenario): number[] {
  const cohorts = scenario.world.cohorts;
  const overall = scenario.agents.belarus.arrestRate;
  const sharesGiven = cohorts.some((c) => c.arrestShare !== undefined);
  const heldTotal = cohorts.reduce((t, c) => t + c.held, 0);
  return cohorts.map((c) => {
    if (c.arrestRate !== undefined) return c.arrestRate;
    if (sharesGiven) return overall * (c.arrestShare ?? 0);
    return heldTotal > 0 ? overall * (c.held / heldTotal) : overall / cohorts.length;
  });
}

/** R18: this month's arrests, cohort by cohort; `draws` holds one uniform per cohort. */
export function drawArrests(rates: readonly number[], draws: readonly number[], escalating: boolean, p: BelarusParams, world: World): CohortCount[] {
  const factor = escalating ? p.arrestEscalationFactor : 1;
  const out: CohortCount[] = [];
  world.cohorts.forEach((c, i) => {
    const n = poisson(draws[i] ?? 0, (rates[i] ?? 0) * factor);
    if (n > 0) out.push({ id: c.id, count: n });
  });
  return out;
}

export function applyArrests(world: World, arrests: readonly CohortCount[]): World {
  return flowCohorts(world, countsByIndex(world, arrests), 'arrest');
}

/**
 * Counts by cohort id → counts in the world's cohort order (an id the world lacks counts for
 * nobody). A scan per cohort: a handful of cohorts and of counts, so no map is worth building.
 */
function countsByIndex(world: World, xs: readonly CohortCount[]): number[] {
  return world.cohorts.map((c) => {
    let n = 0;
    for (const x of xs) if (x.id === c.id) n = x.count;
    return n;
  });
}

/**
 * Splits `total` over the cohorts in proportion to what they hold, by largest remainder (ties to
 * the earlier cohort): no draw, and never more from a cohort than it holds. That needs no check:
 * the remainders are each below 1 and sum to what the floors leave, so at least that many are
 * positive, and a cohort with a positive remainder holds more than its floor.
 */
export function allocateByHeld(world: World, total: number): CohortCount[] {
  const held = world.cohorts.reduce((t, c) => t + c.held, 0);
  const n = Math.min(Math.max(0, Math.floor(total)), held);
  // Also keeps 0 / 0 out of the shares when nobody is held.
  if (n === 0) return [];
  const exact = world.cohorts.map((c) => (c.held * n) / held);
  const counts = exact.map(Math.floor);
  const rest = exact.map((x, i) => x - counts[i]!);
  let left = n - counts.reduce((t, x) => t + x, 0);
  // Largest remainders first (ties to the earlier cohort): a few cohorts, so a scan beats a sort.
  while (left > 0) {
    let best = 0;
    rest.forEach((r, i) => { if (r > rest[best]!) best = i; });
    counts[best]! += 1;
    rest[best] = -1;
    left -= 1;
  }
  return world.cohorts.map((c, i) => ({ id: c.id, count: counts[i]! })).filter((x) => x.count > 0);
}

/** R20: how many Minsk pardons outside any deal this month (more when an envoy visits). */
export function pardonCount(draw: number, signalDraw: number, envoyVisiting: boolean, p: BelarusParams): number {
  return poisson(draw, p.pardonRate) + (envoyVisiting ? poisson(signalDraw, p.signalPardon) : 0);
}

/** R20: the pardoned go home; counted as released outside deals. */
export function applyPardons(world: World, pardons: readonly CohortCount[]): World {
  const w = flowCohorts(world, countsByIndex(world, pardons), 'home');
  return countPardoned(w, w.releasedByRoute.home - world.releasedByRoute.home);
}

/** R23: of those freed at home, each is jailed again with a small monthly chance (a Poisson count). */
export function drawRearrests(world: World, draws: readonly number[], p: BelarusParams): CohortCount[] {
  return drawFromEachCohort(world, draws, (c) => c.atHome, p.rearrestChance);
}

/**
 * Each of a cohort's `pool` people leaves it with the monthly chance `chance`: a Poisson count
 * around pool × chance, never more than the pool (an empty pool's mean of 0 draws 0); `draws`
 * holds one uniform per cohort.
 */
function drawFromEachCohort(world: World, draws: readonly number[], pool: (c: World['cohorts'][number]) => number, chance: number): CohortCount[] {
  const out: CohortCount[] = [];
  world.cohorts.forEach((c, i) => {
    const size = pool(c);
    const n = Math.min(size, poisson(draws[i] ?? 0, size * chance));
    if (n > 0) out.push({ id: c.id, count: n });
  });
  return out;
}

export function applyRearrests(world: World, rearrests: readonly CohortCount[]): World {
  let w = world;
  for (const r of rearrests) w = rearrestFromHome(w, r.id, r.count);
  return w;
}

/**
 * R25: how many of each cohort walk out at the end of their sentence this month. Each person held
 * leaves with the monthly chance `termEndChance` (a mean remaining term of 1 / chance months), so
 * the count is Poisson around held × chance, never more than the cohort holds; `draws` holds one
 * uniform per cohort. Named prisoners are left out: their long sentences outlast any horizon.
 */
export function drawTermEnds(world: World, draws: readonly number[], p: BelarusParams): CohortCount[] {
  return drawFromEachCohort(world, draws, (c) => c.held, p.termEndChance);
}

/**
 * R25: they leave prison, counted under `releasedByRoute.served`: released, outside any deal (so
 * in `pardoned`, which counts every release outside a deal), but no pardon and no deal.
 */
export function applyTermEnds(world: World, ends: readonly CohortCount[]): World {
  const w = flowCohorts(world, countsByIndex(world, ends), 'served');
  return countPardoned(w, w.releasedByRoute.served - world.releasedByRoute.served);
}
