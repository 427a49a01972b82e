import { describe, expect, it } from 'vitest';
import { percentileInterval, resampleCounts, resampleIndices } from '../../src/study/bootstrap.js';
import { seedVarianceShare } from '../../src/study/seed-variance.js';

/** A stream that plays back the given numbers in a loop: draws whose picks can be worked out by hand. */
const playback = (values: readonly number[]) => {
  let k = 0;
  return { next: (): number => values[k++ % values.length]! };
};

describe('bootstrap resampling', () => {
  it('draws resamples of n indices, index floor(u · n) per draw', () => {
    const picks = resampleIndices(4, 3, playback([0, 0.26, 0.5, 0.999, 0.74, 0.25]));
    expect(picks.map((p) => [...p])).toEqual([[0, 1, 2, 3], [2, 1, 0, 1], [2, 3, 2, 1]]);
  });

  it('counts a resample\'s draws per index, starting from zero whatever the array held', () => {
    const counts = new Uint32Array([9, 9, 9, 9]);
    resampleCounts(counts, playback([0.1, 0.1, 0.8, 0.3]));
    expect([...counts]).toEqual([2, 1, 0, 1]);
    resampleCounts(counts, playback([0.99]));
    expect([...counts]).toEqual([0, 0, 0, 4]);
  });

  it('takes type-7 percentiles of the finite values, in any order', () => {
    expect(percentileInterval([5, 1, Number.NaN, 3, 2, Number.POSITIVE_INFINITY, 4], 0.5)).toEqual([2, 4]);
    // Between order statistics it interpolates: the 5th and 95th percentiles of {0, 10}.
    const [lo, hi] = percentileInterval([10, 0], 0.9)!;
    expect(lo).toBeCloseTo(0.5, 12);
    expect(hi).toBeCloseTo(9.5, 12);
    expect(percentileInterval([7], 0.95)).toEqual([7, 7]);
    expect(percentileInterval([3, 1, 2], 1)).toEqual([1, 3]);
    expect(percentileInterval([Number.NaN, Number.NEGATIVE_INFINITY], 0.95)).toBeNull();
    expect(percentileInterval([], 0.95)).toBeNull();
  });
});

describe('the seed\'s share of the variance', () => {
  it('is the mean within-point variance over the total variance', () => {
    // Within each point: variance 2; over all four values {1, 3, 5, 7}: 20/3.
    expect(seedVarianceShare([[1, 3], [5, 7]])).toBeCloseTo(0.3, 12);
    // A point with one value counts in the total only: within 2, total variance of {1, 3, 5, 7, 9} = 10.
    expect(seedVarianceShare([[1, 3], [5, 7], [9]])).toBeCloseTo(0.2, 12);
  });

  it('leaves out missing and non-finite values', () => {
    expect(seedVarianceShare([[1, null, 3], [5, 7, Number.NaN]])).toBeCloseTo(0.3, 12);
  });

  it('is 1 at most, when the seed alone moves the metric', () => {
    // Within: 50 (one point); total variance of {0, 10, 5}: 25.
    expect(seedVarianceShare([[0, 10], [5]])).toBe(1);
    // Within 50, total 100/3: over 1 before the cap.
    expect(seedVarianceShare([[0, 10], [0, 10]])).toBe(1);
    expect(seedVarianceShare([[4, 4], [8, 8]])).toBe(0);
  });

  it('is null without two replications of some point, or when nothing varies', () => {
    expect(seedVarianceShare([[1], [2], [3]])).toBeNull();
    expect(seedVarianceShare([[1, null], [null, 2]])).toBeNull();
    expect(seedVarianceShare([[2, 2], [2, 2]])).toBeNull();
    expect(seedVarianceShare([])).toBeNull();
  });
});
