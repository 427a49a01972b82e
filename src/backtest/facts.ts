/**
 * A backtest's questions as plain data: what the facts file (src/scenario/facts-file.ts) compiles
 * each fact to, so that the worker threads can resolve them in every run and the scores can be
 * computed without the file. A fact is either yes/no (it gives bounds or a status) or a number
 * (`released: {}`, `pardoned: {}`, `held: {}`, `arrested: {}`, a route count with `{}`).
 */
import type { MonthKey, Route } from '../world/types.js';
import type { TrackId } from '../simulation/trace.js';

/** Optional lower and upper bounds; a question with neither asks for the number itself. */
export interface Bounds {
  readonly min: number | null;
  readonly max: number | null;
}

export type FactQuery =
  /** A deal or scripted wave in the window, of at least `minReleased` people (all its batches), on a track, with a relief item. */
  | { readonly kind: 'wave'; readonly track: TrackId | null; readonly minReleased: number; readonly relief: string | null }
  /**
   * People freed in deals and scripted waves during the window (every route); with `withPardons`,
   * also those Minsk pardoned outside any deal (R20), i.e. everyone who left prison.
   */
  | ({ readonly kind: 'released'; readonly withPardons: boolean } & Bounds)
  /** People pardoned outside any deal during the window (R20, scenario releases). */
  | ({ readonly kind: 'pardoned' } & Bounds)
  /** People held at the end of the `by` month. */
  | ({ readonly kind: 'held' } & Bounds)
  /** New political prisoners during the window (R18). */
  | ({ readonly kind: 'arrested' } & Bounds)
  | { readonly kind: 'sanction'; readonly id: string; readonly status: 'active' | 'lifted' }
  /** A named prisoner's status at the end of `by`; with `route`, released to that route. */
  | { readonly kind: 'named'; readonly id: string; readonly status: 'held' | 'released'; readonly route: Route | null }
  | { readonly kind: 'transit'; readonly status: 'open' | 'closed' }
  /** Releases to one route in the window: a count (bounds, or the number), or a share of all releases there. */
  | ({ readonly kind: 'route'; readonly route: Route; readonly minShare: number | null; readonly maxShare: number | null } & Bounds);

export type FactKind = FactQuery['kind'];

export interface Fact {
  readonly id: string;
  readonly question: string | null;
  /** The window's first month (inclusive); null means from the first simulated month. */
  readonly from: MonthKey | null;
  /** Resolved at the end of this month. */
  readonly by: MonthKey;
  readonly query: FactQuery;
  /** What happened: true/false for a yes/no fact, a number for a numeric one. */
  readonly observed: boolean | number;
  readonly source: string | null;
}

/** Whether a fact asks for a number rather than yes or no. */
export function isNumeric(query: FactQuery): boolean {
  switch (query.kind) {
    case 'released':
    case 'pardoned':
    case 'held':
    case 'arrested':
      return query.min === null && query.max === null;
    case 'route':
      return query.min === null && query.max === null && query.minShare === null && query.maxShare === null;
    default:
      return false;
  }
}
