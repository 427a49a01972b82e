import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';

const euLifted = (r: { outcome: { sanctions: Record<string, string> } }) =>
  Object.entries(r.outcome.sanctions).some(([id, s]) => id.startsWith('eu.') && s === 'lifted');

describeRule('R12', () => {
  it('keeps every EU sanction in force while it holds, even after big waves', () => {
    const rs = [...runs(scenario('base'), 25), ...runs(scenario('peace-talks-advance', { agents: { eu: { releaseThreshold: 0, reviewChance: 1 } } }), 25)];
    expect(rs.some((r) => r.outcome.prisonersReleased > 200)).toBe(true);
    expect(rs.some(euLifted)).toBe(false);
    expect(rs.every((r) => r.months.every((m) => m.world.agents.eu === 'abstaining'))).toBe(true);
  });

  it('switched off, the EU trades relief for releases in most runs', () => {
    const rs = runs(scenario('eu-joins-thaw'), 30);
    expect(rs.filter(euLifted).length).toBeGreaterThan(20);
  });
});
