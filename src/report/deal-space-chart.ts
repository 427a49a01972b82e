/**
 * A round's deal space as a vega-lite chart (`thaw report --deal-space`): each package by the two
 * parties' surpluses over their reservations, the Pareto frontier, the Nash and Kalai–Smorodinsky
 * points, the offers made that month (their surpluses, from the records' values and reservations)
 * and the agreement, if any. Formatting only: the numbers come from the trace.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DealSpaceRecord, OfferRecord } from '../simulation/trace.js';
import { PALETTE } from './diagram.js';
import { AGENT_NAMES } from './words.js';

export interface SpacePoint {
  readonly x: number;
  readonly y: number;
  readonly kind: string;
}

const gain = (o: OfferRecord, party: string): number => (o.values[party] ?? 0) - (o.reservations[party] ?? 0);

/** The chart's points: packages, frontier, the two solutions, offers and the agreement. */
export function dealSpacePoints(space: DealSpaceRecord, offers: readonly OfferRecord[]): SpacePoint[] {
  const [a, b] = space.parties;
  const at = (i: number) => ({ x: space.packages[i]!.surplus[a]!, y: space.packages[i]!.surplus[b]! });
  const points: SpacePoint[] = space.packages.map((p, i) => ({ ...at(i), kind: p.feasible ? 'package' : 'across a red line' }));
  for (const i of space.pareto) points.push({ ...at(i), kind: 'Pareto frontier' });
  if (space.nash.index !== null) points.push({ ...at(space.nash.index), kind: 'Nash point' });
  if (space.ks.index !== null) points.push({ ...at(space.ks.index), kind: 'Kalai–Smorodinsky point' });
  for (const o of offers) {
    if (o.track !== space.track) continue;
    points.push({ x: gain(o, a), y: gain(o, b), kind: o.answer === 'accept' ? 'agreement' : 'offer made' });
  }
  return points;
}

const KINDS = ['package', 'across a red line', 'Pareto frontier', 'Nash point', 'Kalai–Smorodinsky point', 'offer made', 'agreement'];
const COLOURS = [PALETTE.grey, PALETTE.vermillion, PALETTE.blue, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.ink];
const SHAPES = ['circle', 'cross', 'circle', 'diamond', 'square', 'triangle-up', 'triangle-down'];

export function dealSpaceSpec(space: DealSpaceRecord, offers: readonly OfferRecord[], title: string): TopLevelSpec {
  const [a, b] = space.parties;
  const values = dealSpacePoints(space, offers);
  const frontier = values.filter((p) => p.kind === 'Pareto frontier').sort((p, q) => p.x - q.x);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 380, height: 260,
    layer: [
      { data: { values: frontier }, mark: { type: 'line', color: PALETTE.blue, strokeWidth: 1.5 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60, opacity: 0.85 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: `${AGENT_NAMES[a as keyof typeof AGENT_NAMES] ?? a}'s surplus (value − reservation)` },
          y: { field: 'y', type: 'quantitative', title: `${AGENT_NAMES[b as keyof typeof AGENT_NAMES] ?? b}'s surplus` },
          color: { field: 'kind', type: 'nominal', title: null, scale: { domain: KINDS, range: COLOURS } },
          shape: { field: 'kind', type: 'nominal', title: null, scale: { domain: KINDS, range: SHAPES } },
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: PALETTE.grey, strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: PALETTE.grey, strokeDash: [3, 3] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}
