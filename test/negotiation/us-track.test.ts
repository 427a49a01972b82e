/**
 * The US–Belarus track on tiny hand-made worlds, each number pinned at its boundary. The US
 * opens with its heaviest item that everyone held would pay for (R06), asking for people of
 * profile up to its reservation × markup; Minsk accepts what the relief (× its mood and urgency,
 * R14) pays for, or counters with as much as it does, plus side offers (R16); the US takes a
 * counter worth its reservation, else trims its relief or walks. A keen US with the talks
 * advancing offers everything for everyone when emptying the prisons is worth it (R15).
 *
 * Unless a test says otherwise: cohort a (8 held, profile 0.25, cost 0.25) and b (16 held,
 * profile 0.125, cost 0.125), so everyone held is worth 8 × 0.25 + 16 × 0.125 = 4 to the US;
 * US relief us.big (weight 4) and us.small (weight 2); interest 1, talks stalled (factor 1), a
 * relief point costs the US 0.25 and it asks exactly its reservation (markup 1), so us.big's
 * reservation is 4 × 0.25 = 1. Minsk: scarcity 0 (a release costs its belarusCost), urgency 1,
 * the mood draw 0.5 (no swing), R05 off (no route draws). Dyadic numbers keep floats exact.
 */
import { describe, expect, it } from 'vitest';
import { runUsTrack } from '../../src/negotiation/us-track.js';
import type { TrackContext } from '../../src/negotiation/context.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import type { World } from '../../src/world/types.js';
import { packageOf, runTrack, setup, type Setup, type WorldIn } from './support.js';

type Opts = {
  cohorts?: Record<string, unknown>[];
  named?: Record<string, unknown>[];
  sanctions?: Record<string, unknown>[];
  talks?: World['talks'];
  interest?: number;
  us?: Record<string, unknown>;
  belarus?: Record<string, unknown>;
  rules?: RuleSwitches;
};

const cohort = (id: string, held: number, usProfile: number, belarusCost: number) => ({ id, label: id, held, usProfile, belarusCost });
const A = cohort('a', 8, 0.25, 0.25);
const B = cohort('b', 16, 0.125, 0.125);
const sanction = (id: string, weight: number) => ({ id, label: id, weight });

function us(o: Opts = {}): Setup {
  return setup({
    world: {
      talks: o.talks ?? 'stalled',
      usInterest: o.interest ?? 1,
      cohorts: (o.cohorts ?? [A, B]) as WorldIn['cohorts'],
      named: (o.named ?? []) as WorldIn['named'],
      sanctions: (o.sanctions ?? [sanction('us.big', 4), sanction('us.small', 2)]) as WorldIn['sanctions'],
    },
    agents: {
      us: { pricePerWeight: 0.25, askMarkup: 1, sideOfferWeight: 0.25, massReleaseBonus: 0, ...o.us },
      belarus: { scarcity: 0, moodSwing: 0.5, escalationHostility: 0.5, spiteShare: 0.75, impulse: 0.25, calmingChance: 0.5, ...o.belarus },
    },
    rules: { R05: false, ...o.rules },
  });
}

/** Runs the track (traced and quiet, see support.ts); `escalating` is Minsk's balloon posture. */
const run = (given: Setup, draws: readonly number[] = [0.5], escalating = false) =>
  runTrack((ctx: TrackContext) => runUsTrack(ctx, escalating), given, draws);

const pkg = (releases: Record<string, number>, relief: string[], sideOffers: string[] = []) => packageOf(releases, { relief, sideOffers });
// The numbers every record carries are checked on their own below ('the numbers in the trace').
const numbers = (answer: string) => ({
  values: expect.any(Object), reservations: expect.any(Object), ...(answer === 'walk' ? { blockedBy: expect.any(Object) } : {}),
});
const fromUs = (exchange: number, kind: 'offer' | 'counter', p: object, answer: string, rules: string[]) =>
  ({ track: 'us-belarus', exchange, from: 'us', to: 'belarus', kind, package: p, answer, reason: expect.any(String), why: expect.objectContaining({ code: expect.any(String) }), rules, ...numbers(answer) });
const fromMinsk = (exchange: number, p: object, answer: string, rules: string[]) =>
  ({ track: 'us-belarus', exchange, from: 'belarus', to: 'us', kind: 'counter', package: p, answer, reason: expect.any(String), why: expect.objectContaining({ code: expect.any(String) }), rules, ...numbers(answer) });
const OPEN = ['R06', 'R13', 'R03', 'R08'];
const COUNTER = ['R03', 'R06', 'R13', 'R16'];
const held = (w: World) => Object.fromEntries(w.cohorts.map((c) => [c.id, c.held]));
const statuses = (w: World) => Object.fromEntries(w.sanctions.map((s) => [s.id, s.status]));

describe('nothing to trade', () => {
  it('nobody held, or no US relief left: no offers, no draw', () => {
    for (const s of [us({ cohorts: [cohort('a', 0, 0.25, 0.25)] }), us({ sanctions: [sanction('eu.trade', 4)] })]) {
      const r = run(s, []);
      expect(r.offers).toEqual([]);
      expect(r.deal).toBeNull();
      expect(r.events).toBeUndefined();
      expect(r.world).toBe(s.world);
    }
  });
});

describe('the opening ask and Minsk accepting it', () => {
  it('asks 1 / 0.25 = 4 of a for us.big, which costs Minsk 4 × 0.25 = 1 <= 4: accepted', () => {
    const s = us();
    const r = run(s);
    expect(r.drawn).toBe(1);
    expect(r.offers).toEqual([fromUs(1, 'offer', pkg({ a: 4 }, ['us.big']), 'accept', OPEN)]);
    expect(r.deal).toEqual({
      track: 'us-belarus', parties: ['us', 'belarus'], package: pkg({ a: 4 }, ['us.big']), released: 4,
      byRoute: { lithuania: 4 }, routed: [{ id: 'a', count: 4, route: 'lithuania' }], lifted: ['us.big'],
      rules: ['R01', 'R02', 'R03'], summary: expect.any(String),
    });
    expect(held(r.world)).toEqual({ a: 4, b: 16 });
    expect(statuses(r.world)).toEqual({ 'us.big': 'lifted', 'us.small': 'active' });
  });

  it('the markup scales the ask: 1 × 1.5 / 0.25 = 6', () => {
    expect(run(us({ us: { askMarkup: 1.5 } })).deal!.package.releases).toEqual({ a: 6 });
  });

  it('an ask past one cohort runs into the next: 2.5 buys all 8 of a (2), then 0.5 / 0.125 = 4 of b', () => {
    expect(run(us({ us: { askMarkup: 2.5 } })).deal!.package.releases).toEqual({ a: 8, b: 4 });
  });

  it('people by profile and relief by weight, however the scenario lists them', () => {
    const r = run(us({ cohorts: [B, A], sanctions: [sanction('us.small', 2), sanction('us.big', 4)], us: { askMarkup: 2.5 } }));
    expect(Object.keys(r.offers[0]!.package.releases)).toEqual(['a', 'b']);
    expect(r.offers[0]!.package.relief).toEqual(['us.big']);
  });

  it('equal weights: the item first by id is offered', () => {
    const r = run(us({ sanctions: [sanction('us.b', 4), sanction('us.a', 4)] }));
    expect(r.offers[0]!.package.relief).toEqual(['us.a']);
  });

  it('Minsk\'s mood scales its budget by 1 + (2 × draw − 1) × moodSwing: draw 0.75, swing 0.25 ⇒ × 1.125', () => {
    // urgency 0.125: us.big is worth 4 × 0.125 × 1.125 = 0.5625 to Minsk, which buys 2 of a (0.5), not 3.
    const r = run(us({ belarus: { urgency: { stalled: 0.125 }, moodSwing: 0.25 } }), [0.75]);
    expect(r.offers[1]!.package.releases).toEqual({ a: 2 });
    // swing 0.5: × 1.25 = 0.625, still 2; the same draw with no swing: 0.5, 2 as well; at 0.25 × 4 × 1.125 = 1.125 all 4 asked.
    expect(run(us({ belarus: { urgency: { stalled: 0.25 }, moodSwing: 0.25 } }), [0.75]).offers.map((o) => o.answer)).toEqual(['accept']);
  });

  it('Minsk\'s mood: draw 0.5 leaves urgency 0.25 × 4 = 1 just enough for the ask of cost 1; a draw below it is not', () => {
    const s = us({ belarus: { urgency: { stalled: 0.25 } } });
    expect(run(s, [0.5]).offers.map((o) => o.answer)).toEqual(['accept']);
    // keen = 0.25 × (1 + (2(0.5 − 2⁻⁸) − 1) × 0.5) = 0.25 × (1 − 2⁻⁸): budget 1 − 2⁻⁸ buys 3.
    const low = run(s, [0.5 - 2 ** -8]);
    expect(low.offers.slice(0, 2).map((o) => [o.from, o.answer, o.package.headcount])).toEqual([['us', 'counter', 4], ['belarus', 'accept', 3]]);
  });
});

describe('Minsk counters; Washington weighs the counter against its reservation', () => {
  // Urgency 0.125: us.big is worth 4 × 0.125 = 0.5 to Minsk, which buys 2 of a.
  const stingy = (o: Opts = {}) => us({ ...o, belarus: { urgency: { stalled: 0.125 } }, us: { ...o.us } });

  it('2 of a (0.5) and two side offers (2 × 0.25) are worth exactly the reservation 1: accepted', () => {
    const r = run(stingy());
    expect(r.offers).toEqual([
      fromUs(1, 'offer', pkg({ a: 4 }, ['us.big']), 'counter', OPEN),
      fromMinsk(2, pkg({ a: 2 }, ['us.big'], ['putin', 'maduro']), 'accept', COUNTER),
    ]);
    expect(r.deal!.rules).toEqual(['R01', 'R02', 'R03', 'R16']);
    expect(r.deal!.package.sideOffers).toEqual(['putin', 'maduro']);
    expect(r.deal!.released).toBe(2);
  });

  it('worth a hair less, Washington moves to us.small (reservation 0.5), where 1 of a and the side offers clear it', () => {
    // Exchange 2: Minsk values us.small at 2 × 0.125 = 0.25, one of a; 0.25 + 2 × (0.25 − 2⁻⁸) >= 0.5.
    const r = run(stingy({ us: { sideOfferWeight: 0.25 - 2 ** -8 } }));
    const both = ['putin', 'maduro'];
    expect(r.offers).toEqual([
      fromUs(1, 'offer', pkg({ a: 4 }, ['us.big']), 'counter', OPEN),
      fromMinsk(2, pkg({ a: 2 }, ['us.big'], both), 'counter', COUNTER),
      fromUs(3, 'counter', pkg({ a: 2 }, ['us.small']), 'counter', OPEN),
      fromMinsk(4, pkg({ a: 1 }, ['us.small'], both), 'accept', COUNTER),
    ]);
    expect(r.deal!.lifted).toEqual(['us.small']);
    expect(statuses(r.world)).toEqual({ 'us.big': 'active', 'us.small': 'lifted' });
  });

  it('R16 off: no side offers, 0.5 < 1 and then 0.25 < 0.5, and with no item left Washington walks', () => {
    const r = run(stingy({ rules: { R16: false } }));
    expect(r.offers).toEqual([
      fromUs(1, 'offer', pkg({ a: 4 }, ['us.big']), 'counter', OPEN),
      fromMinsk(2, pkg({ a: 2 }, ['us.big']), 'counter', ['R03', 'R06', 'R13']),
      fromUs(3, 'counter', pkg({ a: 2 }, ['us.small']), 'counter', OPEN),
      fromMinsk(4, pkg({ a: 1 }, ['us.small']), 'walk', ['R03', 'R06', 'R13']),
    ]);
    expect(r.deal).toBeNull();
  });

  it('Minsk walks when the relief buys nobody; Washington tries the next item, then has none', () => {
    // Urgency 2⁻⁶: us.big is worth 4 / 64 = 0.0625 to Minsk, less than one of a (0.25).
    const s = us({ belarus: { urgency: { stalled: 2 ** -6 } } });
    const r = run(s);
    expect(r.offers).toEqual([
      fromUs(1, 'offer', pkg({ a: 4 }, ['us.big']), 'walk', OPEN),
      fromUs(2, 'counter', pkg({ a: 2 }, ['us.small']), 'walk', OPEN),
    ]);
    expect(r.deal).toBeNull();
    expect(r.world).toBe(s.world);
  });

  it('the visit ends after `exchanges` offers', () => {
    const r = run(us({ belarus: { urgency: { stalled: 2 ** -6 } }, us: { exchanges: 1 } }));
    expect(r.offers.map((o) => o.exchange)).toEqual([1]);
  });

  it('at the last exchange a counter below the reservation ends the visit: Washington walks, though us.small is left', () => {
    const r = run(us({ belarus: { urgency: { stalled: 0.125 } }, us: { exchanges: 1 }, rules: { R16: false } }));
    expect(r.offers.map((o) => [o.from, o.answer])).toEqual([['us', 'counter'], ['belarus', 'walk']]);
  });

  it('a later US offer that Minsk takes is a counter, not an opening', () => {
    // us.fert (weight 8, potash, R08): alone it is worth 8 × 0.2 = 1.6 to Minsk, less than the
    // 8 of a asked (cost 2); Minsk's 6 of a are worth 1.5 < the reservation 2 (R16 off). us.small
    // (reservation 0.5, ask 2 of a costing 0.5 <= 2) is then taken.
    const r = run(us({ sanctions: [{ ...sanction('us.fert', 8), kind: 'potash' }, sanction('us.small', 2)], rules: { R16: false } }));
    expect(r.offers).toEqual([
      fromUs(1, 'offer', pkg({ a: 8 }, ['us.fert']), 'counter', OPEN),
      fromMinsk(2, pkg({ a: 6 }, ['us.fert']), 'counter', ['R03', 'R06', 'R13']),
      fromUs(3, 'counter', pkg({ a: 2 }, ['us.small']), 'accept', OPEN),
    ]);
  });

  it('Minsk values an item without the Klaipėda transit it does not get (R08)', () => {
    // US potash (weight 4) already lifted counts at 4 × 0.2: lifting us.big adds 4, not the 3.2
    // more that transit would unlock. Urgency 0.125: budget 0.5 buys 2 of a, not 4 at 0.9.
    const lifted = { ...sanction('us.potash', 4), kind: 'potash', status: 'lifted' };
    const r = run(us({ sanctions: [sanction('us.big', 4), sanction('us.small', 2), lifted], belarus: { urgency: { stalled: 0.125 } } }));
    expect(r.offers[1]!.package.releases).toEqual({ a: 2 });
    // A top prisoner x (cost 4.5 to Minsk, profile 8) is matched only by an item worth 4.5: us.big
    // is worth 4 without transit, so x is not in Minsk's counter (with transit it would be 7.2).
    const x = { id: 'x', name: 'X', usProfile: 8, belarusCost: 4.5 };
    const top = run(us({ named: [x], sanctions: [sanction('us.big', 4), lifted], belarus: { urgency: { stalled: 2 } }, us: { askMarkup: 1 } }));
    expect(Object.keys(top.offers[0]!.package.releases)).toEqual(['x']);
    expect(top.offers[0]!.answer).toBe('walk');
  });
});

describe('R06: no item the US could not recover in releases', () => {
  it('an item whose reservation equals the worth of everyone held (4 × 1 = 4) is still offered', () => {
    const r = run(us({ us: { pricePerWeight: 1, askMarkup: 1 } }));
    expect(r.offers[0]!.package.relief).toEqual(['us.big']);
  });

  it('a hair dearer, us.big is skipped and us.small opens', () => {
    const r = run(us({ us: { pricePerWeight: 1 + 2 ** -8 } }));
    expect(r.offers[0]!.package.relief).toEqual(['us.small']);
  });

  it('when no item is payable the envoy puts nothing on the table, says why, and draws nothing', () => {
    // us.small's reservation 2 × 2.5 = 5 > 4.
    const s = us({ us: { pricePerWeight: 2.5 }, sanctions: [sanction('us.big', 4), sanction('us.mid', 3), sanction('us.small', 2)] });
    const r = run(s, []);
    expect(r.offers).toEqual([]);
    expect(r.deal).toBeNull();
    expect(r.events).toEqual([{ kind: 'posture', actor: 'us', rules: ['R06', 'R13'], text: expect.stringContaining('worth 4.0'), fact: { code: 'us-no-bid', worth: 4, cost: 5 } }]);
    expect(r.events![0]!.text).toContain('5.0');
    expect(runUsTrack({ world: s.world, scenario: s.scenario, rules: s.scenario.rules, rng: { next: () => 0.5 }, trace: false }, false).events).toBeUndefined();
  });

  it('with no interest left nothing is payable', () => {
    expect(run(us({ interest: 0 }), []).offers).toEqual([]);
  });
});

describe('R14: after a freeze a prisoner buys less', () => {
  const frozen = (rules: RuleSwitches = {}) =>
    us({ talks: 'frozen', rules, us: { frozenPriceCut: 0.5, talksFactor: { frozen: 1 } }, belarus: { urgency: { frozen: 1 } } });

  it('each of a buys 0.25 × 0.5: the ask doubles to 8, and R14 is cited', () => {
    const r = run(frozen());
    expect(r.offers).toEqual([fromUs(1, 'offer', pkg({ a: 8 }, ['us.big']), 'accept', ['R06', 'R13', 'R14', 'R03', 'R08'])]);
  });

  it('R14 off: the frozen talks change nothing', () => {
    expect(run(frozen({ R14: false })).offers).toEqual([fromUs(1, 'offer', pkg({ a: 4 }, ['us.big']), 'accept', OPEN)]);
  });
});

describe('R15: the grand bargain', () => {
  // Talks advancing, factor and urgency 1; all relief (6) costs the US 6 × 0.25 = 1.5.
  const grand = (o: Opts = {}) => us({
    talks: 'advancing', ...o,
    us: { talksFactor: { advancing: 1 }, grandBargainInterest: 1, ...o.us },
    belarus: { urgency: { advancing: 1 }, ...o.belarus },
  });
  const GRAND = ['R15', 'R06', 'R13', 'R03', 'R08'];

  it('at interest = grandBargainInterest the US offers everything for everyone; Minsk (budget 6 >= cost 4) accepts', () => {
    const r = run(grand());
    expect(r.offers).toEqual([fromUs(1, 'offer', pkg({ a: 8, b: 16 }, ['us.big', 'us.small']), 'accept', GRAND)]);
    expect(r.deal!.rules).toEqual(['R01', 'R02', 'R03', 'R15']);
    expect(held(r.world)).toEqual({ a: 0, b: 0 });
  });

  it('below the interest bar, with R15 off, or with the talks stalled: one item at a time', () => {
    for (const s of [grand({ interest: 1 - 2 ** -8 }), grand({ rules: { R15: false } }), grand({ talks: 'stalled' })]) {
      expect(run(s).offers[0]!.package.relief).toEqual(['us.big']);
    }
  });

  it('only when emptying the prisons (4 + bonus) is worth all the relief: 6 × 0.75 = 4.5', () => {
    expect(run(grand({ us: { pricePerWeight: 0.75, massReleaseBonus: 0.5 } })).offers[0]!.rules).toContain('R15');
    expect(run(grand({ us: { pricePerWeight: 0.75, massReleaseBonus: 0.5 - 2 ** -8 } })).offers[0]!.rules).not.toContain('R15');
  });

  it('a counter to the grand bargain is an ordinary deal: 8 of a and 8 of b (3 <= budget 3), worth 3 >= 1.5, no R15', () => {
    const r = run(grand({ belarus: { urgency: { advancing: 0.5 } }, rules: { R16: false } }));
    expect(r.offers.map((o) => [o.from, o.answer, o.package.headcount])).toEqual([['us', 'counter', 24], ['belarus', 'accept', 16]]);
    expect(r.deal!.rules).toEqual(['R01', 'R02', 'R03']);
  });

  it('Washington trims the grand bargain item by item: all relief, then us.big, then us.small', () => {
    // Reservations 4.5 (all), 3 (us.big), 1.5 (us.small); Minsk's budgets 3, 2, 1 buy value 3, 2, 1.
    const r = run(grand({ belarus: { urgency: { advancing: 0.5 } }, rules: { R16: false }, us: { pricePerWeight: 0.75, massReleaseBonus: 1 } }));
    expect(r.offers.map((o) => [o.from, o.answer, o.package.relief.join('+'), o.package.headcount])).toEqual([
      ['us', 'counter', 'us.big+us.small', 24], ['belarus', 'counter', 'us.big+us.small', 16],
      ['us', 'counter', 'us.big', 24], ['belarus', 'counter', 'us.big', 8],
      ['us', 'counter', 'us.small', 24], ['belarus', 'walk', 'us.small', 4],
    ]);
    expect(r.deal).toBeNull();
  });

  it('trimming drops the smallest item of the bundle first: three items, then two', () => {
    // Reservations 6.75 (all 9 points), 5.25 (us.big + us.mid), 3 (us.big); at urgency 0.25
    // Minsk's budgets 2.25, 1.75, 1 buy value 2.25, 1.75, 1, below each; everyone held is worth
    // 4 + bonus 3 = 7 >= 6.75, so the grand bargain is offered.
    const r = run(grand({ sanctions: [sanction('us.big', 4), sanction('us.mid', 3), sanction('us.small', 2)],
      belarus: { urgency: { advancing: 0.25 } }, rules: { R16: false }, us: { pricePerWeight: 0.75, massReleaseBonus: 3 } }));
    expect(r.offers.filter((o) => o.from === 'us').map((o) => o.package.relief.join('+'))).toEqual(['us.big+us.mid+us.small', 'us.big+us.mid', 'us.big']);
  });

  it('a top prisoner is matched against the largest item of the package (R03), not the smallest', () => {
    // x costs Minsk 3: us.big (4) matches it, us.small (2) would not.
    const x = { id: 'x', name: 'X', usProfile: 2, belarusCost: 3 };
    const r = run(grand({ named: [x], belarus: { urgency: { advancing: 0.5 } }, rules: { R16: false } }));
    expect(r.offers[1]!.package.releases).toHaveProperty('x', 1);
  });
});

describe('after the deal: routes (R04, R05) and calm (R11)', () => {
  it('R05 on, relations escalating: round(4 × 0.75) = 3 to Ukraine, 1 to Lithuania; one impulse draw', () => {
    const r = run(us({ rules: { R05: true } }), [0.5, 0.25]);
    expect(r.drawn).toBe(2);
    expect(r.deal!.byRoute).toEqual({ ukraine: 3, lithuania: 1 });
    expect(r.deal!.summary).toContain('3 to ukraine, 1 to lithuania');
    expect(r.deal!.rules).toEqual(['R01', 'R02', 'R03', 'R05']);
  });

  it('R04: the laureate goes to Lithuania even under spite', () => {
    const lau = { id: 'lau', name: 'L', usProfile: 4, belarusCost: 0.25, laureate: true };
    const r = run(us({ rules: { R05: true }, named: [lau] }), [0.5, 0.25]);
    expect(r.deal!.routed).toContainEqual({ id: 'lau', count: 1, route: 'lithuania' });
    expect(r.deal!.rules).toEqual(['R01', 'R02', 'R03', 'R05', 'R04']);
  });

  it('R11: an escalating Minsk promises calm when the draw falls under calmingChance', () => {
    const calm = run(us(), [0.5, 0.5 - 2 ** -8], true);
    expect(calm.deal!.package.commitments).toEqual(['stop-balloons']);
    expect(calm.deal!.rules).toEqual(['R01', 'R02', 'R03', 'R11']);
    expect(calm.world.balloons).toBe(false);
    const not = run(us(), [0.5, 0.5], true);
    expect(not.deal!.package.commitments).toEqual([]);
    expect(not.world.balloons).toBe(true);
  });

  it('no calm draw when Minsk is not escalating or R11 is off', () => {
    expect(run(us(), [0.5], false).drawn).toBe(1);
    expect(run(us({ rules: { R11: false } }), [0.5], true).drawn).toBe(1);
  });
});

describe('the numbers in the trace (src/negotiation/protocol.ts)', () => {
  it('an accepted opening: 4 of a are worth 4 × 0.25 = 1 to Washington (its reservation 1); us.big is worth 4 to Minsk, the people cost it 1', () => {
    const [o] = run(us()).offers;
    expect(o!.values).toEqual({ us: 1, belarus: 4 });
    expect(o!.reservations).toEqual({ us: 1, belarus: 1 });
    expect(o!.blockedBy).toBeUndefined();
  });

  it('Washington walks from 1 of a (worth 0.25) against its reservation 0.5: a value gap of 0.25, on the record and the result', () => {
    const r = run(us({ belarus: { urgency: { stalled: 0.125 } }, rules: { R16: false } }));
    const last = r.offers[r.offers.length - 1]!;
    expect(last.values).toEqual({ belarus: 0.25, us: 0.25 });
    expect(last.reservations).toEqual({ belarus: 0.25, us: 0.5 });
    expect(last.blockedBy).toEqual({ kind: 'value-gap', party: 'us', gap: 0.25 });
    expect(r.blockedBy).toEqual(last.blockedBy);
    // The counters before it carry numbers but no cause: the talks went on.
    expect(r.offers.slice(0, -1).map((o) => o.blockedBy)).toEqual([undefined, undefined, undefined]);
  });

  it('out of exchanges with us.small still to try, the deadline ended the visit', () => {
    const r = run(us({ belarus: { urgency: { stalled: 0.125 } }, us: { exchanges: 1 }, rules: { R16: false } }));
    expect(r.offers[1]!.blockedBy).toEqual({ kind: 'deadline' });
    expect(r.blockedBy).toEqual({ kind: 'deadline' });
  });

  it('Minsk walks when us.big (4 × 2⁻⁶ = 0.0625 to it) buys nobody: the 4 asked cost 1, a gap of 0.9375', () => {
    const r = run(us({ belarus: { urgency: { stalled: 2 ** -6 } }, us: { exchanges: 1 } }));
    expect(r.offers[0]!.blockedBy).toEqual({ kind: 'value-gap', party: 'belarus', gap: 1 - 0.0625 });
    expect(r.offers[0]!.reservations.belarus).toBe(1);
    expect(r.blockedBy).toEqual(r.offers[0]!.blockedBy);
  });

  it('without a trace the cause is still returned (the sweeps count it)', () => {
    const s = us({ belarus: { urgency: { stalled: 0.125 } }, rules: { R16: false } });
    const quiet = runUsTrack({ world: s.world, scenario: s.scenario, rules: s.scenario.rules, rng: { next: () => 0.5 }, trace: false }, false);
    expect(quiet.offers).toEqual([]);
    expect(quiet.blockedBy).toEqual({ kind: 'value-gap', party: 'us', gap: 0.25 });
  });
});
