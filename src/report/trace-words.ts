/**
 * The run JSON's words: the model records structured facts (`ModelRun`: codes, ids, numbers,
 * rules), and this formatter adds each record's sentence — an event's `text`, an offer's
 * `reason`, a deal's `summary`, a deal space's `sampled` — from them, keeping the JSON's field order. It is the only place
 * a run's sentences are made (src/report/event-words.ts, offer-words.ts, deal-words.ts).
 */
import type { Scenario } from '../scenario/schema.js';
import type { DealRecord, DealSpaceRecord, ModelDeal, ModelSpace, ModelEvent, ModelMonth, ModelOffer, ModelRun, MonthRecord, OfferRecord, RunResult, TraceEvent } from '../simulation/trace.js';
import { eventText, type EventNames } from './event-words.js';
import { reasonOf } from './offer-words.js';
import { dealSummary, type DealNames } from './deal-words.js';
import { sampledOf } from './space-words.js';

/** Names the words need, from the scenario that ran (the one with its uncertain inputs drawn). */
export function traceNames(scenario: Scenario): EventNames & DealNames {
  const sanctions = new Map(scenario.world.sanctions.map((s) => [s.id, s.label]));
  const people = new Map(scenario.world.named.map((p) => [p.id, p.name]));
  const tracks = new Map(scenario.tracks.map((t) => [t.id, t.title ?? t.id]));
  return {
    sanctionLabel: (id) => sanctions.get(id) ?? id,
    scenarioEvent: (i) => scenario.events[i],
    personName: (id) => people.get(id) ?? id,
    trackTitle: (id) => tracks.get(id) ?? id,
  };
}

export const eventWithWords = (e: ModelEvent, names: EventNames): TraceEvent =>
  ({ kind: e.kind, actor: e.actor, text: eventText(e.fact, names), rules: e.rules, fact: e.fact });

export function offerWithWords(o: ModelOffer): OfferRecord {
  const { track, exchange, from, to, kind, package: pkg, answer, rules, values, reservations, blockedBy, why } = o;
  return {
    track, exchange, from, to, kind, package: pkg, answer, reason: reasonOf(why, o), rules, values, reservations,
    ...(blockedBy ? { blockedBy } : {}), why,
  };
}

export function dealWithWords(d: ModelDeal, names: DealNames): DealRecord {
  const { track, parties, package: pkg, released, byRoute, routed, lifted, rules, staged, routeNotes } = d;
  return {
    track, parties, package: pkg, released, byRoute, routed, lifted, rules, summary: dealSummary(d, names),
    ...(staged ? { staged } : {}), ...(routeNotes ? { routeNotes } : {}),
  };
}

export function spaceWithWords(sp: ModelSpace): DealSpaceRecord {
  const { track, parties, sampling, packages, pareto, nash, ks, zopa } = sp;
  return { track, parties, sampled: sampledOf(sp), packages, pareto, nash, ks, zopa, sampling };
}

export function monthWithWords(m: ModelMonth, names: EventNames & DealNames): MonthRecord {
  const { month, talks, events, offers, deals, moves, changes, world, spaces } = m;
  return {
    month, talks, events: events.map((e) => eventWithWords(e, names)), offers: offers.map(offerWithWords),
    deals: deals.map((d) => dealWithWords(d, names)), moves, changes, world, ...(spaces ? { spaces: spaces.map(spaceWithWords) } : {}),
  };
}

/** The run JSON of a model run: every record with its words. */
export function withWords(run: ModelRun, scenario: Scenario): RunResult {
  const names = traceNames(scenario);
  return { ...run, months: run.months.map((m) => monthWithWords(m, names)) };
}
