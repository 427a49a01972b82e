/**
 * The deal space's pure functions on small hand-made spaces whose answers can be worked out by
 * hand: the Pareto frontier, the Nash point (largest product of surpluses), the Kalai–Smorodinsky
 * point (largest equal share of each side's best gain), the ZOPA, and the count grid.
 */
import { describe, expect, it } from 'vitest';
import { analyseSpace, countGrid, dominates, hasZopa, kalaiSmorodinsky, nashPoint, paretoFrontier, type SpacePoint } from '../../src/negotiation/deal-space.js';

const pt = (a: number, b: number, feasible = true): SpacePoint => ({ surplus: [a, b], feasible });

describe('the Pareto frontier', () => {
  it('keeps the undominated points, ordered by the first surplus', () => {
    // (1,1) is beaten by (2,2); (3,0) and (0,3) and (2,2) stand.
    expect(paretoFrontier([pt(1, 1), pt(3, 0), pt(2, 2), pt(0, 3)])).toEqual([3, 2, 1]);
  });

  it('leaves out infeasible packages however good they look', () => {
    expect(paretoFrontier([pt(1, 1), pt(9, 9, false)])).toEqual([0]);
  });

  it('keeps the first of equal points only, and a point tied on one side but better on the other wins', () => {
    expect(paretoFrontier([pt(2, 2), pt(2, 2), pt(2, 3)])).toEqual([2]);
    expect(paretoFrontier([pt(1, 1), pt(1, 1)])).toEqual([0]);
  });

  it('is empty when nothing is feasible', () => {
    expect(paretoFrontier([pt(1, 1, false)])).toEqual([]);
  });
});

describe('the Nash bargaining point', () => {
  it('maximises the product of surpluses: 2 × 2 = 4 beats 3 × 1 and 1 × 3.5', () => {
    const points = [pt(3, 1), pt(2, 2), pt(1, 3.5)];
    expect(nashPoint(points)).toEqual({ index: 1, surplus: [2, 2] });
  });

  it('takes only packages both sides prefer to no deal: (5, −1) has no place', () => {
    expect(nashPoint([pt(5, -1), pt(1, 1)])).toEqual({ index: 1, surplus: [1, 1] });
  });

  it('without a ZOPA is the disagreement point: no package', () => {
    const points = [pt(2, -1), pt(-1, 2)];
    expect(hasZopa(points)).toBe(false);
    expect(nashPoint(points)).toEqual({ index: null, surplus: [0, 0] });
    expect(kalaiSmorodinsky(points)).toEqual({ index: null, surplus: [0, 0] });
  });

  it('on a line of transferable surplus (a + b = 4) sits at the middle', () => {
    const points = [0, 1, 2, 3, 4].map((a) => pt(a, 4 - a));
    expect(nashPoint(points).index).toBe(2);
  });
});

describe('the Kalai–Smorodinsky point', () => {
  it('gives each side the same share of its best gain: ideal (4, 2), so (2, 1) at one half each beats (4, 0) and (0, 2)', () => {
    const points = [pt(4, 0), pt(0, 2), pt(2, 1)];
    expect(kalaiSmorodinsky(points)).toEqual({ index: 2, surplus: [2, 1] });
  });

  it('moves with the ideal point where Nash does not', () => {
    // Ideal (6, 3): (4, 2) has shares 2/3 and 2/3, (3, 2.5) 1/2 and 5/6: KS is (4, 2), and so is Nash (8 > 7.5).
    const points = [pt(6, 0), pt(4, 2), pt(3, 2.5), pt(0, 3)];
    expect(kalaiSmorodinsky(points).index).toBe(1);
    expect(nashPoint(points).index).toBe(1);
    // Add (0, 6): the ideal becomes (6, 6); (4, 2) now has min share 1/3, (3, 2.5) 5/12: KS moves, Nash stays.
    const wider = [...points, pt(0, 6)];
    expect(kalaiSmorodinsky(wider).index).toBe(2);
    expect(nashPoint(wider).index).toBe(1);
  });
});

describe('the whole analysis', () => {
  it('names the frontier, both points and the ZOPA; Nash lies on the frontier', () => {
    const a = analyseSpace([pt(1, 1), pt(3, 0), pt(2, 2), pt(0, 3), pt(-1, 5)]);
    expect(a.zopa).toBe(true);
    expect(a.pareto).toEqual([4, 3, 2, 1]);
    expect(a.pareto).toContain(a.nash.index);
    expect(a.nash.index).toBe(2);
  });

  it('dominance is strict in one side at least', () => {
    expect(dominates([2, 2], [2, 2])).toBe(false);
    expect(dominates([2, 3], [2, 2])).toBe(true);
    expect(dominates([3, 1], [2, 2])).toBe(false);
  });
});

describe('the count grid (the documented sample of release counts)', () => {
  it('lists every count when there are few', () => {
    expect(countGrid(4, 21)).toEqual([0, 1, 2, 3, 4]);
  });

  it('spreads at most `max` steps over many, with both ends and the boundaries asked for', () => {
    const g = countGrid(1000, 5, [7]);
    expect(g).toEqual([0, 7, 250, 500, 750, 1000]);
  });

  it('is just 0 for nothing to release', () => {
    expect(countGrid(0, 21)).toEqual([0]);
  });
});
