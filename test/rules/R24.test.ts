import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { mean, runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { createWorld } from '../../src/world/create.js';
import { createRng } from '../../src/simulation/rng.js';
import { runEuTrack } from '../../src/negotiation/eu-track.js';
import { runLithuaniaTrack } from '../../src/negotiation/lithuania-track.js';
import { distrustMarkup } from '../../src/rules/trust.js';

describeRule('R24', () => {
  it('trust rises with each batch kept and each payment made', () => {
    const rs = runs(scenario('base', { rules: { R22: false } }), 30);
    let steps = 0;
    for (const r of rs) {
      let before = scenario('base').world.trust;
      for (const c of [...changesOf(r, 'payment'), ...changesOf(r, 'batch')].sort((a, b) => a.month.localeCompare(b.month))) {
        expect(c.numbers.trust!).toBeCloseTo(Math.min(1, before + 0.1), 9);
        before = c.numbers.trust!;
        steps += 1;
      }
    }
    expect(steps).toBeGreaterThan(10);
  });

  it('trust falls when a side reneges, and a US that trusts less buys fewer people per item', () => {
    const broken = runs(scenario('base', { agents: { belarus: { renege: { base: 1, talksFailed: 0, distrust: 0 } } } }), 30);
    for (const r of broken) for (const c of changesOf(r, 'renege')) expect(r.months.find((m) => m.month === c.month)!.world.trust).toBeCloseTo(Math.max(0, c.numbers.trustBefore! - 0.35), 2);
    // At the start, lower trust: a smaller first US wave (the US asks more per item and Minsk gives fewer).
    const first = (trust: number) => mean(runs(scenario('base', { world: { trust }, rules: { R21: false } }), 40).map((r) => r.outcome.waves.find((w) => w.track === 'us-belarus')?.released ?? 0));
    expect(first(1)).not.toBe(first(0.1));
  });

  it('switched off, trust never moves and prices nothing', () => {
    for (const r of runs(scenario('base', { rules: { R24: false } }), 20)) {
      expect(r.outcome.trust).toBe(scenario('base').world.trust);
      for (const m of r.months) expect(m.world.trust).toBe(scenario('base').world.trust);
    }
  });
  it('Brussels asks more releases per relief point, and Vilnius a higher price for Klaipėda, the less Minsk has kept its word to them', () => {
    const s = scenario('eu-joins-thaw', { rules: { R09: false } });
    const world = (eu: number, lithuania: number) => ({ ...createWorld(s), trustWith: { eu, lithuania } });
    const ctx = (w: ReturnType<typeof world>, rules = s.rules) => ({ world: w, scenario: s, rules, rng: createRng(1) });
    const euAsk = (w: ReturnType<typeof world>, rules = s.rules) => runEuTrack(ctx(w, rules)).offers[0]!;
    const full = euAsk(world(1, 1));
    const weight = s.world.sanctions.find((x) => x.id === full.package.relief[0])!.weight;
    expect(full.package.headcount).toBe(Math.ceil(weight * s.agents.eu.prisonersPerWeight));
    // Half the trust: 1 + 0.5 × 0.5 = 1.25 times the releases per point.
    expect(euAsk(world(0.5, 1)).package.headcount).toBe(Math.ceil(weight * s.agents.eu.prisonersPerWeight * 1.25));
    expect(euAsk(world(0.5, 1), { ...s.rules, R24: false }).package.headcount).toBe(full.package.headcount);
    const ltPrice = (w: ReturnType<typeof world>, rules = s.rules) => runLithuaniaTrack(ctx(w, rules)).offers[0]!.reservations.lithuania!;
    const base = s.agents.lithuania.transitPrice * (1 + createWorld(s).relations.lithuania.hostility);
    expect(ltPrice(world(1, 1))).toBeCloseTo(base, 12);
    expect(ltPrice(world(1, 0))).toBeCloseTo(base * 1.5, 12);
    expect(ltPrice(world(1, 0), { ...s.rules, R24: false })).toBeCloseTo(base, 12);
    expect(distrustMarkup(world(0.2, 1), 'eu', 0.5, s.rules)).toBeCloseTo(1.4, 12);
    expect(distrustMarkup(world(0.2, 1), 'lithuania', 0.5, s.rules)).toBe(1);
  });
});
