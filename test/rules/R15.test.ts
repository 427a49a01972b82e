import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allOffers, runs, closed, scenario } from '../support/scenarios.js';

describeRule('R15', () => {
  it('a keen US with talks advancing opens with all its relief for everyone', () => {
    const rs = runs(closed('peace-talks-advance', { world: { usInterest: 0.9 } }), 30);
    const opening = allOffers(rs).filter((o) => o.track === 'us-belarus' && o.from === 'us' && o.exchange === 1 && o.rules.includes('R15'));
    expect(opening.length).toBeGreaterThan(5);
    for (const o of opening) {
      expect(o.package.relief.length).toBeGreaterThan(1);
      expect(o.package.headcount).toBeGreaterThan(900);
    }
  });

  it('switched off, or with talks stalled, no grand bargain is offered', () => {
    const off = runs(closed('peace-talks-advance', { world: { usInterest: 0.9 }, rules: { R15: false } }), 30);
    const stalled = runs(closed('base', { talks: { stalled: { advancing: 0, stalled: 1, failed: 0, frozen: 0 } } }), 30);
    expect(allOffers([...off, ...stalled]).some((o) => o.rules.includes('R15'))).toBe(false);
  });
});
