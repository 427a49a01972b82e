/** The deal-space chart's points come from the trace alone: packages, frontier, the two points, offers, the agreement. */
import { describe, expect, it } from 'vitest';
import { dealSpacePoints, dealSpaceSpec } from '../../src/report/deal-space-chart.js';
import type { DealSpaceRecord, OfferRecord } from '../../src/simulation/trace.js';

const view = { releases: {}, headcount: 0, relief: [], grants: [], commitments: [], sideOffers: [] };
const pkg = (x: number, y: number, feasible = true) => ({ package: view, values: {}, reservations: {}, surplus: { us: x, belarus: y }, feasible });
const space: DealSpaceRecord = {
  track: 'us-belarus', parties: ['us', 'belarus'], sampled: null, sampling: null,
  packages: [pkg(1, 1), pkg(2, 2), pkg(3, 3, false)], pareto: [1], nash: { index: 1, surplus: { us: 2, belarus: 2 } },
  ks: { index: 1, surplus: { us: 2, belarus: 2 } }, zopa: true,
};
const offer = (answer: OfferRecord['answer'], us: number, by: number): OfferRecord => ({
  track: 'us-belarus', exchange: 1, from: 'us', to: 'belarus', kind: 'offer', package: view, answer, reason: 'r', why: { code: 'not-for-sale' }, rules: ['R03'],
  values: { us, belarus: by }, reservations: { us: 1, belarus: 0.5 },
});

describe('the deal-space chart', () => {
  it('plots every package by surplus, marks the frontier and both points, and places offers by value − reservation', () => {
    const points = dealSpacePoints(space, [offer('counter', 3, 1), offer('accept', 2.5, 2), { ...offer('accept', 9, 9), track: 'poland-belarus' }]);
    expect(points).toEqual([
      { x: 1, y: 1, kind: 'package' }, { x: 2, y: 2, kind: 'package' }, { x: 3, y: 3, kind: 'across a red line' },
      { x: 2, y: 2, kind: 'Pareto frontier' }, { x: 2, y: 2, kind: 'Nash point' }, { x: 2, y: 2, kind: 'Kalai–Smorodinsky point' },
      { x: 2, y: 0.5, kind: 'offer made' }, { x: 1.5, y: 1.5, kind: 'agreement' },
    ]);
  });

  it('names the axes after the parties', () => {
    const spec = JSON.stringify(dealSpaceSpec(space, [], 't'));
    expect(spec).toContain("Washington's surplus");
    expect(spec).toContain("Minsk's surplus");
  });
});
