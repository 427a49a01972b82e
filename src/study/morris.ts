/**
 * Morris's elementary effects screening (Morris 1991, with Campolongo et al. 2007's μ*).
 *
 * `sample` builds r trajectories on a p-level grid of the unit cube: a random start on the grid,
 * then each factor in a random order moves by Δ = p / (2(p − 1)) (up when it can, else down), so a
 * trajectory has D + 1 points and each step changes exactly one factor. A trajectory is one group:
 * the study runs its points on one seed, so an elementary effect measures the factor, not the noise.
 *
 * `analyze` reads each step's factor and signed move off the sample itself and computes the
 * elementary effects EE = Δy / Δu (in units of the factor's range), then per factor μ (mean EE),
 * μ* (mean |EE|), σ (standard deviation of EE) and a percentile bootstrap interval of μ* over
 * trajectories.
 */
import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, percentileInterval, resampleIndices } from './bootstrap.js';
import type { Factor, Rng, Sample } from './design.js';
import { permutation } from './latin-hypercube.js';

export const DEFAULT_LEVELS = 4;

export interface MorrisOptions {
  readonly levels?: number;
}

export function sample(factors: readonly Factor[], trajectories: number, rng: Rng, options: MorrisOptions = {}): Sample {
  const p = options.levels ?? DEFAULT_LEVELS;
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`Morris levels must be an even number ≥ 2, got ${p}`);
  const delta = p / (2 * (p - 1));
  const d = factors.length;
  const unit: number[][] = [];
  const groups: number[] = [];
  for (let t = 0; t < trajectories; t++) {
    const x = factors.map(() => Math.floor(rng.next() * p) / (p - 1));
    unit.push([...x]);
    groups.push(t);
    for (const i of permutation(d, rng)) {
      // Up when the level Δ above exists on the grid, else down: every step stays inside the cube.
      x[i] = x[i]! + delta <= 1 + 1e-12 ? x[i]! + delta : x[i]! - delta;
      unit.push([...x]);
      groups.push(t);
    }
  }
  return { unit, groups };
}

export interface MorrisIndex {
  readonly factor: string;
  readonly mu: number | null;
  readonly muStar: number | null;
  readonly muStarCi: [number, number] | null;
  readonly sigma: number | null;
  /** Elementary effects computed (steps of this factor whose two points have a value). */
  readonly effects: number;
}

export interface MorrisAnalyzeOptions {
  readonly resamples?: number;
  readonly confidence?: number;
  readonly rng: Rng;
}

/** Elementary effects per factor per trajectory (NaN where a value was missing). */
function effectsOf(d: number, sample: Sample, y: readonly (number | null)[]): number[][] {
  const per = d + 1;
  if (sample.unit.length !== y.length || y.length % per !== 0) throw new RangeError(`a Morris sample of ${d} factors has ${per} rows per trajectory; got ${y.length} outputs for ${sample.unit.length} points`);
  const out: number[][] = [];
  for (let t = 0; t < y.length / per; t++) {
    const ee = new Array<number>(d).fill(Number.NaN);
    for (let s = 0; s < d; s++) {
      const before = sample.unit[t * per + s]!;
      const after = sample.unit[t * per + s + 1]!;
      const i = after.findIndex((u, k) => u !== before[k]);
      // Both indices are inside y: its length was checked against the sample's above.
      const y0 = y[t * per + s] ?? null;
      const y1 = y[t * per + s + 1] ?? null;
      if (i < 0 || y0 === null || y1 === null) continue;
      ee[i] = (y1 - y0) / (after[i]! - before[i]!);
    }
    out.push(ee);
  }
  return out;
}

function moments(values: readonly number[]): { mu: number; muStar: number; sigma: number | null } {
  const n = values.length;
  let sum = 0;
  let abs = 0;
  for (const v of values) { sum += v; abs += Math.abs(v); }
  const mu = sum / n;
  let sq = 0;
  for (const v of values) sq += (v - mu) ** 2;
  return { mu, muStar: abs / n, sigma: n > 1 ? Math.sqrt(sq / (n - 1)) : null };
}

export function analyze(factors: readonly Factor[], sample: Sample, y: readonly (number | null)[], options: MorrisAnalyzeOptions): MorrisIndex[] {
  const effects = effectsOf(factors.length, sample, y);
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const picks = resampleIndices(effects.length, options.resamples ?? DEFAULT_RESAMPLES, options.rng);
  return factors.map((f, i) => {
    const column = effects.map((ee) => ee[i]!);
    const present = column.filter(Number.isFinite);
    if (present.length === 0) return { factor: f.name, mu: null, muStar: null, muStarCi: null, sigma: null, effects: 0 };
    const m = moments(present);
    const boots = picks.map((pick) => {
      let abs = 0;
      let count = 0;
      for (const k of pick) {
        const v = column[k]!;
        if (Number.isFinite(v)) { abs += Math.abs(v); count += 1; }
      }
      // No effect of this factor in the resample: 0 / 0, NaN, which the interval leaves out.
      return abs / count;
    });
    return { factor: f.name, mu: m.mu, muStar: m.muStar, muStarCi: percentileInterval(boots, confidence), sigma: m.sigma, effects: present.length };
  });
}
