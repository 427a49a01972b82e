/**
 * A declared track on hand-made items, each answer worked out by hand: the packages and their
 * values, the time-based concession, the answer rule, red lines apart from value, the cause of
 * a failed round, the effect of a deal (transit opens, so R08 prices US potash with Klaipėda
 * open), and a track with no goods, which never deals.
 */
import { describe, expect, it } from 'vitest';
import { declaredPackages, runDeclaredTrack } from '../../src/negotiation/declared-track.js';
import { declaredTrackSchema, type DeclaredTrack } from '../../src/scenario/schema.js';
import { createWorld } from '../../src/world/create.js';
import { marginalRelief } from '../../src/world/valuation.js';
import { runScenario } from '../../src/run-scenario.js';
import { scenario } from '../support/scenarios.js';
import { loadScenario } from '../../src/scenario/load.js';

const track = (o: Record<string, unknown> = {}): DeclaredTrack => declaredTrackSchema.parse({
  id: 'us-vilnius', parties: ['us', 'lithuania'], rules: ['R08'],
  items: [
    { id: 'troops', from: 'us', worth: { lithuania: 2, us: -1 } },
    { id: 'transit', from: 'lithuania', worth: { us: 1.5, lithuania: -1 }, effect: 'openTransit' },
  ],
  protocol: { exchanges: 4, concession: 0.5 },
  ...o,
});
const world = createWorld(scenario('base'));
const ctx = { world, rules: {}, trace: true, dealSpace: false };

describe('the packages of a declared track', () => {
  it('every non-empty bundle, valued as the sum of its items\' worth to each side', () => {
    expect(declaredPackages(track(), {}).map((p) => [p.items, p.values])).toEqual([
      [['troops'], { us: -1, lithuania: 2 }],
      [['transit'], { us: 1.5, lithuania: -1 }],
      [['troops', 'transit'], { us: 0.5, lithuania: 1 }],
    ]);
  });

  it('a red line marks the packages holding its item while its rule is on, and none when it is off', () => {
    const t = track({ redLines: [{ rule: 'R09', party: 'lithuania', item: 'transit' }] });
    expect(declaredPackages(t, {}).map((p) => p.crosses)).toEqual([null, { rule: 'R09', party: 'lithuania' }, { rule: 'R09', party: 'lithuania' }]);
    expect(declaredPackages(t, { R09: false }).every((p) => p.crosses === null)).toBe(true);
  });
});

describe('a round', () => {
  it('Washington opens with transit alone (its best, 1.5; −1 to Vilnius: a counter); Vilnius at aspiration 2 − 2 × 0.5 = 1 offers both (0.5 ≥ 0 to Washington): accepted', () => {
    const r = runDeclaredTrack(track(), ctx);
    expect(r.offers.map((o) => [o.exchange, o.kind, o.from, o.to, o.package.items, o.answer])).toEqual([
      [1, 'offer', 'us', 'lithuania', ['transit'], 'counter'], [2, 'counter', 'lithuania', 'us', ['troops', 'transit'], 'accept'],
    ]);
    expect(r.offers[0]!.why).toEqual({ code: 'short-of-reservation', worth: -1, reservation: 0 });
    expect(r.offers[1]!.why).toEqual({ code: 'clears-reservation', worth: 0.5, reservation: 0 });
    expect(r.offers[1]!.values).toEqual({ us: 0.5, lithuania: 1 });
    expect(r.offers[1]!.reservations).toEqual({ us: 0, lithuania: 0 });
    expect(r.deal!.package.items).toEqual(['troops', 'transit']);
    expect(r.world.transitOpen).toBe(true);
  });

  it('the opening counts for Minsk\'s potash afterwards (R08): US potash relief is worth more to it with Klaipėda open', () => {
    // US potash still in force (in base it was lifted in December 2025, ¶5).
    const before = createWorld(scenario('base', { world: { sanctions: [{ id: 'us.potash', status: 'active', changedIn: null }] } }));
    const after = runDeclaredTrack(track(), { ...ctx, world: before }).world;
    expect(marginalRelief(after, ['us.potash'], false, true)).toBeGreaterThan(marginalRelief(before, ['us.potash'], false, true));
  });

  it('with R09 a red line on transit, only troops are left, worth −1 to Washington: nothing is put up, and the red line is what blocked (both items would clear both)', () => {
    const r = runDeclaredTrack(track({ redLines: [{ rule: 'R09', party: 'lithuania', item: 'transit' }], protocol: { exchanges: 2, concession: 0.5 } }), ctx);
    expect(r.deal).toBeNull();
    expect(r.offers).toEqual([]);
    expect(r.blockedBy).toEqual({ kind: 'red-line', rule: 'R09', party: 'lithuania' });
  });

  it('when the next proposer has nothing to put up, the round walks on the last refusal: Washington offers troops (worth 0, its reservation); Vilnius, wanting 1.5, gets 1 and has nothing of its own outside R09 worth 1.5 to it', () => {
    const t = track({
      items: [{ id: 'troops', from: 'us', worth: { lithuania: 1, us: 0 } }, { id: 'transit', from: 'lithuania', worth: { us: 1.5, lithuania: 1 } }],
      reservations: { lithuania: 1.5 }, redLines: [{ rule: 'R09', party: 'lithuania', item: 'transit' }], protocol: { exchanges: 4, concession: 0.5 },
    });
    const r = runDeclaredTrack(t, ctx);
    // One exchange of the four: the walk is on the offer made, its gap 1.5 − 1 from that offer's numbers.
    expect(r.offers.map((o) => [o.exchange, o.package.items, o.answer])).toEqual([[1, ['troops'], 'walk']]);
    expect(r.offers[0]!.blockedBy).toEqual({ kind: 'value-gap', party: 'lithuania', gap: 0.5 });
    expect(r.blockedBy).toEqual({ kind: 'value-gap', party: 'lithuania', gap: 0.5 });
    expect(r.offers[0]!.rules).toEqual(['R08']);
  });

  it('nothing put up, no red line to blame: Washington\'s reservation 2 is above its best package (transit, 1.5): its own gap 0.5', () => {
    const r = runDeclaredTrack(track({ reservations: { us: 2 } }), ctx);
    expect(r.offers).toEqual([]);
    expect(r.blockedBy).toEqual({ kind: 'value-gap', party: 'us', gap: 0.5 });
  });

  it('nothing put up when a red line keeps out every package, though none would clear both: that line', () => {
    const r = runDeclaredTrack(track({ items: [{ id: 'transit', from: 'lithuania', worth: { us: 1.5, lithuania: -1 } }],
      redLines: [{ rule: 'R09', party: 'lithuania', item: 'transit' }] }), ctx);
    expect(r.offers).toEqual([]);
    expect(r.blockedBy).toEqual({ kind: 'red-line', rule: 'R09', party: 'lithuania' });
  });

  it('a value gap when no package clears both: Vilnius needs 1.5 and gets at most 1 from what Washington will give', () => {
    const r = runDeclaredTrack(track({ reservations: { lithuania: 1.5 }, protocol: { exchanges: 1, concession: 0.5 } }), ctx);
    expect(r.offers).toHaveLength(1);
    expect(r.offers[0]!.answer).toBe('walk');
    // Washington's only offer (its best: transit alone) is worth −1 to Vilnius: a gap of 2.5.
    expect(r.blockedBy).toEqual({ kind: 'value-gap', party: 'lithuania', gap: 2.5 });
  });

  it('the deadline when a package both would take existed but time ran out', () => {
    const r = runDeclaredTrack(track({ protocol: { exchanges: 2, concession: 0.1 } }), ctx);
    expect(r.deal).toBeNull();
    expect(r.blockedBy).toEqual({ kind: 'deadline' });
  });

  it('the aspiration stops at the reservation: at exchange 4, 0.5 × 3 of the way is the whole way, so Vilnius (reservation 1.2) keeps to troops and never offers both (worth 1 to it)', () => {
    // Washington's best is transit (1.5), Vilnius's troops (2). Exchange 1: Washington at 1.5 offers
    // transit (−1 to Vilnius); 2: Vilnius at 2 − 0.8 × 0.5 = 1.6 offers troops (−1 to Washington);
    // 3: Washington at 1.5 − 1.5 × 1 = 0 offers both, best for Vilnius (1 < 1.2); 4: Vilnius at
    // 2 − 0.8 × min(1, 1.5) = 1.2 offers troops again (both, 1, is under its aspiration), refused.
    // No package clears both (both: 1 < 1.2), so the walk is Washington's gap 0 − (−1) = 1.
    const r = runDeclaredTrack(track({ reservations: { lithuania: 1.2 }, protocol: { exchanges: 4, concession: 0.5 } }), ctx);
    expect(r.offers.map((o) => [o.exchange, o.from, o.package.items, o.answer])).toEqual([
      [1, 'us', ['transit'], 'counter'], [2, 'lithuania', ['troops'], 'counter'], [3, 'us', ['troops', 'transit'], 'counter'], [4, 'lithuania', ['troops'], 'walk'],
    ]);
    expect(r.deal).toBeNull();
    expect(r.blockedBy).toEqual({ kind: 'value-gap', party: 'us', gap: 1 });
    expect(r.offers[3]!.blockedBy).toEqual(r.blockedBy);
  });

  it('a deal carries out each item\'s effect (calm stops the balloons, the drivers go free) and is recorded with no releases', () => {
    const t = track({ items: [
      { id: 'calm', from: 'us', worth: { us: 1, lithuania: 1 }, effect: 'stopBalloons' },
      { id: 'drivers', from: 'lithuania', worth: { us: 1, lithuania: 1 }, effect: 'freeLorryDrivers' },
    ] });
    const before = createWorld(scenario('base', { world: { lorryDriversHeld: 3 } }));
    expect([before.balloons, before.lorryDriversHeld]).toEqual([true, 3]);
    // Washington's best is both items (2 to it, 2 to Vilnius): offered and accepted at once.
    const r = runDeclaredTrack(t, { ...ctx, world: before });
    expect([r.world.balloons, r.world.lorryDriversHeld, r.world.transitOpen]).toEqual([false, 0, before.transitOpen]);
    // A deal without those items leaves the balloons and the drivers as they were (troops and transit: transit opens).
    const other = runDeclaredTrack(track(), { ...ctx, world: before }).world;
    expect([other.balloons, other.lorryDriversHeld, other.transitOpen]).toEqual([true, 3, true]);
    expect(r.deal).toEqual({
      track: 'us-vilnius', parties: ['us', 'lithuania'],
      package: { releases: {}, headcount: 0, relief: [], grants: [], commitments: [], sideOffers: [], items: ['calm', 'drivers'] },
      released: 0, byRoute: {}, routed: [], lifted: [], rules: ['R08'],
    });
  });

  it('the round of the shipped us-troops-for-transit track, by hand: aspirations 1.2, 1.49, 0.6, 0.47, and the fourth offer clears both', () => {
    const t = loadScenario('us-troops-for-transit').scenario.tracks[0]!;
    // Washington (reservation 0.2) best: Klaipėda alone, 1.2, offered at exactly its aspiration;
    // Vilnius (0.3) best: troops and exercises, 2.0. 2: Vilnius at 2 − 1.7 × 0.3 = 1.49 offers
    // troops (−0.7 to Washington, better than −0.8); 3: Washington at 1.2 − 1.0 × 0.6 = 0.6 offers
    // exercises and Klaipėda (−1.0 to Vilnius, better than Klaipėda's −1.4); 4: Vilnius at
    // 2 − 1.7 × 0.9 = 0.47 offers all three (0.4 to Washington ≥ 0.2): accepted.
    const r = runDeclaredTrack(t, ctx);
    expect(r.offers.map((o) => [o.exchange, o.from, o.package.items, o.answer])).toEqual([
      [1, 'us', ['klaipeda-transit'], 'counter'],
      [2, 'lithuania', ['us-troops'], 'counter'],
      [3, 'us', ['rotation-exercises', 'klaipeda-transit'], 'counter'],
      [4, 'lithuania', ['us-troops', 'rotation-exercises', 'klaipeda-transit'], 'accept'],
    ]);
    expect(r.offers[3]!.values.us).toBeCloseTo(0.4, 12);
    expect(r.offers[3]!.reservations).toEqual({ us: 0.2, lithuania: 0.3 });
    expect(r.world.transitOpen).toBe(true);
  });

  it('nothing put up with a red line that is not to blame: transit (1.5) and both (0.5) cross R09 but fall short of Washington\'s 2 too; its gap to troops (−1) is 3', () => {
    const r = runDeclaredTrack(track({ reservations: { us: 2 }, redLines: [{ rule: 'R09', party: 'lithuania', item: 'transit' }] }), ctx);
    expect(r.offers).toEqual([]);
    expect(r.blockedBy).toEqual({ kind: 'value-gap', party: 'us', gap: 3 });
  });

  it('the value gap, not the deadline, when nothing clears both even at reservations of 0 (transit worth 0.5 to Washington: both is −0.5 to it)', () => {
    // 1: Washington (best 0.5) offers transit, −1 to Vilnius: its gap 0 − (−1) = 1, and no package clears both.
    const r = runDeclaredTrack(track({ items: [
      { id: 'troops', from: 'us', worth: { lithuania: 2, us: -1 } }, { id: 'transit', from: 'lithuania', worth: { us: 0.5, lithuania: -1 } },
    ], protocol: { exchanges: 1, concession: 0.5 } }), ctx);
    expect(r.offers.map((o) => [o.package.items, o.answer])).toEqual([[['transit'], 'walk']]);
    expect(r.blockedBy).toEqual({ kind: 'value-gap', party: 'lithuania', gap: 1 });
  });

  it('ties go to the first package in the fixed order: at aspiration 1 Vilnius may offer a, b or all three, each −1 to Washington, and offers a', () => {
    // Items a, b (from Washington, 1 to Vilnius, −1 to it) and t (from Vilnius, 1 to Washington, −0.5 to it).
    // 1: Washington (best 1) offers t, −0.5 to Vilnius. 2: Vilnius (best a+b, 2) at 2 − 2 × 0.5 = 1:
    // a (1), b (1), a+b (2), all three (1.5) qualify; to Washington −1, −1, −2, −1: a, the first. A
    // package both take (a+t: 0 and 0.5) remains, so the deadline ends it.
    const r = runDeclaredTrack(track({ items: [
      { id: 'a', from: 'us', worth: { lithuania: 1, us: -1 } }, { id: 'b', from: 'us', worth: { lithuania: 1, us: -1 } },
      { id: 't', from: 'lithuania', worth: { us: 1, lithuania: -0.5 } },
    ], protocol: { exchanges: 2, concession: 0.5 } }), ctx);
    expect(r.offers.map((o) => [o.from, o.package.items, o.answer])).toEqual([['us', ['t'], 'counter'], ['lithuania', ['a'], 'walk']]);
    expect(r.blockedBy).toEqual({ kind: 'deadline' });
  });

  it('a track with no goods never deals, and makes no offer', () => {
    const r = runDeclaredTrack(track({ items: [] }), ctx);
    expect(r).toMatchObject({ offers: [], deal: null });
    expect(r.world).toBe(world);
  });

  it('with --deal-space its space lists every package, and Nash is the both-items package', () => {
    const r = runDeclaredTrack(track(), { ...ctx, dealSpace: true });
    expect(r.space!.packages).toHaveLength(3);
    expect(r.space!.zopa).toBe(true);
    expect(r.space!.nash.index).toBe(2);
  });

  it('the space\'s numbers: each package\'s surplus over the reservations (Washington 0.25), the frontier, Nash and Kalai–Smorodinsky on both items', () => {
    const space = runDeclaredTrack(track({ reservations: { us: 0.25 } }), { ...ctx, dealSpace: true }).space!;
    expect(space.parties).toEqual(['us', 'lithuania']);
    expect(space.packages.map((p) => [p.package.items, p.values, p.surplus, p.reservations, p.feasible, p.redLine])).toEqual([
      [['troops'], { us: -1, lithuania: 2 }, { us: -1.25, lithuania: 2 }, { us: 0.25, lithuania: 0 }, true, undefined],
      [['transit'], { us: 1.5, lithuania: -1 }, { us: 1.25, lithuania: -1 }, { us: 0.25, lithuania: 0 }, true, undefined],
      [['troops', 'transit'], { us: 0.5, lithuania: 1 }, { us: 0.25, lithuania: 1 }, { us: 0.25, lithuania: 0 }, true, undefined],
    ]);
    // None dominates another; by Washington's surplus: troops, both, transit.
    expect(space.pareto).toEqual([0, 2, 1]);
    expect(space.zopa).toBe(true);
    expect(space.nash).toEqual({ index: 2, surplus: { us: 0.25, lithuania: 1 } });
    expect(space.ks).toEqual({ index: 2, surplus: { us: 0.25, lithuania: 1 } });
    expect(space.sampling).toBeNull();
  });

  it('with R09 on transit the two packages holding it are infeasible and name the line: no ZOPA, no Nash point', () => {
    const space = runDeclaredTrack(track({ reservations: { us: 0.25 }, redLines: [{ rule: 'R09', party: 'lithuania', item: 'transit' }] }), { ...ctx, dealSpace: true }).space!;
    expect(space.packages.map((p) => [p.feasible, p.redLine])).toEqual([[true, undefined], [false, 'R09'], [false, 'R09']]);
    expect(space.pareto).toEqual([0]);
    expect(space.zopa).toBe(false);
    expect(space.nash).toEqual({ index: null, surplus: { us: 0, lithuania: 0 } });
  });
});

describe('the shipped us-troops-for-transit scenario', () => {
  const s = loadScenario('us-troops-for-transit').scenario;

  it('runs, declares one track, and its deals open Klaipėda in some runs; with the branch the red line blocks every round', () => {
    const runs = Array.from({ length: 20 }, (_, i) => runScenario(s, { seed: i + 1 }));
    const dealt = runs.filter((r) => r.outcome.dealsByDeclaredTrack['us-lithuania-troops']! > 0);
    expect(dealt.length).toBeGreaterThan(0);
    for (const r of dealt) expect(r.outcome.transitOpen).toBe(true);
    const held = loadScenario('us-troops-for-transit', { branch: 'vilnius-line-holds' }).scenario;
    const blocked = Array.from({ length: 20 }, (_, i) => runScenario(held, { seed: i + 1 }));
    expect(blocked.every((r) => r.outcome.dealsByDeclaredTrack['us-lithuania-troops'] === 0)).toBe(true);
    expect(blocked.some((r) => r.outcome.blocked['us-lithuania-troops']!['red-line'] > 0)).toBe(true);
  });

  it('a declared track never touches the five agents\' stream: with its chance at 0 the run is base\'s, deal for deal', () => {
    const quiet = { ...s, tracks: s.tracks.map((t) => ({ ...t, protocol: { ...t.protocol, chance: 0 } })) };
    const base = loadScenario('base').scenario;
    for (const seed of [1, 2, 3]) {
      const a = runScenario(quiet, { seed }).outcome;
      const b = runScenario(base, { seed }).outcome;
      expect(a.prisonersReleased).toBe(b.prisonersReleased);
      expect(a.sanctionHistory).toEqual(b.sanctionHistory);
    }
  });
});
