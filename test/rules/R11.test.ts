import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, closed, scenario } from '../support/scenarios.js';

describeRule('R11', () => {
  it('a US deal may carry a promise to stop the balloons, after which none fly and tempers cool', () => {
    const rs = runs(closed('peace-talks-advance', { agents: { belarus: { calmingChance: 1 } } }), 30);
    let calmed = 0;
    for (const r of rs) {
      const at = r.months.findIndex((m) => m.deals.some((d) => d.package.commitments.includes('stop-balloons')));
      if (at < 0) continue;
      calmed++;
      const after = r.months.slice(at + 1);
      expect(after.every((m) => !m.world.balloons && !m.events.some((e) => e.kind === 'incident'))).toBe(true);
      if (after.length > 1) expect(after[after.length - 1]!.world.hostilityLithuania).toBeLessThan(r.months[at]!.world.hostilityLithuania);
    }
    expect(calmed).toBeGreaterThan(10);
  });

  it('switched off, no deal carries the promise', () => {
    const deals = allDeals(runs(closed('peace-talks-advance', { rules: { R11: false }, agents: { belarus: { calmingChance: 1 } } }), 30));
    expect(deals.length).toBeGreaterThan(5);
    expect(deals.some((d) => d.package.commitments.includes('stop-balloons') && d.track === 'us-belarus')).toBe(false);
  });
});
