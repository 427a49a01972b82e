/**
 * Checks the schema cannot make alone: every id an event or condition names exists in the merged
 * world, ids are unique, and scheduled months fall inside the run. They read the merged data
 * as written (not the schema's output), so they run even when the schema found other problems
 * and a file's problems are all reported at once; anything malformed is the schema's to report.
 */
import { closest } from './suggest.js';
import type { Plain } from './merge.js';
import { locateProblem, type Layer } from './locate.js';
import type { Problem } from './errors.js';
import { addMonths, isMonthKey, LAST_MONTH, monthIndex } from '../world/month.js';
import { AGENT_IDS, BUILT_IN_TRACKS, isBuiltInAgent } from '../simulation/trace.js';

type Dict = Record<string, Plain>;
const isDict = (v: Plain | undefined): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Plain | undefined): Plain[] => (Array.isArray(v) ? v : []);
const idOf = (v: Plain): string | null => (isDict(v) && typeof v.id === 'string' ? v.id : null);
const ids = (v: Plain | undefined): string[] => list(v).map(idOf).filter((x): x is string => x !== null);

const DEFAULT_START = '2025-12';

type At = (path: readonly PropertyKey[], message: string, hint?: string, key?: boolean) => void;

/**
 * Declared actors and the parties of declared tracks: each party is one of the five or a declared
 * actor; an actor is none of the five, and is a party to exactly one track, beside at least one of
 * the five (its negotiator machine is that track's, and the track must touch the world's agents).
 */
function actorProblems(merged: Dict, at: At): void {
  const actors = ids(merged.actors);
  list(merged.actors).forEach((a, i) => {
    const id = idOf(a);
    if (id !== null && isBuiltInAgent(id)) {
      at(['actors', i, 'id'], `actors: "${id}" is one of the five built-in agents`, 'a built-in agent takes part in declared tracks without being declared; give a new actor an id of its own');
    }
  });
  const known = [...AGENT_IDS, ...actors];
  // A declared actor is a party that is not one of the five (an actor given a built-in id is refused above).
  const isDeclared = (p: string) => actors.includes(p) && !isBuiltInAgent(p);
  const usedBy = new Map<string, number[]>();
  list(merged.tracks).forEach((t, i) => {
    if (!isDict(t)) return;
    const parties = list(t.parties);
    parties.forEach((p, j) => {
      if (typeof p !== 'string') return;
      if (isDeclared(p)) usedBy.set(p, [...(usedBy.get(p) ?? []), i]);
      if (known.includes(p)) return;
      const near = closest(p, known);
      at(['tracks', i, 'parties', j], `tracks.${i}.parties.${j}: no party "${p}": it is neither one of the five agents nor a declared actor`,
        `${near ? `did you mean "${near}"? ` : ''}declare it under \`actors:\` (id, name), or use one of: ${known.join(', ')}`);
    });
    const declared = parties.filter((p) => typeof p === 'string' && isDeclared(p));
    if (parties.length === 2 && declared.length === 2) {
      at(['tracks', i, 'parties'], `tracks.${i}.parties: both parties are declared actors`, 'a declared track needs one of the five agents (belarus, us, lithuania, poland, eu) as a party, so that its deal reaches the simulated world');
    }
  });
  list(merged.actors).forEach((a, i) => {
    const id = idOf(a);
    if (id === null || isBuiltInAgent(id)) return;
    const tracks = usedBy.get(id) ?? [];
    if (tracks.length === 0) at(['actors', i, 'id'], `actors: no declared track has "${id}" as a party`, `add "${id}" to a track's \`parties\`, or remove the actor`);
    if (tracks.length > 1) {
      at(['tracks', tracks[1]!, 'parties'], `tracks.${tracks[1]}.parties: the actor "${id}" is already a party to another track`,
        'a declared actor takes part in one track (its negotiator machine is that track\'s); declare a second actor, or put the items into one track');
    }
  });
}

export function referenceProblems(merged: Plain, layers: readonly Layer[]): Problem[] {
  if (!isDict(merged)) return [];
  const problems: Problem[] = [];
  const at: At = (path, message, hint, key = false) =>
    problems.push(locateProblem(layers, merged, path, message, hint, key));
  const world = isDict(merged.world) ? merged.world : {};

  const lists: [string, readonly PropertyKey[], Plain | undefined][] = [
    ['cohorts', ['world', 'cohorts'], world.cohorts], ['named', ['world', 'named'], world.named],
    ['sanctions', ['world', 'sanctions'], world.sanctions], ['events', ['events'], merged.events],
    ['tracks', ['tracks'], merged.tracks], ['actors', ['actors'], merged.actors],
  ];
  actorProblems(merged, at);
  // A declared track may open after another track's deal: that track must exist.
  const trackIds = [...BUILT_IN_TRACKS, ...ids(merged.tracks)];
  list(merged.tracks).forEach((t, i) => {
    if (!isDict(t) || !isDict(t.opens) || typeof t.opens.afterDeal !== 'string') return;
    const after = t.opens.afterDeal;
    if (trackIds.includes(after)) return;
    const near = closest(after, trackIds);
    at(['tracks', i, 'opens', 'afterDeal'], `no track "${after}" for this condition`, near ? `did you mean "${near}"? tracks: ${trackIds.join(', ')}` : `tracks: ${trackIds.join(', ')}`);
  });
  for (const [name, path, items] of lists) {
    const seen = new Set<string>();
    list(items).forEach((item, i) => {
      const id = idOf(item);
      if (id === null) return;
      if (seen.has(id)) at([...path, i, 'id'], `${name}: the id "${id}" is used twice`, 'ids must be unique in a list');
      seen.add(id);
    });
  }

  // Cohorts and named prisoners share one id space: releases and counts are keyed by it.
  const cohortIds = new Set(ids(world.cohorts));
  list(world.named).forEach((item, i) => {
    const id = idOf(item);
    if (id !== null && cohortIds.has(id)) {
      at(['world', 'named', i, 'id'], `named: the id "${id}" is also a cohort's id`, 'a named prisoner and a cohort cannot share an id');
    }
  });

  const known = { prisoner: ids(world.named), sanction: ids(world.sanctions), cohort: ids(world.cohorts) };
  const refer = (kind: keyof typeof known, id: string, path: readonly PropertyKey[], key: boolean) => {
    if (known[kind].includes(id)) return;
    const near = closest(id, known[kind]);
    at(path, `${path.map(String).join('.')}: unknown ${kind} "${id}"`,
      near ? `did you mean "${near}"?` : `known ${kind} ids: ${known[kind].join(', ')}`, key);
  };
  /** A field holding one id or a list of ids. */
  const referEach = (kind: keyof typeof known, value: Plain | undefined, path: readonly PropertyKey[]) => {
    if (typeof value === 'string') refer(kind, value, path, false);
    else list(value).forEach((v, j) => { if (typeof v === 'string') refer(kind, v, [...path, j], false); });
  };
  /** A mapping keyed by ids. */
  const referKeys = (kind: keyof typeof known, value: Plain | undefined, path: readonly PropertyKey[]) => {
    if (isDict(value)) for (const id of Object.keys(value)) refer(kind, id, [...path, id], true);
  };

  /** A scripted deal gives only what each side holds: Minsk its prisoners, the party its own sanctions. */
  const dealProblems = (deal: Dict, path: readonly PropertyKey[]) => {
    const track = typeof deal.track === 'string' ? deal.track : 'us-belarus';
    const party = track.split('-')[0] ?? 'us';
    const relief = typeof deal.relief === 'string' ? [deal.relief] : list(deal.relief);
    relief.forEach((v, j) => {
      if (typeof v !== 'string') return;
      const at2 = typeof deal.relief === 'string' ? [...path, 'relief'] : [...path, 'relief', j];
      if (!known.sanction.includes(v)) refer('sanction', v, at2, false);
      else if (!v.startsWith(`${party}.`)) {
        at(at2, `${at2.map(String).join('.')}: a ${track} deal cannot lift "${v}": ${party} can give only its own sanctions`, `use a sanction that starts with "${party}.", or a deal on the ${v.split('.')[0]}'s track`);
      }
    });
    if (isDict(deal.releases)) {
      const cohorts = list(world.cohorts).filter(isDict);
      for (const [id, count] of Object.entries(deal.releases)) {
        const cohort = cohorts.find((c) => c.id === id);
        if (!cohort) { if (!known.cohort.includes(id)) refer('prisoner', id, [...path, 'releases', id], true); continue; }
        if (typeof count === 'number' && typeof cohort.held === 'number' && count > cohort.held) {
          at([...path, 'releases', id], `${[...path, 'releases', id].map(String).join('.')}: the deal frees ${count} of "${id}", but Minsk holds only ${cohort.held} at the start`, `free at most ${cohort.held}`);
        }
      }
    }
  };

  const start = typeof merged.start === 'string' && isMonthKey(merged.start) ? merged.start : DEFAULT_START;
  const firstMonth = addMonths(start, 1);
  const horizon = typeof merged.horizon === 'number' && Number.isInteger(merged.horizon) && merged.horizon > 0 ? merged.horizon : 12;
  if (monthIndex(start) + horizon > monthIndex(LAST_MONTH)) {
    at(['horizon'], `horizon: ${horizon} months after ${start} runs past ${LAST_MONTH}, the last month thaw can name`, 'choose an earlier start or a shorter horizon');
  }
  list(merged.events).forEach((e, i) => {
    if (!isDict(e)) return;
    const base = ['events', i] as const;
    if (typeof e.at === 'string' && isMonthKey(e.at) && e.at < firstMonth) {
      at([...base, 'at'], `events.${i}.at: ${e.at} is before the first simulated month, ${firstMonth}`, `the run starts after \`start\` (${start})`);
    }
    const d = isDict(e.do) ? e.do : {};
    referEach('sanction', d.liftSanction, [...base, 'do', 'liftSanction']);
    referEach('sanction', d.reimposeSanction, [...base, 'do', 'reimposeSanction']);
    referEach('prisoner', d.rearrestNamed, [...base, 'do', 'rearrestNamed']);
    referKeys('prisoner', d.releaseNamed, [...base, 'do', 'releaseNamed']);
    referKeys('cohort', d.releaseFromCohort, [...base, 'do', 'releaseFromCohort']);
    // The open world's effects (R18–R22).
    referKeys('cohort', d.arrest, [...base, 'do', 'arrest']);
    referEach('sanction', d.reimpose, [...base, 'do', 'reimpose']);
    if (isDict(d.pardon)) {
      for (const id of Object.keys(d.pardon)) {
        if (!known.cohort.includes(id)) refer('prisoner', id, [...base, 'do', 'pardon', id], true);
      }
    }
    if (isDict(d.deal)) dealProblems(d.deal, [...base, 'do', 'deal']);
    const when = isDict(e.when) ? e.when : {};
    referKeys('prisoner', when.prisoners, [...base, 'when', 'prisoners']);
    referKeys('sanction', when.sanctions, [...base, 'when', 'sanctions']);
  });
  return problems;
}
