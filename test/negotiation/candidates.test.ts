/**
 * Every track builds its asks from these helpers, so a wrong filter, order or count silently
 * changes who is bargained over. The world here is small enough to list the expected result in
 * full: who is on each buyer's list with R07 on and off, the exact sort orders with their id
 * tie-breaks, and where asking stops — exactly when the target is reached, not one person later.
 */
import { describe, expect, it } from 'vitest';
import {
  askUntil, byBelarusCost, byUsPreference, candidatesFor, everyone, indexById, sameReleases, takeInOrder, usProfileHeld,
} from '../../src/negotiation/candidates.js';
import { remainingUsProfile } from '../../src/rules/us-valuation.js';
import type { Candidate } from '../../src/rules/value-match.js';
import type { Release } from '../../src/negotiation/package.js';
import type { Cohort, NamedPrisoner, World } from '../../src/world/types.js';
import { createWorld } from '../../src/world/create.js';
import { scenario } from '../support/scenarios.js';

const cohort = (id: string, held: number, usProfile: number, belarusCost: number): Cohort =>
  ({ id, label: id, initial: 4, held, usProfile, belarusCost, arrested: 0, rearrested: 0, atHome: 0 });

const person = (id: string, over: Partial<NamedPrisoner>): NamedPrisoner => ({
  id, name: id, status: 'held', heldAtStart: true, route: null, releasedIn: null,
  usProfile: 1, belarusCost: 1, laureate: false, enemy: false, onlyThrough: null, ...over,
});

const base = createWorld(scenario());
const world: World = {
  ...base,
  named: [
    person('pol', { usProfile: 1, belarusCost: 4, onlyThrough: 'poland' }),
    person('lau', { usProfile: 2, belarusCost: 2, laureate: true, enemy: true }),
    person('gone', { status: 'released', route: 'lithuania', usProfile: 8 }),
    person('usonly', { usProfile: 0.5, belarusCost: 0.5, onlyThrough: 'us' }),
  ],
  cohorts: [cohort('a', 4, 0.25, 0.5), cohort('b', 0, 16, 1), cohort('c', 2, 0.125, 0.25)],
};

const named = (id: string, usProfile: number, belarusCost: number, enemy = false, laureate = false): Candidate =>
  ({ id, named: true, available: 1, usProfile, belarusCost, enemy, laureate });
const group = (id: string, available: number, usProfile: number, belarusCost: number): Candidate =>
  ({ id, named: false, available, usProfile, belarusCost, enemy: false, laureate: false });

const POL = named('pol', 1, 4);
const LAU = named('lau', 2, 2, true, true);
const USONLY = named('usonly', 0.5, 0.5);
const A = group('a', 4, 0.25, 0.5);
const C = group('c', 2, 0.125, 0.25);

describe('candidatesFor (R07)', () => {
  it('lists held named people first, then cohorts still holding someone, with every field', () => {
    expect(candidatesFor(world, 'us', {})).toEqual([LAU, USONLY, A, C]);
  });

  it('keeps a reserved person for their own track only, with R07 on', () => {
    expect(candidatesFor(world, 'poland', {})).toEqual([POL, LAU, A, C]);
    expect(candidatesFor(world, 'eu', {})).toEqual([LAU, A, C]);
  });

  it('lets everyone buy anyone held with R07 off', () => {
    expect(candidatesFor(world, 'us', { R07: false })).toEqual([POL, LAU, USONLY, A, C]);
    expect(candidatesFor(world, 'eu', { R07: false })).toEqual([POL, LAU, USONLY, A, C]);
  });

  it('keeps Poczobut off the US list of the shipped world, and on Poland\'s', () => {
    const ids = (buyer: 'us' | 'poland') => candidatesFor(base, buyer, {}).map((c) => c.id);
    expect(ids('us')).not.toContain('poczobut');
    expect(ids('poland')).toContain('poczobut');
  });
});

describe('usProfileHeld (R07)', () => {
  it('is the profile the US may buy: the sum over its candidates', () => {
    // lau 2 + usonly 0.5 + a 0.25×4 + c 0.125×2 = 3.75 (pol reserved, gone released, b empty)
    expect(usProfileHeld(world, {})).toBe(3.75);
    expect(usProfileHeld(world, {})).toBe(remainingUsProfile(candidatesFor(world, 'us', {})));
  });

  it('includes the reserved person with R07 off', () => {
    // 3.75 + pol 1 = 4.75
    expect(usProfileHeld(world, { R07: false })).toBe(4.75);
    expect(usProfileHeld(world, { R07: false })).toBe(remainingUsProfile(candidatesFor(world, 'us', { R07: false })));
  });

  it('is 0 when nobody is held', () => {
    expect(usProfileHeld({ ...world, named: [], cohorts: [] }, {})).toBe(0);
  });
});

describe('byUsPreference and byBelarusCost', () => {
  const list = [group('b', 1, 1, 1), group('a', 1, 1, 1), group('c', 1, 2, 0.5), group('d', 1, 0.5, 2)];
  const ids = (cs: readonly Candidate[]) => cs.map((c) => c.id);

  it('orders by US profile, highest first, ties by id', () => {
    expect(ids([...list].sort(byUsPreference))).toEqual(['c', 'a', 'b', 'd']);
    // b.usProfile − a.usProfile: 1 − 2 = −1 puts the higher profile first
    expect(byUsPreference(group('x', 1, 2, 0), group('y', 1, 1, 0))).toBe(-1);
    expect(byUsPreference(group('x', 1, 1, 0), group('y', 1, 1, 0))).toBeLessThan(0);
    expect(byUsPreference(group('y', 1, 1, 0), group('x', 1, 1, 0))).toBeGreaterThan(0);
  });

  it('orders by cost to Belarus, cheapest first, ties by id', () => {
    expect(ids([...list].sort(byBelarusCost))).toEqual(['c', 'a', 'b', 'd']);
    // a.belarusCost − b.belarusCost: 0.5 − 2 = −1.5
    expect(byBelarusCost(group('x', 1, 0, 0.5), group('y', 1, 0, 2))).toBe(-1.5);
    expect(byBelarusCost(group('x', 1, 0, 1), group('y', 1, 0, 1))).toBeLessThan(0);
    expect(byBelarusCost(group('y', 1, 0, 1), group('x', 1, 0, 1))).toBeGreaterThan(0);
  });
});

describe('indexById and everyone', () => {
  it('indexes each candidate under its id', () => {
    const map = indexById([A, LAU]);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(A);
    expect(map.get('lau')).toBe(LAU);
    expect(map.get('c')).toBeUndefined();
  });

  it('asks for everyone available', () => {
    expect(everyone([LAU, A, C])).toEqual([{ id: 'lau', count: 1, named: true }, { id: 'a', count: 4, named: false }, { id: 'c', count: 2, named: false }]);
    expect(everyone([])).toEqual([]);
  });
});

describe('askUntil', () => {
  const A4 = group('A', 4, 0, 0);
  const B3 = group('B', 3, 0, 0);
  const C2 = group('C', 2, 0, 0);
  const worth: Record<string, number> = { A: 0.5, B: 0.25, C: 0 };
  const perHead = (c: Candidate) => worth[c.id] ?? 0;
  const ask = (target: number) => askUntil([A4, B3, C2], perHead, target);
  const r = (id: string, count: number): Release => ({ id, count, named: false });

  it('asks nobody for a target of zero', () => {
    expect(ask(0)).toEqual([]);
  });

  it('stops exactly when the value reaches the target', () => {
    // ceil(1 / 0.5) = 2 → value 1 = target: stop
    expect(ask(1)).toEqual([r('A', 2)]);
    // ceil(1.25 / 0.5) = 3 → value 1.5 ≥ 1.25
    expect(ask(1.25)).toEqual([r('A', 3)]);
    // A: ceil(2.25 / 0.5) = 5 → capped at 4, value 2; B: ceil(0.25 / 0.25) = 1 → value 2.25
    expect(ask(2.25)).toEqual([r('A', 4), r('B', 1)]);
  });

  it('asks at least one of someone worth little, and everyone of someone worth nothing', () => {
    // A: 4 → 2; B: ceil(0.5 / 0.25) = 2 → 2.5
    expect(ask(2.5)).toEqual([r('A', 4), r('B', 2)]);
    // A 4 → 2; B 3 → 2.75; C worth 0 → all 2, value stays 2.75 < 3
    expect(ask(3)).toEqual([r('A', 4), r('B', 3), r('C', 2)]);
    // someone worth a lot still counts as one: ceil(0.25 / 0.5) = 1
    expect(ask(0.25)).toEqual([r('A', 1)]);
  });

  it('keeps the named flag of each candidate', () => {
    expect(askUntil([LAU], () => 2, 1)).toEqual([{ id: 'lau', count: 1, named: true }]);
  });
});

describe('sameReleases', () => {
  const r = (id: string, count: number, isNamed = false): Release => ({ id, count, named: isNamed });
  it('compares ids and counts position by position', () => {
    expect(sameReleases([], [])).toBe(true);
    expect(sameReleases([r('a', 1), r('b', 2)], [r('a', 1), r('b', 2)])).toBe(true);
    expect(sameReleases([r('a', 1)], [r('a', 1, true)])).toBe(true);
  });
  it('differs on length, id, count or order', () => {
    expect(sameReleases([r('a', 1)], [r('a', 1), r('b', 1)])).toBe(false);
    expect(sameReleases([r('a', 1), r('b', 1)], [r('a', 1)])).toBe(false);
    expect(sameReleases([r('a', 1)], [r('b', 1)])).toBe(false);
    expect(sameReleases([r('a', 1)], [r('a', 2)])).toBe(false);
    expect(sameReleases([r('a', 1), r('b', 1)], [r('a', 1), r('b', 2)])).toBe(false);
    expect(sameReleases([r('a', 1), r('b', 1)], [r('b', 1), r('a', 1)])).toBe(false);
  });
});

describe('takeInOrder', () => {
  const list = [group('A', 4, 0, 0), named('n', 0, 0), group('B', 3, 0, 0)];
  const r = (id: string, count: number, isNamed = false): Release => ({ id, count, named: isNamed });

  it('takes the first people in order up to the count', () => {
    expect(takeInOrder(list, 3)).toEqual({ ask: [r('A', 3)], short: 0 });
    expect(takeInOrder(list, 4)).toEqual({ ask: [r('A', 4)], short: 0 });
    // 4 + 1 + 1
    expect(takeInOrder(list, 6)).toEqual({ ask: [r('A', 4), r('n', 1, true), r('B', 1)], short: 0 });
  });

  it('says how many were missing when there are too few', () => {
    // 4 + 1 + 3 = 8 available; 10 − 8 = 2 short
    expect(takeInOrder(list, 10)).toEqual({ ask: [r('A', 4), r('n', 1, true), r('B', 3)], short: 2 });
    expect(takeInOrder([], 3)).toEqual({ ask: [], short: 3 });
  });

  it('takes nobody for a count of zero or less, and is never negatively short', () => {
    expect(takeInOrder(list, 0)).toEqual({ ask: [], short: 0 });
    expect(takeInOrder(list, -2)).toEqual({ ask: [], short: 0 });
  });
});
