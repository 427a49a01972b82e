/**
 * In-process known answers for src/study/distributions.ts: each quantile function at chosen points,
 * supports, the analyst-facing descriptions, and every refusal of parseDistribution with its
 * message and hint. The scenario and CLI suites reach the same checks only through YAML files.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceIndex, describeDistribution, isNumeric, looksLikeDistribution, parseDistribution, quantileOf, supportOf,
  type Distribution, type DistributionParse,
} from '../../src/study/distributions.js';

const ok = (x: unknown, range?: { lo: number | null; hi: number | null }): Distribution => {
  const r = parseDistribution(x, range);
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r.distribution;
};
const refusal = (r: DistributionParse) => (r.ok ? { ok: true } : { message: r.message, hint: 'hint' in r ? r.hint : 'none' });
const normal = (mean: number, sd: number, min: number | null = null, max: number | null = null): Distribution => ({ kind: 'normal', mean, sd, min, max });
const choice = (values: (number | boolean | string)[], weights: number[] | null = null) => ({ kind: 'choice', values, weights }) as const;

describe('quantileOf at known points', () => {
  it('uniform is the weighted mean of its ends', () => {
    const d: Distribution = { kind: 'uniform', lo: 2, hi: 6 };
    expect([0, 0.25, 0.5, 1].map((u) => quantileOf(d, u))).toEqual([2, 3, 4, 6]);
  });

  it('triangular: √(u·w·(mode − lo)) above lo before the mode, √((1 − u)·w·(hi − mode)) below hi after it', () => {
    const d: Distribution = { kind: 'triangular', lo: 0, mode: 2, hi: 10 };
    expect(quantileOf(d, 0.1)).toBeCloseTo(Math.SQRT2, 12);
    expect(quantileOf(d, 0.2)).toBeCloseTo(2, 12);
    expect(quantileOf(d, 0.6)).toBeCloseTo(10 - Math.sqrt(32), 12);
    expect(quantileOf(d, 0)).toBe(0);
    expect(quantileOf(d, 1)).toBe(10);
    // The mode at an end: all of the unit interval on one side of it.
    expect(quantileOf({ kind: 'triangular', lo: 0, mode: 0, hi: 1 }, 0.75)).toBe(0.5);
    expect(quantileOf({ kind: 'triangular', lo: 0, mode: 1, hi: 1 }, 0.25)).toBe(0.5);
    // The same shape moved off 0 (lo 2, mode 4, hi 12): every value moves by 2, the cut stays at 0.2.
    const moved: Distribution = { kind: 'triangular', lo: 2, mode: 4, hi: 12 };
    expect(quantileOf(moved, 0.1)).toBeCloseTo(2 + Math.SQRT2, 12);
    expect(quantileOf(moved, 0.2)).toBeCloseTo(4, 12);
    expect(quantileOf(moved, 0.4)).toBeCloseTo(12 - Math.sqrt(48), 12); // past the cut: the upper branch
    expect(quantileOf(moved, 0.6)).toBeCloseTo(12 - Math.sqrt(32), 12);
    expect([quantileOf(moved, 0), quantileOf(moved, 1)]).toEqual([2, 12]);
    // Zero width: the one value, not 0 / 0.
    expect([0, 0.5, 1].map((u) => quantileOf({ kind: 'triangular', lo: 3, mode: 3, hi: 3 }, u))).toEqual([3, 3, 3]);
  });

  it('normal: the mean at ½, mean ± 1.96 sd at 2.5 % and 97.5 %, finite at the cube\'s faces', () => {
    const d = normal(3, 2);
    expect(quantileOf(d, 0.5)).toBeCloseTo(3, 12);
    expect(quantileOf(d, 0.975)).toBeCloseTo(3 + 2 * 1.959963985, 6);
    expect(quantileOf(d, 0.025)).toBeCloseTo(3 - 2 * 1.959963985, 6);
    const low = quantileOf(d, 0) as number;
    const high = quantileOf(d, 1) as number;
    expect(Number.isFinite(low) && Number.isFinite(high)).toBe(true);
    // 1e-9 from each face: about six standard deviations out.
    expect(low).toBeCloseTo(3 - 2 * 5.997807, 3);
    expect(high).toBeCloseTo(3 + 2 * 5.997807, 3);
  });

  it('a truncated normal spreads u over the CDF between its bounds', () => {
    // Half a standard normal: u = ½ is its median, the 75th percentile of the whole (±0.6745).
    expect(quantileOf(normal(0, 1, 0, null), 0.5)).toBeCloseTo(0.6744897502, 8);
    expect(quantileOf(normal(0, 1, null, 0), 0.5)).toBeCloseTo(-0.6744897502, 8);
    // Symmetric bounds keep the mean in the middle; the faces stay at the bounds.
    const t = normal(0.5, 0.4, 0.3, 0.7);
    expect(quantileOf(t, 0.5)).toBeCloseTo(0.5, 12);
    expect(quantileOf(t, 0) as number).toBeCloseTo(0.3, 6);
    expect(quantileOf(t, 1) as number).toBeCloseTo(0.7, 6);
    expect(quantileOf(t, 0) as number).toBeGreaterThanOrEqual(0.3);
    expect(quantileOf(t, 1) as number).toBeLessThanOrEqual(0.7);
  });

  it('beta is scaled to [lo, hi] and reads u clamped to [0, 1]', () => {
    const d: Distribution = { kind: 'beta', a: 2, b: 2, lo: 0, hi: 10 };
    expect(quantileOf(d, 0.5)).toBeCloseTo(5, 12);
    expect([quantileOf(d, 0), quantileOf(d, 1)]).toEqual([0, 10]);
    expect([quantileOf(d, -0.5), quantileOf(d, 1.5)]).toEqual([0, 10]);
    expect(quantileOf({ kind: 'beta', a: 1, b: 1, lo: 2, hi: 4 }, 0.25)).toBeCloseTo(2.5, 12);
  });

  it('choice: equal shares, or shares by weight; u = 1 gives the last value', () => {
    const plain = choice(['a', 'b', 'c']);
    expect([0, 0.33, 0.34, 0.66, 0.67, 1].map((u) => quantileOf(plain, u))).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
    const weighted = choice([1, 2, 4], [1, 0, 3]);
    expect([0, 0.2, 0.2499, 0.25, 0.9, 1].map((u) => choiceIndex(weighted, u))).toEqual([0, 0, 0, 2, 2, 2]);
    expect([0.49, 0.5].map((u) => choiceIndex(choice([true, false], [2, 2]), u))).toEqual([0, 1]);
  });
});

describe('supports and kinds', () => {
  it('gives the range of every numeric distribution', () => {
    expect(supportOf({ kind: 'uniform', lo: 1, hi: 2 })).toEqual({ lo: 1, hi: 2 });
    expect(supportOf({ kind: 'triangular', lo: 0, mode: 1, hi: 3 })).toEqual({ lo: 0, hi: 3 });
    expect(supportOf({ kind: 'beta', a: 1, b: 2, lo: 5, hi: 7 })).toEqual({ lo: 5, hi: 7 });
    expect(supportOf(normal(0, 1, -1, 2))).toEqual({ lo: -1, hi: 2 });
    expect(supportOf(normal(0, 1, -1, null))).toEqual({ lo: -1, hi: Infinity });
    expect(supportOf(choice([4, 1, 2]))).toEqual({ lo: 1, hi: 4 });
  });

  it('a choice with any non-number has no numeric support and is not numeric', () => {
    expect(supportOf(choice([1, 'two']))).toBeNull();
    expect(supportOf(choice([true, false]))).toBeNull();
    expect(isNumeric(choice([1, 'two']))).toBe(false);
    expect(isNumeric(choice([true]))).toBe(false);
    expect(isNumeric(choice([1, 2]))).toBe(true);
    expect(isNumeric(normal(0, 1))).toBe(true);
    expect(isNumeric({ kind: 'uniform', lo: 0, hi: 1 })).toBe(true);
  });

  it('recognises a mapping written as a distribution, and nothing else', () => {
    expect(looksLikeDistribution({ uniform: [0, 1] })).toBe(true);
    expect(looksLikeDistribution({ label: 'x', normal: {} })).toBe(true);
    expect(looksLikeDistribution({ weights: [1, 2] })).toBe(false);
    expect(looksLikeDistribution({})).toBe(false);
    expect(looksLikeDistribution([{ uniform: [0, 1] }])).toBe(false);
    expect(looksLikeDistribution(null)).toBe(false);
    expect(looksLikeDistribution('uniform')).toBe(false);
  });
});

describe('describeDistribution', () => {
  it('writes each kind back as the analyst wrote it, optional parts only when given', () => {
    expect(describeDistribution({ kind: 'uniform', lo: 0.2, hi: 0.9 })).toBe('uniform [0.2, 0.9]');
    expect(describeDistribution({ kind: 'triangular', lo: 0, mode: 2, hi: 10 })).toBe('triangular [0, 2, 10]');
    expect(describeDistribution(normal(1, 0.5))).toBe('normal (mean 1, sd 0.5)');
    expect(describeDistribution(normal(1, 0.5, 0, null))).toBe('normal (mean 1, sd 0.5, min 0)');
    expect(describeDistribution(normal(1, 0.5, null, 2))).toBe('normal (mean 1, sd 0.5, max 2)');
    expect(describeDistribution(normal(1, 0.5, 0, 2))).toBe('normal (mean 1, sd 0.5, min 0, max 2)');
    expect(describeDistribution({ kind: 'beta', a: 2, b: 6, lo: 0, hi: 10 })).toBe('beta (2, 6) on [0, 10]');
    expect(describeDistribution(choice([true, false]))).toBe('choice of true, false');
    expect(describeDistribution(choice([1, 2, 4], [1, 0, 3]))).toBe('choice of 1, 2, 4 (weights 1, 0, 3)');
  });
});

describe('parseDistribution reads', () => {
  it('each kind into its fields', () => {
    expect(ok({ uniform: [0.2, 0.9] })).toEqual({ kind: 'uniform', lo: 0.2, hi: 0.9 });
    expect(ok({ uniform: [3, 3] })).toEqual({ kind: 'uniform', lo: 3, hi: 3 });
    expect(ok({ triangular: [0, 0, 0] })).toEqual({ kind: 'triangular', lo: 0, mode: 0, hi: 0 });
    expect(ok({ triangular: [0, 2, 10] })).toEqual({ kind: 'triangular', lo: 0, mode: 2, hi: 10 });
    expect(ok({ normal: { mean: 1, sd: 2 } })).toEqual(normal(1, 2, null, null));
    expect(ok({ normal: { mean: 1, sd: 2, min: 0 } })).toEqual(normal(1, 2, 0, null));
    expect(ok({ normal: { mean: 1, sd: 2, max: 5 } })).toEqual(normal(1, 2, null, 5));
    expect(ok({ normal: { mean: 1, sd: 2, min: 0, max: 5 } })).toEqual(normal(1, 2, 0, 5));
    // One bound alone is never compared with the missing other (null is not 0): a max below 0, a min above it.
    expect(ok({ normal: { mean: -5, sd: 1, max: -1 } })).toEqual(normal(-5, 1, null, -1));
    expect(ok({ normal: { mean: 5, sd: 1, min: 1 } })).toEqual(normal(5, 1, 1, null));
    expect(ok({ beta: [2, 6] })).toEqual({ kind: 'beta', a: 2, b: 6, lo: 0, hi: 1 });
    expect(ok({ beta: [2, 6] }, { lo: 10, hi: 20 })).toEqual({ kind: 'beta', a: 2, b: 6, lo: 10, hi: 20 });
    expect(ok({ choice: [1, 'a', true] })).toEqual(choice([1, 'a', true]));
    expect(ok({ choice: [1, 2], weights: [0, 2] })).toEqual(choice([1, 2], [0, 2]));
  });
});

describe('parseDistribution refuses', () => {
  const none = 'none';
  it.each([
    ['null', null, /^expected a distribution such as/, none],
    ['a list', [0, 1], /^expected a distribution such as/, none],
    ['a number', 0.5, /^expected a distribution such as/, none],
    ['no known key', { gamma: [1, 2] }, /^expected one of uniform, triangular, normal, beta, choice$/, /e\.g\./],
    ['an empty mapping', {}, /^expected one of/, /e\.g\./],
    ['a second kind', { uniform: [0, 1], normal: { mean: 0, sd: 1 } }, /unexpected key "normal" in a uniform distribution/, /write only `uniform`/],
    ['weights beside a uniform', { uniform: [0, 1], weights: [1] }, /unexpected key "weights" in a uniform/, /write only `uniform`/],
    ['an extra key beside a choice', { choice: [1], label: 'x' }, /unexpected key "label" in a choice/, /a choice takes only `choice` and `weights`/],
  ])('%s', (_what, x, message, hint) => {
    const r = refusal(parseDistribution(x));
    expect(r.message).toMatch(message);
    if (hint === none) expect(r.hint).toBe(none);
    else expect(r.hint).toMatch(hint);
  });

  it.each([
    [{ uniform: [1] }, /uniform expects \[lo, hi\], two numbers/],
    [{ uniform: [0, 1, 2] }, /two numbers/],
    [{ uniform: [0, Infinity] }, /two numbers/],
    [{ uniform: ['0', 1] }, /two numbers/],
    [{ uniform: { lo: 0, hi: 1 } }, /two numbers/],
    [{ uniform: [0.9, 0.2] }, /uniform \[0\.9, 0\.2\]: lo must not be above hi/],
    [{ triangular: [0, 1] }, /triangular expects \[lo, mode, hi\], three numbers/],
    [{ triangular: [1, 0, 2] }, /triangular \[1, 0, 2\]: expected lo ≤ mode ≤ hi/],
    [{ triangular: [0, 3, 2] }, /expected lo ≤ mode ≤ hi/],
    [{ triangular: [0, Number.NaN, 2] }, /three numbers/],
    [{ normal: 1 }, /normal expects \{ mean: M, sd: S \}/],
    [{ normal: [0, 1] }, /normal expects/],
    [{ normal: { sd: 1 } }, /normal expects/],
    [{ normal: { mean: 0 } }, /normal expects/],
    [{ normal: { mean: 0, sd: Infinity } }, /normal expects/],
    [{ normal: { mean: 0, sd: 0 } }, /normal: sd must be above 0, got 0/],
    [{ normal: { mean: 0, sd: -1 } }, /sd must be above 0, got -1/],
    [{ normal: { mean: 0, sd: 1, min: 'a' } }, /normal: min must be a number/],
    [{ normal: { mean: 0, sd: 1, max: null } }, /normal: max must be a number/],
    [{ normal: { mean: 0, sd: 1, min: 1, max: 1 } }, /normal: min \(1\) must be below max \(1\)/],
    [{ normal: { mean: 0, sd: 1, min: 2, max: 1 } }, /min \(2\) must be below max \(1\)/],
    [{ beta: [0, 1] }, /beta expects \[a, b\], two numbers above 0/],
    [{ beta: [1, 0] }, /two numbers above 0/],
    [{ beta: [1, -2] }, /two numbers above 0/],
    [{ beta: [1] }, /two numbers above 0/],
    [{ choice: [] }, /choice expects a list of values/],
    [{ choice: 1 }, /choice expects a list of values/],
    [{ choice: [1, null] }, /list of values/],
    [{ choice: [1, Number.NaN] }, /list of values/],
    [{ choice: [{ a: 1 }] }, /list of values/],
    [{ choice: [1, 2], weights: [1] }, /choice: weights must be 2 numbers ≥ 0, not all 0/],
    [{ choice: [1, 2], weights: [1, 2, 3] }, /weights must be 2 numbers/],
    [{ choice: [1, 2], weights: [1, -1] }, /weights must be 2 numbers/],
    [{ choice: [1, 2], weights: [0, 0] }, /not all 0/],
    [{ choice: [1, 2], weights: [1, Number.NaN] }, /weights must be 2 numbers/],
    [{ choice: [1, 2], weights: { a: 1, b: 1 } }, /weights must be 2 numbers/],
    [{ choice: [1, 2], weights: null }, /weights must be 2 numbers/],
  ])('%j', (x, message) => {
    const r = refusal(parseDistribution(x));
    expect(r.message).toMatch(message);
    expect(r.hint).toBe('none');
  });

  it('an unknown key inside a normal, with the keys it takes', () => {
    expect(refusal(parseDistribution({ normal: { mean: 0, sd: 1, mode: 0 } }))).toEqual({
      message: 'unexpected key "mode" in normal', hint: 'normal takes mean, sd, min and max',
    });
  });

  it('a beta on a parameter bounded on one side only, pointing to the kinds that fit', () => {
    for (const range of [{ lo: 0, hi: null }, { lo: null, hi: 1 }]) {
      const r = refusal(parseDistribution({ beta: [2, 2] }, range));
      expect(r.message).toMatch(/beta is scaled to the parameter's range/);
      expect(r.hint).toMatch(/uniform, triangular or a truncated normal/);
    }
  });
});
