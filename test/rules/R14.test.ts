import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { meanReleased, runs, scenario } from '../support/scenarios.js';
import { urgency } from '../../src/rules/value-match.js';
import { usValue } from '../../src/rules/us-valuation.js';
import { createWorld } from '../../src/world/create.js';
import { setTalks } from '../../src/world/recipes.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';

const s = scenario();

describeRule('R14', () => {
  it('makes Minsk keener while a freeze looms than after it', () => {
    const w = createWorld(s);
    expect(urgency(setTalks(w, 'advancing'), s.agents.belarus, {})).toBeGreaterThan(urgency(setTalks(w, 'frozen'), s.agents.belarus, {}));
    expect(urgency(setTalks(w, 'frozen'), s.agents.belarus, { R14: false })).toBe(1);
  });

  it('after a freeze prisoners buy less from the US', () => {
    const w = createWorld(s);
    const byId = indexById(candidatesFor(w, 'us', {}));
    const ask = [{ id: 'journalists', count: 100, named: false }];
    expect(usValue(setTalks(w, 'frozen'), ask, byId, [], s.agents.us, {})).toBeLessThan(usValue(w, ask, byId, [], s.agents.us, {}));
  });

  it('a frozen war frees fewer than advancing talks', () => {
    expect(meanReleased(runs(scenario('war-frozen'), 40))).toBeLessThan(meanReleased(runs(scenario('peace-talks-advance'), 40)));
  });
});
