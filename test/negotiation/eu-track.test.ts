/**
 * The EU–Belarus track (R12 off) on tiny hand-made worlds, each number pinned at its boundary:
 * Brussels offers its active sanction worth most to Minsk (ties by id, R08 deciding what potash
 * relief is worth) and asks ceil(weight × prisonersPerWeight) people, cheapest to Minsk first;
 * Minsk gives what the relief × urgency (R14) pays for; Brussels takes the opening when all are
 * given, a counter of at least acceptShare of its ask (exactly at the bar, not one below), and
 * nothing from a counter of nobody. Every expected number follows from the inputs by the
 * calculation written next to it (scarcity 0, so a release costs its belarusCost); dyadic inputs
 * keep the floats exact. Each case is also run with `trace: false`: no offers are written, but
 * the deal, the world and the draws are the same.
 */
import { describe, expect, it } from 'vitest';
import { runEuTrack } from '../../src/negotiation/eu-track.js';
import { POTASH_USABILITY } from '../../src/world/valuation.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import { packageOf, runTrack, setup, untouched, worldState, type Setup, type WorldIn } from './support.js';

/* ---------- helpers ---------- */

const state = worldState;

const run = (given: Setup, draws: readonly number[] = []) => runTrack(runEuTrack, given, draws);

type Opts = {
  cohorts?: Record<string, unknown>[];
  named?: Record<string, unknown>[];
  sanctions?: Record<string, unknown>[];
  prisonersPerWeight?: number;
  acceptShare?: number;
  urgency?: number;
  belarus?: Record<string, unknown>;
  world?: Record<string, unknown>;
  rules?: RuleSwitches;
};

const cohort = (id: string, held: number, belarusCost: number) => ({ id, label: id, held, usProfile: 0, belarusCost });
const sanction = (id: string, weight: number, over: Record<string, unknown> = {}) => ({ id, label: id, weight, ...over });

/** Stalled talks (urgency as given, 1 by default), scarcity 0, R12 off, R05 off (no route draws). */
function eu(o: Opts = {}) {
  return setup({
    world: {
      talks: 'stalled',
      ...o.world,
      cohorts: (o.cohorts ?? [cohort('a', 10, 1)]) as WorldIn['cohorts'],
      named: (o.named ?? []) as WorldIn['named'],
      sanctions: (o.sanctions ?? [sanction('eu.trade', 4)]) as WorldIn['sanctions'],
    },
    agents: {
      eu: { prisonersPerWeight: o.prisonersPerWeight ?? 1, acceptShare: o.acceptShare ?? 0.5 },
      belarus: { scarcity: 0, urgency: { stalled: o.urgency ?? 1 }, ...o.belarus },
    },
    rules: { R12: false, R05: false, ...o.rules },
  });
}

const pkg = (releases: Record<string, number>, relief: string[]) => packageOf(releases, { relief });
const opening = (answer: 'accept' | 'counter' | 'walk', p: object) =>
  ({ track: 'eu-belarus', exchange: 1, from: 'eu', to: 'belarus', kind: 'offer', package: p, answer, rules: ['R12', 'R03', 'R08'] });
const counter = (answer: 'accept' | 'walk', p: object) =>
  ({ track: 'eu-belarus', exchange: 2, from: 'belarus', to: 'eu', kind: 'counter', package: p, answer, rules: ['R12', 'R03'] });


/* ---------- the tests ---------- */

describe('when there is nothing to bargain over', () => {
  it('nobody the EU may buy is held: no offers, no deal, no draw', () => {
    // Cohort a is empty; pz is reserved for Poland (R07); old was freed already.
    const s = eu({
      cohorts: [cohort('a', 0, 1)],
      named: [{ id: 'pz', name: 'P', belarusCost: 0, onlyThrough: 'poland' }, { id: 'old', name: 'O', status: 'released', route: 'ukraine', releasedIn: '2025-11' }],
    });
    const r = run(s);
    expect(r.offers).toEqual([]);
    untouched(r, s.world);
    expect(r.drawn).toBe(0);
  });

  it('no active EU sanction (its one is lifted; a US one does not count): no offers, no deal', () => {
    const s = eu({ sanctions: [sanction('eu.trade', 4, { status: 'lifted' }), sanction('us.visa', 4)] });
    const r = run(s);
    expect(r.offers).toEqual([]);
    untouched(r, s.world);
    expect(r.drawn).toBe(0);
  });

  it('an ask of nobody is not traded (R12): prisonersPerWeight 0, or a sanction of weight 0', () => {
    for (const s of [eu({ prisonersPerWeight: 0 }), eu({ sanctions: [sanction('eu.trade', 0)] })]) {
      const r = run(s);
      expect(r.offers).toEqual([]);
      untouched(r, s.world);
    }
    // The smallest ask that is traded: weight 4 × 0.25 = 1 person.
    expect(run(eu({ prisonersPerWeight: 0.25 })).deal?.released).toBe(1);
  });
});

describe('the opening: the ask, cheapest first, and Minsk giving all of it', () => {
  it('weight 1.25 × 2 per point = 2.5 ⇒ asks ceil(2.5) = 3: a:2 (0.25 each) then b:1 (0.5); costs 1 <= 1.25, all given', () => {
    // Cohorts listed dearest first, to show the ask is sorted cheapest-first; pz (reserved for
    // Poland, cost 0) and old (freed) are not asked; us.visa (64) is not the EU's to give.
    const s = eu({
      cohorts: [cohort('b', 5, 0.5), cohort('a', 2, 0.25)],
      named: [{ id: 'pz', name: 'P', belarusCost: 0, onlyThrough: 'poland' }, { id: 'old', name: 'O', status: 'released', route: 'ukraine', releasedIn: '2025-11' }],
      sanctions: [sanction('us.visa', 64), sanction('eu.trade', 1.25)],
      prisonersPerWeight: 2,
    });
    const r = run(s);
    const p = pkg({ a: 2, b: 1 }, ['eu.trade']);
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', p))]);
    expect(r.deal).toEqual({
      track: 'eu-belarus', parties: ['eu', 'belarus'], package: p, released: 3,
      byRoute: { lithuania: 3 },
      routed: [{ id: 'a', count: 2, route: 'lithuania' }, { id: 'b', count: 1, route: 'lithuania' }],
      lifted: ['eu.trade'], rules: ['R01', 'R03', 'R08'], summary: expect.stringContaining('eu.trade'),
    });
    expect(state(r.world)).toEqual({
      named: { pz: 'held - -', old: 'released ukraine 2025-11' },
      sanctions: { 'us.visa': 'active -', 'eu.trade': 'lifted 2025-12' },
      held: { b: 4, a: 0 },
      releasedByRoute: { lithuania: 3, ukraine: 0, poland: 0, home: 0, served: 0 },
      releasedByCohort: { a: 2, b: 1 },
    });
    expect(r.drawn).toBe(0);
  });

  it('a whole-number product is not rounded up: weight 1.5 × 2 = 3 asks exactly 3', () => {
    const r = run(eu({ cohorts: [cohort('a', 10, 0.25)], sanctions: [sanction('eu.trade', 1.5)], prisonersPerWeight: 2 }));
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', pkg({ a: 3 }, ['eu.trade'])))]);
    expect(r.deal!.released).toBe(3);
  });

  it('R14 off: urgency 0.5 is ignored, relief 4 × 1 pays for all 4 asked (cost 4) on the opening', () => {
    const s = eu({ urgency: 0.5, rules: { R14: false } });
    const r = run(s);
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', pkg({ a: 4 }, ['eu.trade'])))]);
    expect(r.deal).toMatchObject({ released: 4, byRoute: { lithuania: 4 }, lifted: ['eu.trade'] });
    expect(state(r.world).held).toEqual({ a: 6 });
  });
});

describe('which sanction Brussels offers: the one worth most to Minsk, ties by id', () => {
  // Listed eu.a (1), eu.c (2), eu.b (2), eu.potash (potash, 3), eu.gone (lifted, 16), us.big (32).
  const sanctions = [
    sanction('eu.a', 1), sanction('eu.c', 2), sanction('eu.b', 2), sanction('eu.potash', 3, { kind: 'potash' }),
    sanction('eu.gone', 16, { status: 'lifted' }), sanction('us.big', 32),
  ];
  const choose = (rules: RuleSwitches) => eu({ cohorts: [cohort('a', 10, 0.25)], sanctions, prisonersPerWeight: 0.75, rules });

  it('R08 on: potash is worth 3 × 0.6 = 1.8 overland, so eu.b and eu.c tie at 2 and eu.b goes first', () => {
    expect(3 * POTASH_USABILITY.euOverland).toBeLessThan(2);
    // eu.b: asks ceil(2 × 0.75) = ceil(1.5) = 2, costing 0.5 <= 2.
    const r = run(choose({}));
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', pkg({ a: 2 }, ['eu.b'])))]);
    expect(r.deal).toMatchObject({ lifted: ['eu.b'], released: 2 });
    expect(state(r.world).sanctions).toEqual({
      'eu.a': 'active -', 'eu.c': 'active -', 'eu.b': 'lifted 2025-12', 'eu.potash': 'active -', 'eu.gone': 'lifted -', 'us.big': 'active -',
    });
  });

  it('R08 off: potash counts at its weight 3 and is offered; the ask follows its weight, ceil(3 × 0.75) = 3', () => {
    const r = run(choose({ R08: false }));
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', pkg({ a: 3 }, ['eu.potash'])))]);
    expect(r.deal).toMatchObject({ lifted: ['eu.potash'], released: 3 });
  });
});

describe('the counter: Brussels takes at least acceptShare of its ask', () => {
  // eu.trade weight 4, 1 per point: asks a:4 at 1 each (cost 4); acceptShare 0.5: the bar is 2.
  it('urgency 0.5: relief buys 4 × 0.5 = 2 people; 2 >= 4 × 0.5, Brussels accepts the counter', () => {
    const s = eu({ urgency: 0.5 });
    const r = run(s);
    expect(r.offers).toEqual([
      expect.objectContaining(opening('counter', pkg({ a: 4 }, ['eu.trade']))),
      expect.objectContaining(counter('accept', pkg({ a: 2 }, ['eu.trade']))),
    ]);
    // The reason names the bar, ceil(4 × 0.5) = 2.
    expect(r.offers[1]!.reason).toContain('bar of 2');
    expect(r.deal).toEqual({
      track: 'eu-belarus', parties: ['eu', 'belarus'], package: pkg({ a: 2 }, ['eu.trade']), released: 2,
      byRoute: { lithuania: 2 }, routed: [{ id: 'a', count: 2, route: 'lithuania' }],
      lifted: ['eu.trade'], rules: ['R01', 'R03', 'R08'], summary: expect.stringContaining('eu.trade'),
    });
    expect(state(r.world)).toEqual({
      named: {}, sanctions: { 'eu.trade': 'lifted 2025-12' }, held: { a: 8 },
      releasedByRoute: { lithuania: 2, ukraine: 0, poland: 0, home: 0, served: 0 }, releasedByCohort: { a: 2 },
    });
  });

  it('urgency 0.25: relief buys 4 × 0.25 = 1 person; 1 < 2, Brussels walks', () => {
    const s = eu({ urgency: 0.25 });
    const r = run(s);
    expect(r.offers).toEqual([
      expect.objectContaining(opening('counter', pkg({ a: 4 }, ['eu.trade']))),
      expect.objectContaining(counter('walk', pkg({ a: 1 }, ['eu.trade']))),
    ]);
    expect(r.offers[1]!.reason).toContain('bar of 2');
    untouched(r, s.world);
  });

  it('a bar between whole numbers: 2 given against 4 × 0.625 = 2.5 is short, Brussels walks', () => {
    const s = eu({ urgency: 0.5, acceptShare: 0.625 });
    const r = run(s);
    expect(r.offers.map((o) => [o.exchange, o.package.headcount, o.answer])).toEqual([[1, 4, 'counter'], [2, 2, 'walk']]);
    untouched(r, s.world);
  });

  it('urgency 0.125: relief worth 0.5 buys nobody at 1 each; one offer, answered walk', () => {
    const s = eu({ urgency: 0.125 });
    const r = run(s);
    expect(r.offers).toEqual([expect.objectContaining(opening('walk', pkg({ a: 4 }, ['eu.trade'])))]);
    untouched(r, s.world);
  });

  it('R08 decides what potash relief buys: weight 4 off ⇒ all 4 given on the opening', () => {
    const r = run(eu({ sanctions: [sanction('eu.potash', 4, { kind: 'potash' })], rules: { R08: false } }));
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', pkg({ a: 4 }, ['eu.potash'])))]);
    expect(r.deal).toMatchObject({ released: 4, lifted: ['eu.potash'] });
  });

  it('R08 on ⇒ 4 × 0.6 = 2.4 buys 2 at 1 each (3 > 2.4); 2 >= 4 × 0.5, accepted', () => {
    expect(4 * POTASH_USABILITY.euOverland).toBeGreaterThanOrEqual(2);
    expect(4 * POTASH_USABILITY.euOverland).toBeLessThan(3);
    const s = eu({ sanctions: [sanction('eu.potash', 4, { kind: 'potash' })] });
    const r = run(s);
    expect(r.offers).toEqual([
      expect.objectContaining(opening('counter', pkg({ a: 4 }, ['eu.potash']))),
      expect.objectContaining(counter('accept', pkg({ a: 2 }, ['eu.potash']))),
    ]);
    expect(r.deal).toMatchObject({ released: 2, lifted: ['eu.potash'], byRoute: { lithuania: 2 } });
    expect(state(r.world).held).toEqual({ a: 8 });
  });
});

describe('where the freed go (R05)', () => {
  it('with R05 on and relations escalating, 3 of 4 go to Ukraine and a named person by a draw', () => {
    // Hostility 0.75 > escalation 0.5: spite. Draws: impulse 0.5 (not < 0.25, no impulse), then n's
    // route 0.5 < spiteShare 0.75 ⇒ Ukraine. Cohort a:4 splits round(4 × 0.75) = 3 to Ukraine, 1 to
    // Lithuania. Ask: eu.trade 4 × 1.25 per point = 5 ⇒ a:4 then n:1 (both 0.5; 'a' < 'n'),
    // costing 2.5 <= 4; n is a top prisoner matched by the item (4 >= 0.5 × topMatch 1).
    const s = eu({
      cohorts: [cohort('a', 4, 0.5)],
      named: [{ id: 'n', name: 'N', belarusCost: 0.5 }],
      prisonersPerWeight: 1.25,
      world: { hostility: { lithuania: 0.75 } },
      belarus: { escalationHostility: 0.5, impulse: 0.25, spiteShare: 0.75, topMatch: 1 },
      rules: { R05: true },
    });
    const r = run(s, [0.5, 0.5]);
    expect(r.offers).toEqual([expect.objectContaining(opening('accept', pkg({ a: 4, n: 1 }, ['eu.trade'])))]);
    expect(r.deal).toMatchObject({
      released: 5, byRoute: { ukraine: 4, lithuania: 1 },
      routed: [{ id: 'a', count: 3, route: 'ukraine' }, { id: 'a', count: 1, route: 'lithuania' }, { id: 'n', count: 1, route: 'ukraine' }],
      lifted: ['eu.trade'],
    });
    expect(r.deal!.rules).toEqual(['R01', 'R03', 'R08', 'R05']);
    expect(state(r.world)).toEqual({
      named: { n: 'released ukraine 2025-12' }, sanctions: { 'eu.trade': 'lifted 2025-12' }, held: { a: 0 },
      releasedByRoute: { lithuania: 1, ukraine: 4, poland: 0, home: 0, served: 0 }, releasedByCohort: { a: 4, n: 1 },
    });
    expect(r.drawn).toBe(2);
    expect(r.deal!.summary).toContain('4 to ukraine, 1 to lithuania');
  });

  it('a laureate freed by the EU is routed like anyone else: R04 binds only when the US is a party', () => {
    // As above with n a laureate: its draw 0.5 < 0.75 still sends it to Ukraine, and R04 is not cited.
    const s = eu({
      cohorts: [cohort('a', 4, 0.5)],
      named: [{ id: 'n', name: 'N', belarusCost: 0.5, laureate: true }],
      prisonersPerWeight: 1.25,
      world: { hostility: { lithuania: 0.75 } },
      belarus: { escalationHostility: 0.5, impulse: 0.25, spiteShare: 0.75, topMatch: 1 },
      rules: { R05: true },
    });
    const r = run(s, [0.5, 0.5]);
    expect(r.deal!.routed).toContainEqual({ id: 'n', count: 1, route: 'ukraine' });
    expect(r.deal!.rules).not.toContain('R04');
  });
});
