/** Resolving facts in hand-made runs: windows, bounds, numbers, every kind. */
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/world/types.js';
import type { WaveRecord } from '../../src/simulation/trace.js';
import type { Fact, FactQuery } from '../../src/backtest/facts.js';
import { resolveAll, resolveFact, worldAt, type ResolvableRun } from '../../src/backtest/resolve.js';
import { persistenceForecast, standingStill, uniformForecast } from '../../src/backtest/baselines.js';
import { createWorld } from '../../src/world/create.js';
import { loadScenario } from '../../src/scenario/load.js';

const start = createWorld(loadScenario('base').scenario);

/** A month later than `w`, with some people freed (by route) and pardoned, arrests and changes. */
function next(w: World, month: string, change: { lithuania?: number; ukraine?: number; home?: number; pardoned?: number; arrested?: number; lift?: string; free?: string; transitOpen?: boolean }): World {
  const byRoute = { ...w.releasedByRoute };
  byRoute.lithuania += change.lithuania ?? 0;
  byRoute.ukraine += change.ukraine ?? 0;
  byRoute.home += change.home ?? 0;
  const freed = (change.lithuania ?? 0) + (change.ukraine ?? 0) + (change.home ?? 0);
  const [first, ...rest] = w.cohorts;
  return {
    ...w, month, releasedByRoute: byRoute,
    cohorts: [{ ...first!, held: first!.held - freed + (change.arrested ?? 0) }, ...rest],
    pardoned: w.pardoned + (change.pardoned ?? 0),
    arrested: w.arrested + (change.arrested ?? 0),
    sanctions: w.sanctions.map((s) => (s.id === change.lift ? { ...s, status: 'lifted' as const, changedIn: month } : s)),
    named: w.named.map((p) => (p.id === change.free ? { ...p, status: 'released' as const, route: 'lithuania' as const, releasedIn: month } : p)),
    transitOpen: change.transitOpen ?? w.transitOpen,
  };
}

const wave = (month: string, released: number, relief: string[] = [], track: WaveRecord['track'] = 'us-belarus'): WaveRecord => ({
  month, track, scripted: false, released, byRoute: {}, relief, tranches: 1, delivered: 1, status: 'done', renegedBy: null, renegedIn: null,
});

// 2026-01: 20 pardoned at home, 10 arrested; 2026-02: a wave of 100 (90 to Ukraine, 10 to Lithuania) lifting us.visa;
// 2026-03: 30 arrested, 5 pardoned, Poczobut freed to Lithuania (outside any cohort count), transit opens.
const m1 = next(start, '2026-01', { home: 20, pardoned: 20, arrested: 10 });
const m2 = next(m1, '2026-02', { ukraine: 90, lithuania: 10, lift: 'us.visa' });
const m3 = next(m2, '2026-03', { home: 5, pardoned: 5, arrested: 30, transitOpen: true, free: 'poczobut' });
const run: ResolvableRun = { start, months: [m1, m2, m3], waves: [wave('2026-02', 100, ['us.visa'])] };

const fact = (query: FactQuery, by = '2026-03', from: string | null = null): Fact => ({ id: 'f', question: null, from, by, query, observed: true, source: null });
const none = { min: null, max: null };

describe('resolveFact', () => {
  it('finds the world at the end of a month, and refuses a month outside the run', () => {
    expect(worldAt(run, '2025-12')).toBe(start);
    expect(worldAt(run, '2026-02')).toBe(m2);
    expect(() => worldAt(run, '2026-04')).toThrow(RangeError);
  });

  it('waves: in the window, on the track, big enough, with the relief asked for', () => {
    const w = (q: Partial<Extract<FactQuery, { kind: 'wave' }>>, by = '2026-03', from: string | null = null) =>
      resolveFact(fact({ kind: 'wave', track: null, minReleased: 1, relief: null, ...q }, by, from), run);
    expect(w({})).toBe(true);
    expect(w({}, '2026-01')).toBe(false);
    expect(w({}, '2026-03', '2026-03')).toBe(false);
    expect(w({ minReleased: 100 })).toBe(true);
    expect(w({ minReleased: 101 })).toBe(false);
    expect(w({ track: 'poland-belarus' })).toBe(false);
    expect(w({ relief: 'us.visa' })).toBe(true);
    expect(w({ relief: 'us.finance' })).toBe(false);
  });

  it('released counts deals only unless withPardons; pardoned counts the rest; windows subtract the month before', () => {
    expect(resolveFact(fact({ kind: 'released', withPardons: false, ...none }), run)).toBe(100);
    expect(resolveFact(fact({ kind: 'released', withPardons: true, ...none }), run)).toBe(125);
    expect(resolveFact(fact({ kind: 'released', withPardons: true, ...none }, '2026-03', '2026-02'), run)).toBe(105);
    expect(resolveFact(fact({ kind: 'pardoned', ...none }), run)).toBe(25);
    expect(resolveFact(fact({ kind: 'released', withPardons: false, min: 100, max: null }), run)).toBe(true);
    expect(resolveFact(fact({ kind: 'released', withPardons: false, min: 101, max: null }), run)).toBe(false);
    expect(resolveFact(fact({ kind: 'released', withPardons: false, min: null, max: 99 }), run)).toBe(false);
  });

  it('held is the stock at the end of `by`; arrested the flow in the window', () => {
    const held0 = resolveFact(fact({ kind: 'held', ...none }, '2025-12'), run) as number;
    expect(resolveFact(fact({ kind: 'held', ...none }), run)).toBe(held0 - 125 + 40 - 1);
    expect(resolveFact(fact({ kind: 'arrested', ...none }), run)).toBe(40);
    expect(resolveFact(fact({ kind: 'arrested', ...none }, '2026-03', '2026-02'), run)).toBe(30);
    expect(resolveFact(fact({ kind: 'arrested', min: 41, max: null }), run)).toBe(false);
  });

  it('sanctions, named people (with a route) and transit: status at the end of `by`', () => {
    expect(resolveFact(fact({ kind: 'sanction', id: 'us.visa', status: 'lifted' }, '2026-01'), run)).toBe(false);
    expect(resolveFact(fact({ kind: 'sanction', id: 'us.visa', status: 'lifted' }, '2026-02'), run)).toBe(true);
    expect(resolveFact(fact({ kind: 'sanction', id: 'eu.potash', status: 'active' }), run)).toBe(true);
    expect(resolveFact(fact({ kind: 'named', id: 'poczobut', status: 'held', route: null }, '2026-02'), run)).toBe(true);
    expect(resolveFact(fact({ kind: 'named', id: 'poczobut', status: 'released', route: 'lithuania' }), run)).toBe(true);
    expect(resolveFact(fact({ kind: 'named', id: 'poczobut', status: 'released', route: 'ukraine' }), run)).toBe(false);
    expect(resolveFact(fact({ kind: 'transit', status: 'closed' }, '2026-02'), run)).toBe(true);
    expect(resolveFact(fact({ kind: 'transit', status: 'open' }), run)).toBe(true);
  });

  it('routes: a count, bounds, or a share of every release in the window', () => {
    const r = (q: Partial<Extract<FactQuery, { kind: 'route' }>>, by = '2026-03', from: string | null = null) =>
      resolveFact(fact({ kind: 'route', route: 'ukraine', minShare: null, maxShare: null, ...none, ...q }, by, from), run);
    expect(r({})).toBe(90);
    expect(r({ route: 'home' })).toBe(25);
    expect(r({ min: 90 })).toBe(true);
    expect(r({ min: 91 })).toBe(false);
    expect(r({ minShare: 0.72 })).toBe(true); // 90 of 125
    expect(r({ minShare: 0.73 })).toBe(false);
    expect(r({ route: 'home', maxShare: 0.2 })).toBe(true); // 25 of 125
    expect(r({ route: 'home', minShare: 1 }, '2026-01')).toBe(true); // 20 of 20
    // No release at all in the window: no share holds.
    expect(resolveFact(fact({ kind: 'route', route: 'home', minShare: 0, maxShare: null, ...none }, '2026-01'), standingStill(start, 1))).toBe(false);
  });

  it('resolveAll gives yes/no as 1 and 0, in the facts\' order, from the worlds the run observed', () => {
    const facts = [fact({ kind: 'transit', status: 'open' }), fact({ kind: 'released', withPardons: true, ...none }), fact({ kind: 'transit', status: 'closed' })];
    expect(resolveAll(facts, [start, m1, m2, m3], run.waves)).toEqual([1, 125, 0]);
  });
});

describe('baselines', () => {
  it('uniform says 0.5', () => expect(uniformForecast()).toBe(0.5));

  it('persistence carries the start forward: changes get 0, the status quo 1, numbers their start value', () => {
    expect(persistenceForecast(fact({ kind: 'wave', track: null, minReleased: 1, relief: null }), start)).toBe(0);
    expect(persistenceForecast(fact({ kind: 'sanction', id: 'us.visa', status: 'lifted' }), start)).toBe(0);
    expect(persistenceForecast(fact({ kind: 'sanction', id: 'us.visa', status: 'active' }), start)).toBe(1);
    expect(persistenceForecast(fact({ kind: 'named', id: 'poczobut', status: 'held', route: null }), start)).toBe(1);
    expect(persistenceForecast(fact({ kind: 'transit', status: 'closed' }), start)).toBe(1);
    expect(persistenceForecast(fact({ kind: 'released', withPardons: true, ...none }), start)).toBe(0);
    expect(persistenceForecast(fact({ kind: 'held', ...none }), start)).toBe(1000);
    expect(persistenceForecast(fact({ kind: 'held', min: 1001, max: null }), start)).toBe(0);
  });
});
