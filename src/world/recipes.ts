/**
 * The only ways the world changes: one recipe per act, named after it. The engine, scenario
 * events and tests all go through these, so every change is one the model knows how to explain.
 * Recipes copy what they change and share the rest (the world is never mutated: its types are
 * readonly). They were immer recipes; plain copies do the same in a fraction of the time, and the
 * month loop calls them a dozen times a month (docs/performance.md). Rare ones still use immer.
 */
import { Immer } from 'immer';
import type { Cohort, Issuer, MonthKey, NamedPrisoner, Route, Sanction, TalksState, TrustPartner, World } from './types.js';
import { nextMonth } from './month.js';

const immer = new Immer({ autoFreeze: false });
const produce = immer.produce.bind(immer);

/** `list` with the item whose id is `id` replaced by `change(item)`; throws `missing` if there is none. */
function replaceById<T extends { readonly id: string }>(list: readonly T[], id: string, change: (item: T) => T, missing: string): T[] {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(missing);
  const copy = list.slice();
  copy[index] = change(list[index]!);
  return copy;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * A cohort with new counts, written out field by field in createWorld's order: every cohort then
 * has one shape, which keeps the month loop's property reads fast (a spread does not).
 */
const cohortWith = (c: Cohort, held: number, arrested: number, rearrested: number, atHome: number): Cohort => ({
  id: c.id, label: c.label, held, usProfile: c.usProfile, belarusCost: c.belarusCost, initial: c.initial, arrested, rearrested, atHome,
});

export const advanceMonth = (world: World): World => ({ ...world, month: nextMonth(world.month) });

export const setTalks = (world: World, talks: TalksState): World =>
  (world.talks === talks ? world : { ...world, talks });

/** Frees up to `count` people of a cohort to `route`; returns the world and how many went. */
export const releaseFromCohort = (world: World, cohortId: string, count: number, route: Route): World => {
  let n = 0;
  const cohorts = replaceById<Cohort>(world.cohorts, cohortId, (cohort) => {
    n = Math.max(0, Math.min(Math.floor(count), cohort.held));
    // Freed at home, they stay within reach of the regime (R19, R23).
    return cohortWith(cohort, cohort.held - n, cohort.arrested, cohort.rearrested, route === 'home' ? cohort.atHome + n : cohort.atHome);
  }, `no cohort ${cohortId}`);
  return {
    ...world,
    cohorts,
    releasedByRoute: { ...world.releasedByRoute, [route]: world.releasedByRoute[route] + n },
    releasedByCohort: { ...world.releasedByCohort, [cohortId]: (world.releasedByCohort[cohortId] ?? 0) + n },
  };
};

export const releaseNamed = (world: World, prisonerId: string, route: Route): World => {
  const person = world.named.find((p) => p.id === prisonerId);
  if (!person) throw new Error(`no named prisoner ${prisonerId}`);
  if (person.status === 'released') return world;
  return {
    ...world,
    named: replaceById<NamedPrisoner>(world.named, prisonerId, (p) => ({ ...p, status: 'released', route, releasedIn: world.month }), ''),
    releasedByRoute: { ...world.releasedByRoute, [route]: world.releasedByRoute[route] + 1 },
    releasedByCohort: { ...world.releasedByCohort, [prisonerId]: (world.releasedByCohort[prisonerId] ?? 0) + 1 },
  };
};

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
  return flow === 'arrest'
    ? { ...world, cohorts, arrested: world.arrested + moved }
    : { ...world, cohorts, releasedByRoute: { ...world.releasedByRoute, [flow]: world.releasedByRoute[flow] + moved }, releasedByCohort: byCohort ?? world.releasedByCohort };
};

/** New political prisoners join a cohort (R18). */
export const arrestIntoCohort = (world: World, cohortId: string, count: number): World => {
  const n = Math.max(0, Math.floor(count));
  if (n === 0) return world;
  const cohorts = replaceById<Cohort>(world.cohorts, cohortId, (c) => cohortWith(c, c.held + n, c.arrested + n, c.rearrested, c.atHome), `no cohort ${cohortId}`);
  return { ...world, cohorts, arrested: world.arrested + n };
};

/** People a cohort released at home are jailed again (R23); never more than are at home. */
export const rearrestFromHome = (world: World, cohortId: string, count: number): World => {
  let n = 0;
  const cohorts = replaceById<Cohort>(world.cohorts, cohortId, (c) => {
    n = Math.max(0, Math.min(Math.floor(count), c.atHome));
    return cohortWith(c, c.held + n, c.arrested, c.rearrested + n, c.atHome - n);
  }, `no cohort ${cohortId}`);
  return n === 0 ? world : { ...world, cohorts, rearrested: world.rearrested + n };
};

/** Releases outside any deal are counted as such (R20): call after the release itself. */
export const countPardoned = (world: World, count: number): World =>
  (count <= 0 ? world : { ...world, pardoned: world.pardoned + count });

/** Minsk–Washington trust moves after a tranche kept or a promise broken (R24). */
export const setTrust = (world: World, trust: number): World => {
  const t = clamp01(trust);
  return t === world.trust ? world : { ...world, trust: t };
};

/** Minsk's trust with Brussels or Vilnius moves after a step of their staged deal kept or broken (R24). */
export const setTrustWith = (world: World, partner: TrustPartner, trust: number): World => {
  const t = clamp01(trust);
  return t === world.trustWith[partner] ? world : { ...world, trustWith: { ...world.trustWith, [partner]: t } };
};

const setSanctionStatus = (world: World, sanctionId: string, status: 'active' | 'lifted', month: MonthKey): World => {
  const sanction = world.sanctions.find((s) => s.id === sanctionId);
  if (!sanction) throw new Error(`no sanction ${sanctionId}`);
  if (sanction.status === status) return world;
  return {
    ...world,
    sanctions: replaceById<Sanction>(world.sanctions, sanctionId, (s) => ({ ...s, status, changedIn: month }), ''),
    sanctionChanges: [...world.sanctionChanges, { id: sanctionId, month, status }],
  };
};

export const liftSanction = (world: World, sanctionId: string): World =>
  setSanctionStatus(world, sanctionId, 'lifted', world.month);

export const reimposeSanction = (world: World, sanctionId: string): World =>
  setSanctionStatus(world, sanctionId, 'active', world.month);

export const openTransit = (world: World): World => (world.transitOpen ? world : { ...world, transitOpen: true });

export const closeTransit = (world: World): World =>
  produce(world, (draft) => {
    draft.transitOpen = false;
  });

/** A balloon launch or a detained lorry driver (R10). */
export const recordIncident = (world: World, hostilityAdded: number, driversDetained = 0): World => ({
  ...world,
  relations: { ...world.relations, lithuania: { ...world.relations.lithuania, hostility: clamp01(world.relations.lithuania.hostility + hostilityAdded) } },
  lorryDriversHeld: world.lorryDriversHeld + driversDetained,
});

export const stopBalloons = (world: World): World => (world.balloons ? { ...world, balloons: false } : world);

// A plain copy, not immer: a broken deal (R22) resumes the balloons within the month loop.
export const resumeBalloons = (world: World): World => (world.balloons ? world : { ...world, balloons: true });

export const freeLorryDrivers = (world: World): World => (world.lorryDriversHeld === 0 ? world : { ...world, lorryDriversHeld: 0 });

export const threatenConfiscation = (world: World, on: boolean): World =>
  (world.confiscationThreat === on ? world : { ...world, confiscationThreat: on });

export const calmRelations = (world: World, with_: 'lithuania' | 'poland', amount: number): World => ({
  ...world,
  relations: { ...world.relations, [with_]: { ...world.relations[with_], hostility: clamp01(world.relations[with_].hostility - amount) } },
});

export const setHostility = (world: World, with_: 'lithuania' | 'poland', value: number): World =>
  produce(world, (draft) => {
    draft.relations[with_].hostility = clamp01(value);
  });

export const setUsInterest = (world: World, interest: number): World => ({ ...world, usInterest: clamp01(interest) });

export const sanctionsOf = (world: World, issuer: Issuer, status: 'active' | 'lifted') =>
  world.sanctions.filter((s) => s.issuer === issuer && s.status === status);
