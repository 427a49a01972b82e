/** What parties trade: a package of releases, relief, grants, commitments and side offers. */
import type { Route } from '../world/types.js';

/** `count` people from a cohort, or one named person (`named: true`, count 1). */
export interface Release {
  readonly id: string;
  readonly count: number;
  readonly named: boolean;
}

/** Non-sanction things a Western party can give. */
export type Grant = 'klaipeda-transit' | 'prisoner-swap';
/** Things Belarus can promise besides prisoners (R11, ¶18). */
export type Commitment = 'stop-balloons' | 'free-lorry-drivers';
/** Help Belarus offers the US (R16, ¶33–34). */
export type SideOffer = 'putin' | 'maduro';

export interface Package {
  readonly releases: readonly Release[];
  /** Sanction ids to lift. */
  readonly relief: readonly string[];
  readonly grants: readonly Grant[];
  readonly commitments: readonly Commitment[];
  readonly sideOffers: readonly SideOffer[];
}

/**
 * A declared track's package (src/negotiation/declared-track.ts): the ids of the scenario's items
 * in it. Its items are not the four tracks' issues, so it has a shape of its own.
 */
export interface ItemPackage {
  readonly items: readonly string[];
}

export const emptyPackage: Package = { releases: [], relief: [], grants: [], commitments: [], sideOffers: [] };

export const headcount = (releases: readonly Release[]): number => releases.reduce((n, r) => n + r.count, 0);

export type RouteSplit = Partial<Record<Route, number>>;
