/**
 * The start world (src/world/create.ts) field by field, on a scenario whose start values differ from
 * one another, so that a field copied from the wrong place shows. Every createWorld call is inside
 * a test: a world built when the file is imported would be built once, before any mutant is
 * switched on, and Stryker would judge nothing (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { createWorld, heldCount, initialCount, issuerOf, releasedCount } from '../../src/world/create.js';

const s = scenario('base', { world: { hostility: { lithuania: 0.35, poland: 0.65 }, trust: 0.45, usInterest: 0.55, lorryDriversHeld: 7 } });

describe('createWorld', () => {
  it('copies every cohort with its start counts as the start stock, and empty accounts', () => {
    const world = createWorld(s);
    expect(world.cohorts).toEqual(s.world.cohorts.map((c) => ({
      id: c.id, label: c.label, held: c.held, usProfile: c.usProfile, belarusCost: c.belarusCost, initial: c.held, arrested: 0, rearrested: 0, atHome: 0,
    })));
    expect(world.cohorts.length).toBeGreaterThan(1);
  });

  it('marks exactly the named people held at the start, keeping everything else about them', () => {
    const world = createWorld(s);
    expect(world.named).toEqual(s.world.named.map((p) => ({ ...p, heldAtStart: p.status === 'held' })));
    const held = world.named.filter((p) => p.heldAtStart).map((p) => p.id);
    const free = world.named.filter((p) => !p.heldAtStart).map((p) => p.id);
    expect(held).toContain('poczobut');
    expect(free).toContain('bialiatski');
    expect(held).toEqual(s.world.named.filter((p) => p.status === 'held').map((p) => p.id));
  });

  it('gives each sanction the issuer its id starts with', () => {
    const world = createWorld(s);
    expect(world.sanctions).toEqual(s.world.sanctions.map((x) => ({ ...x, issuer: x.id.split('.')[0] })));
    expect(new Set(world.sanctions.map((x) => x.issuer))).toEqual(new Set(['eu', 'us', 'lithuania', 'poland'].filter((i) => s.world.sanctions.some((x) => x.id.startsWith(`${i}.`)))));
  });

  it('copies the scalars and the two hostilities from the scenario, each to its own place', () => {
    const world = createWorld(s);
    expect(world.relations).toEqual({ lithuania: { hostility: 0.35 }, poland: { hostility: 0.65 } });
    expect(world).toMatchObject({
      month: s.start, talks: s.world.talks, transitOpen: s.world.transitOpen, balloons: s.world.balloons, lorryDriversHeld: 7,
      confiscationThreat: s.world.confiscationThreat, usInterest: 0.55, trust: 0.45,
    });
  });

  it('starts every account at zero and the sanction history empty', () => {
    const world = createWorld(s);
    expect(world.releasedByRoute).toEqual({ lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 });
    expect(world.releasedByCohort).toEqual({});
    expect(world.sanctionChanges).toEqual([]);
    expect([world.arrested, world.rearrested, world.pardoned]).toEqual([0, 0, 0]);
    expect(releasedCount(world)).toBe(0);
  });

  it('held and the start stock agree at the start: cohorts plus named people held', () => {
    const world = createWorld(s);
    const expected = s.world.cohorts.reduce((t, c) => t + c.held, 0) + s.world.named.filter((p) => p.status === 'held').length;
    expect(heldCount(world)).toBe(expected);
    expect(initialCount(world)).toBe(expected);
  });
});

describe('issuerOf and releasedCount', () => {
  it('reads the issuer before the first dot and refuses any other prefix, naming the id', () => {
    expect(['eu.potash', 'us.belavia', 'lithuania.transit', 'poland.border'].map(issuerOf)).toEqual(['eu', 'us', 'lithuania', 'poland']);
    expect(() => issuerOf('xx.trade')).toThrow('sanction id xx.trade does not start with an issuer');
    expect(() => issuerOf('')).toThrow(/does not start with an issuer/);
    expect(() => issuerOf('eupotash')).toThrow(/does not start with an issuer/);
  });

  it('sums every route once', () => {
    const world = createWorld(s);
    expect(releasedCount({ ...world, releasedByRoute: { lithuania: 1, ukraine: 2, poland: 4, home: 8, served: 16 } })).toBe(31);
  });
});
