/**
 * The revolving door (R18), unilateral pardons (R20), re-arrests of people freed at home (R23)
 * and sentences served (R25): the flows that move the prisoner stock outside any deal. Each is a
 * pure function of the world, the parameters and uniforms drawn by the caller in a fixed order,
 * one per cohort and flow, every month (`openWorldMonth` in src/simulation/run.ts), so the number
 * of draws never depends on the world. Counts are Poisson (`poisson`, one uniform per count).
 */
import type { BelarusParams, Scenario } from '../scenario/schema.js';
import type { RuleSwitches } from '../rules/switches.js';
import { isOn } from '../rules/switches.js';
import type { World } from './types.js';
import { countPardoned, flowCohorts, rearrestFromHome, type MonthFlows } from './recipes.js';
import { poisson, poissonFrom, poissonTable, type PoissonTable } from '../simulation/rng.js';

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
  return cohortCounts(world, arrestCounts(rates, draws, escalating ? p.arrestEscalationFactor : 1, world.cohorts.length));
}

/** R18 on plain counts: `n` cohorts' arrests, each Poisson around its rate × `factor`. */
function arrestCounts(rates: readonly number[], draws: readonly number[], factor: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(poisson(draws[i] ?? 0, (rates[i] ?? 0) * factor));
  return out;
}

/** Counts in the world's cohort order → the cohorts that count someone, by id (the trace's form). */
export function cohortCounts(world: World, counts: readonly number[]): CohortCount[] {
  const out: CohortCount[] = [];
  world.cohorts.forEach((c, i) => { if ((counts[i] ?? 0) > 0) out.push({ id: c.id, count: counts[i]! }); });
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
  return cohortCounts(world, shareByHeld(world.cohorts.map((c) => c.held), total));
}

/** `allocateByHeld` on plain counts: `total` split over `held` by largest remainder. */
function shareByHeld(held: readonly number[], total: number): number[] {
  const k = held.length;
  let all = 0;
  for (let i = 0; i < k; i++) all += held[i]!;
  const n = Math.min(Math.max(0, Math.floor(total)), all);
  const counts = new Array<number>(k).fill(0);
  // Also keeps 0 / 0 out of the shares when nobody is held.
  if (n === 0) return counts;
  const rest = new Array<number>(k);
  let left = n;
  for (let i = 0; i < k; i++) {
    const exact = (held[i]! * n) / all;
    counts[i] = Math.floor(exact);
    rest[i] = exact - counts[i]!;
    left -= counts[i]!;
  }
  // Largest remainders first (ties to the earlier cohort): a few cohorts, so a scan beats a sort.
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < k; i++) if (rest[i]! > rest[best]!) best = i;
    counts[best]! += 1;
    rest[best] = -1;
    left -= 1;
  }
  return counts;
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
  return cohortCounts(world, world.cohorts.map((c, i) => leaving(pool(c), draws[i] ?? 0, chance)));
}

/** Of `pool` people, how many leave with the monthly chance `chance` each (a Poisson count, at most the pool). */
function leaving(pool: number, draw: number, chance: number): number {
  return Math.min(pool, poisson(draw, pool * chance));
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

/** The open world's uniforms for a month, drawn by the caller in a fixed order (`openWorldMonth`). */
export interface MonthDraws {
  /** One per cohort (R18). */
  readonly arrests: readonly number[];
  /** R20: the pardons' count, and the extra pardons when an envoy visits. */
  readonly pardon: number;
  readonly signal: number;
  /** One per cohort (R23). */
  readonly rearrests: readonly number[];
  /** One per cohort (R25). */
  readonly ends: readonly number[];
}

/**
 * The means of the flows that never change within a run (R18's arrest rates, calm and escalating;
 * R20's pardon rates), tabled once per scenario so that a month reads its counts from the tables
 * (`poissonFrom`: the same counts as `poisson`).
 */
export interface FlowTables {
  readonly arrests: readonly PoissonTable[];
  readonly escalated: readonly PoissonTable[];
  readonly pardon: PoissonTable;
  readonly signal: PoissonTable;
  /** R23 and R25: each person's monthly chance of leaving; the pools change every month, so no table. */
  readonly rearrestChance: number;
  readonly termEndChance: number;
}

export function flowTables(scenario: Scenario): FlowTables {
  const p = scenario.agents.belarus;
  const rates = arrestRates(scenario);
  return {
    arrests: rates.map((r) => poissonTable(r * 1)),
    escalated: rates.map((r) => poissonTable(r * p.arrestEscalationFactor)),
    pardon: poissonTable(p.pardonRate),
    signal: poissonTable(p.signalPardon),
    rearrestChance: p.rearrestChance,
    termEndChance: p.termEndChance,
  };
}

/**
 * The month's four flows (R18, R20, R23, R25), each on the stock the one before left, as
 * `drawArrests`, `allocateByHeld` with `pardonCount`, `drawRearrests` and `drawTermEnds` would
 * draw them one after the other with each applied in turn, but on plain counts: `applyFlows` then
 * writes them in one copy of the world. A rule switched off flows nobody.
 */
export function monthFlows(world: World, tables: FlowTables, draws: MonthDraws, escalating: boolean, envoyVisiting: boolean, rules: RuleSwitches): MonthFlows {
  const cohorts = world.cohorts;
  const n = cohorts.length;
  // Plain loops over preallocated rows: this runs every month of every run (docs/performance.md).
  const held = new Array<number>(n);
  const arrests = new Array<number>(n);
  const rearrests = new Array<number>(n);
  const ends = new Array<number>(n);
  const arrestTables = escalating ? tables.escalated : tables.arrests;
  const r18 = isOn(rules, 'R18');
  for (let i = 0; i < n; i++) {
    arrests[i] = r18 ? poissonFrom(arrestTables[i]!, draws.arrests[i] ?? 0) : 0;
    held[i] = cohorts[i]!.held + arrests[i]!;
  }
  const pardoned = isOn(rules, 'R20') ? poissonFrom(tables.pardon, draws.pardon) + (envoyVisiting ? poissonFrom(tables.signal, draws.signal) : 0) : 0;
  const pardons = shareByHeld(held, pardoned);
  const r23 = isOn(rules, 'R23');
  const r25 = isOn(rules, 'R25');
  // Each cohort's re-arrests and sentences served depend on its own stock alone, so one pass does both.
  for (let i = 0; i < n; i++) {
    const home = cohorts[i]!.atHome + pardons[i]!;
    rearrests[i] = r23 ? leaving(home, draws.rearrests[i] ?? 0, tables.rearrestChance) : 0;
    const stillHeld = held[i]! - pardons[i]! + rearrests[i]!;
    ends[i] = r25 ? leaving(stillHeld, draws.ends[i] ?? 0, tables.termEndChance) : 0;
  }
  return { arrests, pardons, rearrests, ends };
}
