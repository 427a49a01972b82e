import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { mean, meanReleased, runs, scenario } from '../support/scenarios.js';
import { nextUsInterest, usValue } from '../../src/rules/us-valuation.js';
import { createWorld } from '../../src/world/create.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';

const s = scenario();
const us = s.agents.us;

describeRule('R06', () => {
  it('values each release by its profile', () => {
    const world = createWorld(s);
    const byId = indexById(candidatesFor(world, 'us', s.rules));
    const journalists = usValue(world, [{ id: 'journalists', count: 100, named: false }], byId, [], us, {});
    const others = usValue(world, [{ id: 'others', count: 100, named: false }], byId, [], us, {});
    expect(journalists).toBeGreaterThan(others);
  });

  it('lets interest fall as the profile still held runs out, down to the floor', () => {
    const full = nextUsInterest(0.75, 0.75, 10, 10, us, {});
    const half = nextUsInterest(0.75, 0.75, 5, 10, us, {});
    const none = nextUsInterest(us.interestFloor, 0.75, 0, 10, us, {});
    expect(full).toBeCloseTo(0.75);
    expect(half).toBeLessThan(0.75);
    expect(none).toBeCloseTo(us.interestFloor);
    expect(nextUsInterest(0.75, 0.75, 0, 10, us, { R06: false })).toBe(0.75);
  });

  it('interest falls after waves, and a US that cares less frees fewer', () => {
    const base = runs(s, 40);
    expect(mean(base.map((r) => r.outcome.usInterest))).toBeLessThan(s.world.usInterest);
    expect(meanReleased(runs(scenario('us-loses-interest'), 40))).toBeLessThan(meanReleased(base));
  });

  it('walks away: a US below its walk-away interest never deals', () => {
    const rs = runs(scenario('base', { world: { usInterest: 0.2 }, agents: { us: { walkAwayInterest: 0.3, reengageInterest: 0.9 } } }), 30);
    expect(rs.every((r) => r.outcome.dealsByTrack['us-belarus'] === 0)).toBe(true);
  });
});
