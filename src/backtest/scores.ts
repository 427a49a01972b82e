/**
 * Proper scores for forecasts of yes/no facts, and the calibration of numeric forecasts. Pure
 * functions over plain arrays: the backtest runner resolves facts in runs and hands the forecasts
 * (probabilities, predictive samples) here; nothing in this module runs a simulation.
 *
 * Conventions (docs/backtesting.md):
 * - The Brier score is the mean squared difference between the probability and the outcome (0 or 1):
 *   0 is perfect, 0.25 is what 0.5 for everything earns, lower is better.
 * - The log score is the mean negative natural log of the probability given to what happened
 *   (lower is better). Probabilities are first clipped to [ε, 1 − ε] with ε = LOG_CLIP, so that a
 *   forecaster who says 0 or 1 and is wrong (the persistence baseline, or a model whose 2,000 runs
 *   all agree) pays a large but finite −ln ε ≈ 4.6 rather than infinity.
 */
import type { Rng } from '../simulation/rng.js';
import { quantile } from '../simulation/stats.js';

export const LOG_CLIP = 0.01;

/** One yes/no forecast and what happened. */
export interface BinaryForecast {
  readonly p: number;
  readonly observed: boolean;
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must lie in [0, 1], got ${p}`);
}

/** (p − o)² for one forecast. */
export function brierTerm({ p, observed }: BinaryForecast): number {
  checkProbability(p);
  const o = observed ? 1 : 0;
  return (p - o) * (p - o);
}

/** −ln of the clipped probability given to what happened. */
export function logTerm({ p, observed }: BinaryForecast, clip = LOG_CLIP): number {
  checkProbability(p);
  const q = Math.min(1 - clip, Math.max(clip, p));
  return -Math.log(observed ? q : 1 - q);
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function brierScore(forecasts: readonly BinaryForecast[]): number {
  return mean(forecasts.map((f) => brierTerm(f)));
}

export function logScore(forecasts: readonly BinaryForecast[], clip = LOG_CLIP): number {
  return mean(forecasts.map((f) => logTerm(f, clip)));
}

/** One bin of a reliability diagram: forecasts whose probability fell in [lo, hi) (the last bin includes 1). */
export interface ReliabilityBin {
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  /** Mean forecast probability in the bin; null when the bin is empty. */
  readonly meanForecast: number | null;
  /** Share of the bin's facts that came true; null when the bin is empty. */
  readonly observedRate: number | null;
}

export const DEFAULT_BINS = 10;

/** Bins forecasts by probability into `bins` equal-width bins over [0, 1]. */
export function reliabilityBins(forecasts: readonly BinaryForecast[], bins = DEFAULT_BINS): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a whole number ≥ 1, got ${bins}`);
  const n = new Array<number>(bins).fill(0);
  const pSum = new Array<number>(bins).fill(0);
  const yes = new Array<number>(bins).fill(0);
  for (const f of forecasts) {
    checkProbability(f.p);
    const k = Math.min(bins - 1, Math.floor(f.p * bins));
    n[k]! += 1;
    pSum[k]! += f.p;
    if (f.observed) yes[k]! += 1;
  }
  return n.map((count, k) => ({
    lo: k / bins,
    hi: (k + 1) / bins,
    n: count,
    meanForecast: count === 0 ? null : pSum[k]! / count,
    observedRate: count === 0 ? null : yes[k]! / count,
  }));
}

/**
 * Murphy's decomposition of the Brier score over reliability bins:
 *   reliability = Σₖ nₖ (f̄ₖ − ōₖ)² / N, resolution = Σₖ nₖ (ōₖ − ō)² / N, uncertainty = ō (1 − ō),
 * with f̄ₖ the bin's mean forecast and ōₖ its observed rate. brier = reliability − resolution +
 * uncertainty holds exactly when the forecasts inside each bin are equal; otherwise the two differ by
 * the within-bin spread of the forecasts, which `withinBin` reports so that the sum always closes.
 */
export interface BrierDecomposition {
  readonly reliability: number;
  readonly resolution: number;
  readonly uncertainty: number;
  /** brier − (reliability − resolution + uncertainty): 0 when every bin holds one forecast value. */
  readonly withinBin: number;
}

export function brierDecomposition(forecasts: readonly BinaryForecast[], bins = DEFAULT_BINS): BrierDecomposition {
  const total = forecasts.length;
  if (total === 0) return { reliability: Number.NaN, resolution: Number.NaN, uncertainty: Number.NaN, withinBin: Number.NaN };
  const base = mean(forecasts.map((f) => (f.observed ? 1 : 0)));
  let reliability = 0;
  let resolution = 0;
  for (const bin of reliabilityBins(forecasts, bins)) {
    if (bin.n === 0) continue;
    reliability += bin.n * (bin.meanForecast! - bin.observedRate!) ** 2;
    resolution += bin.n * (bin.observedRate! - base) ** 2;
  }
  reliability /= total;
  resolution /= total;
  const uncertainty = base * (1 - base);
  return { reliability, resolution, uncertainty, withinBin: brierScore(forecasts) - (reliability - resolution + uncertainty) };
}

/**
 * Where an observed value falls in a predictive sample, as a share in [0, 1]: the mid-rank
 * (values below, plus half the values equal, over the sample size), so that ties split evenly and an
 * observation equal to every draw sits at 0.5 rather than at an end.
 */
export function percentileOf(observed: number, sample: readonly number[]): number {
  if (sample.length === 0) return Number.NaN;
  let below = 0;
  let equal = 0;
  for (const v of sample) {
    if (v < observed) below++;
    else if (v === observed) equal++;
  }
  return (below + equal / 2) / sample.length;
}

/** Whether `observed` lies inside the closed band [lo, hi]. */
export function inBand(observed: number, [lo, hi]: readonly [number, number]): boolean {
  return observed >= lo && observed <= hi;
}

/**
 * A percentile bootstrap interval of a score: resample the per-fact terms with replacement
 * `resamples` times (draws from `rng`), take each resample's mean, and return the (1 − level)/2 and
 * (1 + level)/2 quantiles of those means. Facts, not runs, are resampled: the uncertainty of a
 * score over ten facts is about which ten facts were asked.
 */
export function bootstrapMeanCi(terms: readonly number[], rng: Rng, resamples = 1000, level = 0.95): [number, number] {
  const n = terms.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += terms[Math.floor(rng.next() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  return [quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2)];
}
