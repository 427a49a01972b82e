import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { meanReleased, runs, scenario } from '../support/scenarios.js';
import { usWillingness } from '../../src/rules/us-valuation.js';
import { createWorld } from '../../src/world/create.js';
import { setTalks } from '../../src/world/recipes.js';

const s = scenario();

describeRule('R13', () => {
  it('makes the US keener as talks advance and less keen when they fail', () => {
    const w = createWorld(s);
    const at = (t: 'advancing' | 'stalled' | 'failed') => usWillingness(setTalks(w, t), s.agents.us, {});
    expect(at('advancing')).toBeGreaterThan(at('stalled'));
    expect(at('stalled')).toBeGreaterThan(at('failed'));
    expect(usWillingness(setTalks(w, 'failed'), s.agents.us, { R13: false })).toBe(usWillingness(w, s.agents.us, { R13: false }));
  });

  it('advancing talks free more than stalled, failed talks fewer', () => {
    const base = meanReleased(runs(scenario('base'), 40));
    expect(meanReleased(runs(scenario('peace-talks-advance'), 40))).toBeGreaterThan(base);
    expect(meanReleased(runs(scenario('peace-talks-fail'), 40))).toBeLessThan(base);
  });

  it('failed talks can end the dialogue outright', () => {
    const rs = runs(scenario('peace-talks-fail', { agents: { us: { stopOnFailure: 1 } } }), 20);
    expect(rs.every((r) => r.months[0]!.world.agents.us === 'disengaged' || r.months[0]!.talks !== 'failed')).toBe(true);
  });
});
