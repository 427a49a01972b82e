/**
 * Belarus's side of a release: what it costs the regime (R03 value-match, R17 enemies-for-sale)
 * and how keenly it wants relief given the peace talks (R14 freeze-deadline).
 */
import type { BelarusParams } from '../scenario/schema.js';
import type { World } from '../world/types.js';
import type { Release } from '../negotiation/package.js';
import { isOn, type RuleSwitches } from './switches.js';
import type { RuleId } from './ids.js';

/** Someone the regime could release, with what they are worth to each side. */
export interface Candidate {
  readonly id: string;
  readonly named: boolean;
  readonly available: number;
  readonly usProfile: number;
  readonly belarusCost: number;
  readonly enemy: boolean;
  readonly laureate: boolean;
}

export interface BelarusCost {
  /** Cost in relief points, or Infinity across a red line. */
  readonly cost: number;
  readonly rules: readonly RuleId[];
}

function releasedSoFar(world: World): number {
  let n = 0;
  for (const k in world.releasedByCohort) n += world.releasedByCohort[k] ?? 0;
  return n;
}

function initialStock(world: World): number {
  let n = 0;
  for (const c of world.cohorts) n += c.initial;
  for (const p of world.named) if (p.heldAtStart) n += 1;
  return Math.max(1, n);
}

/** R14: how much Belarus values relief this month; keen while a freeze looms, less after it. */
export function urgency(world: World, p: BelarusParams, rules: RuleSwitches): number {
  return isOn(rules, 'R14') ? p.urgency[world.talks] : 1;
}

/**
 * R03 + R17: what releasing these people costs the regime. Each prisoner is dearer as the stock
 * runs down (R03); a personal enemy costs a premium (R17) and, with R17 off, is not for sale.
 */
export function releaseCost(world: World, releases: readonly Release[], byId: ReadonlyMap<string, Candidate>, p: BelarusParams, rules: RuleSwitches): BelarusCost {
  let base = 0;
  let count = 0;
  const cited = new Set<RuleId>(['R03']);
  for (const r of releases) {
    const c = byId.get(r.id);
    if (!c) continue;
    let each = c.belarusCost;
    if (c.enemy) {
      if (!isOn(rules, 'R17')) return { cost: Number.POSITIVE_INFINITY, rules: ['R17'] };
      each *= p.enemyPremium;
      cited.add('R17');
    }
    base += each * r.count;
    count += r.count;
  }
  const scarcity = isOn(rules, 'R03') ? p.scarcity : 0;
  const fractionGone = (releasedSoFar(world) + count) / initialStock(world);
  return { cost: base * (1 + scarcity * fractionGone), rules: [...cited] };
}

/**
 * `releaseCost(world, [...chosen, extra], …).cost`, computed the same way (same terms, same order,
 * so the same float) without building the list or the cited rules: `affordableReleases` asks it
 * a dozen times per candidate in its search. `gone` and `stock` are `releasedSoFar` and
 * `initialStock` of the world, and `r17`, `scarcity` its rule switches' terms, none of which change
 * during the search.
 */
function costOf(chosen: readonly Release[], extra: Release, byId: ReadonlyMap<string, Candidate>, p: BelarusParams, r17: boolean, scarcity: number, gone: number, stock: number): number {
  let base = 0;
  let count = 0;
  for (let i = 0; i <= chosen.length; i++) {
    const r = i < chosen.length ? chosen[i]! : extra;
    const c = byId.get(r.id);
    if (!c) continue;
    let each = c.belarusCost;
    if (c.enemy) {
      if (!r17) return Number.POSITIVE_INFINITY;
      each *= p.enemyPremium;
    }
    base += each * r.count;
    count += r.count;
  }
  return base * (1 + scarcity * ((gone + count) / stock));
}

/** R03: a named (top) prisoner is released only against one item worth as much to Belarus. */
export function topPrisonerMatched(c: Candidate, largestItemValue: number, p: BelarusParams, rules: RuleSwitches): boolean {
  if (!c.named || !isOn(rules, 'R03')) return true;
  return largestItemValue >= c.belarusCost * p.topMatch;
}

/**
 * The most Belarus will release for `budget` relief points, taking people in the buyer's order of
 * preference and stopping at what the buyer asked for (R03 value-match).
 */
export function affordableReleases(
  world: World,
  wanted: readonly Release[],
  byId: ReadonlyMap<string, Candidate>,
  budget: number,
  largestItemValue: number,
  p: BelarusParams,
  rules: RuleSwitches,
): Release[] {
  const chosen: Release[] = [];
  const gone = releasedSoFar(world);
  const stock = initialStock(world);
  // R17 and R03's scarcity, asked once for the whole search rather than at each of its steps.
  const r17 = isOn(rules, 'R17');
  const scarcity = isOn(rules, 'R03') ? p.scarcity : 0;
  for (const want of wanted) {
    const c = byId.get(want.id);
    if (!c || want.count <= 0) continue;
    if (!topPrisonerMatched(c, largestItemValue, p, rules)) continue;
    const fits = (k: number) => costOf(chosen, { id: want.id, count: k, named: want.named }, byId, p, r17, scarcity, gone, stock) <= budget;
    if (!fits(1)) continue;
    let lo = 1;
    let hi = want.count;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    chosen.push({ id: want.id, count: lo, named: want.named });
  }
  return chosen;
}
