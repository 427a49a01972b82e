import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { parseDistribution, quantileOf, supportOf, type Distribution } from '../../src/study/distributions.js';
import { valueAt } from '../../src/study/design.js';

const parsed = (x: unknown, range?: { lo: number | null; hi: number | null }): Distribution => {
  const r = parseDistribution(x, range);
  if (!r.ok) throw new Error(r.message);
  return r.distribution;
};
const draws = (d: Distribution, n = 20000) => {
  const rng = createRng('d');
  return Array.from({ length: n }, () => quantileOf(d, rng.next()) as number);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('distributions', () => {
  it('uniform spans its range; its quantile is exact at both ends', () => {
    const d = parsed({ uniform: [0.2, 0.9] });
    expect(quantileOf(d, 0)).toBe(0.2);
    expect(quantileOf(d, 1)).toBe(0.9);
    expect(mean(draws(d))).toBeCloseTo(0.55, 2);
  });

  it('triangular has mean (lo + mode + hi) / 3 and its mode at the peak', () => {
    const d = parsed({ triangular: [0, 2, 10] });
    expect(mean(draws(d))).toBeCloseTo(4, 1);
    expect(quantileOf(d, 0.2)).toBeCloseTo(2, 12);
  });

  it('normal truncated to [min, max] stays inside; untruncated has its mean and sd', () => {
    const t = draws(parsed({ normal: { mean: 0.5, sd: 0.4, min: 0.3, max: 0.9 } }));
    expect(Math.min(...t)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...t)).toBeLessThanOrEqual(0.9);
    const u = draws(parsed({ normal: { mean: 3, sd: 2 } }));
    expect(mean(u)).toBeCloseTo(3, 1);
    expect(supportOf(parsed({ normal: { mean: 3, sd: 2 } }))).toEqual({ lo: -Infinity, hi: Infinity });
  });

  it('beta is scaled to the parameter\'s range: mean lo + (hi − lo)·a/(a + b)', () => {
    const d = parsed({ beta: [2, 6] }, { lo: 0, hi: 10 });
    expect(mean(draws(d))).toBeCloseTo(2.5, 1);
    expect(supportOf(d)).toEqual({ lo: 0, hi: 10 });
    expect(parseDistribution({ beta: [2, 2] }, { lo: 0, hi: null })).toMatchObject({ ok: false });
  });

  it('choice picks equal shares, or shares by weight', () => {
    const d = parsed({ choice: [1, 2, 4], weights: [1, 0, 3] });
    const xs = draws(d);
    expect(xs.includes(2)).toBe(false);
    expect(xs.filter((x) => x === 4).length / xs.length).toBeCloseTo(0.75, 1);
    expect(quantileOf(parsed({ choice: [true, false] }), 0.49)).toBe(true);
    expect(quantileOf(parsed({ choice: [true, false] }), 0.51)).toBe(false);
  });

  it('integers stay integers: a uniform range is a discrete uniform', () => {
    const f = { name: 'k', distribution: parsed({ uniform: [1, 4] }), integer: true };
    const rng = createRng('i');
    const counts = new Map<unknown, number>();
    for (let k = 0; k < 8000; k++) { const v = valueAt(f, rng.next()); counts.set(v, (counts.get(v) ?? 0) + 1); }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const c of counts.values()) expect(c / 8000).toBeCloseTo(0.25, 1);
    const t = { name: 't', distribution: parsed({ triangular: [0, 1, 5] }), integer: true };
    expect(Number.isInteger(valueAt(t, 0.37))).toBe(true);
  });

  it.each([
    [{ uniform: [0.9, 0.2] }, /lo must not be above hi/],
    [{ uniform: [1] }, /two numbers/],
    [{ triangular: [0, 5, 1] }, /lo ≤ mode ≤ hi/],
    [{ normal: { mean: 1, sd: 0 } }, /sd must be above 0/],
    [{ normal: { mean: 1, sd: 1, min: 2, max: 1 } }, /min .* below max/],
    [{ normal: { mean: 1, sd: 1, mode: 2 } }, /unexpected key "mode"/],
    [{ beta: [0, 1] }, /above 0/],
    [{ choice: [] }, /list of values/],
    [{ choice: [1, 2], weights: [1] }, /weights must be 2 numbers/],
    [{ uniform: [0, 1], extra: 2 }, /unexpected key "extra"/],
    [{ gamma: [1, 2] }, /expected one of/],
  ])('refuses %j with a reason', (x, why) => {
    const r = parseDistribution(x);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(why);
  });
});
