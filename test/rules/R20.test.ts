import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { mean, runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';

describeRule('R20', () => {
  it('Minsk pardons about the pardon rate a month, outside any deal, and they go home', () => {
    // R25 off: sentences served are released outside deals too, and counted in `pardoned`.
    const rs = runs(scenario('base', { rules: { R19: false, R25: false } }), 40);
    const perMonth = mean(rs.map((r) => r.outcome.pardoned)) / 12;
    expect(perMonth).toBeGreaterThan(21 * 0.9);
    expect(perMonth).toBeLessThan((21 + 5) * 1.1);
    for (const r of rs) {
      const pardons = changesOf(r, 'pardon');
      expect(pardons.reduce((n, c) => n + c.numbers.count!, 0)).toBe(r.outcome.pardoned);
      for (const c of pardons) for (const p of c.people) expect(p.route).toBe('home');
      // Never a deal: waves' releases and pardons add up to everything released.
      expect(r.outcome.waves.reduce((n, w) => n + w.released, 0) + r.outcome.pardoned).toBe(r.outcome.prisonersReleased);
      expect(r.outcome.deals).toBe(r.months.reduce((n, m) => n + m.deals.length, 0));
    }
  });

  it('pardons more, as a signal, in a month an envoy visits', () => {
    const rs = runs(scenario('base', { agents: { belarus: { pardonRate: 0, signalPardon: 50 } } }), 40);
    let visiting = 0;
    for (const r of rs) for (const m of r.months) {
      const pardoned = m.changes.filter((c) => c.kind === 'pardon').reduce((n, c) => n + c.numbers.count!, 0);
      if (m.moves.some((x) => x.agent === 'us' && x.to === 'visiting')) { if (pardoned > 0) visiting += 1; } else expect(pardoned).toBe(0);
    }
    expect(visiting).toBeGreaterThan(10);
  });

  it('switched off, nobody is pardoned outside a deal', () => {
    for (const r of runs(scenario('base', { rules: { R20: false, R25: false } }), 20)) {
      expect(r.outcome.pardoned).toBe(0);
      expect(changesOf(r, 'pardon')).toEqual([]);
    }
  });
});
