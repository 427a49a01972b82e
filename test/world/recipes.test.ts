import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { createWorld, heldCount, initialCount, issuerOf } from '../../src/world/create.js';
import {
  advanceMonth, calmRelations, closeTransit, freeLorryDrivers, liftSanction, openTransit, recordIncident, reimposeSanction,
  releaseFromCohort, releaseNamed, setTalks, setUsInterest, stopBalloons,
} from '../../src/world/recipes.js';

const world = createWorld(scenario());

describe('world recipes', () => {
  it('never change the world they are given', () => {
    const before = JSON.stringify(world);
    releaseFromCohort(world, 'journalists', 10, 'ukraine');
    liftSanction(world, 'eu.potash');
    openTransit(world);
    recordIncident(world, 0.5, 2);
    expect(JSON.stringify(world)).toBe(before);
  });

  it('release people from a cohort to a route, never more than are held', () => {
    const w = releaseFromCohort(world, 'journalists', 10, 'ukraine');
    expect(w.cohorts.find((c) => c.id === 'journalists')!.held).toBe(140);
    expect(w.releasedByRoute.ukraine).toBe(10);
    expect(w.releasedByCohort.journalists).toBe(10);
    const all = releaseFromCohort(w, 'journalists', 10_000, 'lithuania');
    expect(all.cohorts.find((c) => c.id === 'journalists')!.held).toBe(0);
    expect(all.releasedByRoute.lithuania).toBe(140);
    expect(heldCount(all) + all.releasedByRoute.lithuania + all.releasedByRoute.ukraine).toBe(initialCount(world));
    expect(() => releaseFromCohort(world, 'nobody', 1, 'lithuania')).toThrow(/no cohort/);
  });

  it('release a named person once, with route and month', () => {
    const w = releaseNamed(advanceMonth(world), 'poczobut', 'poland');
    const p = w.named.find((x) => x.id === 'poczobut')!;
    expect(p).toMatchObject({ status: 'released', route: 'poland', releasedIn: '2026-01' });
    expect(releaseNamed(w, 'poczobut', 'poland').releasedByRoute.poland).toBe(1);
  });

  it('lift and reimpose sanctions, stamping the month', () => {
    const lifted = liftSanction(world, 'eu.potash');
    expect(lifted.sanctions.find((s) => s.id === 'eu.potash')).toMatchObject({ status: 'lifted', changedIn: '2025-12' });
    expect(reimposeSanction(lifted, 'eu.potash').sanctions.find((s) => s.id === 'eu.potash')!.status).toBe('active');
    expect(() => liftSanction(world, 'eu.nothing')).toThrow(/no sanction/);
  });

  it('move relations, transit, talks and interest within their bounds', () => {
    expect(recordIncident(world, 0.5, 2)).toMatchObject({ lorryDriversHeld: 2, relations: { lithuania: { hostility: 1 } } });
    expect(calmRelations(world, 'lithuania', 5).relations.lithuania.hostility).toBe(0);
    expect(closeTransit(openTransit(world)).transitOpen).toBe(false);
    expect(stopBalloons(world).balloons).toBe(false);
    expect(freeLorryDrivers(recordIncident(world, 0, 3)).lorryDriversHeld).toBe(0);
    expect(setTalks(world, 'frozen').talks).toBe('frozen');
    expect(setUsInterest(world, 2).usInterest).toBe(1);
    expect(advanceMonth(setTalks(world, 'failed')).month).toBe('2026-01');
  });

  it('start from the article\'s December 2025', () => {
    expect(world.month).toBe('2025-12');
    expect(initialCount(world)).toBeGreaterThanOrEqual(950);
    expect(initialCount(world)).toBeLessThanOrEqual(1050);
    const lifted = world.sanctions.filter((s) => s.status === 'lifted').map((s) => s.id).sort();
    expect(lifted).toEqual(['us.aircraft', 'us.belavia', 'us.potash']);
    expect(world.named.filter((p) => p.status === 'released').map((p) => p.id).sort()).toEqual(['babaryka', 'bialiatski', 'kalesnikava']);
    expect(world.transitOpen).toBe(false);
    expect(issuerOf('eu.trade')).toBe('eu');
  });
});
