/**
 * Belarus's price for its prisoners decides every deal, so its arithmetic is pinned to exact
 * numbers on a tiny hand-built world: each term of the R03 scarcity formula, the R17 premium and
 * red line, and the binary search that must return the most people a budget buys, no more.
 * Dyadic inputs keep every float exact, so a swapped operator changes the expected value.
 */
import { describe, expect, it } from 'vitest';
import { affordableReleases, releaseCost, topPrisonerMatched, urgency, type Candidate } from '../../src/rules/value-match.js';
import type { Cohort, NamedPrisoner, World } from '../../src/world/types.js';
import type { Release } from '../../src/negotiation/package.js';
import type { BelarusParams } from '../../src/scenario/schema.js';
import { TALKS_STATES } from '../../src/world/types.js';
import { scenario } from '../support/scenarios.js';

const p: BelarusParams = {
  ...scenario().agents.belarus,
  urgency: { advancing: 2, stalled: 1, failed: 0.5, frozen: 0.25 },
  scarcity: 2,
  enemyPremium: 4,
  topMatch: 2,
};

const cohort = (id: string, initial: number, held: number, belarusCost: number): Cohort =>
  ({ id, label: id, initial, held, usProfile: 0, belarusCost, arrested: 0, rearrested: 0, atHome: 0 });

const person = (id: string, over: Partial<NamedPrisoner>): NamedPrisoner => ({
  id, name: id, status: 'held', heldAtStart: true, route: null, releasedIn: null,
  usProfile: 0, belarusCost: 1, laureate: false, enemy: false, onlyThrough: null, ...over,
});

function makeWorld(patch: Partial<World> = {}): World {
  return {
    month: '2026-01', talks: 'stalled', cohorts: [], named: [], sanctions: [], transitOpen: false,
    relations: { lithuania: { hostility: 0 }, poland: { hostility: 0 } },
    balloons: false, lorryDriversHeld: 0, confiscationThreat: false, usInterest: 0.5,
    releasedByRoute: { lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 }, releasedByCohort: {},
    arrested: 0, rearrested: 0, pardoned: 0, trust: 1, trustWith: { eu: 1, lithuania: 1 }, sanctionChanges: [], ...patch,
  };
}

// initialStock = cohorts' initial (3 + 2) + named held at start (x, e, y; not z) = 8.
// releasedSoFar = a:1 + y:1 = 2.
const world = makeWorld({
  cohorts: [cohort('a', 3, 2, 0.5), cohort('b', 2, 2, 0.25)],
  named: [
    person('x', { belarusCost: 1 }),
    person('e', { belarusCost: 0.5, enemy: true }),
    person('y', { status: 'released', route: 'lithuania', releasedIn: '2026-01' }),
    person('z', { heldAtStart: false, belarusCost: 8 }),
  ],
  releasedByCohort: { a: 1, y: 1 },
});

const cand = (id: string, named: boolean, belarusCost: number, enemy = false): Candidate =>
  ({ id, named, available: named ? 1 : 8, usProfile: 0, belarusCost, enemy, laureate: false });

const candidates = [cand('a', false, 0.5), cand('b', false, 0.25), cand('x', true, 1), cand('e', true, 0.5, true), cand('z', true, 8)];
const byId = new Map(candidates.map((c) => [c.id, c]));

const rel = (id: string, count: number, named = false): Release => ({ id, count, named });

describe('urgency (R14)', () => {
  it('reads the talks state with R14 on and is 1 with it off', () => {
    expect(urgency(makeWorld({ talks: 'advancing' }), p, {})).toBe(2);
    expect(urgency(makeWorld({ talks: 'stalled' }), p, {})).toBe(1);
    expect(urgency(makeWorld({ talks: 'failed' }), p, {})).toBe(0.5);
    expect(urgency(makeWorld({ talks: 'frozen' }), p, {})).toBe(0.25);
    for (const talks of TALKS_STATES) expect(urgency(makeWorld({ talks }), p, { R14: false })).toBe(1);
  });
});

describe('releaseCost (R03, R17)', () => {
  it('prices one cohort with the scarcity of what is already gone plus this release', () => {
    // base 0.5×2 = 1; gone (2 + 2)/8 = 0.5; 1 × (1 + 2×0.5) = 2
    expect(releaseCost(world, [rel('a', 2)], byId, p, {})).toEqual({ cost: 2, rules: ['R03'] });
  });

  it('adds the base and the count of every release before applying scarcity', () => {
    // base 0.5×2 + 0.25×2 = 1.5; gone (2 + 4)/8 = 0.75; 1.5 × (1 + 2×0.75) = 3.75
    expect(releaseCost(world, [rel('a', 2), rel('b', 2)], byId, p, {}).cost).toBe(3.75);
  });

  it('skips ids it does not know, in cost and in count', () => {
    // as the first case: ghost adds neither base nor count
    expect(releaseCost(world, [rel('ghost', 5), rel('a', 2)], byId, p, {}).cost).toBe(2);
  });

  it('with R03 off charges the base only, and still cites R03', () => {
    // 0.5×2 + 0.25×2 = 1.5
    expect(releaseCost(world, [rel('a', 2), rel('b', 2)], byId, p, { R03: false })).toEqual({ cost: 1.5, rules: ['R03'] });
  });

  it('charges the enemy premium with R17 on and cites both rules', () => {
    // base 0.5×2 + 0.5×4×1 = 3; gone (2 + 3)/8 = 0.625; 3 × (1 + 2×0.625) = 6.75
    expect(releaseCost(world, [rel('a', 2), rel('e', 1, true)], byId, p, {})).toEqual({ cost: 6.75, rules: ['R03', 'R17'] });
  });

  it('with R17 off puts an enemy beyond any price, citing only R17, wherever they are in the list', () => {
    const red = { cost: Number.POSITIVE_INFINITY, rules: ['R17'] };
    expect(releaseCost(world, [rel('a', 2), rel('e', 1, true)], byId, p, { R17: false })).toEqual(red);
    expect(releaseCost(world, [rel('e', 1, true)], byId, p, { R17: false })).toEqual(red);
    // a non-enemy is unaffected: 2 as in the first case
    expect(releaseCost(world, [rel('a', 2)], byId, p, { R17: false }).cost).toBe(2);
  });

  it('counts only people held at the start in the stock, and released named people as gone', () => {
    // The stock ignores z (not held at start) and counts y though y is released: 8, not 9 or 7.
    // gone so far a:1 + y:1 = 2: (2 + 1)/8 = 0.375; 0.5 × (1 + 2×0.375) = 0.875
    expect(releaseCost(world, [rel('a', 1)], byId, p, {}).cost).toBe(0.875);
    // With nothing released yet: gone (0 + 1)/8; 0.5 × (1 + 2×0.125) = 0.625
    expect(releaseCost({ ...world, releasedByCohort: {} }, [rel('a', 1)], byId, p, {}).cost).toBe(0.625);
  });

  it('treats an empty world as a stock of one', () => {
    // stock max(1, 0) = 1; gone (0 + 1)/1 = 1; 0.5 × (1 + 2×1) = 1.5
    expect(releaseCost(makeWorld(), [rel('a', 1)], byId, p, {}).cost).toBe(1.5);
  });
});

describe('topPrisonerMatched (R03)', () => {
  const top = cand('x', true, 2);
  it('needs one item worth at least cost × topMatch, exactly at the boundary', () => {
    expect(topPrisonerMatched(top, 4, p, {})).toBe(true); // 2 × 2 = 4
    expect(topPrisonerMatched(top, 3.75, p, {})).toBe(false);
  });
  it('lets anyone unnamed through, and everyone with R03 off', () => {
    expect(topPrisonerMatched(cand('c', false, 2), 0, p, {})).toBe(true);
    expect(topPrisonerMatched(top, 0, p, { R03: false })).toBe(true);
  });
});

describe('affordableReleases (R03)', () => {
  // Taking k from a alone: 0.5k × (1 + 2 × (2 + k)/8)
  //   k=1 0.875, 2 → 2, 3 → 3.375, 4 → 5, 5 → 6.875, 6 → 9, 7 → 11.375, 8 → 14
  const table: [budget: number, count: number][] = [
    [0.875 - 1 / 64, 0],
    [0.875, 1],
    [2, 2],
    [3.375, 3],
    [5 - 1 / 64, 3],
    [5, 4],
    [6.875, 5],
    [9, 6],
    [11.375 - 1 / 64, 6],
    [11.375, 7],
    [14 - 1 / 64, 7],
  ];

  it('returns the largest count that fits the budget, and one more would not fit', () => {
    for (const [budget, count] of table) {
      const got = affordableReleases(world, [rel('a', 8)], byId, budget, 100, p, {});
      expect(got, `budget ${budget}`).toEqual(count === 0 ? [] : [rel('a', count)]);
      if (count > 0) expect(releaseCost(world, got, byId, p, {}).cost).toBeLessThanOrEqual(budget);
      expect(releaseCost(world, [rel('a', count + 1)], byId, p, {}).cost).toBeGreaterThan(budget);
    }
  });

  it('stops at what was asked, however large the budget', () => {
    expect(affordableReleases(world, [rel('a', 8)], byId, 14, 100, p, {})).toEqual([rel('a', 8)]);
    expect(affordableReleases(world, [rel('a', 8)], byId, 1000, 100, p, {})).toEqual([rel('a', 8)]);
    expect(affordableReleases(world, [rel('a', 1)], byId, 1000, 100, p, {})).toEqual([rel('a', 1)]);
  });

  it('charges later people on top of those already chosen', () => {
    // a: 3 cost 3.375, 4 cost 5. Then b on top: base 1.5 + 0.25k, count 3 + k, gone 2:
    //   k=1 1.75 × (1 + 2×6/8) = 4.375; k=2 2 × (1 + 2×7/8) = 5.5
    expect(affordableReleases(world, [rel('a', 8), rel('b', 8)], byId, 3.375, 100, p, {})).toEqual([rel('a', 3)]);
    expect(affordableReleases(world, [rel('a', 8), rel('b', 8)], byId, 4.375, 100, p, {})).toEqual([rel('a', 3), rel('b', 1)]);
    expect(affordableReleases(world, [rel('a', 8), rel('b', 8)], byId, 5.5 - 1 / 64, 100, p, {})).toEqual([rel('a', 4)]);
  });

  it('skips someone it cannot afford and still takes cheaper people after them', () => {
    // z alone: 8 × (1 + 2×3/8) = 14 > 2. b alone: 0.25k × (1 + 2(2 + k)/8):
    //   k=3 0.75 × 2.25 = 1.6875 ≤ 2; k=4 1 × 2.5 = 2.5 > 2
    expect(affordableReleases(world, [rel('z', 1, true), rel('b', 8)], byId, 2, 100, p, {})).toEqual([rel('b', 3)]);
  });

  it('skips unknown ids and non-positive counts', () => {
    // b alone, k=1: 0.25 × 1.75 = 0.4375
    const wanted = [rel('ghost', 3), rel('a', 0), rel('a', -1), rel('b', 1)];
    expect(affordableReleases(world, wanted, byId, 1000, 100, p, {})).toEqual([rel('b', 1)]);
  });

  it('holds a top prisoner back unless the largest item matches them (R03), and not with R03 off', () => {
    // x costs 1 × topMatch 2 = 2
    expect(affordableReleases(world, [rel('x', 1, true)], byId, 1000, 2, p, {})).toEqual([rel('x', 1, true)]);
    expect(affordableReleases(world, [rel('x', 1, true), rel('b', 1)], byId, 1000, 1.75, p, {})).toEqual([rel('b', 1)]);
    expect(affordableReleases(world, [rel('x', 1, true)], byId, 1000, 0, p, { R03: false })).toEqual([rel('x', 1, true)]);
  });

  it('with R03 off charges the base only', () => {
    // 0.5k ≤ 2 ⇒ k = 4; 0.5k ≤ 1.75 ⇒ k = 3
    expect(affordableReleases(world, [rel('a', 8)], byId, 2, 100, p, { R03: false })).toEqual([rel('a', 4)]);
    expect(affordableReleases(world, [rel('a', 8)], byId, 1.75, 100, p, { R03: false })).toEqual([rel('a', 3)]);
  });

  it('prices an enemy at the premium with R17 on, and never sells one with R17 off', () => {
    // e: 0.5 × 4 = 2 base; 2 × (1 + 2×3/8) = 3.5
    expect(affordableReleases(world, [rel('e', 1, true)], byId, 3.5, 100, p, {})).toEqual([rel('e', 1, true)]);
    expect(affordableReleases(world, [rel('e', 1, true)], byId, 3.5 - 1 / 64, 100, p, {})).toEqual([]);
    expect(affordableReleases(world, [rel('e', 1, true), rel('b', 1)], byId, 1000, 100, p, { R17: false })).toEqual([rel('b', 1)]);
  });
});
