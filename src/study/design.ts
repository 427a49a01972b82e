/**
 * What every design shares (SALib's `problem`): the factors, each a name and a distribution, and a
 * sample of points in the unit cube. A point's coordinates go through each factor's quantile
 * function (./distributions.ts) to become parameter values, so one design serves uniform ranges,
 * skewed priors, integers and choices alike. Points that must share common random numbers (Sobol's
 * A, B and AB_i rows of one base point, a Morris trajectory) carry the same `group`.
 */
import { choiceIndex, quantileOf, type ChoiceValue, type Distribution } from './distributions.js';

export interface Factor {
  /** The parameter path it sets, e.g. `agents.us.visitChance` or `rules.R12`. */
  readonly name: string;
  readonly distribution: Distribution;
  /** The parameter holds whole numbers: values are rounded (a uniform range becomes a discrete uniform). */
  readonly integer: boolean;
}

export type FactorValue = ChoiceValue;

export interface Sample {
  /** Points × factors, each coordinate in [0, 1]. */
  readonly unit: readonly (readonly number[])[];
  /** Per point: the group whose points share a seed (common random numbers). */
  readonly groups: readonly number[];
}

/** The random stream a design draws from (the study's seeded stream, never Math.random). */
export interface Rng {
  next(): number;
}

/** A factor's value at unit position u. */
export function valueAt(factor: Factor, u: number): FactorValue {
  const d = factor.distribution;
  if (!factor.integer || d.kind === 'choice') return quantileOf(d, u);
  if (d.kind === 'uniform') {
    // Each whole number in [lo, hi] gets an equal share of the unit interval.
    const lo = Math.ceil(d.lo);
    const hi = Math.floor(d.hi);
    return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
  }
  const x = quantileOf(d, u) as number;
  const bounds = d.kind === 'normal' ? { lo: d.min ?? -Infinity, hi: d.max ?? Infinity } : { lo: d.lo, hi: d.hi };
  return Math.min(Math.floor(bounds.hi), Math.max(Math.ceil(bounds.lo), Math.round(x)));
}

/** The values of one point, factor by factor. */
export const valuesAt = (factors: readonly Factor[], point: readonly number[]): FactorValue[] =>
  factors.map((f, i) => valueAt(f, point[i]!));

/** How many distinct values a factor can take, when that is small enough to list (choices, integer ranges). */
export function levelsOf(factor: Factor): number | null {
  const d = factor.distribution;
  if (d.kind === 'choice') return d.values.length;
  if (factor.integer && d.kind === 'uniform') return Math.floor(d.hi) - Math.ceil(d.lo) + 1;
  return null;
}

/** The unit position in the middle of level k of n (so that `valueAt` gives that level back). */
export const levelMidpoint = (k: number, n: number): number => (k + 0.5) / n;

export { choiceIndex };
