/**
 * Each track's issue space as packages, valued the way its round values offers (the same rule
 * functions, the same mood and urgency), for `--deal-space`. Large dimensions are sampled, and
 * the record says how: relief bundles from the (at most) four heaviest items a party can give,
 * release counts on a grid of at most 21 steps along the buyer's order (with every named
 * person's place kept). Nothing here draws from the random stream.
 */
import type { RuleId } from '../rules/ids.js';
import type { Candidate } from '../rules/value-match.js';
import type { AgentId, ModelSpace, Sampling, SpacePackage, TrackId } from '../simulation/trace.js';
import { analyseSpace, countGrid } from './deal-space.js';
import { viewOf } from './execute.js';
import { takeInOrder } from './candidates.js';
import type { Package, Release } from './package.js';

export const MAX_ITEMS = 4;
export const GRID_STEPS = 21;

/** One priced package: values and reservations by party, and the red line it crosses, if any. */
export interface Priced {
  readonly pkg: Package;
  readonly values: Readonly<Partial<Record<AgentId, number>>>;
  readonly reservations: Readonly<Partial<Record<AgentId, number>>>;
  readonly redLine: RuleId | null;
}

/** Every non-empty bundle of `items` (at most 2^MAX_ITEMS − 1), in a fixed order. */
export function bundles<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  const n = Math.min(items.length, MAX_ITEMS);
  for (let mask = 1; mask < 1 << n; mask++) out.push(items.slice(0, n).filter((_, i) => mask & (1 << i)));
  return out;
}

/** Release counts to try along `order`: the grid, with each named person's place in it. */
export function releaseSteps(order: readonly Candidate[]): { counts: number[]; total: number } {
  let total = 0;
  const must: number[] = [];
  for (const c of order) {
    total += c.available;
    if (c.named) must.push(total);
  }
  return { counts: countGrid(total, GRID_STEPS, must), total };
}

export const prefix = (order: readonly Candidate[], k: number): Release[] => takeInOrder(order, k).ask;

/** The deal space record of priced packages between `parties` (proposer first). */
export function spaceRecord(track: TrackId, parties: readonly [AgentId, AgentId], priced: readonly Priced[], sampling: Sampling | null): ModelSpace {
  const [a, b] = parties;
  const gain = (p: Priced, who: AgentId) => (p.values[who] ?? 0) - (p.reservations[who] ?? 0);
  const points = priced.map((p) => ({ surplus: [gain(p, a), gain(p, b)] as const, feasible: p.redLine === null }));
  const analysis = analyseSpace(points);
  const byParty = (s: readonly [number, number]) => ({ [a]: s[0], [b]: s[1] });
  const packages: SpacePackage[] = priced.map((p, i) => {
    const base: SpacePackage = {
      package: viewOf(p.pkg), values: { ...p.values } as Record<string, number>, reservations: { ...p.reservations } as Record<string, number>,
      surplus: byParty(points[i]!.surplus), feasible: p.redLine === null,
    };
    return p.redLine ? { ...base, redLine: p.redLine } : base;
  });
  return {
    track, parties: [a, b], sampling, packages, pareto: analysis.pareto,
    nash: { index: analysis.nash.index, surplus: byParty(analysis.nash.surplus) },
    ks: { index: analysis.ks.index, surplus: byParty(analysis.ks.surplus) },
    zopa: analysis.zopa,
  };
}
