import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { mean, runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';

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
});
