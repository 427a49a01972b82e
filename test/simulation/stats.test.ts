import { describe, expect, it } from 'vitest';
import { pairedDifferences, quantile, summarize, tCritical } from '../../src/simulation/stats.js';
import { runSeed } from '../../src/simulation/seeds.js';
import { parseVary } from '../../src/simulation/vary.js';
import { UserError } from '../../src/scenario/errors.js';

describe('summary statistics, against values computed by hand', () => {
  it('mean, sample sd, type-7 percentiles and the t interval of the mean', () => {
    // 2 4 4 4 5 5 7 9: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32, sd = √(32/7).
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.p50).toBe(4.5); // h = 7·0.5 = 3.5: between 4 and 5
    expect(s.p5).toBeCloseTo(2.7, 12); // h = 0.35: 2 + 0.35·(4 − 2)
    expect(s.p95).toBeCloseTo(8.3, 12); // h = 6.65: 7 + 0.65·(9 − 7)
    const half = 2.365 * Math.sqrt(32 / 7) / Math.sqrt(8); // t(0.975, 7) = 2.365
    expect(s.ciLow).toBeCloseTo(5 - half, 12);
    expect(s.ciHigh).toBeCloseTo(5 + half, 12);
  });

  it('leaves out runs without a value and says how many', () => {
    const s = summarize([1, null, 3]);
    expect(s).toMatchObject({ n: 2, missing: 1, mean: 2, p50: 2 });
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
  });

  it('has no spread or interval for one value, and nothing for none', () => {
    expect(summarize([7])).toMatchObject({ n: 1, mean: 7, sd: null, ciLow: null, p5: 7, p95: 7 });
    expect(summarize([null, null])).toMatchObject({ n: 0, missing: 2, mean: null });
  });

  it('uses Student\'s t: the tabled values, interpolated in 1/df, tending to 1.96', () => {
    expect(tCritical(1)).toBe(12.706);
    expect(tCritical(30)).toBe(2.042);
    expect(tCritical(50)).toBeGreaterThan(2.0);
    expect(tCritical(50)).toBeLessThan(2.021);
    expect(tCritical(1e9)).toBeCloseTo(1.96, 6);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('pairs differences run by run and drops pairs with a missing side', () => {
    expect(pairedDifferences([1, 2, null], [3, 1, 5])).toEqual([2, -1, null]);
    const d = summarize(pairedDifferences([10, 20, 30], [11, 22, 33]));
    expect(d.mean).toBe(2);
    expect(d.sd).toBe(1);
  });
});

describe('run seeds', () => {
  it('depend only on the study seed and the run index, and differ between runs and studies', () => {
    expect(runSeed(1, 0)).toBe(runSeed(1, 0));
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => runSeed(1, i)));
    expect(seeds.size).toBe(10_000);
    expect(runSeed(2, 0)).not.toBe(runSeed(1, 0));
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('--vary ranges', () => {
  it('expands FROM..TO[:STEP] to the values, rounded to the inputs\' precision', () => {
    expect(parseVary('agents.us.visitChance=0.2..0.5:0.1').values).toEqual([0.2, 0.3, 0.4, 0.5]);
    expect(parseVary('agents.us.cooldownMonths=1..4').values).toEqual([1, 2, 3, 4]);
    expect(parseVary('x=0..1').values).toEqual([0, 1]); // whole numbers step by 1
    expect(parseVary('x=0..0.5').values).toEqual([0, 0.125, 0.25, 0.375, 0.5]); // else five values
    expect(parseVary('x=-1..1:1').values).toEqual([-1, 0, 1]);
    expect(parseVary('x=3..3').values).toEqual([3]);
    expect(parseVary('agents.us.visitChance=0.2..0.5:0.1').path).toBe('agents.us.visitChance');
  });

  it('refuses malformed ranges with the accepted form', () => {
    for (const bad of ['x', 'x=1', 'x=1..', 'x=..2', 'x=a..2', 'x=2..1', 'x=0..1:0', 'x=0..1:-1', 'x=0..1:2:3', 'x=0..1000:1', '=0..1']) {
      expect(() => parseVary(bad), bad).toThrow(UserError);
    }
    expect(() => parseVary('x=1..')).toThrow(/PATH=FROM\.\.TO/);
  });
});
