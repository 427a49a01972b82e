import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';

describeRule('R23', () => {
  it('some of those freed at home are jailed again, never more than were at home', () => {
    const rs = runs(scenario('base', { agents: { belarus: { rearrestChance: 0.2 } }, rules: { R22: false } }), 30);
    for (const r of rs) {
      expect(r.outcome.prisonersRearrested).toBeGreaterThan(0);
      expect(r.outcome.prisonersRearrested).toBeLessThanOrEqual(r.outcome.releasedByRoute.home);
      let home = 0;
      let again = 0;
      for (const m of r.months) {
        again += m.changes.filter((c) => c.kind === 'rearrest').reduce((n, c) => n + c.numbers.count!, 0);
        home = m.world.releasedByRoute.home;
        expect(again).toBeLessThanOrEqual(home);
      }
      expect(changesOf(r, 'rearrest').every((c) => c.rules.includes('R23'))).toBe(true);
    }
  });

  it('the more likely, the more are jailed again', () => {
    const total = (chance: number) => runs(scenario('base', { agents: { belarus: { rearrestChance: chance } }, rules: { R22: false } }), 30).reduce((n, r) => n + r.outcome.prisonersRearrested, 0);
    expect(total(0.1)).toBeGreaterThan(total(0.01));
    expect(total(0)).toBe(0);
  });

  it('switched off, nobody freed at home is jailed again', () => {
    for (const r of runs(scenario('base', { rules: { R23: false, R22: false }, agents: { belarus: { rearrestChance: 0.5 } } }), 20)) expect(r.outcome.prisonersRearrested).toBe(0);
  });
});
