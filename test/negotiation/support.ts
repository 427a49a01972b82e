/**
 * What the track suites share: a scripted random stream, tiny worlds built from `base`, and a
 * runner that checks a track does the same with and without a trace.
 */
import { expect } from 'vitest';
import type { TrackContext, TrackResult } from '../../src/negotiation/context.js';
import { createWorld } from '../../src/world/create.js';
import type { World } from '../../src/world/types.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import type { Rng } from '../../src/simulation/rng.js';
import { scenario } from '../support/scenarios.js';
import { OPEN_WORLD_RULE_IDS } from '../../src/rules/ids.js';
import type { DealRecord, OfferRecord, TraceEvent } from '../../src/simulation/trace.js';
import { dealWithWords, eventWithWords, offerWithWords, traceNames } from '../../src/report/trace-words.js';

export const CLOSED_WORLD: RuleSwitches = Object.fromEntries(OPEN_WORLD_RULE_IDS.map((id) => [id, false]));

/** An Rng that hands out exactly these draws and throws on one more; `left` counts those unused. */
export function scripted(...xs: number[]): Rng & { readonly left: number } {
  return {
    next: () => {
      const x = xs.shift();
      if (x === undefined) throw new Error('extra draw');
      return x;
    },
    get left() { return xs.length; },
  };
}

export type WorldIn = ScenarioInput['world'];
export type Patch = {
  world: Partial<WorldIn> & Pick<WorldIn, 'cohorts' | 'sanctions'>;
  agents?: Record<string, unknown>;
  rules?: RuleSwitches;
};
export interface Setup { readonly scenario: Scenario; readonly world: World }

/**
 * The base scenario with the patch merged over it, keeping only the cohorts, named prisoners and
 * sanctions the patch lists (the merge changes items by id and keeps the base's others).
 */
export function setup(patch: Patch): Setup {
  // The boundaries here are the article's rules (R01–R17): the open world's (R18–R24) are off
  // unless a case switches one on; their own suites test them on tracks (test/rules/R19…R24).
  const merged = scenario('base', { ...patch, rules: { ...CLOSED_WORLD, ...(patch.rules ?? {}) } });
  const ids = (xs: readonly { id: string }[] | undefined) => new Set((xs ?? []).map((x) => x.id));
  const only = <T extends { id: string }>(xs: readonly T[], keep: ReadonlySet<string>): T[] => xs.filter((x) => keep.has(x.id));
  const s: Scenario = {
    ...merged,
    world: {
      ...merged.world,
      cohorts: only(merged.world.cohorts, ids(patch.world.cohorts)),
      named: only(merged.world.named, ids(patch.world.named)),
      sanctions: only(merged.world.sanctions, ids(patch.world.sanctions)),
    },
  };
  return { scenario: s, world: createWorld(s) };
}

/** A track's result as the run JSON shows it: its records with their words (src/report/trace-words.ts). */
export interface WordedResult extends Omit<TrackResult, 'offers' | 'deal' | 'events'> {
  readonly offers: readonly OfferRecord[];
  readonly deal: DealRecord | null;
  readonly events?: readonly TraceEvent[];
}

/**
 * Runs a track on the same world and draws with a trace (default and `true`) and with
 * `trace: false`: the quiet run writes no offers and ends in the same deal and world, drawing as
 * often. Returns the traced result, with the words the run JSON gives its records, and how many
 * draws it used.
 */
export function runTrack(track: (ctx: TrackContext) => TrackResult, given: Setup, draws: readonly number[] = []): WordedResult & { drawn: number } {
  const base = { world: given.world, scenario: given.scenario, rules: given.scenario.rules };
  const go = (trace: boolean | undefined) => {
    const rng = scripted(...draws);
    const ctx: TrackContext = trace === undefined ? { ...base, rng } : { ...base, rng, trace };
    return { result: track(ctx), drawn: draws.length - rng.left };
  };
  const traced = go(undefined);
  const explicit = go(true);
  const quiet = go(false);
  expect(explicit.result.offers).toEqual(traced.result.offers);
  expect(quiet.result.offers).toEqual([]);
  expect(quiet.result.deal).toEqual(traced.result.deal);
  expect(quiet.result.world).toEqual(traced.result.world);
  expect(quiet.drawn).toBe(traced.drawn);
  const names = traceNames(given.scenario);
  const { offers, deal, events, ...rest } = traced.result;
  return {
    ...rest, offers: offers.map(offerWithWords), deal: deal ? dealWithWords(deal, names) : null,
    ...(events ? { events: events.map((e) => eventWithWords(e, names)) } : {}), drawn: traced.drawn,
  };
}

/** A package as the trace shows it (PackageView): `releases` by id, their headcount, and the rest. */
export const packageOf = (releases: Record<string, number>, rest: { relief?: string[]; grants?: string[]; commitments?: string[]; sideOffers?: string[] } = {}) => ({
  releases, headcount: Object.values(releases).reduce((a, b) => a + b, 0), relief: [], grants: [], commitments: [], sideOffers: [], ...rest,
});

/** No deal, and the very world the track was given. */
export function untouched(r: Pick<TrackResult, 'deal' | 'world'>, w: World): void {
  expect(r.deal).toBeNull();
  expect(r.world).toBe(w);
}

/** What a deal may change in the world, in one comparable record (status, route and month of each person and sanction). */
export const worldState = (w: World) => ({
  named: Object.fromEntries(w.named.map((p) => [p.id, `${p.status} ${p.route ?? '-'} ${p.releasedIn ?? '-'}`])),
  sanctions: Object.fromEntries(w.sanctions.map((s) => [s.id, `${s.status} ${s.changedIn ?? '-'}`])),
  held: Object.fromEntries(w.cohorts.map((c) => [c.id, c.held])),
  releasedByRoute: w.releasedByRoute,
  releasedByCohort: w.releasedByCohort,
});
