import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { valuesAt } from '../../src/study/design.js';
import { analyze, sample } from '../../src/study/morris.js';
import { morrisWarnings } from '../../src/study/warnings.js';
import { sobolG, uniformFactors } from './functions.js';

describe('Morris elementary effects', () => {
  it('builds trajectories of D + 1 points that change one factor by Δ per step', () => {
    const factors = uniformFactors(['a', 'b', 'c', 'd'], 0, 1);
    const s = sample(factors, 20, createRng('t'));
    expect(s.unit).toHaveLength(20 * 5);
    for (let t = 0; t < 20; t++) {
      const changed = new Set<number>();
      for (let k = 0; k < 4; k++) {
        const p = s.unit[t * 5 + k]!;
        const q = s.unit[t * 5 + k + 1]!;
        const diff = q.map((x, i) => x - p[i]!).map((x, i) => [x, i] as const).filter(([x]) => x !== 0);
        expect(diff).toHaveLength(1);
        expect(Math.abs(diff[0]![0])).toBeCloseTo(2 / 3, 12);
        changed.add(diff[0]![1]);
        expect(q.every((x) => x >= 0 && x <= 1)).toBe(true);
      }
      expect(changed.size).toBe(4);
      expect(new Set(s.groups.slice(t * 5, t * 5 + 5))).toEqual(new Set([t]));
    }
  });

  it('gives factors a linear function ignores μ* = σ = 0, and the live ones their slopes', () => {
    const factors = uniformFactors(['x1', 'inert1', 'x3', 'inert2'], 0, 10);
    const s = sample(factors, 30, createRng('lin'));
    const y = s.unit.map((u) => { const x = valuesAt(factors, u) as number[]; return 3 * x[0]! - 0.5 * x[2]!; });
    const r = analyze(factors, s, y, { rng: createRng('b') });
    // Effects are per unit of the factor's range (10 wide): slope · 10.
    expect(r[0]!.muStar).toBeCloseTo(30, 9);
    expect(r[0]!.sigma).toBeCloseTo(0, 9);
    expect(r[2]!.mu).toBeCloseTo(-5, 9);
    expect(r[2]!.muStar).toBeCloseTo(5, 9);
    for (const i of [1, 3]) expect(r[i]).toMatchObject({ mu: 0, muStar: 0, sigma: 0, muStarCi: [0, 0] });
  });

  it('ranks the G function\'s factors by importance (small a first) and shows their interactions in σ', () => {
    const a = [0, 1, 9, 99];
    const factors = uniformFactors(['x1', 'x2', 'x3', 'x4'], 0, 1);
    const s = sample(factors, 60, createRng('g'));
    const y = s.unit.map((u) => sobolG(a)(valuesAt(factors, u) as number[]));
    const r = analyze(factors, s, y, { rng: createRng('b') });
    const mu = r.map((x) => x.muStar!);
    expect(mu[0]!).toBeGreaterThan(mu[1]!);
    expect(mu[1]!).toBeGreaterThan(mu[2]!);
    expect(mu[2]!).toBeGreaterThan(mu[3]!);
    expect(r[0]!.sigma!).toBeGreaterThan(0);
    expect(r[0]!.muStarCi![0]).toBeLessThanOrEqual(r[0]!.muStar!);
    expect(r[0]!.muStarCi![1]).toBeGreaterThanOrEqual(r[0]!.muStar!);
  });

  it('flips a boolean choice on every step of it', () => {
    const factors = [{ name: 'flag', distribution: { kind: 'choice', values: [false, true], weights: null }, integer: false } as const];
    const s = sample(factors, 10, createRng('c'));
    for (let t = 0; t < 10; t++) expect(valuesAt(factors, s.unit[2 * t]!)[0]).not.toBe(valuesAt(factors, s.unit[2 * t + 1]!)[0]);
  });

  it('warns when there are too few trajectories', () => {
    expect(morrisWarnings('m', [], 4).map((w) => w.message).join()).toMatch(/too few/);
    expect(morrisWarnings('m', [], 20)).toEqual([]);
  });
});
