import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { scenario } from '../support/scenarios.js';
import { chooseRoutes } from '../../src/rules/routes.js';
import { createWorld } from '../../src/world/create.js';
import { setHostility } from '../../src/world/recipes.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';
import { createRng } from '../../src/simulation/rng.js';

const s = scenario();
const world = createWorld(s);
const byId = indexById(candidatesFor(world, 'us', s.rules));
const release = [{ id: 'activists', count: 200, named: false }];
const toUkraine = (w: typeof world, rules: Record<string, boolean> = { R19: false }, impulse = s.agents.belarus.impulse) => {
  let ukraine = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const d = chooseRoutes(w, release, byId, true, { ...s.agents.belarus, impulse }, rules, createRng(seed));
    ukraine += d.routed.filter((r) => r.route === 'ukraine').reduce((n, r) => n + r.count, 0);
  }
  return ukraine / (200 * 200);
};

describeRule('R05', () => {
  it('sends most deportees to Ukraine while relations with Lithuania escalate', () => {
    expect(toUkraine(setHostility(world, 'lithuania', 0.9))).toBeGreaterThan(0.5);
  });

  it('makes Lithuania the default route again once relations calm', () => {
    expect(toUkraine(setHostility(world, 'lithuania', 0.1))).toBeLessThan(0.3);
  });

  it('has an impulsive element: the same state does not always give the same route', () => {
    const hostile = setHostility(world, 'lithuania', 0.9);
    expect(toUkraine(hostile, { R19: false }, 0.5)).toBeLessThan(toUkraine(hostile, { R19: false }, 0));
    expect(toUkraine(hostile, { R19: false }, 0)).toBeCloseTo(s.agents.belarus.spiteShare, 2);
  });

  it('switched off, everyone goes to Lithuania', () => {
    expect(toUkraine(setHostility(world, 'lithuania', 0.9), { R05: false })).toBe(0);
  });
});
