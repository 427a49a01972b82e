import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';

describeRule('R02', () => {
  it('makes the small concession before the first US deal, and deals only during a visit', () => {
    const rs = runs(scenario('peace-talks-advance'), 40);
    let checked = 0;
    for (const r of rs) {
      const first = r.months.findIndex((m) => m.deals.some((d) => d.track === 'us-belarus'));
      if (first < 0) continue;
      checked++;
      const prepaid = r.months.slice(0, first).some((m) => m.events.some((e) => e.kind === 'concession' && e.rules.includes('R02')));
      expect(prepaid).toBe(true);
      expect(r.months[first]!.events.some((e) => e.text.includes('envoy arrives'))).toBe(true);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('never prepays with anything above the prepayment ceiling', () => {
    const rs = runs(scenario('base', { agents: { us: { prepayMaxWeight: 0.5 } } }), 30);
    expect(rs.some((r) => r.months.some((m) => m.events.some((e) => e.kind === 'concession')))).toBe(false);
  });

  it('switched off, the US deals without a prepayment', () => {
    const rs = runs(scenario('peace-talks-advance', { rules: { R02: false } }), 30);
    expect(rs.some((r) => r.months.some((m) => m.events.some((e) => e.kind === 'concession')))).toBe(false);
    expect(rs.some((r) => r.outcome.deals > 0)).toBe(true);
  });
});
