import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, scenario } from '../support/scenarios.js';

// A keen US that deals often, with a large home share, so that deals show R19 clearly.
const keen = { agents: { us: { visitChance: 1, cooldownMonths: 1 }, belarus: { homeShare: 0.25 } }, talks: { stalled: { advancing: 1 } } };

describeRule('R19', () => {
  it('a deal frees some people at home rather than deporting them, and the outcome counts them by route', () => {
    const rs = runs(scenario('base', keen), 30);
    const deals = allDeals(rs).filter((d) => d.track === 'us-belarus');
    expect(deals.length).toBeGreaterThan(10);
    expect(deals.some((d) => (d.byRoute.home ?? 0) > 0)).toBe(true);
    for (const d of deals) expect(d.rules.includes('R19')).toBe(true);
    for (const r of rs) expect(Object.values(r.outcome.releasedByRoute).reduce((a, b) => a + b, 0)).toBe(r.outcome.prisonersReleased);
  });

  it('switched off, no deal frees anyone at home (pardons still do: R20)', () => {
    const deals = allDeals(runs(scenario('base', { ...keen, rules: { R19: false } }), 30));
    expect(deals.length).toBeGreaterThan(10);
    expect(deals.some((d) => (d.byRoute.home ?? 0) > 0 || d.rules.includes('R19'))).toBe(false);
  });

  it('deportees go only where a neighbour takes them: with Ukraine closed, none go there', () => {
    const rs = runs(scenario('base', { ...keen, world: { accepts: { ukraine: false } } }), 30);
    expect(allDeals(rs).length).toBeGreaterThan(10);
    for (const r of rs) expect(r.outcome.releasedByRoute.ukraine).toBe(0);
    const open = runs(scenario('base', keen), 30);
    expect(open.some((r) => r.outcome.releasedByRoute.ukraine > 0)).toBe(true);
  });
});
