/**
 * What an analyst must be told about a study's indices before trusting them: negative indices
 * (estimator noise: the true index is never below 0), intervals wider than the index itself, and
 * samples too small for the estimates to have settled.
 */
import type { SobolIndex } from './sobol.js';
import type { MorrisIndex } from './morris.js';

export interface StudyWarning {
  readonly metric: string;
  readonly factor: string | null;
  readonly message: string;
}

/** Intervals wider than this (in units of variance share) mean the sample is too small to rank factors. */
export const WIDE_INTERVAL = 0.2;
/** Below this many trajectories a Morris screening's μ* is anecdotal (Campolongo et al. use 10–20). */
export const FEW_TRAJECTORIES = 10;
/** Indices below this are treated as zero when comparing them with their interval. */
const NEGLIGIBLE = 0.01;

const width = (ci: [number, number] | null): number => (ci ? ci[1] - ci[0] : 0);

export function sobolWarnings(metric: string, indices: readonly SobolIndex[], n: number): StudyWarning[] {
  const out: StudyWarning[] = [];
  for (const x of indices) {
    for (const [name, value, ci] of [['S1', x.S1, x.S1ci], ['ST', x.ST, x.STci]] as const) {
      if (value === null) continue;
      if (value < 0 && (ci === null || ci[1] < 0 || value < -NEGLIGIBLE)) out.push({ metric, factor: x.factor, message: `${name} = ${value.toFixed(3)} is negative: estimator noise (read it as 0); more samples narrow it` });
      if (Math.abs(value) >= NEGLIGIBLE && width(ci) > Math.abs(value)) out.push({ metric, factor: x.factor, message: `the ${name} interval (width ${width(ci).toFixed(3)}) is wider than ${name} itself (${value.toFixed(3)})` });
    }
  }
  const widest = Math.max(0, ...indices.flatMap((x) => [width(x.S1ci), width(x.STci)]));
  if (widest > WIDE_INTERVAL) out.push({ metric, factor: null, message: `intervals up to ${widest.toFixed(2)} wide with samples ${n}: too few samples for the indices to converge; try samples ${4 * n}` });
  if (indices.every((x) => x.S1 === null)) out.push({ metric, factor: null, message: 'the metric does not vary over the study (or no run defines it): no indices' });
  return out;
}

export function morrisWarnings(metric: string, indices: readonly MorrisIndex[], trajectories: number): StudyWarning[] {
  const out: StudyWarning[] = [];
  if (trajectories < FEW_TRAJECTORIES) out.push({ metric, factor: null, message: `${trajectories} trajectories are too few for a stable ranking; use at least ${FEW_TRAJECTORIES}` });
  for (const x of indices) {
    if (x.muStar !== null && x.muStar >= NEGLIGIBLE && width(x.muStarCi) > x.muStar) out.push({ metric, factor: x.factor, message: `the μ* interval (width ${width(x.muStarCi).toFixed(3)}) is wider than μ* itself (${x.muStar.toFixed(3)})` });
  }
  return out;
}
