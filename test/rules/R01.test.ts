import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, closed, scenario } from '../support/scenarios.js';
import { monthIndex } from '../../src/world/month.js';

describeRule('R01', () => {
  it('pays for every wave with relief: no release without a concession, no concession without a release', () => {
    const deals = allDeals(runs(closed('eu-joins-thaw'), 30)).filter((d) => d.track === 'us-belarus' || d.track === 'eu-belarus');
    expect(deals.length).toBeGreaterThan(10);
    for (const d of deals) {
      expect(d.released).toBeGreaterThan(0);
      expect(d.lifted.length).toBeGreaterThan(0);
      expect(d.rules).toContain('R01');
    }
  });

  it('spaces US waves by the cooling-off period', () => {
    const cooldown = 3;
    const rs = runs(closed('base', { horizon: 24, agents: { us: { cooldownMonths: cooldown, visitChance: 1 } } }), 30);
    let pairs = 0;
    for (const r of rs) {
      const months = r.months.filter((m) => m.deals.some((d) => d.track === 'us-belarus')).map((m) => monthIndex(m.month));
      for (let i = 1; i < months.length; i++) {
        pairs++;
        expect(months[i]! - months[i - 1]!).toBeGreaterThan(cooldown);
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });
});
