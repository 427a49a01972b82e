import { describe, expect, it } from 'vitest';
import type { SobolIndex } from '../../src/study/sobol.js';
import type { MorrisIndex } from '../../src/study/morris.js';
import { morrisWarnings, sobolWarnings } from '../../src/study/warnings.js';

const index = (factor: string, S1: number | null, S1ci: [number, number] | null, ST: number | null = S1, STci: [number, number] | null = S1ci): SobolIndex => ({ factor, S1, S1ci, ST, STci });
const mu = (factor: string, muStar: number | null, muStarCi: [number, number] | null): MorrisIndex => ({ factor, mu: muStar, muStar, muStarCi, sigma: 0, effects: 10 });

describe('Sobol\' warnings', () => {
  it('says nothing of settled, positive indices with narrow intervals', () => {
    expect(sobolWarnings('m', [index('a', 0.5, [0.45, 0.55]), index('b', 0, [0, 0])], 1024)).toEqual([]);
  });

  it('reads a slightly negative index as noise unless its whole interval is below 0', () => {
    expect(sobolWarnings('m', [index('a', -0.005, [-0.02, 0.01], 0.3, [0.29, 0.31])], 64)).toEqual([]);
    expect(sobolWarnings('m', [index('a', -0.005, [-0.02, -0.001], 0.3, [0.29, 0.31])], 64)).toEqual([
      { metric: 'm', factor: 'a', message: 'S1 = -0.005 is negative: estimator noise (read it as 0); more samples narrow it' },
    ]);
    expect(sobolWarnings('m', [index('a', 0.3, [0.29, 0.31], -0.005, null)], 64)).toEqual([
      { metric: 'm', factor: 'a', message: 'ST = -0.005 is negative: estimator noise (read it as 0); more samples narrow it' },
    ]);
    // Below −0.01 it is told whatever the interval.
    expect(sobolWarnings('m', [index('a', -0.02, [-0.03, 0.005], 0.3, [0.29, 0.31])], 64)).toEqual([
      { metric: 'm', factor: 'a', message: 'S1 = -0.020 is negative: estimator noise (read it as 0); more samples narrow it' },
      { metric: 'm', factor: 'a', message: 'the S1 interval (width 0.035) is wider than S1 itself (-0.020)' },
    ]);
  });

  it('tells an interval wider than its index, for indices that are not negligible', () => {
    expect(sobolWarnings('m', [index('a', 0.1, [0.0, 0.15], 0.1, [0.05, 0.14])], 64)).toEqual([
      { metric: 'm', factor: 'a', message: 'the S1 interval (width 0.150) is wider than S1 itself (0.100)' },
    ]);
    // At the 0.01 edge it still counts; below it, not.
    expect(sobolWarnings('m', [index('a', 0.01, [0, 0.02])], 64).map((w) => w.message)).toEqual([
      'the S1 interval (width 0.020) is wider than S1 itself (0.010)',
      'the ST interval (width 0.020) is wider than ST itself (0.010)',
    ]);
    expect(sobolWarnings('m', [index('a', 0.009, [0, 0.05])], 64)).toEqual([]);
    // An interval exactly as wide as the index is not wider.
    expect(sobolWarnings('m', [index('a', 0.125, [0, 0.125])], 64)).toEqual([]);
  });

  it('asks for four times the samples when some interval is wider than 0.2', () => {
    expect(sobolWarnings('m', [index('a', 0.6, [0.5, 0.7]), index('b', 0.6, [0.45, 0.71], 0.6, [0.5, 0.7])], 256)).toEqual([
      { metric: 'm', factor: null, message: 'intervals up to 0.26 wide with samples 256: too few samples for the indices to converge; try samples 1024' },
    ]);
    expect(sobolWarnings('m', [index('a', 0.6, [0.5, 0.75], 0.6, [0.4, 0.8])], 8).map((w) => w.message)).toEqual([
      'intervals up to 0.40 wide with samples 8: too few samples for the indices to converge; try samples 32',
    ]);
  });

  it('says the metric does not vary when no index could be computed', () => {
    expect(sobolWarnings('m', [index('a', null, null), index('b', null, null)], 64)).toEqual([
      { metric: 'm', factor: null, message: 'the metric does not vary over the study (or no run defines it): no indices' },
    ]);
    expect(sobolWarnings('m', [index('a', null, null), index('b', 0.5, [0.45, 0.55])], 64)).toEqual([]);
  });
});

describe('Morris warnings', () => {
  it('asks for ten trajectories or more', () => {
    expect(morrisWarnings('m', [], 9)).toEqual([
      { metric: 'm', factor: null, message: '9 trajectories are too few for a stable ranking; use at least 10' },
    ]);
    expect(morrisWarnings('m', [], 10)).toEqual([]);
  });

  it('tells a μ* interval wider than μ*, for a μ* that is not negligible', () => {
    expect(morrisWarnings('m', [mu('a', 0.5, [0.1, 0.9]), mu('b', 0.5, [0.3, 0.7]), mu('c', 0.005, [0, 0.5]), mu('d', null, null)], 20)).toEqual([
      { metric: 'm', factor: 'a', message: 'the μ* interval (width 0.800) is wider than μ* itself (0.500)' },
    ]);
    expect(morrisWarnings('m', [mu('a', 0.01, [0, 0.02])], 20).map((w) => w.factor)).toEqual(['a']);
    expect(morrisWarnings('m', [mu('a', 0.5, [0, 0.5])], 20)).toEqual([]);
  });
});
