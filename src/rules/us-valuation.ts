/**
 * The US side: how much it wants a deal this month (R13 talks-coupling, R06 waning-interest) and
 * what a package of releases is worth to it (R06 profile, R14 after a freeze, R15, R16).
 */
import type { UsParams } from '../scenario/schema.js';
import type { World } from '../world/types.js';
import type { Release, SideOffer } from '../negotiation/package.js';
import type { Candidate } from './value-match.js';
import { isOn, type RuleSwitches } from './switches.js';

/** R13: US willingness scales with the peace talks; R06: and with its interest in the file. */
export function usWillingness(world: World, p: UsParams, rules: RuleSwitches): number {
  const talks = isOn(rules, 'R13') ? p.talksFactor[world.talks] : 1;
  // R24: the less Washington trusts Minsk, the less keen it is, so the more it asks per item.
  const trust = isOn(rules, 'R24') ? 1 - p.trustWeight * (1 - world.trust) : 1;
  return world.usInterest * talks * trust;
}

/** R06 + R14 + R16: what the releases (and side offers) in a package are worth to the US. */
export function usValue(
  world: World,
  releases: readonly Release[],
  byId: ReadonlyMap<string, Candidate>,
  sideOffers: readonly SideOffer[],
  p: UsParams,
  rules: RuleSwitches,
): number {
  let value = 0;
  for (const r of releases) {
    const c = byId.get(r.id);
    if (c) value += c.usProfile * r.count;
  }
  if (isOn(rules, 'R14') && world.talks === 'frozen') value *= p.frozenPriceCut;
  if (isOn(rules, 'R16')) value += sideOffers.length * p.sideOfferWeight;
  return value;
}

/** What giving up these relief points costs the US politically (R06's reservation price). */
export function usCost(weight: number, p: UsParams): number {
  return weight * p.pricePerWeight;
}

/** Profile still held that the US could buy: the quantity its interest follows (R06). */
export function remainingUsProfile(candidates: readonly Candidate[]): number {
  let total = 0;
  for (const c of candidates) total += c.usProfile * c.available;
  return total;
}

/**
 * R06: interest drifts toward the start interest scaled by the profile still held, never below
 * the floor; with R06 off it stays where it is.
 */
export function nextUsInterest(current: number, startInterest: number, remaining: number, startRemaining: number, p: UsParams, rules: RuleSwitches): number {
  if (!isOn(rules, 'R06')) return current;
  const share = startRemaining > 0 ? remaining / startRemaining : 0;
  const target = Math.max(p.interestFloor, startInterest * share);
  return current + (target - current) * p.interestDrift;
}
