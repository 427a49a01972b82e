import { describe, expect, it } from 'vitest';
import {
  LOG_CLIP, bootstrapMeanCi, brierDecomposition, brierScore, brierTerm, inBand, logScore, logTerm,
  percentileOf, reliabilityBins, type BinaryForecast,
} from '../../src/backtest/scores.js';
import { createRng, type Rng } from '../../src/simulation/rng.js';

const f = (p: number, observed: boolean): BinaryForecast => ({ p, observed });

describe('Brier and log scores on small tables worked by hand', () => {
  it('Brier: the mean of (p − o)²', () => {
    // (0.75 − 1)² = 0.0625, (0.25 − 0)² = 0.0625, (0.5 − 1)² = 0.25, (1 − 0)² = 1: sum 1.375, mean 0.34375.
    expect(brierScore([f(0.75, true), f(0.25, false), f(0.5, true), f(1, false)])).toBe(0.34375);
    expect(brierTerm(f(0, false))).toBe(0);
    expect(brierTerm(f(0, true))).toBe(1);
    expect(brierScore([])).toBeNaN();
  });

  it('the uniform forecaster scores 0.25 on Brier and ln 2 on log, whatever happened', () => {
    const facts = [f(0.5, true), f(0.5, false), f(0.5, true)];
    expect(brierScore(facts)).toBe(0.25);
    expect(logScore(facts)).toBeCloseTo(Math.LN2, 15);
  });

  it('log: −ln of the probability given to what happened', () => {
    expect(logTerm(f(0.8, true))).toBeCloseTo(-Math.log(0.8), 15);
    expect(logTerm(f(0.8, false))).toBeCloseTo(-Math.log(0.2), 15);
    expect(logScore([f(0.8, true), f(0.8, false)])).toBeCloseTo((-Math.log(0.8) - Math.log(0.2)) / 2, 15);
  });

  it('log: certainty is clipped to [ε, 1 − ε], so a confident miss costs −ln ε, not infinity', () => {
    expect(logTerm(f(0, true))).toBeCloseTo(-Math.log(LOG_CLIP), 12);
    expect(logTerm(f(1, false))).toBeCloseTo(-Math.log(LOG_CLIP), 12);
    expect(logTerm(f(1, true))).toBeCloseTo(-Math.log(1 - LOG_CLIP), 15);
    expect(logTerm(f(0.005, true), 0.001)).toBeCloseTo(-Math.log(0.005), 15); // inside the clip: untouched
    expect(logTerm(f(0.0001, true), 0.001)).toBeCloseTo(-Math.log(0.001), 15);
  });

  it('refuses a probability outside [0, 1] or not a number', () => {
    expect(() => brierTerm(f(1.01, true))).toThrow(RangeError);
    expect(() => logTerm(f(-0.1, true))).toThrow(RangeError);
    expect(() => brierTerm(f(Number.NaN, true))).toThrow(RangeError);
  });
});

describe('reliability bins', () => {
  it('puts each forecast in its equal-width bin, 1 in the last', () => {
    const bins = reliabilityBins([f(0, false), f(0.09, true), f(0.1, true), f(0.95, true), f(1, false)]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ lo: 0, hi: 0.1, n: 2, observedRate: 0.5 });
    expect(bins[0]!.meanForecast).toBeCloseTo(0.045, 15);
    expect(bins[1]).toMatchObject({ n: 1, meanForecast: 0.1, observedRate: 1 });
    expect(bins[9]).toMatchObject({ n: 2, meanForecast: 0.975, observedRate: 0.5 });
    expect(bins[5]).toMatchObject({ n: 0, meanForecast: null, observedRate: null });
  });

  it('takes any whole number of bins and refuses others', () => {
    expect(reliabilityBins([f(0.6, true)], 2)[1]).toMatchObject({ lo: 0.5, hi: 1, n: 1 });
    expect(() => reliabilityBins([], 0)).toThrow(RangeError);
    expect(() => reliabilityBins([], 2.5)).toThrow(RangeError);
  });
});

describe('the Brier decomposition', () => {
  it('closes exactly (BS = REL − RES + UNC) when every forecast sits at its bin centre', () => {
    // Ten forecasts on the centres 0.15 and 0.85 of two of ten bins.
    // Bin 0.15: 4 facts, 1 true (ō = 0.25); bin 0.85: 6 facts, 4 true (ō = 2/3). Overall ō = 0.5.
    const facts = [
      f(0.15, true), f(0.15, false), f(0.15, false), f(0.15, false),
      f(0.85, true), f(0.85, true), f(0.85, true), f(0.85, true), f(0.85, false), f(0.85, false),
    ];
    const d = brierDecomposition(facts);
    // REL = (4·(0.15 − 0.25)² + 6·(0.85 − 2/3)²)/10 = (0.04 + 6·0.0336111…)/10
    expect(d.reliability).toBeCloseTo((4 * 0.01 + 6 * (0.85 - 2 / 3) ** 2) / 10, 14);
    // RES = (4·(0.25 − 0.5)² + 6·(2/3 − 0.5)²)/10 = (0.25 + 1/6)/10
    expect(d.resolution).toBeCloseTo((0.25 + 1 / 6) / 10, 14);
    expect(d.uncertainty).toBe(0.25);
    expect(d.withinBin).toBeCloseTo(0, 14);
    expect(d.reliability - d.resolution + d.uncertainty).toBeCloseTo(brierScore(facts), 14);
  });

  it('reports the within-bin spread when forecasts in a bin differ, and the sum still closes', () => {
    const facts = [f(0.1, true), f(0.19, false), f(0.9, true)];
    const d = brierDecomposition(facts);
    expect(d.withinBin).not.toBeCloseTo(0, 6);
    expect(d.reliability - d.resolution + d.uncertainty + d.withinBin).toBeCloseTo(brierScore(facts), 14);
  });

  it('a perfect, sharp forecaster has no reliability error and all the resolution there is', () => {
    const d = brierDecomposition([f(1, true), f(0, false), f(1, true), f(0, false)]);
    expect(d).toMatchObject({ reliability: 0, resolution: 0.25, uncertainty: 0 + 0.25 });
  });

  it('is empty for no forecasts', () => {
    expect(brierDecomposition([]).reliability).toBeNaN();
  });
});

describe('percentile of an observation in a predictive sample (mid-rank for ties)', () => {
  it('counts values below and half the ties', () => {
    expect(percentileOf(3, [1, 2, 3, 4])).toBe(0.625); // 2 below, 1 equal: (2 + 0.5)/4
    expect(percentileOf(0, [1, 2, 3, 4])).toBe(0);
    expect(percentileOf(9, [1, 2, 3, 4])).toBe(1);
    expect(percentileOf(5, [5, 5, 5, 5])).toBe(0.5);
    expect(percentileOf(2, [1, 2, 2, 3])).toBe(0.5); // 1 below, 2 equal: (1 + 1)/4
    expect(percentileOf(1, [])).toBeNaN();
  });

  it('bands are closed at both ends', () => {
    expect(inBand(5, [5, 9])).toBe(true);
    expect(inBand(9, [5, 9])).toBe(true);
    expect(inBand(4.999, [5, 9])).toBe(false);
    expect(inBand(9.001, [5, 9])).toBe(false);
  });
});

describe('bootstrap interval of a mean score', () => {
  it('is a point when every term is the same (dyadic, so every mean is exact)', () => {
    expect(bootstrapMeanCi([0.25, 0.25, 0.25], createRng(1), 200)).toEqual([0.25, 0.25]);
  });

  it('draws n indices per resample from the stream and takes percentiles of the means', () => {
    // A scripted stream: resample 1 picks terms 0,0 (mean 0), resample 2 picks 1,1 (mean 1),
    // resample 3 picks 0,1 (mean 0.5). Sorted means 0, 0.5, 1: the 25% and 75% points are 0.25, 0.75.
    const draws = [0.1, 0.2, 0.6, 0.7, 0.3, 0.9];
    let i = 0;
    const scripted: Rng = { next: () => { if (i >= draws.length) throw new Error('one draw too many'); return draws[i++]!; } };
    expect(bootstrapMeanCi([0, 1], scripted, 3, 0.5)).toEqual([0.25, 0.75]);
    expect(i).toBe(6);
  });

  it('covers the sample mean and is deterministic for a seed', () => {
    const terms = [0.01, 0.3, 0.04, 0.5, 0.2, 0.09, 0.16, 0.25];
    const a = bootstrapMeanCi(terms, createRng(7));
    expect(a).toEqual(bootstrapMeanCi(terms, createRng(7)));
    const m = terms.reduce((s, t) => s + t, 0) / terms.length;
    expect(a[0]).toBeLessThan(m);
    expect(a[1]).toBeGreaterThan(m);
    expect(bootstrapMeanCi([], createRng(1))[0]).toBeNaN();
  });
});
