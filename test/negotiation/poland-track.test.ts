/**
 * The Poland–Belarus track (R07, R14, R08, R17) on tiny hand-made worlds, each number pinned at
 * its boundary: Minsk's ask is the wanted person's cost (an enemy's at the premium) times a noise
 * drawn from a scripted Rng (noise = 1 + (draw × 2 − 1) × askNoise); Warsaw's relief is worth
 * its marginal relief × urgency. Minsk takes the opening at exactly its ask and not a hair below;
 * Warsaw raises to its concession (a prisoner swap on top) only when that is more than the relief,
 * and Minsk takes it at exactly its ask. Every expected number follows from the inputs by the
 * calculation written next to it; dyadic inputs keep the floats exact. Each case is also run with
 * `trace: false`: no offers are written, but the deal, the world and the draws are the same.
 */
import { describe, expect, it } from 'vitest';
import { runPolandTrack } from '../../src/negotiation/poland-track.js';
import { POTASH_USABILITY } from '../../src/world/valuation.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import { packageOf, runTrack, setup, untouched, worldState, type Setup, type WorldIn } from './support.js';

/* ---------- helpers ---------- */

const state = worldState;

const run = (given: Setup, draws: readonly number[] = []) => runTrack(runPolandTrack, given, draws);

const EPS = 2 ** -8;
/** draw = 0.5 + 2⁻¹⁰ with askNoise 0.5: noise = 1 + (2⁻⁹) × 0.5 = 1 + 2⁻¹⁰, so an ask of 2 becomes 2 + 2⁻⁹. */
const NUDGE_UP = 0.5 + 2 ** -10;

const pz = (over: Record<string, unknown> = {}) => ({ id: 'pz', name: 'Pawel Z', belarusCost: 2, onlyThrough: 'poland', ...over });
const cohortX = { id: 'x', label: 'X', held: 3, usProfile: 0, belarusCost: 1 };
const border = (weight: number, over: Record<string, unknown> = {}) => ({ id: 'poland.border', label: 'border', weight, ...over });

/** One wanted person (cost 2 unless told), Poland's border relief, stalled talks (urgency 1). */
function world1(o: { named?: Record<string, unknown>[]; sanctions?: Record<string, unknown>[]; concession?: number; talks?: string; transitOpen?: boolean; rules?: RuleSwitches } = {}) {
  return setup({
    world: {
      talks: (o.talks ?? 'stalled') as WorldIn['talks'],
      transitOpen: o.transitOpen ?? false,
      cohorts: [cohortX],
      named: (o.named ?? [pz()]) as WorldIn['named'],
      sanctions: (o.sanctions ?? [border(2)]) as WorldIn['sanctions'],
    },
    agents: {
      poland: { askNoise: 0.5, concession: o.concession ?? 4 },
      belarus: { enemyPremium: 2, urgency: { stalled: 1, advancing: 2 } },
    },
    rules: o.rules ?? {},
  });
}

const openingPackage = (relief: string[], releases: Record<string, number> = { pz: 1 }) => packageOf(releases, { relief });
const swapPackage = (relief: string[]) => ({ ...openingPackage(relief), grants: ['prisoner-swap'] });

const offer = (answer: 'accept' | 'counter' | 'walk', pkg: object, rules: string[]) =>
  ({ track: 'poland-belarus', exchange: 1, from: 'poland', to: 'belarus', kind: 'offer', package: pkg, answer, rules });
const raise = (answer: 'accept' | 'walk', pkg: object, rules: string[]) =>
  ({ track: 'poland-belarus', exchange: 2, from: 'poland', to: 'belarus', kind: 'counter', package: pkg, answer, rules });


/** The world after Pawel Z is freed to Poland for its border relief, in December 2025. */
const PZ_FREED_FOR_BORDER = {
  named: { pz: 'released poland 2025-12' },
  sanctions: { 'poland.border': 'lifted 2025-12' },
  held: { x: 3 },
  releasedByRoute: { lithuania: 0, ukraine: 0, poland: 1, home: 0, served: 0 },
  releasedByCohort: { pz: 1 },
};

/* ---------- the tests ---------- */

describe('who is on the table', () => {
  it('with nobody of Poland\'s held, there is no round and no draw, whatever relief is on offer', () => {
    // pz was freed already; 'us-only' is reserved for the US; 'free' is reserved for no one.
    const s = world1({
      named: [
        pz({ status: 'released', route: 'ukraine', releasedIn: '2025-11' }),
        { id: 'us-only', name: 'U', belarusCost: 0, onlyThrough: 'us' },
        { id: 'free', name: 'F', belarusCost: 0 },
      ],
      sanctions: [border(64)],
    });
    const r = run(s, []);
    expect(r.offers).toEqual([]);
    untouched(r, s.world);
    expect(r.drawn).toBe(0);
  });

  it('asks for every wanted person at once, and frees them all to Poland', () => {
    // Two wanted enemies, cost 1 and 0.5, premium 2: ask = (1×2 + 0.5×2) × noise 1 = 3.
    // Relief 3 × urgency 1 = 3 >= 3: the opening is taken. R17 is cited once.
    const s = world1({
      named: [pz({ belarusCost: 1, enemy: true }), { id: 'ab', name: 'A B', belarusCost: 0.5, enemy: true, onlyThrough: 'poland' }],
      sanctions: [border(3)],
    });
    const r = run(s, [0.5]);
    const pkg = openingPackage(['poland.border'], { pz: 1, ab: 1 });
    expect(r.offers).toMatchObject([offer('accept', pkg, ['R07', 'R17', 'R14'])]);
    expect(r.offers[0]!.rules).toEqual(['R07', 'R17', 'R14']);
    expect(r.deal).toMatchObject({
      track: 'poland-belarus', parties: ['poland', 'belarus'], package: pkg,
      released: 2, byRoute: { poland: 2 },
      routed: [{ id: 'pz', count: 1, route: 'poland' }, { id: 'ab', count: 1, route: 'poland' }],
      lifted: ['poland.border'], rules: ['R07', 'R03'],
    });
    expect(r.deal!.summary).toContain('Pawel Z');
    expect(r.deal!.summary).toContain('A B');
    expect(state(r.world)).toEqual({
      named: { pz: 'released poland 2025-12', ab: 'released poland 2025-12' },
      sanctions: { 'poland.border': 'lifted 2025-12' },
      held: { x: 3 },
      releasedByRoute: { lithuania: 0, ukraine: 0, poland: 2, home: 0, served: 0 },
      releasedByCohort: { pz: 1, ab: 1 },
    });
    expect(r.drawn).toBe(1);
  });

  it('the ask is the sum over the wanted: relief 3 − 2⁻⁸ is short of it', () => {
    // ask 3 as above; relief 3 − 2⁻⁸ < 3; concession 0 <= relief: Warsaw walks at once.
    const s = world1({
      named: [pz({ belarusCost: 1, enemy: true }), { id: 'ab', name: 'A B', belarusCost: 0.5, enemy: true, onlyThrough: 'poland' }],
      sanctions: [border(3 - EPS)],
      concession: 0,
    });
    const r = run(s, [0.5]);
    expect(r.offers).toEqual([expect.objectContaining(offer('walk', openingPackage(['poland.border'], { pz: 1, ab: 1 }), ['R07', 'R17']))]);
    untouched(r, s.world);
  });

  it('offers only Poland\'s active sanctions as relief', () => {
    // poland.visa is lifted already and eu.trade is not Poland's: relief = [poland.border] worth 2.
    // ask = 2 × 1: 2 >= 2, the opening is taken. Had eu.trade (64) or poland.visa been offered
    // the package would differ.
    const s = world1({
      sanctions: [border(2), { id: 'poland.visa', label: 'v', weight: 8, status: 'lifted' }, { id: 'eu.trade', label: 't', weight: 64 }],
    });
    const r = run(s, [0.5]);
    expect(r.offers).toMatchObject([offer('accept', openingPackage(['poland.border']), ['R07', 'R14'])]);
    expect(r.deal!.lifted).toEqual(['poland.border']);
    expect(state(r.world).sanctions).toEqual({ 'poland.border': 'lifted 2025-12', 'poland.visa': 'lifted -', 'eu.trade': 'active -' });
  });
});

describe('the opening: Minsk takes the relief when it is worth at least its ask', () => {
  it('at exactly the ask (relief 2 × urgency 1 = 2, ask 2 × noise 1 = 2) it accepts', () => {
    const s = world1();
    const r = run(s, [0.5]);
    const pkg = openingPackage(['poland.border']);
    expect(r.offers).toEqual([expect.objectContaining(offer('accept', pkg, ['R07', 'R14']))]);
    expect(r.offers).toHaveLength(1);
    expect(r.deal).toEqual({
      track: 'poland-belarus', parties: ['poland', 'belarus'], package: pkg,
      released: 1, byRoute: { poland: 1 }, routed: [{ id: 'pz', count: 1, route: 'poland' }],
      lifted: ['poland.border'], rules: ['R07', 'R03'], summary: expect.stringContaining('Pawel Z'),
    });
    expect(state(r.world)).toEqual(PZ_FREED_FOR_BORDER);
    expect(r.drawn).toBe(1);
  });

  it('a draw below ½ lowers the ask: draw 0.25 ⇒ noise 1 + (−0.5)(0.5) = 0.75, ask 1.5 <= relief 2', () => {
    const r = run(world1(), [0.25]);
    expect(r.offers.map((o) => o.answer)).toEqual(['accept']);
    expect(r.deal!.package.grants).toEqual([]);
  });

  it('draw 0.75 ⇒ noise 1 + (0.5)(0.5) = 1.25, ask 2 × 1.25 = 2.5: relief 2.5 is enough', () => {
    const r = run(world1({ sanctions: [border(2.5)], concession: 0 }), [0.75]);
    expect(r.offers.map((o) => [o.exchange, o.answer])).toEqual([[1, 'accept']]);
    expect(r.deal!.lifted).toEqual(['poland.border']);
  });

  it('draw 0.75: relief 2.5 − 2⁻⁸ is just short of the ask 2.5, and Warsaw (concession 0) walks', () => {
    const s = world1({ sanctions: [border(2.5 - EPS)], concession: 0 });
    const r = run(s, [0.75]);
    expect(r.offers).toEqual([expect.objectContaining(offer('walk', openingPackage(['poland.border']), ['R07']))]);
    untouched(r, s.world);
    expect(r.drawn).toBe(1);
  });

  it('an ask just above the relief (draw ½ + 2⁻¹⁰ ⇒ ask 2 + 2⁻⁹ > 2) is no opening accept: Warsaw raises', () => {
    // concession 4 > relief 2: counter, then full = max(4, 2) = 4 >= 2 + 2⁻⁹: accepted with a swap.
    const s = world1();
    const r = run(s, [NUDGE_UP]);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', openingPackage(['poland.border']), ['R07'])),
      expect.objectContaining(raise('accept', swapPackage(['poland.border']), ['R07'])),
    ]);
    expect(r.deal).toMatchObject({
      package: swapPackage(['poland.border']), released: 1, byRoute: { poland: 1 },
      routed: [{ id: 'pz', count: 1, route: 'poland' }], lifted: ['poland.border'], rules: ['R07', 'R03'],
    });
    expect(r.deal!.summary).toContain('prisoner-swap');
    expect(state(r.world)).toEqual(PZ_FREED_FOR_BORDER);
    expect(r.drawn).toBe(1);
  });

  it('with no Polish relief left there is no opening accept, even when the ask is 0', () => {
    // pz costs 0: ask 0; relief [] is worth 0 >= 0, but an empty package is never taken on the
    // opening. Concession 4 > 0: Warsaw raises to a bare swap, 4 >= 0, accepted.
    const s = world1({ named: [pz({ belarusCost: 0 })], sanctions: [border(8, { status: 'lifted' })] });
    const r = run(s, [0.5]);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', openingPackage([]), ['R07'])),
      expect.objectContaining(raise('accept', swapPackage([]), ['R07'])),
    ]);
    expect(r.deal).toMatchObject({ package: swapPackage([]), released: 1, lifted: [], byRoute: { poland: 1 } });
    expect(state(r.world).sanctions).toEqual({ 'poland.border': 'lifted -' });
    expect(state(r.world).named).toEqual({ pz: 'released poland 2025-12' });
  });

  it('with no relief and no concession (full = max(0, 0) = 0 <= 0) Warsaw walks on the opening', () => {
    const s = world1({ named: [pz({ belarusCost: 0 })], sanctions: [border(8, { status: 'lifted' })], concession: 0 });
    const r = run(s, [0.5]);
    expect(r.offers).toEqual([expect.objectContaining(offer('walk', openingPackage([]), ['R07']))]);
    untouched(r, s.world);
  });
});

describe('Warsaw\'s last word: full = max(concession, relief value)', () => {
  // Relief 1 × urgency 1 = 1; pz costs 2, draw ½: ask 2.
  const at = (concession: number) => world1({ sanctions: [border(1)], concession });

  it('concession equal to the relief (1 <= 1): nothing more to give, Warsaw walks on the opening', () => {
    const s = at(1);
    const r = run(s, [0.5]);
    expect(r.offers).toEqual([expect.objectContaining(offer('walk', openingPackage(['poland.border']), ['R07']))]);
    untouched(r, s.world);
  });

  it('concession below the relief (0.5 < 1): full = max(0.5, 1) = 1, Warsaw walks on the opening', () => {
    const s = at(0.5);
    const r = run(s, [0.5]);
    expect(r.offers.map((o) => [o.exchange, o.answer])).toEqual([[1, 'walk']]);
    untouched(r, s.world);
  });

  it('concession 1 + 2⁻⁸ > relief 1: Warsaw raises with a swap; 1 + 2⁻⁸ < ask 2, Minsk walks', () => {
    const s = at(1 + EPS);
    const r = run(s, [0.5]);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', openingPackage(['poland.border']), ['R07'])),
      expect.objectContaining(raise('walk', swapPackage(['poland.border']), ['R07'])),
    ]);
    untouched(r, s.world);
  });

  it('concession exactly the ask (2 >= 2): the swap package is accepted', () => {
    const r = run(at(2), [0.5]);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', openingPackage(['poland.border']), ['R07'])),
      expect.objectContaining(raise('accept', swapPackage(['poland.border']), ['R07'])),
    ]);
    expect(r.deal).toMatchObject({ package: swapPackage(['poland.border']), released: 1, lifted: ['poland.border'], rules: ['R07', 'R03'] });
    expect(state(r.world).named).toEqual({ pz: 'released poland 2025-12' });
    expect(state(r.world).sanctions).toEqual({ 'poland.border': 'lifted 2025-12' });
  });

  it('concession 2 − 2⁻⁸, just short of the ask 2: Minsk walks on the raise', () => {
    const s = at(2 - EPS);
    const r = run(s, [0.5]);
    expect(r.offers.map((o) => [o.exchange, o.kind, o.answer])).toEqual([[1, 'offer', 'counter'], [2, 'counter', 'walk']]);
    expect(r.offers[1]!.package.grants).toEqual(['prisoner-swap']);
    untouched(r, s.world);
  });
});

describe('R17: a personal enemy costs the premium, and is not for sale with R17 off', () => {
  // Changed with issue #11: R17 is now a red line apart from value, so the opening is on the record
  // and walked from, naming R17 (it used to end without a word, which hid what blocked the deal).
  it('an enemy with R17 off: Minsk walks from the opening on the R17 red line, however rich the relief (one draw made)', () => {
    const s = world1({ named: [pz({ enemy: true })], sanctions: [border(64)], rules: { R17: false } });
    const r = run(s, [0.5]);
    expect(r.offers).toHaveLength(1);
    expect(r.offers[0]).toMatchObject({ answer: 'walk', rules: ['R07', 'R17'], blockedBy: { kind: 'red-line', rule: 'R17', party: 'belarus' } });
    // The red line decided, not the value: the relief is worth more to Minsk than his price.
    expect(r.offers[0]!.values.belarus!).toBeGreaterThan(r.offers[0]!.reservations.belarus!);
    expect(r.blockedBy).toEqual({ kind: 'red-line', rule: 'R17', party: 'belarus' });
    untouched(r, s.world);
    expect(r.drawn).toBe(1);
  });

  it('R17 off leaves a non-enemy for sale: the opening at 2 >= 2 is taken', () => {
    const r = run(world1({ rules: { R17: false } }), [0.5]);
    expect(r.offers).toMatchObject([offer('accept', openingPackage(['poland.border']), ['R07', 'R14'])]);
    expect(r.deal!.released).toBe(1);
  });

  it('an enemy of cost 2 at premium 2 is asked 4: relief 4 is enough, R17 cited', () => {
    const r = run(world1({ named: [pz({ enemy: true })], sanctions: [border(4)], concession: 0 }), [0.5]);
    expect(r.offers).toEqual([expect.objectContaining(offer('accept', openingPackage(['poland.border']), ['R07', 'R17', 'R14']))]);
    expect(r.deal!.rules).toEqual(['R07', 'R03']);
  });

  it('relief 4 − 2⁻⁸ is short of the enemy\'s 4: Warsaw (concession 0) walks', () => {
    const s = world1({ named: [pz({ enemy: true })], sanctions: [border(4 - EPS)], concession: 0 });
    const r = run(s, [0.5]);
    expect(r.offers).toEqual([expect.objectContaining(offer('walk', openingPackage(['poland.border']), ['R07', 'R17']))]);
    untouched(r, s.world);
  });

  it('a non-enemy is asked no premium: cost 2 at premium 2 is still asked 2', () => {
    // Relief 2 >= 2 here; a premium would make the ask 4 and Warsaw (concession 0) walk.
    const r = run(world1({ concession: 0 }), [0.5]);
    expect(r.offers.map((o) => o.answer)).toEqual(['accept']);
    expect(r.offers[0]!.rules).toEqual(['R07', 'R14']);
  });
});

describe('what the relief is worth to Minsk (R14, R08)', () => {
  it('R14: while talks advance (urgency 2) relief 1 is worth 1 × 2 = 2 >= ask 2', () => {
    const r = run(world1({ talks: 'advancing', sanctions: [border(1)], concession: 0 }), [0.5]);
    expect(r.offers).toMatchObject([offer('accept', openingPackage(['poland.border']), ['R07', 'R14'])]);
    expect(r.deal!.lifted).toEqual(['poland.border']);
  });

  it('R14 off: an accept on the opening does not cite R14', () => {
    const r = run(world1({ talks: 'advancing', sanctions: [border(2)], concession: 0, rules: { R14: false } }), [0.5]);
    expect(r.offers[0]!.answer).toBe('accept');
    expect(r.offers[0]!.rules).toEqual(['R07']);
  });

  it('R14 off: the same relief is worth 1 × 1 = 1 < 2, and Warsaw (concession 0) walks', () => {
    const s = world1({ talks: 'advancing', sanctions: [border(1)], concession: 0, rules: { R14: false } });
    const r = run(s, [0.5]);
    expect(r.offers.map((o) => o.answer)).toEqual(['walk']);
    untouched(r, s.world);
  });

  it('R14: urgency 2 also scales the comparison with the concession (relief 1 × 2 = 2 = concession 2: walk)', () => {
    // ask 2 + 2⁻⁹ (nudged draw) > relief value 2; full = max(2, 2) = 2 <= 2: nothing to raise.
    const s = world1({ talks: 'advancing', sanctions: [border(1)], concession: 2 });
    const r = run(s, [NUDGE_UP]);
    expect(r.offers.map((o) => [o.exchange, o.answer])).toEqual([[1, 'walk']]);
    untouched(r, s.world);
  });

  const potash = (rules: RuleSwitches, transitOpen = false) =>
    world1({ named: [pz({ belarusCost: 4 })], sanctions: [border(4, { id: 'poland.potash', kind: 'potash' })], concession: 0, rules, transitOpen });

  it('R08 off: a Polish potash relief of weight 4 counts in full, 4 >= ask 4', () => {
    const r = run(potash({ R08: false }), [0.5]);
    expect(r.offers).toMatchObject([offer('accept', openingPackage(['poland.potash']), ['R07', 'R14'])]);
    expect(state(r.world).sanctions).toEqual({ 'poland.potash': 'lifted 2025-12' });
  });

  it('R08 on, Klaipėda closed: it is worth only 4 × 0.2 < 4, and Warsaw walks', () => {
    expect(4 * POTASH_USABILITY.alone).toBeLessThan(4);
    const s = potash({});
    const r = run(s, [0.5]);
    expect(r.offers.map((o) => o.answer)).toEqual(['walk']);
    untouched(r, s.world);
  });

  it('R08 on with Klaipėda already open: the potash reaches the sea, worth 4 >= 4', () => {
    const r = run(potash({}, true), [0.5]);
    expect(r.offers.map((o) => o.answer)).toEqual(['accept']);
    expect(r.deal!.lifted).toEqual(['poland.potash']);
  });
});
