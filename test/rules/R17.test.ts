import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, scenario } from '../support/scenarios.js';
import { releaseCost } from '../../src/rules/value-match.js';
import { createWorld } from '../../src/world/create.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';

// A start in which two of the regime's personal enemies are still held.
const enemiesHeld = (rules: Record<string, boolean> = {}) => scenario('peace-talks-advance', {
  world: { usInterest: 0.9, named: [{ id: 'babaryka', status: 'held', route: null, releasedIn: null }, { id: 'kalesnikava', status: 'held', route: null, releasedIn: null }] },
  rules,
});

describeRule('R17', () => {
  it('prices a personal enemy at a premium', () => {
    const s = enemiesHeld();
    const w = createWorld(s);
    const byId = indexById(candidatesFor(w, 'us', {}));
    const one = [{ id: 'babaryka', count: 1, named: true }];
    expect(releaseCost(w, one, byId, s.agents.belarus, { R03: false }).cost).toBeCloseTo(3 * s.agents.belarus.enemyPremium);
    expect(releaseCost(w, one, byId, s.agents.belarus, { R17: false }).cost).toBe(Number.POSITIVE_INFINITY);
  });

  it('at a high enough price, even enemies go free', () => {
    const freed = allDeals(runs(enemiesHeld(), 40)).flatMap((d) => d.routed).filter((r) => r.id === 'babaryka' || r.id === 'kalesnikava');
    expect(freed.length).toBeGreaterThan(5);
  });

  it('switched off, enemies are never for sale', () => {
    const freed = allDeals(runs(enemiesHeld({ R17: false }), 40)).flatMap((d) => d.routed).filter((r) => r.id === 'babaryka' || r.id === 'kalesnikava');
    expect(freed.length).toBe(0);
  });
});
