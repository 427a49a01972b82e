import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allOffers, runs, scenario } from '../support/scenarios.js';
import { usValue } from '../../src/rules/us-valuation.js';
import { createWorld } from '../../src/world/create.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';

describeRule('R16', () => {
  it('Minsk adds help with Putin or Maduro to its counters', () => {
    const counters = allOffers(runs(scenario('base'), 30)).filter((o) => o.from === 'belarus' && o.track === 'us-belarus');
    expect(counters.length).toBeGreaterThan(5);
    for (const c of counters) expect(c.package.sideOffers).toEqual(['putin', 'maduro']);
  });

  it('the US counts side offers for little', () => {
    const s = scenario();
    const w = createWorld(s);
    const byId = indexById(candidatesFor(w, 'us', {}));
    const ask = [{ id: 'journalists', count: 50, named: false }];
    const bare = usValue(w, ask, byId, [], s.agents.us, {});
    const sweetened = usValue(w, ask, byId, ['putin', 'maduro'], s.agents.us, {});
    expect(sweetened - bare).toBeCloseTo(2 * s.agents.us.sideOfferWeight);
    expect(sweetened - bare).toBeLessThan(bare);
    expect(usValue(w, ask, byId, ['putin', 'maduro'], s.agents.us, { R16: false })).toBe(bare);
  });

  it('switched off, counters carry no side offers', () => {
    const counters = allOffers(runs(scenario('base', { rules: { R16: false } }), 30)).filter((o) => o.from === 'belarus');
    expect(counters.some((c) => c.package.sideOffers.length > 0)).toBe(false);
  });
});
