/**
 * The Lithuania–Belarus track (R09 off) on tiny hand-made worlds, each number pinned at its
 * boundary: Vilnius prices Klaipėda at transitPrice × (1 + hostility); Minsk offers an end to the
 * balloons and the lorry drivers (listed only when there are balloons or drivers held), worth
 * valueOfCalm + drivers × valuePerDriver to Vilnius. At exactly the price Vilnius takes them;
 * below it, it asks ceil(shortfall / valuePerPrisoner) deportees, cheapest to Minsk first (all of
 * them, never enough, when a deportee is worth nothing), and Minsk gives them only if it has that
 * many and their cost fits its budget: transit's marginal relief × urgency − 0.3. Every expected
 * number follows from the inputs by the calculation written next to it (scarcity 0, so a release
 * costs its belarusCost); dyadic inputs keep the floats exact. Each case is also run with
 * `trace: false`: no offers are written, but the deal, the world and the draws are the same.
 */
import { describe, expect, it } from 'vitest';
import { runLithuaniaTrack } from '../../src/negotiation/lithuania-track.js';
import { POTASH_USABILITY } from '../../src/world/valuation.js';
import type { World } from '../../src/world/types.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import { packageOf, runTrack, scripted, setup, untouched, type Setup, type WorldIn } from './support.js';

/* ---------- helpers ---------- */

/** What the track may change in the world, in one comparable record. */
const state = (w: World) => ({
  transitOpen: w.transitOpen,
  balloons: w.balloons,
  lorryDriversHeld: w.lorryDriversHeld,
  held: Object.fromEntries(w.cohorts.map((c) => [c.id, c.held])),
  named: Object.fromEntries(w.named.map((p) => [p.id, p.status])),
  sanctions: Object.fromEntries(w.sanctions.map((s) => [s.id, s.status])),
  releasedByRoute: w.releasedByRoute,
  releasedByCohort: w.releasedByCohort,
});

const run = (given: Setup, draws: readonly number[] = []) => runTrack(runLithuaniaTrack, given, draws);

type Opts = {
  cohorts?: Record<string, unknown>[];
  named?: Record<string, unknown>[];
  balloons?: boolean;
  drivers?: number;
  hostility?: number;
  transitOpen?: boolean;
  transitPrice?: number;
  valuePerPrisoner?: number;
  urgency?: number;
  rules?: RuleSwitches;
};

const cohort = (id: string, held: number, belarusCost: number) => ({ id, label: id, held, usProfile: 0, belarusCost });

/**
 * US potash (weight 5) is lifted: with R08 on, Klaipėda raises it from 5 × 0.2 = 1 to 5, so
 * transit is worth 4 to Minsk; its budget at urgency 1 is 4 × 1 − 0.3 = 3.7.
 */
const TRANSIT = 5 - 5 * POTASH_USABILITY.alone;

/**
 * Vilnius: transitPrice 1 (×(1 + hostility 0.5) = price 1.5), calm worth 1, a driver 0.25, a
 * deportee 0.25. Minsk: scarcity 0, urgency as given (1). Balloons fly, no drivers held.
 */
function lt(o: Opts = {}) {
  return setup({
    world: {
      talks: 'stalled',
      transitOpen: o.transitOpen ?? false,
      balloons: o.balloons ?? true,
      lorryDriversHeld: o.drivers ?? 0,
      hostility: { lithuania: o.hostility ?? 0.5 },
      cohorts: (o.cohorts ?? [cohort('a', 10, 0.25)]) as WorldIn['cohorts'],
      named: (o.named ?? []) as WorldIn['named'],
      sanctions: [{ id: 'us.potash', label: 'potash', kind: 'potash', weight: 5, status: 'lifted' }],
    },
    agents: {
      lithuania: { transitPrice: o.transitPrice ?? 1, valueOfCalm: 1, valuePerDriver: 0.25, valuePerPrisoner: o.valuePerPrisoner ?? 0.25 },
      belarus: { scarcity: 0, urgency: { stalled: o.urgency ?? 1 } },
    },
    rules: { R09: false, ...o.rules },
  });
}

type Commitment = 'stop-balloons' | 'free-lorry-drivers';
const pkg = (releases: Record<string, number>, commitments: Commitment[]) => packageOf(releases, { grants: ['klaipeda-transit'], commitments });
const offer = (answer: 'accept' | 'counter', p: object) =>
  ({ track: 'lithuania-belarus', exchange: 1, from: 'belarus', to: 'lithuania', kind: 'offer', package: p, answer, rules: ['R09', 'R10', 'R11'] });
const ask = (answer: 'accept' | 'walk', p: object) =>
  ({ track: 'lithuania-belarus', exchange: 2, from: 'lithuania', to: 'belarus', kind: 'counter', package: p, answer, rules: ['R08', 'R03', 'R09'] });
const deal = (releases: Record<string, number>, commitments: Commitment[]) => {
  const n = Object.values(releases).reduce((a, b) => a + b, 0);
  return {
    track: 'lithuania-belarus', parties: ['lithuania', 'belarus'], package: pkg(releases, commitments), released: n,
    byRoute: n > 0 ? { lithuania: n } : {},
    routed: Object.entries(releases).map(([id, count]) => ({ id, count, route: 'lithuania' })),
    lifted: [], rules: ['R08', 'R09', 'R10', 'R11', 'R03'], summary: expect.stringContaining('Klaip'),
  };
};


/* ---------- the tests ---------- */

it('transit is worth 4 to Minsk in these worlds (5 − 5 × 0.2)', () => {
  expect(TRANSIT).toBe(4);
});

describe('with Klaipėda already open there is nothing to trade', () => {
  it('no offers and no deal, though calm and drivers (1 + 2 × 0.25 = 1.5) would meet the price 1.5', () => {
    const s = lt({ transitOpen: true, drivers: 2 });
    const r = run(s);
    expect(r.offers).toEqual([]);
    untouched(r, s.world);
  });
});

describe('the opening: calm and drivers against the price transitPrice × (1 + hostility)', () => {
  it('at exactly the price (1 + 2 × 0.25 = 1.5 = 1 × (1 + 0.5)) Vilnius accepts, no deportees', () => {
    const s = lt({ drivers: 2 });
    const r = run(s);
    expect(r.offers).toEqual([expect.objectContaining(offer('accept', pkg({}, ['stop-balloons', 'free-lorry-drivers'])))]);
    expect(r.deal).toEqual(deal({}, ['stop-balloons', 'free-lorry-drivers']));
    expect(r.deal!.byRoute).toEqual({});
    expect(state(r.world)).toEqual({
      transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { a: 10 }, named: {}, sanctions: { 'us.potash': 'lifted' },
      releasedByRoute: { lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 }, releasedByCohort: {},
    });
  });

  it('hostility 0.5 + 2⁻⁸ lifts the price to 1.50390625 > 1.5: Vilnius asks ceil(2⁻⁸ / 0.25) = 1 deportee, Minsk gives it', () => {
    // One deportee from a costs 0.25 <= budget 3.7.
    const s = lt({ drivers: 2, hostility: 0.5 + 2 ** -8 });
    const r = run(s);
    const commitments: Commitment[] = ['stop-balloons', 'free-lorry-drivers'];
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, commitments))),
      expect.objectContaining(ask('accept', pkg({ a: 1 }, commitments))),
    ]);
    expect(r.deal).toEqual(deal({ a: 1 }, commitments));
    expect(state(r.world)).toEqual({
      transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { a: 9 }, named: {}, sanctions: { 'us.potash': 'lifted' },
      releasedByRoute: { lithuania: 1, ukraine: 0, poland: 0, home: 0, served: 0 }, releasedByCohort: { a: 1 },
    });
  });
});

describe('what Minsk can promise, and what it is worth to Vilnius (price 1.5, a deportee 0.25)', () => {
  it('balloons, no drivers: [stop-balloons] worth 1 ⇒ asks ceil(0.5 / 0.25) = 2', () => {
    const r = run(lt({ balloons: true, drivers: 0 }));
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, ['stop-balloons']))),
      expect.objectContaining(ask('accept', pkg({ a: 2 }, ['stop-balloons']))),
    ]);
    expect(r.deal).toEqual(deal({ a: 2 }, ['stop-balloons']));
    expect(state(r.world)).toMatchObject({ transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { a: 8 } });
  });

  it('no balloons, 3 drivers: [free-lorry-drivers] worth 3 × 0.25 = 0.75 ⇒ asks ceil(0.75 / 0.25) = 3', () => {
    const r = run(lt({ balloons: false, drivers: 3 }));
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, ['free-lorry-drivers']))),
      expect.objectContaining(ask('accept', pkg({ a: 3 }, ['free-lorry-drivers']))),
    ]);
    expect(r.deal).toEqual(deal({ a: 3 }, ['free-lorry-drivers']));
    expect(state(r.world)).toMatchObject({ transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { a: 7 } });
  });

  it('balloons and 1 driver: both, worth 1 + 0.25 = 1.25 ⇒ asks ceil(0.25 / 0.25) = 1', () => {
    const r = run(lt({ balloons: true, drivers: 1 }));
    expect(r.offers.map((o) => [o.exchange, o.answer, o.package.commitments, o.package.headcount])).toEqual([
      [1, 'counter', ['stop-balloons', 'free-lorry-drivers'], 0],
      [2, 'accept', ['stop-balloons', 'free-lorry-drivers'], 1],
    ]);
    expect(state(r.world)).toMatchObject({ transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { a: 9 } });
  });

  it('neither: nothing promised, worth 0 ⇒ asks ceil(1.5 / 0.25) = 6 (cost 1.5 <= 3.7)', () => {
    const r = run(lt({ balloons: false, drivers: 0 }));
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, []))),
      expect.objectContaining(ask('accept', pkg({ a: 6 }, []))),
    ]);
    expect(r.deal).toEqual(deal({ a: 6 }, []));
    expect(state(r.world)).toEqual({
      transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { a: 4 }, named: {}, sanctions: { 'us.potash': 'lifted' },
      releasedByRoute: { lithuania: 6, ukraine: 0, poland: 0, home: 0, served: 0 }, releasedByCohort: { a: 6 },
    });
  });
});

describe('the deportees Vilnius asks for', () => {
  it('rounds the shortfall up and takes the cheapest first: 0.5 / 0.375 = 1.33… ⇒ 2, a (0.25) then b (0.5)', () => {
    // Cohorts listed dearest first; pz (cost 0) is reserved for Poland (R07) and not asked.
    // Cost 0.25 + 0.5 = 0.75 <= 3.7: given.
    const s = lt({
      cohorts: [cohort('b', 5, 0.5), cohort('a', 1, 0.25)],
      named: [{ id: 'pz', name: 'P', belarusCost: 0, onlyThrough: 'poland' }],
      valuePerPrisoner: 0.375,
    });
    const r = run(s);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, ['stop-balloons']))),
      expect.objectContaining(ask('accept', pkg({ a: 1, b: 1 }, ['stop-balloons']))),
    ]);
    expect(r.deal).toEqual(deal({ a: 1, b: 1 }, ['stop-balloons']));
    expect(r.deal!.routed).toEqual([{ id: 'a', count: 1, route: 'lithuania' }, { id: 'b', count: 1, route: 'lithuania' }]);
    expect(state(r.world)).toEqual({
      transitOpen: true, balloons: false, lorryDriversHeld: 0, held: { b: 4, a: 0 }, named: { pz: 'held' }, sanctions: { 'us.potash': 'lifted' },
      releasedByRoute: { lithuania: 2, ukraine: 0, poland: 0, home: 0, served: 0 }, releasedByCohort: { a: 1, b: 1 },
    });
  });

  it('short supply: 2 asked, 1 held ⇒ Minsk cannot give them, though 1 costs only 0.25', () => {
    const s = lt({ cohorts: [cohort('a', 1, 0.25)] });
    const r = run(s);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, ['stop-balloons']))),
      expect.objectContaining(ask('walk', pkg({ a: 1 }, ['stop-balloons']))),
    ]);
    untouched(r, s.world);
  });

  it('a deportee worth nothing to Vilnius: it asks everyone (3 + 5) and is never satisfied, though 3.25 <= 3.7', () => {
    // 3 × 0.25 + 5 × 0.5 = 3.25 would fit the budget; no count of deportees makes up the shortfall.
    const s = lt({ cohorts: [cohort('a', 3, 0.25), cohort('b', 5, 0.5)], valuePerPrisoner: 0 });
    const r = run(s);
    expect(r.offers).toEqual([
      expect.objectContaining(offer('counter', pkg({}, ['stop-balloons']))),
      expect.objectContaining(ask('walk', pkg({ a: 3, b: 5 }, ['stop-balloons']))),
    ]);
    untouched(r, s.world);
  });
});

describe('Minsk\'s budget: transit relief × urgency − 0.3', () => {
  // transitPrice 2, calm worth 1, a deportee 0.25, deportees at 1 each; urgency 2:
  // budget = 4 × 2 − 0.3 = 7.7.
  const at = (hostility: number, rules: RuleSwitches = {}) =>
    lt({ cohorts: [cohort('a', 20, 1)], transitPrice: 2, hostility, urgency: 2, rules });

  it('hostility 0.375: price 2 × 1.375 = 2.75, asks ceil(1.75 / 0.25) = 7 costing 7 <= 7.7, given', () => {
    const r = run(at(0.375));
    expect(r.offers.map((o) => [o.exchange, o.answer, o.package.headcount])).toEqual([[1, 'counter', 0], [2, 'accept', 7]]);
    expect(r.deal).toEqual(deal({ a: 7 }, ['stop-balloons']));
    expect(state(r.world)).toMatchObject({ transitOpen: true, held: { a: 13 }, releasedByRoute: { lithuania: 7, ukraine: 0, poland: 0, home: 0, served: 0 } });
  });

  it('hostility 0.5: price 3, asks ceil(2 / 0.25) = 8 costing 8 > 7.7, Minsk walks', () => {
    const s = at(0.5);
    const r = run(s);
    expect(r.offers.map((o) => [o.exchange, o.answer, o.package.headcount])).toEqual([[1, 'counter', 0], [2, 'walk', 8]]);
    untouched(r, s.world);
  });

  it('R14 off: urgency counts as 1, budget 4 − 0.3 = 3.7 < 7, Minsk walks', () => {
    const s = at(0.375, { R14: false });
    const r = run(s);
    expect(r.offers.map((o) => [o.exchange, o.answer, o.package.headcount])).toEqual([[1, 'counter', 0], [2, 'walk', 7]]);
    untouched(r, s.world);
  });

  it('R08 off: transit adds nothing (potash counts in full either way), budget 0 − 0.3 < 0: Minsk makes no bid at all', () => {
    // Calm and drivers would meet Vilnius's price (1 + 2 × 0.25 = 1.5 = 1 × 1.5), but Minsk would
    // be promising them for a transit worth nothing to it.
    const s = lt({ cohorts: [cohort('a', 10, 0)], drivers: 2, rules: { R08: false } });
    const r = run(s);
    expect(r.offers).toEqual([]);
    expect(r.events).toEqual([expect.objectContaining({ kind: 'posture', actor: 'belarus', rules: ['R08', 'R09'] })]);
    expect(r.events![0]!.text).toContain('worth 0.0');
    expect(r.events![0]!.text).toContain('0.3');
    expect(runLithuaniaTrack({ world: s.world, scenario: s.scenario, rules: s.scenario.rules, rng: scripted(), trace: false }).events).toEqual([]);
    untouched(r, s.world);
  });

  it('transit worth exactly the promises (0.3 = 0.3, budget 0) still gets a bid, and the opening accept', () => {
    // Urgency 0.075 = 0.3 / 4: the transit is worth 4 × 0.075 = 0.3 to Minsk, exactly what its
    // promises cost it. 0.075 is not dyadic: the product is 0.30000000000000004 ≥ 0.3 here.
    const s = lt({ cohorts: [cohort('a', 10, 0)], drivers: 2, urgency: 0.3 / 4 });
    const r = run(s);
    expect(r.offers.map((o) => o.answer)).toEqual(['accept']);
    expect(r.deal).toEqual(deal({}, ['stop-balloons', 'free-lorry-drivers']));
  });

  it('with nothing to promise Minsk pays nothing for promises: its whole transit worth buys deportees', () => {
    // No balloons, no drivers: price 1.5, worth 0 to Vilnius, so it asks ceil(1.5 / 0.25) = 6
    // deportees at 2/3 each = 4 (scarcity 0) = exactly the transit worth 4. With the 0.3 charged
    // anyway, 4 > 3.7 and Minsk would walk.
    const s = lt({ cohorts: [cohort('a', 10, 2 / 3)], balloons: false });
    const r = run(s);
    expect(r.offers.map((o) => [o.answer, o.package.headcount, o.package.commitments])).toEqual([['counter', 0, []], ['accept', 6, []]]);
    expect(r.deal!.released).toBe(6);
  });

  it('R08 on, the same free deportee fits the budget 3.7', () => {
    const r = run(lt({ cohorts: [cohort('a', 10, 0)], drivers: 2, hostility: 0.5 + 2 ** -8 }));
    expect(r.offers.map((o) => o.answer)).toEqual(['counter', 'accept']);
    expect(r.deal).toEqual(deal({ a: 1 }, ['stop-balloons', 'free-lorry-drivers']));
  });
});
