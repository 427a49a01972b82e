/**
 * Known answers for the recipes and the start world that the whole-run suites reach only through
 * totals: each change on a small case, each "nothing changes" returning the same world, and the
 * start world field by field.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { createWorld, heldCount, initialCount, issuerOf, releasedCount } from '../../src/world/create.js';
import {
  arrestIntoCohort, flowCohorts, liftSanction, openTransit, rearrestFromHome, rearrestNamed, reimposeSanction, releaseFromCohort,
  releaseNamed, resumeBalloons, sanctionsOf, freeLorryDrivers, setHostility, setTalks, setTrust, stopBalloons, threatenConfiscation, releaseEach, setTrustWith,
} from '../../src/world/recipes.js';

const s = scenario('base');
const world = createWorld(s);
const cohort = (w: typeof world, id: string) => w.cohorts.find((c) => c.id === id)!;

describe('the start world (createWorld)', () => {
  it('copies each cohort with its start counts and empty accounts', () => {
    const c = s.world.cohorts[0]!;
    expect(world.cohorts[0]).toEqual({ id: c.id, label: c.label, held: c.held, usProfile: c.usProfile, belarusCost: c.belarusCost, initial: c.held, arrested: 0, rearrested: 0, atHome: 0 });
    expect(world.cohorts.map((x) => x.id)).toEqual(s.world.cohorts.map((x) => x.id));
  });

  it('marks who was held at the start, gives each sanction its issuer, and starts every account at 0', () => {
    expect(world.named.find((p) => p.id === 'poczobut')!.heldAtStart).toBe(true);
    expect(world.named.find((p) => p.id === 'bialiatski')!).toMatchObject({ heldAtStart: false, name: 'Ales Bialiatski', route: 'lithuania' });
    expect(world.sanctions.find((x) => x.id === 'eu.potash')!).toMatchObject({ issuer: 'eu', status: 'active' });
    expect(world.sanctions.find((x) => x.id === 'us.potash')!).toMatchObject({ issuer: 'us', status: 'lifted' });
    expect(world.relations).toEqual({ lithuania: { hostility: s.world.hostility.lithuania }, poland: { hostility: s.world.hostility.poland } });
    expect(world.releasedByRoute).toEqual({ lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 });
    expect(world).toMatchObject({ releasedByCohort: {}, arrested: 0, rearrested: 0, pardoned: 0, sanctionChanges: [], trust: s.world.trust });
  });

  it('refuses a sanction id without an issuer', () => {
    expect(() => issuerOf('xx.trade')).toThrow(/does not start with an issuer/);
    expect(issuerOf('lithuania.transit')).toBe('lithuania');
  });

  it('counts the released over every route, each once', () => {
    const w = { ...world, releasedByRoute: { lithuania: 1, ukraine: 2, poland: 4, home: 8, served: 16 } };
    expect(releasedCount(w)).toBe(31);
    // Named people count once each in held and in the start stock.
    const named = world.named.filter((p) => p.status === 'held').length;
    expect(heldCount(world)).toBe(world.cohorts.reduce((t, c) => t + c.held, 0) + named);
    expect(initialCount(world)).toBe(heldCount(world));
  });
});

describe('recipes, case by case', () => {
  it('freed at home stay within reach (atHome); freed abroad do not', () => {
    expect(cohort(releaseFromCohort(world, 'journalists', 4, 'home'), 'journalists')).toMatchObject({ held: 146, atHome: 4 });
    expect(cohort(releaseFromCohort(world, 'journalists', 4, 'lithuania'), 'journalists')).toMatchObject({ held: 146, atHome: 0 });
  });

  it('release a named person: counted under their id, once; an unknown id throws', () => {
    const w = releaseNamed(world, 'poczobut', 'poland');
    expect(w.releasedByCohort).toEqual({ poczobut: 1 });
    const more = releaseNamed(releaseFromCohort(world, 'journalists', 2, 'home'), 'poczobut', 'poland');
    expect(more.releasedByCohort).toEqual({ journalists: 2, poczobut: 1 });
    expect(() => releaseNamed(world, 'nobody', 'poland')).toThrow(/no named prisoner/);
  });

  it('re-arrest a named person: held again, a re-arrest only if they had been released', () => {
    const back = rearrestNamed(world, 'bialiatski');
    expect(back.named.find((p) => p.id === 'bialiatski')!.status).toBe('held');
    expect(back.named.find((p) => p.id === 'babaryka')!.status).toBe('released');
    expect(back.rearrested).toBe(world.rearrested + 1);
    const still = rearrestNamed(world, 'poczobut');
    expect(still.rearrested).toBe(world.rearrested);
    expect(still.named.find((p) => p.id === 'poczobut')!.status).toBe('held');
    expect(() => rearrestNamed(world, 'nobody')).toThrow(/no named prisoner/);
  });

  it('arrest into a cohort: whole people, nothing for 0 or less', () => {
    const w = arrestIntoCohort(world, 'journalists', 3.7);
    expect(cohort(w, 'journalists')).toMatchObject({ held: 153, arrested: 3 });
    expect(w.arrested).toBe(3);
    expect(arrestIntoCohort(world, 'journalists', 0)).toBe(world);
    expect(arrestIntoCohort(world, 'journalists', -2)).toBe(world);
    expect(() => arrestIntoCohort(world, 'nobody', 1)).toThrow(/no cohort/);
  });

  it('flows keep the releases counted before, by cohort', () => {
    const before = releaseFromCohort(world, 'journalists', 2, 'lithuania');
    const others = before.cohorts.findIndex((c) => c.id === 'others');
    const counts = before.cohorts.map((_, i) => (i === others ? 3 : 0));
    expect(flowCohorts(before, counts, 'home').releasedByCohort).toEqual({ journalists: 2, others: 3 });
    expect(flowCohorts(before, counts, 'served').releasedByCohort).toEqual({ journalists: 2, others: 3 });
  });

  it('re-arrest from home: nobody at home changes nothing', () => {
    expect(rearrestFromHome(world, 'journalists', 5)).toBe(world);
    const home = releaseFromCohort(world, 'journalists', 2, 'home');
    expect(rearrestFromHome(home, 'journalists', 5)).toMatchObject({ rearrested: 2 });
  });

  it('sanctions: a change is stamped once in the history; lifting what is lifted changes nothing', () => {
    const lifted = liftSanction(world, 'eu.potash');
    expect(lifted.sanctionChanges).toEqual([{ id: 'eu.potash', month: '2025-12', status: 'lifted' }]);
    expect(liftSanction(lifted, 'eu.potash')).toBe(lifted);
    expect(reimposeSanction(world, 'eu.potash')).toBe(world);
    expect(reimposeSanction(lifted, 'eu.potash').sanctionChanges).toEqual([
      { id: 'eu.potash', month: '2025-12', status: 'lifted' }, { id: 'eu.potash', month: '2025-12', status: 'active' },
    ]);
  });

  it('which sanctions an issuer has in force or lifted', () => {
    expect(sanctionsOf(world, 'us', 'lifted').map((x) => x.id).sort()).toEqual(['us.aircraft', 'us.belavia', 'us.potash']);
    expect(sanctionsOf(world, 'us', 'active').every((x) => x.issuer === 'us' && x.status === 'active')).toBe(true);
    expect(sanctionsOf(world, 'us', 'active').length).toBeGreaterThan(0);
    expect(sanctionsOf(world, 'eu', 'lifted')).toEqual([]);
  });

  it('trust within [0, 1], the same world when it does not move', () => {
    expect(setTrust(world, 2).trust).toBe(1);
    expect(setTrust(world, -1).trust).toBe(0);
    expect(setTrust(world, 0.25)).toMatchObject({ trust: 0.25, month: world.month });
    expect(setTrust(world, world.trust)).toBe(world);
  });

  it('switches that are already set return the same world; set, the new value with the rest kept', () => {
    expect(setTalks(world, world.talks)).toBe(world);
    expect(resumeBalloons(world)).toBe(world);
    const calm = stopBalloons(world);
    expect(resumeBalloons(calm)).toMatchObject({ balloons: true, month: world.month, trust: world.trust });
    expect(openTransit(world)).toMatchObject({ transitOpen: true, month: world.month, trust: world.trust });
    expect(openTransit(openTransit(world))).toEqual(openTransit(world));
    const open = openTransit(world);
    expect(openTransit(open)).toBe(open);
    expect(freeLorryDrivers(world)).toBe(world);
    expect(threatenConfiscation(world, world.confiscationThreat)).toBe(world);
    expect(threatenConfiscation(world, !world.confiscationThreat)).toMatchObject({ confiscationThreat: !world.confiscationThreat, month: world.month });
    expect(setHostility(world, 'poland', 0.75).relations).toEqual({ ...world.relations, poland: { hostility: 0.75 } });
    expect(setHostility(world, 'lithuania', 3).relations.lithuania.hostility).toBe(1);
  });
});

describe('releaseEach', () => {
  it('frees the entries in turn and says how many each freed, the skipped ones counting 0', () => {
    const before = releaseNamed(world, 'poczobut', 'poland');
    const journalists = world.cohorts.find((c) => c.id === 'journalists')!.held;
    const out = releaseEach(before, [
      { id: 'poczobut', count: 1, named: true, route: 'lithuania' },
      { id: 'journalists', count: journalists - 5, named: false, route: 'lithuania' },
      { id: 'journalists', count: 9, named: false, route: 'home' },
      { id: 'unionists', count: 2, named: false, route: 'ukraine' },
    ]);
    // The first is free already; the third finds only 5 left of the 9 asked.
    expect(out.freed).toEqual([0, journalists - 5, 5, 2]);
    expect(out.world.releasedByRoute).toEqual({ ...before.releasedByRoute, lithuania: journalists - 5, home: 5, ukraine: 2 });
    expect(out.world.releasedByCohort).toEqual({ poczobut: 1, journalists, unionists: 2 });
    expect(out.world.cohorts.find((c) => c.id === 'journalists')).toMatchObject({ held: 0, atHome: 5 });
    expect(out.world.named.find((p) => p.id === 'poczobut')).toMatchObject({ status: 'released', route: 'poland' });
    // Nothing to free: the same world.
    expect(releaseEach(before, [{ id: 'poczobut', count: 1, named: true, route: 'lithuania' }])).toEqual({ world: before, freed: [0] });
    expect(releaseEach(before, []).world).toBe(before);
    expect(() => releaseEach(world, [{ id: 'nobody', count: 1, named: false, route: 'home' }])).toThrow(/no cohort nobody/);
  });
});

describe('setTrustWith (R24)', () => {
  it('moves one partner\'s trust, clamped to [0, 1], and keeps the other; no change, the same world', () => {
    const w = setTrustWith(world, 'eu', 0.4);
    expect(w.trustWith).toEqual({ ...world.trustWith, eu: 0.4 });
    expect(setTrustWith(w, 'lithuania', -2).trustWith).toEqual({ eu: 0.4, lithuania: 0 });
    expect(setTrustWith(w, 'lithuania', 7).trustWith.lithuania).toBe(1);
    expect(setTrustWith(w, 'eu', 0.4)).toBe(w);
    expect(world.trustWith.eu).toBe(1);
  });
});
