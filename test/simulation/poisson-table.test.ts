/**
 * `poissonFrom` reads a count from a table made once (`poissonTable`); it must give exactly the
 * count `poisson` computes term by term, for every mean and every uniform, or the open world's
 * months would change when they switched from one to the other.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { POISSON_EXACT_UP_TO, poisson, poissonFrom, poissonTable } from '../../src/simulation/rng.js';
import { FC_SEED, runsFor } from '../properties/fc-config.js';

const below1 = 1 - 2 ** -53;

describe('poissonTable / poissonFrom', () => {
  it('gives poisson\'s count for any mean and uniform', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: below1, noNaN: true }), (mean, u) => {
      expect(poissonFrom(poissonTable(mean), u)).toBe(poisson(u, mean));
    }), { seed: FC_SEED, numRuns: runsFor(20) });
  });

  it('agrees on the edges: no mean, the largest tabled mean, past it, and uniforms at 0 and just below 1', () => {
    for (const mean of [0, -1, Number.NaN, 1e-300, 0.5, 6.3, 21, POISSON_EXACT_UP_TO, POISSON_EXACT_UP_TO + 1e-9, 42, 500]) {
      const table = poissonTable(mean);
      for (const u of [0, 1e-300, 0.1, 0.5, 0.9, 0.999999, below1]) expect(poissonFrom(table, u), `mean ${mean}, u ${u}`).toBe(poisson(u, mean));
    }
  });

  it('tables only the exact range, and each entry is a step of the distribution function', () => {
    expect(poissonTable(0).cumulative).toEqual([]);
    expect(poissonTable(POISSON_EXACT_UP_TO + 1).cumulative).toEqual([]);
    const { cumulative } = poissonTable(2);
    expect(cumulative[0]).toBeCloseTo(Math.exp(-2), 15);
    expect(cumulative[1]).toBeCloseTo(3 * Math.exp(-2), 15);
    for (let k = 1; k < cumulative.length; k++) expect(cumulative[k]!).toBeGreaterThanOrEqual(cumulative[k - 1]!);
    // A uniform exactly on a step belongs to the next count, as in poisson's `u >= cumulative`.
    expect(poissonFrom(poissonTable(2), cumulative[1]!)).toBe(2);
    expect(poisson(cumulative[1]!, 2)).toBe(2);
  });
});

describe('poisson above the exact range: the normal approximation', () => {
  it('puts the count at mean + √mean · Φ⁻¹(u), in the centre and in both tails of Acklam\'s approximation', () => {
    // Uniforms at known standard normal quantiles; at a mean of 10⁸ one person is 10⁻⁴ of a standard
    // deviation, so a coefficient off in its fifth digit moves the count.
    const quantiles: readonly [u: number, z: number][] = [
      [0.5, 0], [0.6914624612740131, 0.5], [0.8413447460685429, 1], [0.15865525393145707, -1], [0.9772498680518208, 2],
      [0.006209665325776132, -2.5], [0.0013498980316301035, -3], [0.9986501019683699, 3],
    ];
    for (const [u, z] of quantiles) {
      expect(poisson(u, 1e8), `u ${u}`).toBe(1e8 + 1e4 * z);
      expect(poissonFrom(poissonTable(1e8), u)).toBe(1e8 + 1e4 * z);
    }
    // Floored at nobody, and the uniform's extremes clamped to 10⁻¹² from 0 and 1 rather than infinite.
    expect(poisson(0, 31)).toBe(0);
    expect(poisson(1e-300, 1e6)).toBe(Math.round(1e6 + 1e3 * -7.034484));
    expect(poisson(below1, 1e6)).toBe(Math.round(1e6 + 1e3 * 7.034484));
  });
});
