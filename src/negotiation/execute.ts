/** Carrying out an agreed package on the world, through the world's recipes only. */
import type { World } from '../world/types.js';
import {
  freeLorryDrivers, liftSanction, openTransit, releaseEach, stopBalloons,
} from '../world/recipes.js';
import type { RoutedRelease } from '../rules/routes.js';
import type { Commitment, Grant, ItemPackage, Package, Release } from './package.js';
import { headcount } from './package.js';
import type { PackageView } from '../simulation/trace.js';

export function executeDeal(world: World, routed: readonly RoutedRelease[], relief: readonly string[], grants: readonly Grant[], commitments: readonly Commitment[]): World {
  let w = releaseEach(world, routed).world;
  for (const id of relief) w = liftSanction(w, id);
  if (grants.includes('klaipeda-transit')) w = openTransit(w);
  if (commitments.includes('stop-balloons')) w = stopBalloons(w);
  if (commitments.includes('free-lorry-drivers')) w = freeLorryDrivers(w);
  return w;
}

export function viewOf(pkg: Package): PackageView {
  return {
    releases: releasesView(pkg.releases),
    headcount: headcount(pkg.releases),
    relief: [...pkg.relief],
    grants: [...pkg.grants],
    commitments: [...pkg.commitments],
    sideOffers: [...pkg.sideOffers],
  };
}

/** A declared track's package as the trace shows it: none of the four tracks' issues, its items. */
export const viewOfItems = (pkg: ItemPackage): PackageView => ({
  releases: {}, headcount: 0, relief: [], grants: [], commitments: [], sideOffers: [], items: [...pkg.items],
});

function releasesView(releases: readonly Release[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of releases) out[r.id] = (out[r.id] ?? 0) + r.count;
  return out;
}

export function routeSplit(routed: readonly RoutedRelease[]): Partial<Record<RoutedRelease['route'], number>> {
  const out: Partial<Record<RoutedRelease['route'], number>> = {};
  for (const r of routed) out[r.route] = (out[r.route] ?? 0) + r.count;
  return out;
}

export const routedView = (routed: readonly RoutedRelease[]) => routed.map((r) => ({ id: r.id, count: r.count, route: r.route }));
