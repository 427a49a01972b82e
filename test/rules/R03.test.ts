import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { scenario } from '../support/scenarios.js';
import { affordableReleases, releaseCost, topPrisonerMatched, type Candidate } from '../../src/rules/value-match.js';
import { createWorld } from '../../src/world/create.js';
import { releaseFromCohort } from '../../src/world/recipes.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';
import { headcount } from '../../src/negotiation/package.js';

const s = scenario();
const world = createWorld(s);
const byId = indexById(candidatesFor(world, 'us', s.rules));
const p = s.agents.belarus;

describeRule('R03', () => {
  it('makes each prisoner dearer as the stock runs down', () => {
    const ask = [{ id: 'activists', count: 100, named: false }];
    const early = releaseCost(world, ask, byId, p, {}).cost;
    const later = releaseCost(releaseFromCohort(world, 'others', 200, 'lithuania'), ask, byId, p, {}).cost;
    expect(later).toBeGreaterThan(early);
    expect(releaseCost(world, ask, byId, p, { R03: false }).cost).toBeCloseTo(100 * 0.015, 6);
  });

  it('releases no more than the relief is worth', () => {
    for (const budget of [0.5, 2, 5, 9]) {
      const got = affordableReleases(world, [{ id: 'journalists', count: 150, named: false }, { id: 'activists', count: 450, named: false }], byId, budget, budget, p, {});
      expect(releaseCost(world, got, byId, p, {}).cost).toBeLessThanOrEqual(budget + 1e-9);
      // One more person would not fit: the release matches the value.
      const more = [...got.slice(0, -1), { ...got[got.length - 1]!, count: got[got.length - 1]!.count + 1 }];
      if (headcount(got) < 600) expect(releaseCost(world, more, byId, p, {}).cost).toBeGreaterThan(budget);
    }
  });

  it('gives a top prisoner only against one item worth as much', () => {
    const top: Candidate = { id: 'x', named: true, available: 1, usProfile: 1, belarusCost: 3, enemy: false, laureate: false };
    expect(topPrisonerMatched(top, 2.9, p, {})).toBe(false);
    expect(topPrisonerMatched(top, 3, p, {})).toBe(true);
    expect(topPrisonerMatched(top, 0.1, p, { R03: false })).toBe(true);
  });
});
