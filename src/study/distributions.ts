/**
 * Distributions of uncertain inputs, as an analyst writes them in a scenario, a `--set` or a study's
 * factors: `{ uniform: [lo, hi] }`, `{ triangular: [lo, mode, hi] }`, `{ normal: { mean, sd, min?,
 * max? } }`, `{ beta: [a, b] }` (scaled to the parameter's range), `{ choice: [v…], weights?: [w…] }`.
 * Every distribution is drawn through its quantile function from one uniform number, so that the
 * same machinery serves a random draw (a uniform from a seeded stream) and a study design (a point of
 * a Sobol', Latin hypercube or Morris design in the unit cube).
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export type ChoiceValue = number | boolean | string;

export type Distribution =
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'triangular'; readonly lo: number; readonly mode: number; readonly hi: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number; readonly min: number | null; readonly max: number | null }
  | { readonly kind: 'beta'; readonly a: number; readonly b: number; readonly lo: number; readonly hi: number }
  | { readonly kind: 'choice'; readonly values: readonly ChoiceValue[]; readonly weights: readonly number[] | null };

export const DISTRIBUTION_KEYS = ['uniform', 'triangular', 'normal', 'beta', 'choice'] as const;

/** Keeps inverse distribution functions finite at the unit cube's faces (Morris levels reach 0 and 1). */
const EDGE = 1e-9;
const clampUnit = (u: number): number => Math.min(1 - EDGE, Math.max(EDGE, u));

/** The value at unit position u ∈ [0, 1] of the distribution's quantile function. */
export function quantileOf(d: Distribution, u: number): ChoiceValue {
  switch (d.kind) {
    case 'uniform':
      // Written as a weighted mean so that u = 1 gives hi exactly.
      return d.lo * (1 - u) + d.hi * u;
    case 'triangular': {
      const width = d.hi - d.lo;
      if (width === 0) return d.lo;
      const cut = (d.mode - d.lo) / width;
      return u < cut ? d.lo + Math.sqrt(u * width * (d.mode - d.lo)) : d.hi - Math.sqrt((1 - u) * width * (d.hi - d.mode));
    }
    case 'normal': {
      // Truncation: draw u within the CDF's values at the bounds.
      const lo = d.min === null ? 0 : normalCdf(d.min, d.mean, d.sd);
      const hi = d.max === null ? 1 : normalCdf(d.max, d.mean, d.sd);
      const x = normalQuantile(clampUnit(lo + (hi - lo) * u), d.mean, d.sd);
      return Math.min(d.max ?? Number.POSITIVE_INFINITY, Math.max(d.min ?? Number.NEGATIVE_INFINITY, x));
    }
    case 'beta':
      return d.lo + (d.hi - d.lo) * betaQuantile(Math.min(1, Math.max(0, u)), d.a, d.b);
    case 'choice':
      return d.values[choiceIndex(d, u)]!;
  }
}

/** Which value of a choice a unit position picks: equal shares, or shares proportional to the weights. */
export function choiceIndex(d: Extract<Distribution, { kind: 'choice' }>, u: number): number {
  const k = d.values.length;
  if (!d.weights) return Math.min(k - 1, Math.floor(u * k));
  const total = d.weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < k; i++) {
    acc += d.weights[i]! / total;
    if (u < acc) return i;
  }
  return k - 1;
}

/** The smallest and largest value the distribution can give (numbers only; null for a choice of non-numbers). */
export function supportOf(d: Distribution): { lo: number; hi: number } | null {
  switch (d.kind) {
    case 'uniform':
    case 'triangular':
    case 'beta':
      return { lo: d.lo, hi: d.hi };
    case 'normal':
      return { lo: d.min ?? Number.NEGATIVE_INFINITY, hi: d.max ?? Number.POSITIVE_INFINITY };
    case 'choice': {
      const numbers = d.values.filter((v): v is number => typeof v === 'number');
      if (numbers.length !== d.values.length) return null;
      return { lo: Math.min(...numbers), hi: Math.max(...numbers) };
    }
  }
}

/** True for distributions over numbers (a choice of booleans or words is not). */
export const isNumeric = (d: Distribution): boolean => d.kind !== 'choice' || d.values.every((v) => typeof v === 'number');

/** The distribution as the analyst wrote it, for headers, errors and files. */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'uniform': return `uniform [${d.lo}, ${d.hi}]`;
    case 'triangular': return `triangular [${d.lo}, ${d.mode}, ${d.hi}]`;
    case 'normal': return `normal (mean ${d.mean}, sd ${d.sd}${d.min !== null ? `, min ${d.min}` : ''}${d.max !== null ? `, max ${d.max}` : ''})`;
    case 'beta': return `beta (${d.a}, ${d.b}) on [${d.lo}, ${d.hi}]`;
    case 'choice': return `choice of ${d.values.map(String).join(', ')}${d.weights ? ` (weights ${d.weights.join(', ')})` : ''}`;
  }
}

export type DistributionParse = { readonly ok: true; readonly distribution: Distribution } | { readonly ok: false; readonly message: string; readonly hint?: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
// Number.isFinite never coerces: anything but a finite number, a numeric string included, is false.
const isFiniteNumber = (x: unknown): x is number => Number.isFinite(x);
const numbers = (x: unknown, count: number): number[] | null =>
  Array.isArray(x) && x.length === count && x.every(isFiniteNumber) ? x : null;

/** True when a YAML value is written as a distribution (a mapping whose key names one). */
export function looksLikeDistribution(x: unknown): boolean {
  return isRecord(x) && Object.keys(x).some((k) => (DISTRIBUTION_KEYS as readonly string[]).includes(k));
}

/**
 * Reads a distribution from plain data. `range` is the parameter's own range, which a beta is
 * scaled to (a beta on a parameter without both bounds is refused: it would have nowhere to go).
 */
export function parseDistribution(x: unknown, range: { lo: number | null; hi: number | null } = { lo: null, hi: null }): DistributionParse {
  const bad = (message: string, hint?: string): DistributionParse => ({ ok: false, message, ...(hint ? { hint } : {}) });
  if (!isRecord(x)) return bad('expected a distribution such as { uniform: [0.2, 0.9] }');
  const keys = Object.keys(x);
  const kind = keys.find((k) => (DISTRIBUTION_KEYS as readonly string[]).includes(k));
  const extra = keys.filter((k) => k !== kind && !(kind === 'choice' && k === 'weights'));
  if (!kind) return bad(`expected one of ${DISTRIBUTION_KEYS.join(', ')}`, 'e.g. { uniform: [0.2, 0.9] } or { choice: [true, false] }');
  if (extra.length) return bad(`unexpected key "${extra[0]}" in a ${kind} distribution`, kind === 'choice' ? 'a choice takes only `choice` and `weights`' : `write only \`${kind}\``);
  const v = x[kind];
  switch (kind) {
    case 'uniform': {
      const p = numbers(v, 2);
      if (!p) return bad('uniform expects [lo, hi], two numbers');
      if (p[0]! > p[1]!) return bad(`uniform [${p[0]}, ${p[1]}]: lo must not be above hi`);
      return { ok: true, distribution: { kind, lo: p[0]!, hi: p[1]! } };
    }
    case 'triangular': {
      const p = numbers(v, 3);
      if (!p) return bad('triangular expects [lo, mode, hi], three numbers');
      if (!(p[0]! <= p[1]! && p[1]! <= p[2]!)) return bad(`triangular [${p.join(', ')}]: expected lo ≤ mode ≤ hi`);
      return { ok: true, distribution: { kind, lo: p[0]!, mode: p[1]!, hi: p[2]! } };
    }
    case 'normal': {
      if (!isRecord(v) || !isFiniteNumber(v.mean) || !isFiniteNumber(v.sd)) return bad('normal expects { mean: M, sd: S } with optional min and max');
      const unknown = Object.keys(v).find((k) => !['mean', 'sd', 'min', 'max'].includes(k));
      if (unknown) return bad(`unexpected key "${unknown}" in normal`, 'normal takes mean, sd, min and max');
      if (!(v.sd > 0)) return bad(`normal: sd must be above 0, got ${v.sd}`);
      for (const b of ['min', 'max'] as const) if (v[b] !== undefined && !isFiniteNumber(v[b])) return bad(`normal: ${b} must be a number`);
      const min = (v.min as number | undefined) ?? null;
      const max = (v.max as number | undefined) ?? null;
      if (min !== null && max !== null && min >= max) return bad(`normal: min (${min}) must be below max (${max})`);
      return { ok: true, distribution: { kind, mean: v.mean, sd: v.sd, min, max } };
    }
    case 'beta': {
      const p = numbers(v, 2);
      if (!p || !(p[0]! > 0) || !(p[1]! > 0)) return bad('beta expects [a, b], two numbers above 0');
      // Scaled to the parameter's range; [0, 1] only when the caller knows no range at all.
      const known = range.lo !== null && range.hi !== null;
      if (!known && (range.lo !== null || range.hi !== null)) {
        return bad('beta is scaled to the parameter\'s range, and this parameter has no upper or lower bound', 'use uniform, triangular or a truncated normal');
      }
      const lo = range.lo ?? 0;
      const hi = range.hi ?? 1;
      return { ok: true, distribution: { kind, a: p[0]!, b: p[1]!, lo, hi } };
    }
    default: {
      if (!Array.isArray(v) || v.length === 0 || !v.every((c) => isFiniteNumber(c) || typeof c === 'boolean' || typeof c === 'string')) {
        return bad('choice expects a list of values, e.g. [true, false] or [1, 2, 4]');
      }
      const w = x.weights;
      if (w !== undefined && (!Array.isArray(w) || w.length !== v.length || !w.every((n) => isFiniteNumber(n) && n >= 0) || !w.some((n) => (n as number) > 0))) {
        return bad(`choice: weights must be ${v.length} numbers ≥ 0, not all 0 (one per value)`);
      }
      return { ok: true, distribution: { kind: 'choice', values: v as ChoiceValue[], weights: (w as number[] | undefined) ?? null } };
    }
  }
}
