/**
 * The only ways the world changes: one recipe per act, named after it. The engine, scenario
 * events and tests all go through these, so every change is one the model knows how to explain.
 * Recipes copy what they change and share the rest (the world is never mutated: its types are
 * readonly). They were immer recipes; plain copies do the same in a fraction of the time, and the
 * month loop calls them a dozen times a month (docs/performance.md). Rare ones still use immer.
 */
import { Immer, type Draft } from 'immer';
import type { Cohort, Exit, Issuer, MonthKey, NamedPrisoner, Route, Sanction, TalksState, TrustPartner, World } from './types.js';
import { nextMonth } from './month.js';

const immer = new Immer({ autoFreeze: false });

/** An immer recipe for the rare changes, its result copied back into the one world shape (`copyWorld`). */
const produce = (world: World, recipe: (draft: Draft<World>) => void): World => {
  const out = immer.produce(world, recipe);
  return out === world ? world : copyWorld(out);
};

/** `list` with the item whose id is `id` replaced by `change(item)`; throws `missing` if there is none. */
function replaceById<T extends { readonly id: string }>(list: readonly T[], id: string, change: (item: T) => T, missing: string): T[] {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(missing);
  const copy = list.slice();
  copy[index] = change(list[index]!);
  return copy;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A world being built by a recipe: a fresh copy nobody else holds yet. */
type Fresh = { -readonly [K in keyof World]: World[K] };

/**
 * A fresh copy of the world, written out field by field in createWorld's order, for a recipe to
 * change before it returns it. A spread (`{ ...world, month }`) would build an object with four
 * in-object fields and the rest in a side store, on a map of its own per call site: each copy
 * then costs several times this one, and every read of the world goes polymorphic
 * (docs/performance.md). One literal gives every world of a run the same shape.
 */
export const copyWorld = (w: World): Fresh => ({
  month: w.month, talks: w.talks, cohorts: w.cohorts, named: w.named, sanctions: w.sanctions, transitOpen: w.transitOpen,
  relations: w.relations, balloons: w.balloons, lorryDriversHeld: w.lorryDriversHeld, confiscationThreat: w.confiscationThreat,
  usInterest: w.usInterest, releasedByRoute: w.releasedByRoute, releasedByCohort: w.releasedByCohort, arrested: w.arrested,
  rearrested: w.rearrested, pardoned: w.pardoned, trust: w.trust, trustWith: w.trustWith, sanctionChanges: w.sanctionChanges,
});

/** A sanction with a new status, written out in createWorld's order (one shape for every sanction). */
export const sanctionWith = (s: Sanction, status: Sanction['status'], changedIn: MonthKey | null): Sanction => ({
  id: s.id, label: s.label, kind: s.kind, weight: s.weight, status, changedIn, issuer: s.issuer,
});

/** The world with one field set: the same world when it already holds that value. */
const withField = <K extends keyof World>(world: World, key: K, value: World[K]): World => {
  if (world[key] === value) return world;
  const next = copyWorld(world);
  next[key] = value;
  return next;
};

/** `releasedByRoute` with `n` more under `exit`, written out in one shape for the same reason. */
const addToExit = (r: World['releasedByRoute'], exit: Exit, n: number): World['releasedByRoute'] => {
  const next = { lithuania: r.lithuania, ukraine: r.ukraine, poland: r.poland, home: r.home, served: r.served };
  next[exit] += n;
  return next;
};

/**
 * A cohort with new counts, written out field by field in createWorld's order: every cohort then
 * has one shape, which keeps the month loop's property reads fast (a spread does not).
 */
const cohortWith = (c: Cohort, held: number, arrested: number, rearrested: number, atHome: number): Cohort => ({
  id: c.id, label: c.label, held, usProfile: c.usProfile, belarusCost: c.belarusCost, initial: c.initial, arrested, rearrested, atHome,
});

export const advanceMonth = (world: World): World => {
  const next = copyWorld(world);
  next.month = nextMonth(world.month);
  return next;
};

export const setTalks = (world: World, talks: TalksState): World => withField(world, 'talks', talks);

/** One entry of a release: `count` people of a cohort, or one named person, sent by `route`. */
export interface Freeing {
  readonly id: string;
  readonly count: number;
  readonly named: boolean;
  readonly route: Route;
}

/**
 * Frees each entry in turn, as one `releaseNamed` or `releaseFromCohort` per entry would (a cohort
 * frees at most what it still holds; a named person already free is skipped), in one copy of the
 * world; `freed[i]` is how many the i-th entry freed. A deal's releases go out this way.
 */
export const releaseEach = (world: World, entries: readonly Freeing[]): { readonly world: World; readonly freed: readonly number[] } => {
  let cohorts: Cohort[] | null = null;
  let named: NamedPrisoner[] | null = null;
  let byRoute: Record<Exit, number> | null = null;
  let byCohort: Record<string, number> | null = null;
  const freed: number[] = [];
  for (const r of entries) {
    let n: number;
    if (r.named) {
      const list = named ?? world.named;
      const i = list.findIndex((p) => p.id === r.id);
      if (i < 0) throw new Error(`no named prisoner ${r.id}`);
      if (list[i]!.status === 'released') { freed.push(0); continue; }
      named ??= world.named.slice();
      named[i] = { ...list[i]!, status: 'released', route: r.route, releasedIn: world.month };
      n = 1;
    } else {
      const list = cohorts ?? world.cohorts;
      const i = list.findIndex((c) => c.id === r.id);
      if (i < 0) throw new Error(`no cohort ${r.id}`);
      const c = list[i]!;
      n = Math.max(0, Math.min(Math.floor(r.count), c.held));
      cohorts ??= world.cohorts.slice();
      // Freed at home, they stay within reach of the regime (R19, R23).
      cohorts[i] = cohortWith(c, c.held - n, c.arrested, c.rearrested, r.route === 'home' ? c.atHome + n : c.atHome);
    }
    const routes = world.releasedByRoute;
    byRoute ??= { lithuania: routes.lithuania, ukraine: routes.ukraine, poland: routes.poland, home: routes.home, served: routes.served };
    byRoute[r.route] += n;
    byCohort ??= { ...world.releasedByCohort };
    byCohort[r.id] = (byCohort[r.id] ?? 0) + n;
    freed.push(n);
  }
  if (byRoute === null || byCohort === null) return { world, freed };
  const next = copyWorld(world);
  if (cohorts) next.cohorts = cohorts;
  if (named) next.named = named;
  next.releasedByRoute = byRoute;
  next.releasedByCohort = byCohort;
  return { world: next, freed };
};

/** Frees up to `count` people of a cohort to `route`. */
export const releaseFromCohort = (world: World, cohortId: string, count: number, route: Route): World =>
  releaseEach(world, [{ id: cohortId, count, named: false, route }]).world;

export const releaseNamed = (world: World, prisonerId: string, route: Route): World =>
  releaseEach(world, [{ id: prisonerId, count: 1, named: true, route }]).world;

/** A scenario event may send someone back to prison; the release stays counted as having happened. */
export const rearrestNamed = (world: World, prisonerId: string): World =>
  produce(world, (draft) => {
    const person = draft.named.find((p) => p.id === prisonerId);
    if (!person) throw new Error(`no named prisoner ${prisonerId}`);
    if (person.status === 'released') draft.rearrested += 1;
    person.status = 'held';
  });

/**
 * The month's flows in one copy (R18, R20, R25): `counts[i]` people arrested into (`arrest`),
 * freed at home from (`home`), or walking out at the end of their sentence from (`served`) the
 * i-th cohort, never more than it holds. The same as one `arrestIntoCohort` or
 * `releaseFromCohort(…, 'home')` per cohort, without a world per cohort. Those who served their
 * term are not counted `atHome`: R23's re-arrests rest on pardoned people, not on them.
 */
export const flowCohorts = (world: World, counts: readonly number[], flow: 'arrest' | 'home' | 'served'): World => {
  let moved = 0;
  let byCohort: Record<string, number> | null = null;
  const cohorts = world.cohorts.map((c, i) => {
    const asked = Math.max(0, Math.floor(counts[i] ?? 0));
    if (asked === 0) return c;
    if (flow === 'arrest') { moved += asked; return cohortWith(c, c.held + asked, c.arrested + asked, c.rearrested, c.atHome); }
    const n = Math.min(asked, c.held);
    if (n === 0) return c;
    moved += n;
    byCohort ??= { ...world.releasedByCohort };
    byCohort[c.id] = (byCohort[c.id] ?? 0) + n;
    return cohortWith(c, c.held - n, c.arrested, c.rearrested, flow === 'home' ? c.atHome + n : c.atHome);
  });
  if (moved === 0) return world;
  const next = copyWorld(world);
  next.cohorts = cohorts;
  if (flow === 'arrest') next.arrested = world.arrested + moved;
  else {
    next.releasedByRoute = addToExit(world.releasedByRoute, flow, moved);
    next.releasedByCohort = byCohort ?? world.releasedByCohort;
  }
  return next;
};

/** A month's flows outside any deal, as counts by cohort in the world's order (`monthFlows`). */
export interface MonthFlows {
  /** R18: arrested into each cohort. */
  readonly arrests: readonly number[];
  /** R20: pardoned and freed at home. */
  readonly pardons: readonly number[];
  /** R23: people freed at home jailed again. */
  readonly rearrests: readonly number[];
  /** R25: walking out at the end of their sentence. */
  readonly ends: readonly number[];
}

/**
 * The month's four flows (R18, R20, R23, R25) in one copy of the world, in that order: the same
 * as `flowCohorts(…, 'arrest')`, `flowCohorts(…, 'home')` with `countPardoned`, one
 * `rearrestFromHome` per cohort, then `flowCohorts(…, 'served')` with `countPardoned`, each capped
 * as they cap (never more freed than held, never more re-arrested than at home), with one world
 * where they would make up to eight (test/world/month-flows.test.ts holds the two side by side).
 */
export const applyFlows = (world: World, f: MonthFlows): World => {
  const k = world.cohorts.length;
  let arrested = 0;
  let home = 0;
  let rearrested = 0;
  let served = 0;
  let cohorts: Cohort[] | null = null;
  const freed = new Array<number>(k);
  const ended = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const c = world.cohorts[i]!;
    const a = Math.max(0, Math.floor(f.arrests[i] ?? 0));
    let held = c.held + a;
    const p = Math.min(Math.max(0, Math.floor(f.pardons[i] ?? 0)), held);
    held -= p;
    const r = Math.min(Math.max(0, Math.floor(f.rearrests[i] ?? 0)), c.atHome + p);
    held += r;
    const e = Math.min(Math.max(0, Math.floor(f.ends[i] ?? 0)), held);
    freed[i] = p;
    ended[i] = e;
    if (a === 0 && p === 0 && r === 0 && e === 0) continue;
    arrested += a;
    home += p;
    rearrested += r;
    served += e;
    cohorts ??= world.cohorts.slice();
    cohorts[i] = cohortWith(c, held - e, c.arrested + a, c.rearrested + r, c.atHome + p - r);
  }
  if (cohorts === null) return world;
  const next = copyWorld(world);
  next.cohorts = cohorts;
  next.arrested = world.arrested + arrested;
  next.rearrested = world.rearrested + rearrested;
  next.pardoned = world.pardoned + home + served;
  if (home + served > 0) {
    const r = world.releasedByRoute;
    next.releasedByRoute = { lithuania: r.lithuania, ukraine: r.ukraine, poland: r.poland, home: r.home + home, served: r.served + served };
    // The pardoned first, then those who served their term: the accounts name cohorts in the order
    // the flows one by one would have named them.
    const byCohort: Record<string, number> = { ...world.releasedByCohort };
    for (let i = 0; i < k; i++) if (freed[i]! > 0) byCohort[world.cohorts[i]!.id] = (byCohort[world.cohorts[i]!.id] ?? 0) + freed[i]!;
    for (let i = 0; i < k; i++) if (ended[i]! > 0) byCohort[world.cohorts[i]!.id] = (byCohort[world.cohorts[i]!.id] ?? 0) + ended[i]!;
    next.releasedByCohort = byCohort;
  }
  return next;
};

/** New political prisoners join a cohort (R18). */
export const arrestIntoCohort = (world: World, cohortId: string, count: number): World => {
  const n = Math.max(0, Math.floor(count));
  if (n === 0) return world;
  const cohorts = replaceById<Cohort>(world.cohorts, cohortId, (c) => cohortWith(c, c.held + n, c.arrested + n, c.rearrested, c.atHome), `no cohort ${cohortId}`);
  const next = copyWorld(world);
  next.cohorts = cohorts;
  next.arrested = world.arrested + n;
  return next;
};

/** People a cohort released at home are jailed again (R23); never more than are at home. */
export const rearrestFromHome = (world: World, cohortId: string, count: number): World => {
  let n = 0;
  const cohorts = replaceById<Cohort>(world.cohorts, cohortId, (c) => {
    n = Math.max(0, Math.min(Math.floor(count), c.atHome));
    return cohortWith(c, c.held + n, c.arrested, c.rearrested + n, c.atHome - n);
  }, `no cohort ${cohortId}`);
  if (n === 0) return world;
  const next = copyWorld(world);
  next.cohorts = cohorts;
  next.rearrested = world.rearrested + n;
  return next;
};

/** Releases outside any deal are counted as such (R20): call after the release itself. */
export const countPardoned = (world: World, count: number): World => (count <= 0 ? world : withField(world, 'pardoned', world.pardoned + count));

/** Minsk–Washington trust moves after a tranche kept or a promise broken (R24). */
export const setTrust = (world: World, trust: number): World => withField(world, 'trust', clamp01(trust));

/** Minsk's trust with Brussels or Vilnius moves after a step of their staged deal kept or broken (R24). */
export const setTrustWith = (world: World, partner: TrustPartner, trust: number): World => {
  const t = clamp01(trust);
  if (t === world.trustWith[partner]) return world;
  const next = copyWorld(world);
  next.trustWith = { ...world.trustWith, [partner]: t };
  return next;
};

const setSanctionStatus = (world: World, sanctionId: string, status: 'active' | 'lifted', month: MonthKey): World => {
  const sanction = world.sanctions.find((s) => s.id === sanctionId);
  if (!sanction) throw new Error(`no sanction ${sanctionId}`);
  if (sanction.status === status) return world;
  const next = copyWorld(world);
  next.sanctions = replaceById<Sanction>(world.sanctions, sanctionId, (s) => sanctionWith(s, status, month), '');
  next.sanctionChanges = [...world.sanctionChanges, { id: sanctionId, month, status }];
  return next;
};

export const liftSanction = (world: World, sanctionId: string): World =>
  setSanctionStatus(world, sanctionId, 'lifted', world.month);

export const reimposeSanction = (world: World, sanctionId: string): World =>
  setSanctionStatus(world, sanctionId, 'active', world.month);

export const openTransit = (world: World): World => withField(world, 'transitOpen', true);

export const closeTransit = (world: World): World => withField(world, 'transitOpen', false);

/** A balloon launch or a detained lorry driver (R10). */
export const recordIncident = (world: World, hostilityAdded: number, driversDetained = 0): World => {
  const next = copyWorld(world);
  next.relations = { ...world.relations, lithuania: { ...world.relations.lithuania, hostility: clamp01(world.relations.lithuania.hostility + hostilityAdded) } };
  next.lorryDriversHeld = world.lorryDriversHeld + driversDetained;
  return next;
};

export const stopBalloons = (world: World): World => withField(world, 'balloons', false);

// A plain copy, not immer: a broken deal (R22) resumes the balloons within the month loop.
export const resumeBalloons = (world: World): World => withField(world, 'balloons', true);

export const freeLorryDrivers = (world: World): World => withField(world, 'lorryDriversHeld', 0);

export const threatenConfiscation = (world: World, on: boolean): World => withField(world, 'confiscationThreat', on);

export const calmRelations = (world: World, with_: 'lithuania' | 'poland', amount: number): World => {
  const next = copyWorld(world);
  next.relations = { ...world.relations, [with_]: { ...world.relations[with_], hostility: clamp01(world.relations[with_].hostility - amount) } };
  return next;
};

export const setHostility = (world: World, with_: 'lithuania' | 'poland', value: number): World =>
  produce(world, (draft) => {
    draft.relations[with_].hostility = clamp01(value);
  });

export const setUsInterest = (world: World, interest: number): World => {
  const next = copyWorld(world);
  next.usInterest = clamp01(interest);
  return next;
};

export const sanctionsOf = (world: World, issuer: Issuer, status: 'active' | 'lifted') =>
  world.sanctions.filter((s) => s.issuer === issuer && s.status === status);
