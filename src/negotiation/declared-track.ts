/**
 * A track a scenario declares (`tracks:` in YAML), run through the same protocol as the four:
 * its issue space is every package of its items (each item given by one party, worth something
 * to each side), each party values a package as the sum of its items' worth to it, its
 * reservation is the scenario's (0 by default: no worse than no deal), and its red lines are
 * items it refuses while their rule is on, kept out of the issue space (no one puts such a
 * package up). The parties take turns proposing, proposer first: each offers the package best for
 * the other among those still worth its current aspiration to itself, which falls by `concession`
 * of the way from its best package to its reservation at every exchange (a time-based concession
 * strategy). The concession loop (`bargain`, ./bargain.ts) runs the turns and applies the answer
 * rule, as on the four tracks: the answering party accepts what clears its reservation, or its own
 * next proposal counters it while the deadline (`protocol.exchanges`) allows. Nothing here draws
 * from the random stream.
 *
 * What blocks a round without a deal, then:
 *  - the first proposer has nothing to put up: the red line that kept out a package both would
 *    have taken, else the proposer's gap to its best package (or, every package crossing a line,
 *    the first package's line);
 *  - the next proposer has nothing left to put up: the last offer's refusal (the answerer's value gap);
 *  - the deadline ends the turns: the deadline when a package both sides would take was left in
 *    the space (more exchanges would have reached it: aspirations fall to the reservations), else
 *    the last offer's refusal.
 */
import { isOn, type RuleSwitches } from '../rules/switches.js';
import type { DeclaredTrack } from '../scenario/schema.js';
import type { World } from '../world/types.js';
import { freeLorryDrivers, openTransit, stopBalloons } from '../world/recipes.js';
import type { PartyId, BlockedBy, ModelSpace, ModelDeal, ModelOffer, SpacePackage } from '../simulation/trace.js';
import type { RuleId } from '../rules/ids.js';
import { clears, redLine, valueGap } from './protocol.js';
import { bargain, type Planned, type Step } from './bargain.js';
import { viewOfItems } from './execute.js';
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

const reservationOf = (track: DeclaredTrack, party: PartyId): number => track.reservations[party] ?? 0;

/**
 * Why the first proposer puts nothing up (every package left is worth less than its reservation
 * to it, or none is left): the red line that kept out a package both would have taken, else its
 * own gap to the best package it could put up; when a red line kept out every package, that line.
 */
function nothingToPutUp(track: DeclaredTrack, packages: readonly DeclaredPackage[], feasible: readonly DeclaredPackage[]): BlockedBy {
  const bothClear = (p: DeclaredPackage) => track.parties.every((q) => clears(p.values[q] ?? 0, reservationOf(track, q)));
  // A package both would take crosses a line here: one outside the lines, the proposer would have put up.
  const line = packages.find(bothClear)?.crosses ?? (feasible.length === 0 ? packages[0]!.crosses : null);
  if (line) return redLine(line.rule, line.party);
  const proposer = track.parties[0];
  const best = Math.max(...feasible.map((p) => p.values[proposer] ?? 0));
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
  // No goods, no negotiation: a track with nothing to trade never deals.
  if (packages.length === 0) return { world, offers: [], deal: null };
  const feasible = packages.filter((p) => p.crosses === null);
  const space = ctx.dealSpace ? declaredSpace(track, packages) : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);
  const { exchanges, concession } = track.protocol;
  const reservations = Object.fromEntries(track.parties.map((p) => [p, reservationOf(track, p)]));
  const best: Record<string, number> = {};
  for (const p of track.parties) best[p] = Math.max(reservationOf(track, p), ...feasible.map((x) => x.values[p] ?? 0));
  // A package both sides would take, across no red line: with it, only time can be short.
  const zopa = feasible.some((p) => track.parties.every((q) => clears(p.values[q] ?? 0, reservationOf(track, q))));

  /** The proposer's offer at `exchange`: the package best for the other among those still worth its aspiration to it. */
  const offerAt = (exchange: number): Step<DeclaredPackage> | null => {
    const from = track.parties[(exchange - 1) % 2]!;
    const to = track.parties[exchange % 2]!;
    const reservation = reservationOf(track, from);
    const aspiration = best[from]! - (best[from]! - reservation) * Math.min(1, concession * (exchange - 1));
    let offer: DeclaredPackage | null = null;
    for (const p of feasible) {
      if ((p.values[from] ?? 0) < aspiration) continue;
      if (!offer || (p.values[to] ?? 0) > (offer.values[to] ?? 0)) offer = p;
    }
    if (!offer) return null;
    const pkg = offer;
    const worth = pkg.values[to] ?? 0;
    return {
      from, to, kind: exchange === 1 ? 'offer' : 'counter', pkg, deal: pkg,
      // Red lines are kept out of the space: nothing put up crosses one.
      pricing: { value: worth, reservation: reservationOf(track, to), redLine: null },
      // The records cite the track's rules: no walk here is on a red line (none is put up).
      record: (answer) => ({
        why: { code: answer === 'accept' ? 'clears-reservation' : 'short-of-reservation', worth, reservation: reservationOf(track, to) },
        rules: track.rules, values: { ...pkg.values }, reservations,
      }),
    };
  };
  const opening = offerAt(1);
  if (!opening) return withSpace({ world, offers: [], deal: null, blockedBy: nothingToPutUp(track, packages, feasible) });

  // The turns: after each refusal the answerer proposes in its turn; the loop stops them at the deadline.
  let exchange = 0;
  const next = (): Planned<DeclaredPackage> | null => {
    exchange += 1;
    const step = exchange === 1 ? opening : offerAt(exchange);
    // Past the deadline a step counts as left (the deadline blocked) only if more time could have reached a deal.
    if (!step || (exchange > exchanges && !zopa)) return null;
    return () => step;
  };
  const round = bargain({ track: track.id, deadline: exchanges, next, trace: ctx.trace });
  if (round.agreed) return withSpace(close(track, ctx, round.agreed.deal, round.offers));
  return withSpace({ world, offers: round.offers, deal: null, blockedBy: round.blockedBy });
}

function close(track: DeclaredTrack, ctx: DeclaredContext, pkg: DeclaredPackage, offers: ModelOffer[]): TrackResult {
  let w = ctx.world;
  for (const { id, effect } of track.items) {
    if (!pkg.items.includes(id)) continue;
    if (effect === 'openTransit') w = openTransit(w);
    if (effect === 'stopBalloons') w = stopBalloons(w);
    if (effect === 'freeLorryDrivers') w = freeLorryDrivers(w);
  }
  const deal: ModelDeal = {
    track: track.id, parties: [...track.parties], package: viewOfItems(pkg), released: 0, byRoute: {}, routed: [], lifted: [],
    rules: [...new Set(track.rules)],
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
      package: viewOfItems(p), values: { ...p.values }, reservations: { [a]: res(a), [b]: res(b) },
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
