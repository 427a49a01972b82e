import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allEvents, runs, scenario } from '../support/scenarios.js';

describeRule('R10', () => {
  it('raises Lithuania\'s hostility with every incident', () => {
    const rs = runs(scenario('base', { world: { hostility: { lithuania: 0.2 }, confiscationThreat: false } }), 20, 6);
    for (const r of rs) {
      let last = 0.2;
      for (const m of r.months) {
        const incidents = m.events.filter((e) => e.kind === 'incident').length;
        if (incidents > 0 && m.world.balloons) expect(m.world.hostilityLithuania).toBeGreaterThan(last - 1e-9);
        last = m.world.hostilityLithuania;
      }
    }
    expect(allEvents(rs).filter((e) => e.kind === 'incident').length).toBeGreaterThan(10);
  });

  it('brings the confiscation threat once hostility crosses the threshold', () => {
    const rs = runs(scenario('base', { world: { hostility: { lithuania: 0.6 }, confiscationThreat: false }, agents: { belarus: { balloonChance: 1 }, us: { visitChance: 0 } } }), 10);
    for (const r of rs) expect(r.months.some((m) => m.world.confiscationThreat)).toBe(true);
  });

  it('switched off, no incidents and no new threat', () => {
    const rs = runs(scenario('base', { world: { confiscationThreat: false }, rules: { R10: false } }), 20);
    expect(allEvents(rs).some((e) => e.kind === 'incident')).toBe(false);
    expect(rs.some((r) => r.months.some((m) => m.world.confiscationThreat))).toBe(false);
  });
});
