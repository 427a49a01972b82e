import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, scenario } from '../support/scenarios.js';

// A counterfactual start in which the laureate is still held and relations escalate.
const laureateHeld = (rules: Record<string, boolean> = {}) => scenario('peace-talks-advance', {
  world: { named: [{ id: 'bialiatski', status: 'held', route: null, releasedIn: null }] },
  agents: { belarus: { spiteShare: 1, impulse: 0 } },
  rules,
});

const laureateRoutes = (rules: Record<string, boolean> = {}) =>
  allDeals(runs(laureateHeld(rules), 60)).filter((d) => d.track === 'us-belarus').flatMap((d) => d.routed.filter((r) => r.id === 'bialiatski'));

describeRule('R04', () => {
  it('sends the laureate to Lithuania in every US deal, even while the rest go to Ukraine', () => {
    const routes = laureateRoutes();
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) expect(r.route).toBe('lithuania');
  });

  it('switched off, the laureate follows the spite route like everyone else', () => {
    const routes = laureateRoutes({ R04: false });
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.some((r) => r.route === 'ukraine')).toBe(true);
  });
});
