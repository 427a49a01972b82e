import type { Scenario } from '../scenario/schema.js';
import { ISSUERS, type Issuer, type World } from './types.js';
import { copyWorld, sanctionWith } from './recipes.js';

/** Sanction ids start with their issuer ('eu.potash'); the schema guarantees a known one. */
export function issuerOf(sanctionId: string): Issuer {
  const prefix = sanctionId.split('.')[0] ?? '';
  const found = ISSUERS.find((i) => i === prefix);
  if (!found) throw new Error(`sanction id ${sanctionId} does not start with an issuer`);
  return found;
}

/** The start state a scenario describes: people held now start the run's accounts. */
export function createWorld(scenario: Scenario): World {
  const w = scenario.world;
  // Through copyWorld, so that the start world has the shape every later world will have.
  return copyWorld({
    month: scenario.start,
    talks: w.talks,
    cohorts: w.cohorts.map((c) => ({ id: c.id, label: c.label, held: c.held, usProfile: c.usProfile, belarusCost: c.belarusCost, initial: c.held, arrested: 0, rearrested: 0, atHome: 0 })),
    named: w.named.map((p) => ({ ...p, heldAtStart: p.status === 'held' })),
    sanctions: w.sanctions.map((s) => sanctionWith({ ...s, issuer: issuerOf(s.id) }, s.status, s.changedIn)),
    transitOpen: w.transitOpen,
    relations: { lithuania: { hostility: w.hostility.lithuania }, poland: { hostility: w.hostility.poland } },
    balloons: w.balloons,
    lorryDriversHeld: w.lorryDriversHeld,
    confiscationThreat: w.confiscationThreat,
    usInterest: w.usInterest,
    releasedByRoute: { lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 },
    releasedByCohort: {},
    arrested: 0,
    rearrested: 0,
    pardoned: 0,
    trust: w.trust,
    trustWith: { ...w.trustWith },
    sanctionChanges: [],
  });
}

export function heldCount(world: World): number {
  let n = 0;
  for (const c of world.cohorts) n += c.held;
  for (const p of world.named) if (p.status === 'held') n += 1;
  return n;
}

/** Released during the run, every route (home included) and every sentence served (R25). */
export function releasedCount(world: World): number {
  const r = world.releasedByRoute;
  return r.lithuania + r.ukraine + r.poland + r.home + r.served;
}

export function initialCount(world: World): number {
  let n = 0;
  for (const c of world.cohorts) n += c.initial;
  for (const p of world.named) if (p.heldAtStart) n += 1;
  return n;
}
