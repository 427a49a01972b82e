import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExactSum } from '../../src/study/exact-sum.js';
import { ALPHA, MAX_DISTINCT, MetricAccumulator, binValue } from '../../src/study/metric-accumulator.js';
import { quantile, summaryOf } from '../../src/simulation/stats.js';

const accumulate = (values: readonly (number | null)[]): MetricAccumulator => {
  const acc = new MetricAccumulator();
  for (const v of values) acc.add(v);
  return acc;
};

/** The values cut at `cuts`, each part accumulated alone, the parts merged in `order`. */
function splitAndMerge(values: readonly (number | null)[], cuts: readonly number[], order: readonly number[]): MetricAccumulator {
  const bounds = [0, ...[...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b), values.length];
  const parts = bounds.slice(1).map((end, i) => accumulate(values.slice(bounds[i]!, end)));
  const merged = new MetricAccumulator();
  const ranked = parts.map((p, i) => ({ p, key: order[i % order.length]! * 1000 + i })).sort((a, b) => a.key - b.key);
  for (const { p } of ranked) merged.merge(p);
  return merged;
}

const shuffled = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
  xs.map((x, i) => ({ x, k: keys[i % keys.length]! * xs.length + i })).sort((a, b) => a.k - b.k).map((e) => e.x);

const metricValue = fc.oneof(
  fc.integer({ min: -50, max: 1500 }),
  fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000), // a metric rounded to 0.001, like trust
  fc.constant(null),
);

describe('exact sums', () => {
  it('are exact where naive summation is not', () => {
    const s = new ExactSum();
    for (const x of [1e100, 1, -1e100]) s.add(x);
    expect(s.value()).toBe(1);
    const tenth = new ExactSum();
    for (let i = 0; i < 10; i++) tenth.add(0.1);
    expect(tenth.value()).toBe(1); // the naive sum is 0.9999999999999999
    expect(new ExactSum().value()).toBe(0);
  });

  it('give the same double for any order and any split (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { maxLength: 60 }), fc.array(fc.nat(), { minLength: 1 }), (xs, keys) => {
      const whole = new ExactSum();
      for (const x of xs) whole.add(x);
      const mixed = shuffled(xs, keys);
      const a = new ExactSum();
      const b = new ExactSum();
      mixed.forEach((x, i) => (i % 2 ? a : b).add(x));
      b.merge(a);
      expect(b.value()).toBe(whole.value());
    }));
  });
});

describe('streamed metric summaries', () => {
  it('equal the sorted-list statistics exactly for rounded metrics (property)', () => {
    fc.assert(fc.property(fc.array(metricValue, { maxLength: 200 }), (values) => {
      const present = values.filter((v): v is number => v !== null);
      const s = summaryOf(accumulate(values));
      expect(s.n).toBe(present.length);
      expect(s.missing).toBe(values.length - present.length);
      if (present.length === 0) {
        expect(s.mean).toBeNull();
        return;
      }
      const sorted = Float64Array.from(present).sort();
      expect(s.p5).toBe(quantile(sorted, 0.05));
      expect(s.p50).toBe(quantile(sorted, 0.5));
      expect(s.p95).toBe(quantile(sorted, 0.95));
      const mean = present.reduce((a, b) => a + b, 0) / present.length;
      expect(s.mean).toBeCloseTo(mean, 9);
      if (present.length > 1) {
        const sd = Math.sqrt(present.reduce((a, v) => a + (v - mean) ** 2, 0) / (present.length - 1));
        expect(s.sd).toBeCloseTo(sd, 9);
      }
    }));
  });

  it('are the same whatever the order of the runs and however they are split and merged (property)', () => {
    fc.assert(fc.property(fc.array(metricValue, { maxLength: 200 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { minLength: 1 }), (values, cuts, keys) => {
      const whole = summaryOf(accumulate(values));
      const mixed = shuffled(values, keys);
      expect(summaryOf(accumulate(mixed))).toEqual(whole);
      expect(summaryOf(splitAndMerge(mixed, cuts, keys))).toEqual(whole);
    }));
  });

  it('treat NaN, infinities and undefined as missing', () => {
    const acc = new MetricAccumulator();
    for (const v of [1, Number.NaN, Number.POSITIVE_INFINITY, undefined, 3]) acc.add(v);
    expect(summaryOf(acc)).toMatchObject({ n: 2, missing: 3, mean: 2, p50: 2 });
  });

  it('hold a count table, not the runs: 600,000 runs of an integer metric keep a few hundred entries', () => {
    const acc = new MetricAccumulator();
    for (let i = 0; i < 600_000; i++) acc.add((i * 7919) % 600); // each value 1,000 times
    expect(acc.entries().length).toBe(600);
    expect(acc.exact).toBe(true);
    expect(acc.n).toBe(600_000);
    expect(acc.quantiles([0, 0.5, 1])).toEqual([0, 299.5, 599]);
  });

  it('compact a continuous metric past MAX_DISTINCT values: percentiles within ALPHA, still order-independent', () => {
    const values = Array.from({ length: MAX_DISTINCT * 3 }, (_, i) => 1 + ((i * 2654435761) % 100003) / 997);
    const acc = accumulate(values);
    expect(acc.exact).toBe(false);
    expect(acc.entries().length).toBeLessThan(MAX_DISTINCT);
    const sorted = Float64Array.from(values).sort();
    const [p5, p50, p95] = acc.quantiles([0.05, 0.5, 0.95]);
    for (const [got, p] of [[p5, 0.05], [p50, 0.5], [p95, 0.95]] as const) {
      const want = quantile(sorted, p);
      expect(Math.abs(got! - want) / want).toBeLessThanOrEqual(ALPHA * 1.0001);
    }
    const s = summaryOf(acc);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(s.mean).toBeCloseTo(mean, 9);
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    expect(s.sd).toBeCloseTo(sd, 6);
    // Half of the values reach the cap alone and compact; the other half does not; the merge must agree.
    const a = accumulate(values.slice(0, values.length / 2 + 1));
    const b = accumulate(values.slice(values.length / 2 + 1));
    const small = accumulate(values.slice(0, 10));
    b.merge(small);
    b.merge(accumulate(values.slice(10, values.length / 2 + 1)));
    expect(summaryOf(b)).toEqual(summaryOf(acc));
    a.merge(accumulate(values.slice(values.length / 2 + 1)));
    expect(summaryOf(a)).toEqual(summaryOf(acc));
  });

  it('bins a value within ALPHA of itself, relative, keeping its sign', () => {
    for (const v of [1e-9, 0.5, 1, 3.14159, 1234.5, 1e12]) {
      expect(Math.abs(binValue(v) - v) / v).toBeLessThanOrEqual(ALPHA * 1.0001);
      expect(binValue(-v)).toBe(-binValue(v));
    }
    expect(binValue(0)).toBe(0);
  });
});
