import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';

describeRule('R09', () => {
  it('keeps Klaipėda closed in every run while it holds, whatever else happens', () => {
    for (const name of ['base', 'peace-talks-advance', 'eu-joins-thaw']) {
      expect(runs(scenario(name, { agents: { lithuania: { openingHostility: 1, talkChance: 1 } } }), 25).every((r) => !r.outcome.transitOpen)).toBe(true);
    }
  });

  it('switched off, Vilnius trades transit in most runs', () => {
    const rs = runs(scenario('lithuania-opens-transit'), 40);
    expect(rs.filter((r) => r.outcome.transitOpen).length).toBeGreaterThan(20);
    for (const r of rs) {
      const deal = r.months.flatMap((m) => m.deals).find((d) => d.track === 'lithuania-belarus');
      // A staged deal (R21) opens Klaipėda only once paid, and a broken one closes it again (R22).
      const unfinished = r.outcome.waves.some((w) => w.track === 'lithuania-belarus' && w.status !== 'done');
      expect(Boolean(deal)).toBe(r.outcome.transitOpen || unfinished);
    }
  });

  it('switched off but with relations too hostile for talks, transit stays closed', () => {
    const rs = runs(scenario('lithuania-opens-transit', { agents: { lithuania: { openingHostility: 0.1 } } }), 25);
    expect(rs.every((r) => !r.outcome.transitOpen)).toBe(true);
  });
});
