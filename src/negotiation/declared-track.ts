/**
 * A track a scenario declares (`tracks:` in YAML), run through the same protocol as the four:
 * its issue space is every package of its items (each item given by one party, worth something
 * to each side), each party values a package as the sum of its items' worth to it, its
 * reservation is the scenario's (0 by default: no worse than no deal), and its red lines are
 * items it refuses while their rule is on. The parties take turns proposing, proposer first:
 * each offers the package best for the other among those still worth its current aspiration to
 * itself, which falls by `concession` of the way from its best package to its reservation at
 * every exchange (a time-based concession strategy); the answering party accepts what clears its
 * reservation (the protocol's answer rule), counters while exchanges remain, and walks at the
 * deadline. Nothing here draws from the random stream.
 */
import { isOn, type RuleSwitches } from '../rules/switches.js';
import type { DeclaredTrack } from '../scenario/schema.js';
import type { World } from '../world/types.js';
import { freeLorryDrivers, openTransit, stopBalloons } from '../world/recipes.js';
import type { PartyId, BlockedBy, ModelSpace, ModelDeal, ModelOffer, PackageView, SpacePackage } from '../simulation/trace.js';
import type { RuleId } from '../rules/ids.js';
import { clears, DEADLINE, redLine, valueGap } from './protocol.js';
import { analyseSpace } from './deal-space.js';
import type { TrackResult } from './context.js';

/** One package of a declared track: which items, what it is worth to each party, the red line it crosses. */
export interface DeclaredPackage {
  readonly items: readonly string[];
  readonly values: Readonly<Record<string, number>>;
  readonly crosses: { readonly rule: RuleId; readonly party: PartyId } | null;
}

/** Every non-empty package of the track's items, in a fixed order (the empty one is no deal). */
export function declaredPackages(track: DeclaredTrack, rules: RuleSwitches): DeclaredPackage[] {
  const out: DeclaredPackage[] = [];
  const n = track.items.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen = track.items.filter((_, i) => mask & (1 << i));
    const values: Record<string, number> = {};
    for (const p of track.parties) values[p] = chosen.reduce((v, item) => v + (item.worth[p] ?? 0), 0);
    const line = track.redLines.find((r) => isOn(rules, r.rule) && chosen.some((item) => item.id === r.item)) ?? null;
    out.push({ items: chosen.map((i) => i.id), values, crosses: line ? { rule: line.rule, party: line.party } : null });
  }
  return out;
}

/** The rules a declared track's records cite: its own, and the red line that blocked it. */
const citedRules = (track: DeclaredTrack, blockedBy: BlockedBy | undefined): RuleId[] =>
  [...new Set<RuleId>([...track.rules, ...(blockedBy?.kind === 'red-line' ? [blockedBy.rule] : [])])];

const reservationOf = (track: DeclaredTrack, party: PartyId): number => track.reservations[party] ?? 0;

const viewOfItems = (items: readonly string[]): PackageView => ({
  releases: {}, headcount: 0, relief: [], grants: [], commitments: [], sideOffers: [], items: [...items],
});

/**
 * Why a round without a deal failed, from the space alone: a package both would take existed
 * (the deadline ended it), or only across a red line (the line), or none (the answering party's gap).
 */
function cause(track: DeclaredTrack, packages: readonly DeclaredPackage[], last: { to: PartyId; value: number } | null): BlockedBy {
  const bothClear = (p: DeclaredPackage) => track.parties.every((q) => clears(p.values[q] ?? 0, reservationOf(track, q)));
  if (packages.some((p) => p.crosses === null && bothClear(p))) return DEADLINE;
  const blocked = packages.find((p) => p.crosses !== null && bothClear(p));
  if (blocked?.crosses) return redLine(blocked.crosses.rule, blocked.crosses.party);
  if (last) return valueGap(last.to, reservationOf(track, last.to), last.value);
  // Nobody could put up anything worth its reservation: the proposer's gap to its best package.
  const proposer = track.parties[0];
  const best = Math.max(...packages.map((p) => p.values[proposer] ?? 0));
  return valueGap(proposer, reservationOf(track, proposer), best);
}

export interface DeclaredContext {
  readonly world: World;
  readonly rules: RuleSwitches;
  readonly trace: boolean;
  readonly dealSpace: boolean;
}

/** One round of a declared track. */
export function runDeclaredTrack(track: DeclaredTrack, ctx: DeclaredContext): TrackResult {
  const { world, rules } = ctx;
  const packages = declaredPackages(track, rules);
  const feasible = packages.filter((p) => p.crosses === null);
  const space = ctx.dealSpace && packages.length > 0 ? declaredSpace(track, packages) : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);
  // No goods, no negotiation: a track with nothing to trade never deals.
  if (packages.length === 0) return { world, offers: [], deal: null };
  const offers: ModelOffer[] = [];
  const best: Record<string, number> = {};
  for (const p of track.parties) best[p] = Math.max(reservationOf(track, p), ...feasible.map((x) => x.values[p] ?? 0));
  let last: { to: PartyId; value: number } | null = null;
  for (let exchange = 1; exchange <= track.protocol.exchanges; exchange++) {
    const from = track.parties[(exchange - 1) % 2]!;
    const to = track.parties[exchange % 2]!;
    const reservation = reservationOf(track, from);
    const aspiration = best[from]! - (best[from]! - reservation) * Math.min(1, track.protocol.concession * (exchange - 1));
    // The package best for the other side among those still worth the aspiration to the proposer.
    let offer: DeclaredPackage | null = null;
    for (const p of feasible) {
      if ((p.values[from] ?? 0) < aspiration) continue;
      if (!offer || (p.values[to] ?? 0) > (offer.values[to] ?? 0)) offer = p;
    }
    if (!offer) break;
    const value = offer.values[to] ?? 0;
    const accept = clears(value, reservationOf(track, to));
    const final = !accept && exchange === track.protocol.exchanges;
    last = { to, value };
    const numbers = { values: { ...offer.values }, reservations: Object.fromEntries(track.parties.map((p) => [p, reservationOf(track, p)])) };
    const blockedBy = final ? cause(track, packages, last) : undefined;
    if (ctx.trace) {
      offers.push({
        track: track.id, exchange, from, to, kind: exchange === 1 ? 'offer' : 'counter', package: viewOfItems(offer.items),
        answer: accept ? 'accept' : final ? 'walk' : 'counter',
        why: { code: accept ? 'clears-reservation' : 'short-of-reservation', worth: value, reservation: reservationOf(track, to) },
        rules: citedRules(track, blockedBy), ...numbers, ...(blockedBy ? { blockedBy } : {}),
      });
    }
    if (accept) return withSpace(close(track, ctx, offer, offers));
  }
  return withSpace({ world, offers, deal: null, blockedBy: cause(track, packages, last) });
}

function close(track: DeclaredTrack, ctx: DeclaredContext, pkg: DeclaredPackage, offers: ModelOffer[]): TrackResult {
  let w = ctx.world;
  for (const id of pkg.items) {
    const effect = track.items.find((i) => i.id === id)?.effect;
    if (effect === 'openTransit') w = openTransit(w);
    if (effect === 'stopBalloons') w = stopBalloons(w);
    if (effect === 'freeLorryDrivers') w = freeLorryDrivers(w);
  }
  const deal: ModelDeal = {
    track: track.id, parties: [...track.parties], package: viewOfItems(pkg.items), released: 0, byRoute: {}, routed: [], lifted: [],
    rules: citedRules(track, undefined),
  };
  return { world: w, offers, deal };
}

function declaredSpace(track: DeclaredTrack, packages: readonly DeclaredPackage[]): ModelSpace {
  const [a, b] = track.parties;
  const res = (p: PartyId) => reservationOf(track, p);
  const points = packages.map((p) => ({ surplus: [(p.values[a] ?? 0) - res(a), (p.values[b] ?? 0) - res(b)] as const, feasible: p.crosses === null }));
  const analysis = analyseSpace(points);
  const byParty = (s: readonly [number, number]) => ({ [a]: s[0], [b]: s[1] });
  const listed: SpacePackage[] = packages.map((p, i) => {
    const base: SpacePackage = {
      package: viewOfItems(p.items), values: { ...p.values }, reservations: { [a]: res(a), [b]: res(b) },
      surplus: byParty(points[i]!.surplus), feasible: p.crosses === null,
    };
    return p.crosses ? { ...base, redLine: p.crosses.rule } : base;
  });
  return {
    track: track.id, parties: [a, b], sampling: null, packages: listed, pareto: analysis.pareto,
    nash: { index: analysis.nash.index, surplus: byParty(analysis.nash.surplus) },
    ks: { index: analysis.ks.index, surplus: byParty(analysis.ks.surplus) }, zopa: analysis.zopa,
  };
}
