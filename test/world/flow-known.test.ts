/**
 * flowCohorts (R18, R20, R25) on the cases the month loop meets every month: most cohorts have no
 * flow, and some have nobody left to free. A recipe copies what it changes and shares the rest, and
 * the release accounts name only cohorts that released someone.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { createWorld } from '../../src/world/create.js';
import { flowCohorts, releaseFromCohort } from '../../src/world/recipes.js';

const world = createWorld(scenario('base'));
const index = (id: string) => world.cohorts.findIndex((c) => c.id === id);
const only = (id: string, n: number) => world.cohorts.map((_, i) => (i === index(id) ? n : 0));

describe('flowCohorts', () => {
  it.each(['arrest', 'home', 'served'] as const)('%s: cohorts without a flow are the same objects, the one with a flow is new', (flow) => {
    const w = flowCohorts(world, only('journalists', 3), flow);
    w.cohorts.forEach((c, i) => {
      if (i === index('journalists')) expect(c).not.toBe(world.cohorts[i]);
      else expect(c).toBe(world.cohorts[i]);
    });
  });

  it.each(['home', 'served'] as const)('%s: an empty cohort asked to free people frees none and is not named in the accounts', (flow) => {
    const emptied = releaseFromCohort(world, 'journalists', 10_000, 'lithuania');
    const counts = world.cohorts.map((_, i) => (i === index('journalists') || i === index('others') ? 3 : 0));
    const w = flowCohorts(emptied, counts, flow);
    expect(w.releasedByCohort).toEqual({ journalists: emptied.releasedByCohort.journalists, others: 3 });
    expect(w.cohorts[index('journalists')]).toBe(emptied.cohorts[index('journalists')]);
    expect(w.releasedByRoute[flow]).toBe(3);
    // Nobody to free anywhere: the same world.
    expect(flowCohorts(emptied, only('journalists', 3), flow)).toBe(emptied);
  });

  it('no arrests, or only fractions of a person, leave the same world', () => {
    expect(flowCohorts(world, world.cohorts.map(() => 0), 'arrest')).toBe(world);
    expect(flowCohorts(world, world.cohorts.map(() => 0.9), 'arrest')).toBe(world);
    expect(flowCohorts(world, [], 'home')).toBe(world);
  });
});
