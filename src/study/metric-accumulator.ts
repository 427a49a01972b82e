/**
 * A metric's distribution over runs, kept in memory that does not grow with the runs: a count
 * table (value → how many runs had it) instead of the list of values. thaw's metrics are whole
 * numbers or rounded (to 0.01 or 0.001), so a few hundred distinct values stand for any number of
 * runs and the table gives the same percentiles as the sorted list would (R's type 7).
 *
 * Everything here depends only on the multiset of values added, never on their order or on how
 * they were split between workers or shards and merged: sums are exact (./exact-sum.ts), the
 * table is a multiset, and the spread is computed from the table in sorted order at the end.
 *
 * The one approximation: past MAX_DISTINCT distinct values (a continuous metric), the table is
 * compacted for good into logarithmic bins of relative width 2·ALPHA (DDSketch's mapping), so the
 * percentiles come within ALPHA (0.1 %) of the exact ones, relative; the count, the mean and the
 * standard deviation still come from exact sums. Whether a table is compacted depends only on the
 * number of distinct values of the whole multiset, so merging stays order-independent then too.
 */
import { ExactSum } from './exact-sum.js';

/** Distinct values a table keeps exactly (a few hundred kB per metric at most). */
export const MAX_DISTINCT = 8192;
/** Relative accuracy of a compacted table's percentiles. */
export const ALPHA = 0.001;
const GAMMA = (1 + ALPHA) / (1 - ALPHA);
const LOG_GAMMA = Math.log(GAMMA);

/** The value that stands for v's logarithmic bin: within ALPHA of every value of the bin, relative. */
export function binValue(v: number): number {
  if (v === 0) return 0;
  const k = Math.ceil(Math.log(Math.abs(v)) / LOG_GAMMA);
  const mid = (2 * Math.pow(GAMMA, k)) / (GAMMA + 1);
  return v < 0 ? -mid : mid;
}

export class MetricAccumulator {
  private counts = new Map<number, number>();
  private compacted = false;
  private present = 0;
  private absent = 0;
  private readonly sum = new ExactSum();
  private readonly squares = new ExactSum();

  /** Adds one run's value; null, NaN and infinities count as missing. */
  add(value: number | null | undefined): void {
    if (value === null || value === undefined || !Number.isFinite(value)) {
      this.absent += 1;
      return;
    }
    this.present += 1;
    this.sum.add(value);
    this.squares.add(value * value);
    const key = this.compacted ? binValue(value) : value === 0 ? 0 : value;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (!this.compacted && this.counts.size > MAX_DISTINCT) this.compact();
  }

  /** Adds every run `other` holds (other is left as it was). */
  merge(other: MetricAccumulator): void {
    this.present += other.present;
    this.absent += other.absent;
    this.sum.merge(other.sum);
    this.squares.merge(other.squares);
    if (other.compacted && !this.compacted) this.compact();
    for (const [v, c] of other.counts) {
      const key = this.compacted ? binValue(v) : v;
      this.counts.set(key, (this.counts.get(key) ?? 0) + c);
    }
    if (!this.compacted && this.counts.size > MAX_DISTINCT) this.compact();
  }

  private compact(): void {
    const binned = new Map<number, number>();
    for (const [v, c] of this.counts) {
      const key = binValue(v);
      binned.set(key, (binned.get(key) ?? 0) + c);
    }
    this.counts = binned;
    this.compacted = true;
  }

  /** Runs with a value. */
  get n(): number {
    return this.present;
  }

  get missing(): number {
    return this.absent;
  }

  /** False once the table was compacted: the percentiles are then within ALPHA, relative. */
  get exact(): boolean {
    return !this.compacted;
  }

  /** (value, count) pairs by increasing value: a compacted table gives its bins' values. */
  entries(): [number, number][] {
    return [...this.counts].sort((a, b) => a[0] - b[0]);
  }

  mean(): number | null {
    return this.present === 0 ? null : this.sum.value() / this.present;
  }

  /** Sample standard deviation (n − 1); null below two values. */
  sd(): number | null {
    const n = this.present;
    if (n < 2) return null;
    const mean = this.sum.value() / n;
    if (this.compacted) {
      // The bins no longer hold the values: Σv² − (Σv)²/n from the exact sums.
      const s = this.sum.value();
      return Math.sqrt(Math.max(0, (this.squares.value() - (s * s) / n) / (n - 1)));
    }
    const deviations = new ExactSum();
    for (const [v, c] of this.entries()) {
      const d = v - mean;
      deviations.add(c * (d * d));
    }
    return Math.sqrt(deviations.value() / (n - 1));
  }

  /** p-quantiles (R's type 7, numpy's default), for ps in increasing order; null without values. */
  quantiles(ps: readonly number[]): (number | null)[] {
    const n = this.present;
    if (n === 0) return ps.map(() => null);
    const sorted = this.entries();
    // The value of order statistic i (0-based), walking the cumulative counts forward only.
    let at = 0;
    let below = 0;
    const orderStatistic = (i: number): number => {
      if (i < below) {
        at = 0;
        below = 0;
      }
      while (below + sorted[at]![1] <= i) {
        below += sorted[at]![1];
        at += 1;
      }
      return sorted[at]![0];
    };
    return ps.map((p) => {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const a = orderStatistic(lo);
      const b = orderStatistic(Math.min(n - 1, lo + 1));
      return a + (h - lo) * (b - a);
    });
  }
}
