/** Sentences served (R25): the pure count and the world it leaves, with known answers. */
import { describe, expect, it } from 'vitest';
import { applyTermEnds, drawTermEnds } from '../../src/world/arrests.js';
import { createWorld, heldCount, initialCount, releasedCount } from '../../src/world/create.js';
import { scenario } from '../support/scenarios.js';
import { poisson } from '../../src/simulation/rng.js';

const s = scenario('base');
const world = createWorld(s);
const p = s.agents.belarus;

describe('drawTermEnds (R25)', () => {
  it('draws a Poisson count around held × termEndChance per cohort, from that cohort\'s own uniform', () => {
    const draws = [0.5, 0.1, 0.9, 0.5];
    const ends = drawTermEnds(world, draws, { ...p, termEndChance: 0.02 });
    const expected = world.cohorts.map((c, i) => ({ id: c.id, count: poisson(draws[i]!, c.held * 0.02) })).filter((x) => x.count > 0);
    expect(ends).toEqual(expected);
    // journalists hold 150: a mean of 3; the median draw gives 3, a low draw fewer, a high one more.
    expect(drawTermEnds(world, [0.5, 0, 0, 0], { ...p, termEndChance: 0.02 })[0]).toEqual({ id: 'journalists', count: 3 });
  });

  it('never more than a cohort holds, nothing from an empty cohort or at a chance of 0', () => {
    const all = drawTermEnds(world, [0.999999, 0.999999, 0.999999, 0.999999], { ...p, termEndChance: 1 });
    for (const e of all) expect(e.count).toBeLessThanOrEqual(world.cohorts.find((c) => c.id === e.id)!.held);
    expect(all.find((e) => e.id === 'journalists')!.count).toBe(150);
    expect(drawTermEnds(world, [0.9, 0.9, 0.9, 0.9], { ...p, termEndChance: 0 })).toEqual([]);
    const empty = { ...world, cohorts: world.cohorts.map((c) => ({ ...c, held: 0 })) };
    expect(drawTermEnds(empty, [0.9, 0.9, 0.9, 0.9], { ...p, termEndChance: 0.5 })).toEqual([]);
  });
});

describe('applyTermEnds (R25)', () => {
  it('frees them as served: released outside any deal, not at home, the ledger closed', () => {
    const w = applyTermEnds(world, [{ id: 'journalists', count: 3 }, { id: 'others', count: 2 }]);
    expect(w.releasedByRoute).toEqual({ ...world.releasedByRoute, served: 5 });
    expect(w.pardoned).toBe(world.pardoned + 5);
    expect(w.releasedByCohort).toMatchObject({ journalists: 3, others: 2 });
    const j = w.cohorts.find((c) => c.id === 'journalists')!;
    expect(j).toMatchObject({ held: 147, atHome: 0, arrested: 0, rearrested: 0 });
    expect(releasedCount(w)).toBe(5);
    expect(heldCount(w) + releasedCount(w)).toBe(initialCount(w));
  });

  it('takes no more than a cohort holds, and leaves the world as it was when nobody goes', () => {
    const w = applyTermEnds(world, [{ id: 'journalists', count: 1000 }]);
    expect(w.cohorts.find((c) => c.id === 'journalists')!.held).toBe(0);
    expect(w.releasedByRoute.served).toBe(150);
    expect(w.pardoned).toBe(150);
    expect(applyTermEnds(world, [])).toBe(world);
  });

  it('counts this month\'s served exits in pardoned, not the run\'s total so far', () => {
    const once = applyTermEnds(world, [{ id: 'journalists', count: 3 }]);
    const twice = applyTermEnds(once, [{ id: 'journalists', count: 2 }]);
    expect(twice.releasedByRoute.served).toBe(5);
    expect(twice.pardoned).toBe(world.pardoned + 5);
  });
});
