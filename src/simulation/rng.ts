/** The one seeded random stream of a run; nothing in the model draws from anywhere else. */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function createRng(seed: number | string): Rng {
  const prng = seedrandom(`thaw:${seed}`);
  return { next: () => prng.quick() };
}

/** Draws the next state from a row of probabilities (normalised; an empty row keeps `stay`). */
export function drawFrom<K extends string>(rng: Rng, row: Partial<Record<K, number>>, order: readonly K[], stay: K): K {
  let total = 0;
  for (const k of order) total += row[k] ?? 0;
  if (total <= 0) return stay;
  let u = rng.next() * total;
  for (const k of order) {
    u -= row[k] ?? 0;
    if (u < 0) return k;
  }
  return stay;
}

/**
 * A second stream of the same seed, for the open world's draws (R18–R25). They come from here
 * and never from the run's main stream, so switching an open-world rule on or off leaves every
 * draw of the closed world where it was: that is what lets the golden runs compare run by run.
 */
export function createSubstream(seed: number | string, name: string): Rng {
  // seedrandom's Tyche-i, not its default ARC4: ARC4's key schedule costs tens of microseconds per
  // stream, paid three times a run, while Tyche-i starts in a few and passes the same statistical
  // batteries (docs/performance.md). Still a pure function of the seed and the stream's name.
  const prng = seedrandom.tychei(`thaw:${seed}:${name}`);
  return { next: () => prng() };
}

/** `createSubstream`, started at its first draw: a stream a run never draws from costs nothing. */
export function lazySubstream(seed: number | string, name: string): Rng {
  let rng: Rng | null = null;
  return { next: () => (rng ??= createSubstream(seed, name)).next() };
}

// Acklam's coefficients, once for the module rather than once per call.
const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹, Acklam's rational approximation (relative error below 1.2e-9), for `poisson`. */
function inverseNormal(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  if (q < 0.02425) {
    const t = Math.sqrt(-2 * Math.log(q));
    return (((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) / ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  }
  if (q > 1 - 0.02425) return -inverseNormal(1 - q);
  const t = q - 0.5;
  const r = t * t;
  return (((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * t / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Above this mean the Poisson count is drawn from its normal approximation (error under 1 %). */
export const POISSON_EXACT_UP_TO = 30;

/** The most `poisson` counts by inversion: past it the count is this number. */
const POISSON_CAP = 1000;

/**
 * A Poisson count with mean `mean` from ONE uniform `u` in [0, 1), by inverting the distribution
 * function: one draw per count whatever the mean, so the number of draws a month takes never
 * depends on the world. Above `POISSON_EXACT_UP_TO` the normal approximation N(mean, mean),
 * rounded and floored at 0, replaces the exact inversion (whose terms underflow for large means).
 */
export function poisson(u: number, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > POISSON_EXACT_UP_TO) return Math.max(0, Math.round(mean + Math.sqrt(mean) * inverseNormal(u)));
  let k = 0;
  let term = Math.exp(-mean);
  let cumulative = term;
  while (u >= cumulative && k < POISSON_CAP) {
    k += 1;
    term *= mean / k;
    cumulative += term;
  }
  return k;
}

/**
 * A Poisson distribution function tabled once, for a mean the model draws from month after month
 * (a cohort's arrest rate, the pardon rate): `poissonFrom` then finds the count by a binary search
 * instead of recomputing the terms. The table holds the very sums `poisson` computes, in the same
 * order, so both give the same count for every uniform (test/simulation/poisson-table.test.ts).
 */
export interface PoissonTable {
  readonly mean: number;
  /** `cumulative[k]`: P(count ≤ k) as `poisson` sums it; empty when the mean is not tabled (≤ 0, or normal). */
  readonly cumulative: readonly number[];
}

export function poissonTable(mean: number): PoissonTable {
  const cumulative: number[] = [];
  if (mean > 0 && mean <= POISSON_EXACT_UP_TO) {
    let term = Math.exp(-mean);
    let sum = term;
    cumulative.push(sum);
    // Past a sum of 1 no uniform goes further. Past the mean the terms only shrink, so once one
    // no longer moves the sum none after it will: the table ends there, its last entry the plateau.
    for (let k = 1; k < POISSON_CAP && sum < 1; k++) {
      term *= mean / k;
      const next = sum + term;
      if (next === sum && k > mean) break;
      sum = next;
      cumulative.push(sum);
    }
  }
  return { mean, cumulative };
}

/** `poisson(u, table.mean)`, read from the table. */
export function poissonFrom(table: PoissonTable, u: number): number {
  const cdf = table.cumulative;
  if (cdf.length === 0) return poisson(u, table.mean);
  // The first k with u < cdf[k]; none within the table is poisson's cap.
  if (!(u < cdf[cdf.length - 1]!)) return POISSON_CAP;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

