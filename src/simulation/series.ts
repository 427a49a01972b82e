/**
 * `--series`: the world's state at the end of every month of a run, flat, for monthly plots across
 * the runs of a sweep or a study (a fan of `held` over time, say). Step 0 is the start (the
 * scenario's first month, before anything ran); step k the end of simulated month k. Counts are
 * the run's totals so far, as in the story's month lines; indices are rounded to three places, as
 * in `thaw run --format json`'s `world`, so that a file is readable and the same on every machine.
 */
import { ROUTES, type World } from '../world/types.js';
import { heldCount, releasedCount } from '../world/create.js';
import { round3 } from './round.js';

/** A month's fields, in the order the CSV's columns and every JSON object have them. */
export const SERIES_FIELDS = [
  'step', 'month', 'held', 'released', ...ROUTES.map((r) => `released.${r}`), 'pardoned', 'arrested', 'rearrested',
  'usInterest', 'trust', 'hostility.lithuania', 'hostility.poland', 'talks', 'transitOpen', 'balloons', 'sanctionsLifted',
] as const;

export type SeriesField = (typeof SERIES_FIELDS)[number];
export type MonthRow = Readonly<Record<SeriesField, number | string | boolean>>;

/** The world at one step of a run, in SERIES_FIELDS order. */
export function monthRow(world: World, step: number): MonthRow {
  const row: Record<string, number | string | boolean> = { step, month: world.month, held: heldCount(world), released: releasedCount(world) };
  for (const r of ROUTES) row[`released.${r}`] = world.releasedByRoute[r];
  row.pardoned = world.pardoned;
  row.arrested = world.arrested;
  row.rearrested = world.rearrested;
  row.usInterest = round3(world.usInterest);
  row.trust = round3(world.trust);
  row['hostility.lithuania'] = round3(world.relations.lithuania.hostility);
  row['hostility.poland'] = round3(world.relations.poland.hostility);
  row.talks = world.talks;
  row.transitOpen = world.transitOpen;
  row.balloons = world.balloons;
  let lifted = 0;
  for (const s of world.sanctions) if (s.status === 'lifted') lifted += 1;
  row.sanctionsLifted = lifted;
  return row as MonthRow;
}

/** Collects a run's months through the run's `observe` hook (called at the start and after every month). */
export function seriesCollector(): { readonly months: MonthRow[]; readonly observe: (world: World) => void } {
  const months: MonthRow[] = [];
  return { months, observe: (world) => { months.push(monthRow(world, months.length)); } };
}
