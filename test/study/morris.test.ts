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

  it('refuses level counts that are not even numbers of at least 2, and moves by Δ = p / (2(p − 1))', () => {
    const factors = uniformFactors(['a', 'b'], 0, 1);
    for (const levels of [0, 1, 3, 2.5, -2]) expect(() => sample(factors, 2, createRng('l'), { levels })).toThrow(RangeError);
    // p = 2: the grid is {0, 1} and every step crosses it.
    const two = sample(factors, 10, createRng('p2'), { levels: 2 });
    for (const point of two.unit) expect(point.every((x) => x === 0 || x === 1)).toBe(true);
    // p = 6: the grid is k/5 and steps are 0.6 long.
    const six = sample(factors, 10, createRng('p6'), { levels: 6 });
    for (let k = 0; k < six.unit.length; k++) {
      expect(six.unit[k]!.every((x) => Math.abs(x * 5 - Math.round(x * 5)) < 1e-9 && x >= 0 && x <= 1 + 1e-12)).toBe(true);
      if (k % 3 !== 0) {
        const moved = six.unit[k]!.map((x, i) => Math.abs(x - six.unit[k - 1]![i]!)).filter((x) => x > 0);
        expect(moved).toHaveLength(1);
        expect(moved[0]).toBeCloseTo(0.6, 12);
      }
    }
  });

  // Two trajectories of two factors worked by hand: a then b up by 2/3, then b down and a up.
  const hand = { unit: [[0, 0], [2 / 3, 0], [2 / 3, 2 / 3], [1 / 3, 1], [1 / 3, 1 / 3], [1, 1 / 3]], groups: [0, 0, 0, 1, 1, 1] };
  const two = uniformFactors(['a', 'b'], 0, 1);
  const always = (u: number) => ({ next: () => u });
  const near = (x: number): unknown => expect.closeTo(x, 12);

  it('computes elementary effects, μ, μ*, σ and the bootstrap interval of a hand-worked sample', () => {
    // EE of a: 1/(2/3) = 1.5, then (4 − 6)/(2/3) = −3; of b: 2/(2/3) = 3, then (6 − 5)/(−2/3) = −1.5.
    const y = [0, 1, 3, 5, 6, 4];
    const r = analyze(two, hand, y, { rng: createRng('hand') });
    expect(r[0]!.mu).toBeCloseTo(-0.75, 12);
    expect(r[0]!.muStar).toBeCloseTo(2.25, 12);
    expect(r[0]!.sigma).toBeCloseTo(Math.sqrt(2 * 2.25 ** 2), 12);
    expect(r[1]!.mu).toBeCloseTo(0.75, 12);
    expect(r[1]!.muStar).toBeCloseTo(2.25, 12);
    expect(r.map((x) => x.effects)).toEqual([2, 2]);
    expect(r[0]!.muStarCi![0]).toBeGreaterThanOrEqual(1.5);
    expect(r[0]!.muStarCi![1]).toBeLessThanOrEqual(3);
    // Every resample drawing the first trajectory only (u = 0), or the second only (u → 1).
    const first = analyze(two, hand, y, { rng: always(0) });
    expect(first.map((x) => x.muStarCi)).toEqual([[near(1.5), near(1.5)], [near(3), near(3)]]);
    const second = analyze(two, hand, y, { rng: always(0.99) });
    expect(second.map((x) => x.muStarCi)).toEqual([[near(3), near(3)], [near(1.5), near(1.5)]]);
  });

  it('uses the confidence level it is given', () => {
    const y = [0, 1, 3, 5, 6, 4];
    // Resamples alternate between the trajectories, so μ* of a is 1.5, 3 and 2.25 in turn.
    const alternating = { k: 0, next() { return [0, 0, 0.99, 0.99, 0, 0.99][this.k++ % 6]!; } };
    const r = analyze(two, hand, y, { rng: alternating, resamples: 3, confidence: 0 });
    expect(r[0]!.muStarCi).toEqual([2.25, 2.25]);
  });

  it('leaves out steps whose values are missing, and gives no σ from one effect', () => {
    const r = analyze(two, hand, [0, 1, 3, 5, 6, null], { rng: always(0.99) });
    expect(r[0]).toEqual({ factor: 'a', mu: near(1.5), muStar: near(1.5), muStarCi: null, sigma: null, effects: 1 });
    expect(r[1]!.effects).toBe(2);
    expect(r[1]!.muStarCi).toEqual([near(1.5), near(1.5)]);
    const none = analyze(two, hand, [null, null, null, null, null, null], { rng: always(0) });
    expect(none[0]).toEqual({ factor: 'a', mu: null, muStar: null, muStarCi: null, sigma: null, effects: 0 });
  });

  it('skips a step that moves no factor', () => {
    const still = { unit: [[0, 0], [0, 0], [0, 2 / 3]], groups: [0, 0, 0] };
    const r = analyze(two, still, [1, 2, 3], { rng: always(0) });
    expect(r.map((x) => x.effects)).toEqual([0, 1]);
    expect(r[1]!.mu).toBeCloseTo(1.5, 12);
  });

  it('refuses outputs that do not match the sample', () => {
    expect(() => analyze(two, hand, [0, 1, 3, 5, 6], { rng: always(0) })).toThrow(RangeError);
    expect(() => analyze(two, { unit: hand.unit.slice(0, 5), groups: [] }, [0, 1, 3, 5, 6], { rng: always(0) })).toThrow(RangeError);
  });
});
