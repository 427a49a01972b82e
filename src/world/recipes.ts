/**
 * The only ways the world changes: one immer recipe per act, named after it. The engine, scenario
 * events and tests all go through these, so every change is one the model knows how to explain.
 * Auto-freeze is off because the engine never mutates a world it has handed out (types are
 * readonly) and freezing costs about five times a plain copy on the hot path.
 */
import { Immer } from 'immer';
import type { Issuer, MonthKey, Route, TalksState, World } from './types.js';
import { addMonths } from './month.js';

const immer = new Immer({ autoFreeze: false });
const produce = immer.produce.bind(immer);

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export const advanceMonth = (world: World): World =>
  produce(world, (draft) => {
    draft.month = addMonths(world.month, 1);
  });

export const setTalks = (world: World, talks: TalksState): World =>
  produce(world, (draft) => {
    draft.talks = talks;
  });

/** Frees up to `count` people of a cohort to `route`; returns the world and how many went. */
export const releaseFromCohort = (world: World, cohortId: string, count: number, route: Route): World =>
  produce(world, (draft) => {
    const cohort = draft.cohorts.find((c) => c.id === cohortId);
    if (!cohort) throw new Error(`no cohort ${cohortId}`);
    const n = Math.max(0, Math.min(Math.floor(count), cohort.held));
    cohort.held -= n;
    draft.releasedByRoute[route] += n;
    draft.releasedByCohort[cohortId] = (draft.releasedByCohort[cohortId] ?? 0) + n;
  });

export const releaseNamed = (world: World, prisonerId: string, route: Route): World =>
  produce(world, (draft) => {
    const person = draft.named.find((p) => p.id === prisonerId);
    if (!person) throw new Error(`no named prisoner ${prisonerId}`);
    if (person.status === 'released') return;
    person.status = 'released';
    person.route = route;
    person.releasedIn = world.month;
    draft.releasedByRoute[route] += 1;
    draft.releasedByCohort[prisonerId] = (draft.releasedByCohort[prisonerId] ?? 0) + 1;
  });

/** A scenario event may send someone back to prison; the release stays counted as having happened. */
export const rearrestNamed = (world: World, prisonerId: string): World =>
  produce(world, (draft) => {
    const person = draft.named.find((p) => p.id === prisonerId);
    if (!person) throw new Error(`no named prisoner ${prisonerId}`);
    person.status = 'held';
  });

const setSanctionStatus = (world: World, sanctionId: string, status: 'active' | 'lifted', month: MonthKey): World =>
  produce(world, (draft) => {
    const sanction = draft.sanctions.find((s) => s.id === sanctionId);
    if (!sanction) throw new Error(`no sanction ${sanctionId}`);
    if (sanction.status === status) return;
    sanction.status = status;
    sanction.changedIn = month;
  });

export const liftSanction = (world: World, sanctionId: string): World =>
  setSanctionStatus(world, sanctionId, 'lifted', world.month);

export const reimposeSanction = (world: World, sanctionId: string): World =>
  setSanctionStatus(world, sanctionId, 'active', world.month);

export const openTransit = (world: World): World =>
  produce(world, (draft) => {
    draft.transitOpen = true;
  });

export const closeTransit = (world: World): World =>
  produce(world, (draft) => {
    draft.transitOpen = false;
  });

/** A balloon launch or a detained lorry driver (R10). */
export const recordIncident = (world: World, hostilityAdded: number, driversDetained = 0): World =>
  produce(world, (draft) => {
    draft.relations.lithuania.hostility = clamp01(world.relations.lithuania.hostility + hostilityAdded);
    draft.lorryDriversHeld += driversDetained;
  });

export const stopBalloons = (world: World): World =>
  produce(world, (draft) => {
    draft.balloons = false;
  });

export const resumeBalloons = (world: World): World =>
  produce(world, (draft) => {
    draft.balloons = true;
  });

export const freeLorryDrivers = (world: World): World =>
  produce(world, (draft) => {
    draft.lorryDriversHeld = 0;
  });

export const threatenConfiscation = (world: World, on: boolean): World =>
  produce(world, (draft) => {
    draft.confiscationThreat = on;
  });

export const calmRelations = (world: World, with_: 'lithuania' | 'poland', amount: number): World =>
  produce(world, (draft) => {
    draft.relations[with_].hostility = clamp01(world.relations[with_].hostility - amount);
  });

export const setHostility = (world: World, with_: 'lithuania' | 'poland', value: number): World =>
  produce(world, (draft) => {
    draft.relations[with_].hostility = clamp01(value);
  });

export const setUsInterest = (world: World, interest: number): World =>
  produce(world, (draft) => {
    draft.usInterest = clamp01(interest);
  });

export const sanctionsOf = (world: World, issuer: Issuer, status: 'active' | 'lifted') =>
  world.sanctions.filter((s) => s.issuer === issuer && s.status === status);
