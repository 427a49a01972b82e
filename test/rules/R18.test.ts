import { describe, expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { mean, runs, scenario } from '../support/scenarios.js';
import { POISSON_EXACT_UP_TO, createRng, poisson } from '../../src/simulation/rng.js';
import { arrestRates } from '../../src/world/arrests.js';
import { runScenario } from '../../src/run-scenario.js';
import { loadScenarioText } from './open-world-support.js';

describeRule('R18', () => {
  it('brings new political prisoners in every month, about the arrest rate on average (Poisson)', () => {
    const rs = runs(scenario('base'), 40);
    const perMonth = mean(rs.map((r) => r.outcome.prisonersArrested)) / 12;
    expect(perMonth).toBeGreaterThan(42 * 0.9);
    expect(perMonth).toBeLessThan(42 * 1.1);
    // Every month's summary counts them, and the ledger holds: initial + arrested + re-arrested = released + held.
    for (const r of rs) for (const m of r.months) expect(m.world.held + m.world.released).toBe(r.outcome.prisonersInitial + m.world.arrested + m.world.rearrested);
  });

  it('switched off, nobody new is arrested', () => {
    for (const r of runs(scenario('base', { rules: { R18: false } }), 20)) {
      expect(r.outcome.prisonersArrested).toBe(0);
      expect(r.months.flatMap((m) => m.changes).some((c) => c.kind === 'arrest')).toBe(false);
    }
  });

  it('splits the overall rate by the cohorts\' shares, by `held` when none is given, and a cohort rate wins', () => {
    const base = scenario('base');
    const held = base.world.cohorts.map((c) => c.held);
    const total = held.reduce((a, b) => a + b, 0);
    expect(arrestRates(base)).toEqual(held.map((h) => 42 * (h / total)));
    const shares = scenario('base', { world: { cohorts: [{ id: 'journalists', arrestShare: 0.5 }, { id: 'unionists', arrestShare: 0.5 }, { id: 'activists', arrestRate: 7 }] } });
    expect(arrestRates(shares)).toEqual([21, 21, 7, 0]);
  });

  it('does not respond to the world by default (Viasna\'s 2024–25 counts kept rising through the releases); a scenario can make it', () => {
    // Same seed, calm versus escalating relations: the same arrests, month by month.
    const escalating = scenario('base');
    const calm = scenario('base', { world: { balloons: false, hostility: { lithuania: 0.1 } } });
    for (const seed of [1, 2, 3, 4, 5]) {
      const a = runScenario(escalating, { seed }).months.map((m) => m.world.arrested);
      const b = runScenario(calm, { seed }).months.map((m) => m.world.arrested);
      expect(a).toEqual(b);
    }
    // With a factor of 2 while escalating, arrests double (within sampling noise).
    const doubled = mean(runs(scenario('base', { agents: { belarus: { arrestEscalationFactor: 2 } }, rules: { R11: false } }), 40).map((r) => r.outcome.prisonersArrested));
    const plain = mean(runs(scenario('base', { rules: { R11: false } }), 40).map((r) => r.outcome.prisonersArrested));
    expect(doubled / plain).toBeGreaterThan(1.7);
  });

  it('a scenario `arrest` event adds exactly that many to the cohort, traced as an arrest', () => {
    const s = loadScenarioText(`
id: arrest-event
extends: base
title: an arrest wave
rules: { R18: false }
events:
  - { id: crackdown, at: 2026-02, do: { arrest: { journalists: 30 } } }
`);
    const r = runScenario(s, { seed: 1 });
    expect(r.outcome.prisonersArrested).toBe(30);
    expect(r.months[1]!.changes.filter((c) => c.kind === 'arrest')).toEqual([{ kind: 'arrest', actor: 'scenario', people: [{ id: 'journalists', count: 30 }], sanctions: [], numbers: { count: 30, event: 0 }, rules: ['R18'] }]);
  });
});

describe('poisson (one uniform per count)', () => {
  const sample = (mean: number) => {
    const rng = createRng(`poisson-${mean}`);
    const xs = Array.from({ length: 20_000 }, () => poisson(rng.next(), mean));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
    return { m, v, min: Math.min(...xs) };
  };
  it.each([0.5, 5, 21, POISSON_EXACT_UP_TO + 12, 400])('mean and variance are both about %d', (lambda) => {
    const { m, v, min } = sample(lambda);
    expect(Math.abs(m - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 20_000) + 0.02);
    expect(v / lambda).toBeGreaterThan(0.93);
    expect(v / lambda).toBeLessThan(1.07);
    expect(min).toBeGreaterThanOrEqual(0);
  });
  it('is 0 for a mean of 0, and increasing in the uniform', () => {
    expect(poisson(0.99, 0)).toBe(0);
    expect(poisson(0.1, 5)).toBeLessThanOrEqual(poisson(0.5, 5));
    expect(poisson(0.5, 5)).toBeLessThanOrEqual(poisson(0.9, 5));
    expect(poisson(0, 5)).toBe(0); // P(0) = e⁻⁵ > 0
  });
});
