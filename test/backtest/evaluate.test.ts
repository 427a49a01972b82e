/** A backtest's forecasts and scores from resolved runs: hand-computed cases. */
import { describe, expect, it } from 'vitest';
import { evaluateBacktest, type BinaryFactResult, type NumericFactResult } from '../../src/backtest/evaluate.js';
import type { Fact, FactQuery } from '../../src/backtest/facts.js';
import { createWorld } from '../../src/world/create.js';
import { loadScenario } from '../../src/scenario/load.js';

const start = createWorld(loadScenario('base').scenario);
const fact = (id: string, query: FactQuery, observed: boolean | number): Fact => ({ id, question: null, from: null, by: '2026-06', query, observed, source: null });
const facts = [
  fact('wave', { kind: 'wave', track: null, minReleased: 1, relief: null }, true),
  fact('transit', { kind: 'transit', status: 'closed' }, true),
  fact('poczobut', { kind: 'named', id: 'poczobut', status: 'released', route: null }, false),
  fact('held', { kind: 'held', min: null, max: null }, 900),
];
// Four runs: the wave in 3 of 4, transit closed in all, Poczobut out in 1, held 800…1100.
const values = [[1, 1, 0, 800], [1, 1, 1, 900], [0, 1, 0, 1000], [1, 1, 0, 1100]];

describe('evaluateBacktest', () => {
  const r = evaluateBacktest(facts, values, start, 1);
  const byId = (id: string) => r.facts.find((f) => f.id === id)!;

  it('a yes/no forecast is the share of runs in which the fact held, with its Brier and log terms', () => {
    const w = byId('wave') as BinaryFactResult;
    expect(w.p).toBe(0.75);
    expect(w.brier).toBeCloseTo(0.0625, 12);
    expect(w.log).toBeCloseTo(-Math.log(0.75), 12);
    expect((byId('transit') as BinaryFactResult).p).toBe(1);
    expect((byId('poczobut') as BinaryFactResult).brier).toBeCloseTo(0.0625, 12);
  });

  it('a number gets its median, 90 % band, mid-rank percentile and whether the band holds it', () => {
    const h = byId('held') as NumericFactResult;
    expect(h.median).toBe(950);
    expect(h.band[0]).toBeCloseTo(815, 9); // 800 + 0.15 · 100
    expect(h.band[1]).toBeCloseTo(1085, 9);
    expect(h.percentile).toBe(0.375); // one below, one equal: (1 + 0.5) / 4
    expect(h.inBand).toBe(true);
    expect(h.persistence).toBe(1000);
    expect(r.scores.inBand).toBe(1);
  });

  it('scores the yes/no facts and both baselines on the same facts', () => {
    expect(r.scores.n).toBe(3);
    expect(r.scores.brier).toBeCloseTo((0.0625 + 0 + 0.0625) / 3, 12);
    expect(r.baselines.uniform.brier).toBeCloseTo(0.25, 12);
    expect(r.baselines.uniform.log).toBeCloseTo(Math.log(2), 12);
    // Persistence: no wave (0, wrong), transit closed (1, right), Poczobut held (0, right).
    expect(r.baselines.persistence.brier).toBeCloseTo(1 / 3, 12);
    expect(r.baselines.persistence.log).toBeCloseTo((-Math.log(0.01) - 2 * Math.log(0.99)) / 3, 12);
    expect(r.skill.uniform).toBeCloseTo(1 - (0.125 / 3) / 0.25, 12);
    const { reliability, resolution, uncertainty, withinBin } = r.scores;
    expect(reliability! - resolution! + uncertainty! + withinBin!).toBeCloseTo(r.scores.brier!, 12);
    expect(r.scores.brierCi![0]).toBeLessThanOrEqual(r.scores.brier!);
    expect(r.scores.brierCi![1]).toBeGreaterThanOrEqual(r.scores.brier!);
  });

  it('the same rows and seed give the same result; the bootstrap follows the seed', () => {
    expect(JSON.stringify(evaluateBacktest(facts, values, start, 1))).toBe(JSON.stringify(r));
    expect(evaluateBacktest(facts, values, start, 2).scores.brier).toBe(r.scores.brier);
  });

  it('without yes/no facts the scores are null, not NaN', () => {
    const only = evaluateBacktest([facts[3]!], values.map((v) => [v[3]!]), start, 1);
    expect(only.scores.brier).toBeNull();
    expect(only.baselines.uniform.brier).toBeNull();
    expect(JSON.stringify(only)).not.toMatch(/NaN/);
  });
});
