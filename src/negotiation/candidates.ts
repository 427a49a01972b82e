/** Who a buyer can ask for, in its order of preference. */
import type { Issuer, World } from '../world/types.js';
import type { Candidate } from '../rules/value-match.js';
import type { Release } from './package.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';

/**
 * Everyone still held that `buyer` may buy. R07: a person reserved for one party's track
 * (Poczobut for Poland) is not on anyone else's list.
 */
export function candidatesFor(world: World, buyer: Issuer, rules: RuleSwitches): Candidate[] {
  const list: Candidate[] = [];
  for (const p of world.named) {
    if (p.status !== 'held') continue;
    if (p.onlyThrough !== null && p.onlyThrough !== buyer && isOn(rules, 'R07')) continue;
    list.push({ id: p.id, named: true, available: 1, usProfile: p.usProfile, belarusCost: p.belarusCost, enemy: p.enemy, laureate: p.laureate });
  }
  for (const c of world.cohorts) {
    if (c.held > 0) list.push({ id: c.id, named: false, available: c.held, usProfile: c.usProfile, belarusCost: c.belarusCost, enemy: false, laureate: false });
  }
  return list;
}

/**
 * The US profile still held that the US may buy: the same sum as `remainingUsProfile` over
 * `candidatesFor(world, 'us', rules)`, in the same order (so the same float), without building the
 * list; the month loop needs it every month.
 */
export function usProfileHeld(world: World, rules: RuleSwitches): number {
  let total = 0;
  const r07 = isOn(rules, 'R07');
  for (const p of world.named) {
    if (p.status !== 'held') continue;
    if (p.onlyThrough !== null && p.onlyThrough !== 'us' && r07) continue;
    total += p.usProfile;
  }
  // An empty cohort adds 0: the same float as leaving it out, as candidatesFor does.
  for (const c of world.cohorts) total += c.usProfile * c.held;
  return total;
}

export const byUsPreference = (a: Candidate, b: Candidate): number =>
  b.usProfile - a.usProfile || a.id.localeCompare(b.id);

export const byBelarusCost = (a: Candidate, b: Candidate): number =>
  a.belarusCost - b.belarusCost || a.id.localeCompare(b.id);

export const indexById = (candidates: readonly Candidate[]): Map<string, Candidate> =>
  new Map(candidates.map((c) => [c.id, c]));

export const everyone = (candidates: readonly Candidate[]): Release[] =>
  candidates.map((c) => ({ id: c.id, count: c.available, named: c.named }));

/** People in order until `perHead` value reaches `target`; everyone if it never does. */
export function askUntil(candidates: readonly Candidate[], perHead: (c: Candidate) => number, target: number): Release[] {
  const ask: Release[] = [];
  let value = 0;
  for (const c of candidates) {
    if (value >= target) break;
    const each = perHead(c);
    // Someone worth nothing per head is asked for in full (the division gives Infinity).
    const needed = Math.ceil((target - value) / each);
    const count = Math.min(c.available, Math.max(1, needed));
    ask.push({ id: c.id, count, named: c.named });
    value += each * count;
  }
  return ask;
}

export const sameReleases = (a: readonly Release[], b: readonly Release[]): boolean =>
  a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.count === b[i]!.count);

/** The first `count` people in order; `short` says how many were missing when there are too few. */
export function takeInOrder(candidates: readonly Candidate[], count: number): { ask: Release[]; short: number } {
  const ask: Release[] = [];
  let wanted = count;
  for (const c of candidates) {
    if (wanted <= 0) break;
    const n = Math.min(wanted, c.available);
    ask.push({ id: c.id, count: n, named: c.named });
    wanted -= n;
  }
  return { ask, short: Math.max(0, wanted) };
}
