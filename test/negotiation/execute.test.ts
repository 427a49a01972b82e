/**
 * A deal is only as real as what it does to the world and what the trace says it did. These
 * tests carry out packages on a small world and check that each part moves exactly its own
 * lever — a release its people and routes, relief its sanction, Klaipėda transit and each
 * commitment their own switch — and that the trace views add up duplicates and routes and do not
 * share arrays with the package they describe.
 */
import { describe, expect, it } from 'vitest';
import { executeDeal, routeSplit, routedView, viewOf } from '../../src/negotiation/execute.js';
import { emptyPackage, headcount, type Package, type Release } from '../../src/negotiation/package.js';
import type { RoutedRelease } from '../../src/rules/routes.js';
import type { NamedPrisoner, Route, Sanction, World } from '../../src/world/types.js';

const person = (id: string): NamedPrisoner => ({
  id, name: id, status: 'held', heldAtStart: true, route: null, releasedIn: null,
  usProfile: 1, belarusCost: 1, laureate: false, enemy: false, onlyThrough: null,
});
const sanction = (id: string): Sanction =>
  ({ id, issuer: 'us', label: id, kind: 'other', weight: 1, status: 'active', changedIn: null });

const world: World = {
  month: '2026-03', talks: 'stalled',
  cohorts: [{ id: 'a', label: 'a', initial: 5, held: 5, usProfile: 0.25, belarusCost: 0.5, arrested: 0, rearrested: 0, atHome: 0 }],
  named: [person('x'), person('y')],
  sanctions: [sanction('us.visa'), sanction('us.finance')],
  transitOpen: false,
  relations: { lithuania: { hostility: 0.75 }, poland: { hostility: 0.5 } },
  balloons: true, lorryDriversHeld: 3, confiscationThreat: true, usInterest: 0.5,
  releasedByRoute: { lithuania: 1, ukraine: 0, poland: 0, home: 0, served: 0 },
  releasedByCohort: { a: 1 },
  arrested: 0, rearrested: 0, pardoned: 0, trust: 1, trustWith: { eu: 1, lithuania: 1 }, sanctionChanges: [],
};

const to = (id: string, count: number, route: Route, named = false): RoutedRelease => ({ id, count, named, route });

describe('executeDeal', () => {
  it('releases cohorts and named people on their routes and lifts the relief, and nothing else', () => {
    const w = executeDeal(world, [to('a', 3, 'ukraine'), to('a', 1, 'lithuania'), to('x', 1, 'poland', true)], ['us.visa'], [], []);
    expect(w.cohorts).toEqual([{ ...world.cohorts[0], held: 1 }]); // 5 − 3 − 1
    expect(w.named).toEqual([{ ...person('x'), status: 'released', route: 'poland', releasedIn: '2026-03' }, person('y')]);
    // lithuania 1 + 1, ukraine 0 + 3, poland 0 + 1
    expect(w.releasedByRoute).toEqual({ lithuania: 2, ukraine: 3, poland: 1, home: 0, served: 0 });
    // a: 1 + 3 + 1; x: 1
    expect(w.releasedByCohort).toEqual({ a: 5, x: 1 });
    expect(w.sanctions).toEqual([{ ...sanction('us.visa'), status: 'lifted', changedIn: '2026-03' }, sanction('us.finance')]);
    expect(w.transitOpen).toBe(false);
    expect(w.balloons).toBe(true);
    expect(w.lorryDriversHeld).toBe(3);
  });

  it('leaves the world as it was for an empty deal', () => {
    expect(executeDeal(world, [], [], [], [])).toBe(world);
  });

  it('opens transit for Klaipėda, and not for a prisoner swap alone', () => {
    expect(executeDeal(world, [], [], ['klaipeda-transit'], [])).toEqual({ ...world, transitOpen: true });
    expect(executeDeal(world, [], [], ['prisoner-swap', 'klaipeda-transit'], []).transitOpen).toBe(true);
    expect(executeDeal(world, [], [], ['prisoner-swap'], [])).toBe(world);
  });

  it('carries out each commitment on its own lever', () => {
    expect(executeDeal(world, [], [], [], ['stop-balloons'])).toEqual({ ...world, balloons: false });
    expect(executeDeal(world, [], [], [], ['free-lorry-drivers'])).toEqual({ ...world, lorryDriversHeld: 0 });
    expect(executeDeal(world, [], [], [], ['free-lorry-drivers', 'stop-balloons'])).toEqual({ ...world, balloons: false, lorryDriversHeld: 0 });
  });

  it('lifts every sanction in the relief', () => {
    const w = executeDeal(world, [], ['us.finance', 'us.visa'], [], []);
    expect(w.sanctions.map((s) => s.status)).toEqual(['lifted', 'lifted']);
  });
});

describe('headcount', () => {
  it('adds the counts', () => {
    const r = (count: number): Release => ({ id: 'a', count, named: false });
    expect(headcount([])).toBe(0);
    expect(headcount([r(2), r(3)])).toBe(5);
    expect(headcount([r(4)])).toBe(4);
  });
});

describe('viewOf', () => {
  const pkg: Package = {
    releases: [{ id: 'a', count: 2, named: false }, { id: 'x', count: 1, named: true }, { id: 'a', count: 3, named: false }],
    relief: ['us.visa'],
    grants: ['klaipeda-transit'],
    commitments: ['stop-balloons'],
    sideOffers: ['putin'],
  };

  it('sums releases per id and counts heads', () => {
    // a: 2 + 3 = 5; x: 1; headcount 2 + 1 + 3 = 6
    expect(viewOf(pkg)).toStrictEqual({
      releases: { a: 5, x: 1 }, headcount: 6, relief: ['us.visa'], grants: ['klaipeda-transit'], commitments: ['stop-balloons'], sideOffers: ['putin'],
    });
    expect(viewOf(emptyPackage)).toStrictEqual({ releases: {}, headcount: 0, relief: [], grants: [], commitments: [], sideOffers: [] });
  });

  it('copies the arrays rather than sharing them with the package', () => {
    const view = viewOf(pkg);
    expect(view.relief).not.toBe(pkg.relief);
    expect(view.grants).not.toBe(pkg.grants);
    expect(view.commitments).not.toBe(pkg.commitments);
    expect(view.sideOffers).not.toBe(pkg.sideOffers);
  });
});

describe('routeSplit and routedView', () => {
  const routed = [to('a', 3, 'ukraine'), to('a', 1, 'lithuania'), to('x', 1, 'poland', true), to('b', 2, 'ukraine')];

  it('sums the count per route, listing only routes used', () => {
    // ukraine 3 + 2, lithuania 1, poland 1
    expect(routeSplit(routed)).toStrictEqual({ ukraine: 5, lithuania: 1, poland: 1 });
    expect(routeSplit([to('a', 4, 'lithuania')])).toStrictEqual({ lithuania: 4 });
    expect(routeSplit([])).toStrictEqual({});
  });

  it('keeps id, count and route of each release, in order', () => {
    expect(routedView(routed)).toStrictEqual([
      { id: 'a', count: 3, route: 'ukraine' }, { id: 'a', count: 1, route: 'lithuania' },
      { id: 'x', count: 1, route: 'poland' }, { id: 'b', count: 2, route: 'ukraine' },
    ]);
  });
});
