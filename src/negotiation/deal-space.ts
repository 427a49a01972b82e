/**
 * The deal space of one negotiation round, in the terms of bargaining theory: the packages of the
 * issue space with each side's surplus over its reservation (what the package is worth to it
 * minus the least it must get for it), the Pareto frontier, the Nash bargaining point (the
 * largest product of surpluses) and the Kalai–Smorodinsky point (the largest equal share of each
 * side's best gain). The disagreement point is no deal: surplus 0 for both.
 *
 * Pure functions over points, so any track's space, or a hand-made one, is analysed the same way.
 * A zone of possible agreement (ZOPA) exists when some feasible package leaves neither side worse
 * off than no deal. Without one, bargaining theory's answer is the disagreement point: `nash` and
 * `ks` then name no package (`index: null`).
 */

/** A package's surpluses for the two parties, in the order of the track's parties. */
export type Surplus = readonly [number, number];

/** A package of the space: its surpluses, and whether it crosses a red line (then it is not feasible). */
export interface SpacePoint {
  readonly surplus: Surplus;
  readonly feasible: boolean;
}

/** A point the theory selects: the package's index in the space, or null for no deal. */
export interface Solution {
  readonly index: number | null;
  readonly surplus: Surplus;
}

export interface SpaceAnalysis {
  /** Indices of the feasible packages no other feasible package beats for one side without costing the other, by the first party's surplus. */
  readonly pareto: readonly number[];
  readonly nash: Solution;
  readonly ks: Solution;
  readonly zopa: boolean;
}

const NO_DEAL: Solution = { index: null, surplus: [0, 0] };

/** `b` is at least as good as `a` for both and better for one. */
export const dominates = (b: Surplus, a: Surplus): boolean => b[0] >= a[0] && b[1] >= a[1] && (b[0] > a[0] || b[1] > a[1]);

/** The feasible packages no other feasible package dominates; equal points keep the first. */
export function paretoFrontier(points: readonly SpacePoint[]): number[] {
  const feasible = points.map((p, i) => ({ p, i })).filter(({ p }) => p.feasible);
  // Sort by the first surplus (descending), then the second (descending): one sweep keeps the frontier.
  feasible.sort((x, y) => y.p.surplus[0] - x.p.surplus[0] || y.p.surplus[1] - x.p.surplus[1] || x.i - y.i);
  const frontier: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  // A point enters only if it beats every point with a larger (or equal) first surplus on the second;
  // an equal point again is not better, so the first of equals stands for them.
  for (const { p, i } of feasible) {
    if (p.surplus[1] > best) {
      frontier.push(i);
      best = p.surplus[1];
    }
  }
  return frontier.sort((a, b) => points[a]!.surplus[0] - points[b]!.surplus[0] || a - b);
}

/** Individually rational: no worse than no deal for either side. */
const rational = (p: SpacePoint): boolean => p.feasible && p.surplus[0] >= 0 && p.surplus[1] >= 0;

export const hasZopa = (points: readonly SpacePoint[]): boolean => points.some(rational);

/**
 * The Nash bargaining point: the rational package with the largest product of surpluses, looked
 * for on the frontier (a dominated package never has a larger product); ties go to the smaller index.
 */
export function nashPoint(points: readonly SpacePoint[], frontier: readonly number[] = paretoFrontier(points)): Solution {
  let best: Solution = NO_DEAL;
  let product = Number.NEGATIVE_INFINITY;
  for (const i of [...frontier].sort((a, b) => a - b)) {
    const p = points[i]!;
    if (!rational(p)) continue;
    const x = p.surplus[0] * p.surplus[1];
    if (x > product) { product = x; best = { index: i, surplus: p.surplus }; }
  }
  return best;
}

/**
 * The Kalai–Smorodinsky point of a discrete space: among the rational frontier packages, the one
 * whose smaller share of its side's best rational gain is largest (the point nearest the line from
 * no deal to the ideal point); ties go to the larger total, then the smaller index. A side whose
 * best gain is 0 counts as fully served.
 */
export function kalaiSmorodinsky(points: readonly SpacePoint[], frontier: readonly number[] = paretoFrontier(points)): Solution {
  const candidates = frontier.filter((i) => rational(points[i]!));
  if (candidates.length === 0) return NO_DEAL;
  const ideal: [number, number] = [0, 0];
  for (const i of candidates) {
    const s = points[i]!.surplus;
    ideal[0] = Math.max(ideal[0], s[0]);
    ideal[1] = Math.max(ideal[1], s[1]);
  }
  const share = (x: number, top: number) => (top > 0 ? x / top : 1);
  let best: Solution = NO_DEAL;
  let score = Number.NEGATIVE_INFINITY;
  let total = Number.NEGATIVE_INFINITY;
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const s = points[i]!.surplus;
    const m = Math.min(share(s[0], ideal[0]), share(s[1], ideal[1]));
    const t = s[0] + s[1];
    if (m > score || (m === score && t > total)) { score = m; total = t; best = { index: i, surplus: s }; }
  }
  return best;
}

export function analyseSpace(points: readonly SpacePoint[]): SpaceAnalysis {
  const pareto = paretoFrontier(points);
  return { pareto, nash: nashPoint(points, pareto), ks: kalaiSmorodinsky(points, pareto), zopa: hasZopa(points) };
}

/**
 * Up to `max` whole numbers from 0 to `n`, evenly spread, always with both ends and every `must`
 * (boundaries a track cares about, such as where a named person joins): the documented sample of a
 * release count too large to enumerate.
 */
export function countGrid(n: number, max: number, must: readonly number[] = []): number[] {
  const top = Math.max(0, Math.floor(n));
  const steps = Math.max(1, Math.min(top, max - 1));
  const set = new Set<number>([0, top]);
  for (let i = 0; i <= steps; i++) set.add(Math.round((i * top) / steps));
  for (const m of must) if (m >= 0 && m <= top) set.add(Math.floor(m));
  return [...set].sort((a, b) => a - b);
}
