/**
 * The numbers a study summarises, read off each run's outcome: what was released and where,
 * who of the named prisoners went free, which sanctions were lifted by whom, transit, the deals
 * and when the first came, and what Belarus got out of it. One flat record per run, so rows can
 * be streamed, merged and compared metric by metric.
 */
import type { Scenario } from '../scenario/schema.js';
import { ROUTES, ISSUERS } from '../world/types.js';
import { monthIndex } from '../world/month.js';
import { BLOCKED_KINDS, BUILT_IN_TRACKS, type BlockedKind, type RunResult, type TrackId } from './trace.js';

const BLOCKED_WHY: Readonly<Record<BlockedKind, string>> = {
  'red-line': 'a red line', 'value-gap': 'a value gap (a reservation above what was offered)', deadline: 'the deadline (exchanges ran out)',
};

export type MetricValues = Readonly<Record<string, number | null>>;

const TRACKS: readonly TrackId[] = BUILT_IN_TRACKS;

export interface MetricInfo {
  readonly name: string;
  readonly description: string;
}

/** What a scenario's start says, which the metrics compare the end against. */
export interface StartFacts {
  readonly start: string;
  readonly namedHeld: readonly string[];
  readonly activeSanctions: readonly { readonly id: string; readonly issuer: string }[];
  /** Every sanction of the start world, for the `sanction.<id>` metrics. */
  readonly sanctions: readonly string[];
  /** The tracks the scenario declares, for their `deals.<track>` and `blocked.<track>.<kind>` metrics. */
  readonly declaredTracks: readonly string[];
}

export function startFacts(scenario: Scenario): StartFacts {
  return {
    start: scenario.start,
    namedHeld: scenario.world.named.filter((p) => p.status === 'held').map((p) => p.id),
    activeSanctions: scenario.world.sanctions.filter((s) => s.status === 'active').map((s) => ({ id: s.id, issuer: s.id.split('.')[0] ?? '' })),
    sanctions: scenario.world.sanctions.map((s) => s.id),
    declaredTracks: scenario.tracks.map((t) => t.id),
  };
}

/** The metrics of a scenario, in the order reports show them. */
export function metricCatalogue(facts: StartFacts): MetricInfo[] {
  return [
    { name: 'released', description: 'prisoners released during the run' },
    ...ROUTES.map((r) => ({ name: `released.${r}`, description: `released and sent to ${r}` })),
    { name: 'released.served', description: 'walked out at the end of their sentence (R25); part of released and pardoned' },
    { name: 'remaining', description: 'prisoners still held at the end' },
    { name: 'namedFreed', description: 'named prisoners (held at the start) freed' },
    ...facts.namedHeld.map((id) => ({ name: `freed.${id}`, description: `${id} freed (1) or not (0)` })),
    ...ISSUERS.filter((i) => facts.activeSanctions.some((s) => s.issuer === i))
      .map((i) => ({ name: `lifted.${i}`, description: `${i} sanctions lifted during the run` })),
    { name: 'transitOpen', description: 'Klaipėda transit open at the end (1) or not (0)' },
    { name: 'deals', description: 'deals struck' },
    ...TRACKS.map((t) => ({ name: `deals.${t}`, description: `deals on the ${t} track` })),
    ...facts.declaredTracks.map((t) => ({ name: `deals.${t}`, description: `deals on the declared ${t} track` })),
    ...[...TRACKS, ...facts.declaredTracks].flatMap((t) => BLOCKED_KINDS.map((k) => ({ name: `blocked.${t}.${k}`, description: `negotiations on the ${t} track that ended without a deal, blocked by ${BLOCKED_WHY[k]}` }))),
    { name: 'firstDealMonth', description: 'month of the first deal, counted from the start (runs without a deal left out)' },
    { name: 'reliefValue', description: 'what the relief obtained is worth to Belarus, in relief points (R08)' },
    { name: 'usInterest', description: 'US interest in the file at the end (R06)' },
    // The open world (R18–R25).
    { name: 'arrested', description: 'new political prisoners during the run (R18)' },
    { name: 'rearrested', description: 'released people jailed again during the run (R22, R23, scenario re-arrests)' },
    { name: 'pardoned', description: 'released outside any deal (R20, scenario releases, sentences served R25)' },
    { name: 'waves', description: 'deals and scripted waves (one per deal, staged or not)' },
    { name: 'reneged', description: 'staged deals broken by either side (R22)' },
    { name: 'firstWave.month', description: 'month of the first wave, counted from the start (runs without a wave left out)' },
    { name: 'firstWave.size', description: 'people the first wave released, all its batches (runs without a wave left out)' },
    { name: 'trust', description: 'Minsk–Washington trust at the end (R24)' },
    ...facts.sanctions.map((id) => ({ name: `sanction.${id}`, description: `${id} lifted at the end (1) or in force (0)` })),
  ];
}

export function metricsOf(result: Pick<RunResult, 'outcome'>, facts: StartFacts): Record<string, number | null> {
  const o = result.outcome;
  const m: Record<string, number | null> = {};
  m.released = o.prisonersReleased;
  for (const r of ROUTES) m[`released.${r}`] = o.releasedByRoute[r];
  m['released.served'] = o.releasedByRoute.served;
  m.remaining = o.prisonersRemaining;
  let freed = 0;
  for (const id of facts.namedHeld) if (o.named[id] === 'released') freed += 1;
  m.namedFreed = freed;
  for (const id of facts.namedHeld) m[`freed.${id}`] = o.named[id] === 'released' ? 1 : 0;
  for (const issuer of ISSUERS) {
    const mine = facts.activeSanctions.filter((s) => s.issuer === issuer);
    if (mine.length) m[`lifted.${issuer}`] = mine.filter((s) => o.sanctions[s.id] === 'lifted').length;
  }
  m.transitOpen = o.transitOpen ? 1 : 0;
  m.deals = o.deals;
  for (const t of TRACKS) m[`deals.${t}`] = o.dealsByTrack[t];
  for (const t of facts.declaredTracks) m[`deals.${t}`] = o.dealsByDeclaredTrack[t] ?? 0;
  for (const t of [...TRACKS, ...facts.declaredTracks]) for (const k of BLOCKED_KINDS) m[`blocked.${t}.${k}`] = o.blocked[t]?.[k] ?? 0;
  m.firstDealMonth = o.firstDealMonth === null ? null : monthIndex(o.firstDealMonth) - monthIndex(facts.start);
  m.reliefValue = o.belarusReliefValue;
  m.usInterest = o.usInterest;
  m.arrested = o.prisonersArrested;
  m.rearrested = o.prisonersRearrested;
  m.pardoned = o.pardoned;
  m.waves = o.waves.length;
  m.reneged = o.reneged;
  const first = o.waves[0];
  m['firstWave.month'] = first ? monthIndex(first.month) - monthIndex(facts.start) : null;
  m['firstWave.size'] = first ? first.released : null;
  m.trust = o.trust;
  for (const id of facts.sanctions) m[`sanction.${id}`] = o.sanctions[id] === 'lifted' ? 1 : 0;
  return m;
}
