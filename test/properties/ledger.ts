/**
 * A shadow ledger: replays a run's trace on the scenario's start state, month by month, and
 * reports every way the trace breaks a law of the world. It knows only what the trace says (the
 * scenario events that fired, the US prepay, each deal's routed releases, lifted sanctions and
 * grants), and it checks that this accounts for every change the month summaries and the outcome
 * show. Each violation is tagged with the invariant it breaks; each property in this folder
 * asserts that one tag never appears.
 */
import type { Scenario, ScenarioEvent } from '../../src/scenario/schema.js';
import type { ChangeRecord, RunResult, TrackId } from '../../src/simulation/trace.js';
import { RULE_IDS, type RuleId } from '../../src/rules/ids.js';
import { isOn, type RuleSwitches } from '../../src/rules/switches.js';
import { addMonths } from '../../src/world/month.js';
import { EXITS, ROUTES, type Exit, type Issuer, type Route } from '../../src/world/types.js';

export type Invariant =
  | 'conservation' | 'never-held-again' | 'non-negative' | 'sanction-by-issuer' | 'poczobut-channel'
  | 'laureate-route' | 'vilnius-line' | 'eu-abstains' | 'months-one-at-a-time' | 'deals-name-rules';

export interface Violation {
  readonly invariant: Invariant;
  readonly month: string;
  readonly message: string;
}

const TRACK_ORDER: readonly TrackId[] = ['us-belarus', 'poland-belarus', 'eu-belarus', 'lithuania-belarus'];
const TRACK_ISSUER: Readonly<Record<TrackId, Issuer>> = { 'us-belarus': 'us', 'poland-belarus': 'poland', 'eu-belarus': 'eu', 'lithuania-belarus': 'lithuania' };
/** Rules a deal of each track must cite at least. */
const TRACK_RULES: Readonly<Record<TrackId, readonly RuleId[]>> = {
  'us-belarus': ['R01', 'R02', 'R03'], 'poland-belarus': ['R07'], 'eu-belarus': ['R01', 'R03'], 'lithuania-belarus': ['R09'],
};
const issuerOf = (sanctionId: string) => sanctionId.split('.')[0] as Issuer;

export function replay(scenario: Scenario, result: RunResult): Violation[] {
  const out: Violation[] = [];
  let month = scenario.start;
  const fail = (invariant: Invariant, message: string) => out.push({ invariant, month, message });

  const cohortInitial = new Map(scenario.world.cohorts.map((c) => [c.id, c.held]));
  const held = new Map(cohortInitial);
  const named = new Map(scenario.world.named.map((p) => [p.id, p]));
  const status = new Map(scenario.world.named.map((p) => [p.id, p.status]));
  const everFreed = new Set<string>(scenario.world.named.filter((p) => p.status === 'released').map((p) => p.id));
  const sanctions = new Map(scenario.world.sanctions.map((s) => [s.id, s.status]));
  let transitOpen = scenario.world.transitOpen;
  let rules: RuleSwitches = { ...scenario.rules };
  const byRoute: Record<Exit, number> = { lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 };
  // The open world (R18–R24): arrests in, people freed at home (by cohort) who can be jailed again.
  let arrests = 0;
  let pardoned = 0;
  const atHome = new Map<string, number>();
  const initial = [...cohortInitial.values()].reduce((a, b) => a + b, 0) + scenario.world.named.filter((p) => p.status === 'held').length;
  let rearrests = 0;
  const eventsById = new Map<string, ScenarioEvent>((scenario.events ?? []).map((e) => [e.id, e]));

  const heldTotal = () => [...held.values()].reduce((a, b) => a + b, 0) + [...status.values()].filter((s) => s === 'held').length;
  const releasedTotal = () => byRoute.lithuania + byRoute.ukraine + byRoute.poland + byRoute.home + byRoute.served;
  const free = (id: string, count: number, route: Exit, by: string) => {
    // A deal, event or pardon picks a route; `served` is R25's alone.
    if (!(ROUTES as readonly Exit[]).includes(route)) fail('conservation', `${by}: unknown route ${route}`);
    if (named.has(id)) {
      if (status.get(id) !== 'held') { fail('never-held-again', `${by} frees ${id}, who is not held`); return; }
      if (count !== 1) fail('conservation', `${by} frees named ${id} ${count} times`);
      status.set(id, 'released');
      everFreed.add(id);
      byRoute[route] += 1;
      return;
    }
    const h = held.get(id);
    if (h === undefined) { fail('conservation', `${by} frees ${count} of unknown ${id}`); return; }
    if (count <= 0) fail('non-negative', `${by} frees a count of ${count} from ${id}`);
    if (count > h) fail('non-negative', `${by} frees ${count} of ${id}, only ${h} held`);
    held.set(id, h - count);
    byRoute[route] += count;
    if (route === 'home') atHome.set(id, (atHome.get(id) ?? 0) + count);
  };
  /** The open world's records and scripted waves (R18–R24), replayed on the ledger. */
  const change = (c: ChangeRecord, eventMoves: Set<string>) => {
    for (const r of c.rules) if (!RULE_IDS.includes(r)) fail('deals-name-rules', `a ${c.kind} record cites unknown rule ${r}`);
    if (c.rules.length === 0) fail('deals-name-rules', `a ${c.kind} record cites no rule`);
    const by = `${c.actor} ${c.kind}`;
    switch (c.kind) {
      case 'arrest':
        for (const p of c.people) {
          if (p.count <= 0) fail('non-negative', `${by} of ${p.count} into ${p.id}`);
          const h = held.get(p.id);
          if (h === undefined) { fail('conservation', `${by} into unknown cohort ${p.id}`); continue; }
          held.set(p.id, h + p.count);
          arrests += p.count;
        }
        return;
      case 'rearrest':
        for (const p of c.people) {
          const home = atHome.get(p.id) ?? 0;
          if (p.count <= 0 || p.count > home) fail('non-negative', `${by}: ${p.count} of ${p.id} jailed again, ${home} were at home`);
          atHome.set(p.id, home - p.count);
          held.set(p.id, (held.get(p.id) ?? 0) + p.count);
          rearrests += p.count;
        }
        return;
      case 'pardon':
        for (const p of c.people) {
          const before = releasedTotal();
          free(p.id, p.count, p.route ?? 'home', by);
          pardoned += releasedTotal() - before;
        }
        return;
      case 'served':
        // R25: a sentence ends; released outside any deal, from a cohort's held people only.
        if (!c.rules.includes('R25')) fail('deals-name-rules', `${by} does not cite R25`);
        for (const p of c.people) {
          if (named.has(p.id)) { fail('conservation', `${by}: named ${p.id} served a term`); continue; }
          const h = held.get(p.id);
          if (h === undefined) { fail('conservation', `${by} from unknown cohort ${p.id}`); continue; }
          if (p.count <= 0 || p.count > h) fail('non-negative', `${by}: ${p.count} of ${p.id} walk out, ${h} held`);
          held.set(p.id, h - p.count);
          byRoute.served += p.count;
          pardoned += p.count;
        }
        return;
      case 'batch':
      case 'wave':
        for (const p of c.people) free(p.id, p.count, p.route ?? 'home', by);
        for (const id of c.sanctions) {
          if (c.track && issuerOf(id) !== TRACK_ISSUER[c.track]) fail('sanction-by-issuer', `${by} lifts ${id}`);
          move(id, 'lifted', by);
          eventMoves.add(id);
        }
        return;
      case 'payment':
      case 'snapback':
        // R21/R22: the payer pays (or takes back) its own relief; Vilnius's is the Klaipėda opening.
        if (!c.track || !(c.track in TRACK_ISSUER) || TRACK_ISSUER[c.track] !== c.actor) fail('sanction-by-issuer', `${by} on ${c.track ?? 'no track'}`);
        for (const id of c.sanctions) {
          if (c.track && issuerOf(id) !== TRACK_ISSUER[c.track]) fail('sanction-by-issuer', `${by} moves ${id}`);
          if (c.kind === 'payment' && sanctions.get(id) !== 'active') fail('sanction-by-issuer', `${by} lifts ${id}, which is not active`);
          move(id, c.kind === 'payment' ? 'lifted' : 'active', by);
        }
        if (c.grants?.includes('klaipeda-transit')) {
          if (c.track !== 'lithuania-belarus') fail('vilnius-line', `${by} moves Klaipėda transit`);
          if (c.kind === 'payment' && isOn(rules, 'R09')) fail('vilnius-line', `${by} opens Klaipėda while R09 is on`);
          transitOpen = c.kind === 'payment';
        }
        return;
      default:
        return;
    }
  };
  const move = (id: string, to: 'active' | 'lifted', by: string) => {
    if (!sanctions.has(id)) fail('sanction-by-issuer', `${by} moves unknown sanction ${id}`);
    sanctions.set(id, to);
  };

  result.months.forEach((m, index) => {
    const expected = addMonths(scenario.start, index + 1);
    month = m.month;
    if (m.month !== expected) fail('months-one-at-a-time', `month ${index + 1} is ${m.month}, expected ${expected}`);
    if (m.talks !== m.world.talks) fail('months-one-at-a-time', `talks ${m.talks} vs summary ${m.world.talks}`);

    // (1) scenario events, as the trace records them; (2) the US prepay.
    const sanctionsBefore = new Map(sanctions);
    const eventMoves = new Set<string>();
    for (const e of m.events) {
      for (const r of e.rules) if (!RULE_IDS.includes(r)) fail('deals-name-rules', `event cites unknown rule ${r}`);
      if (e.kind === 'scenario') {
        const id = /scenario event (e\d+)/.exec(e.text)?.[1];
        const ev = id ? eventsById.get(id) : undefined;
        if (!ev) continue; // a scenario's own event text; the properties generate traceable ones
        const d = ev.do;
        const releasedBefore = releasedTotal();
        for (const s of d.liftSanction ?? []) { move(s, 'lifted', `event ${ev.id}`); eventMoves.add(s); }
        for (const s of d.reimposeSanction ?? []) { move(s, 'active', `event ${ev.id}`); eventMoves.add(s); }
        for (const [pid, route] of Object.entries(d.releaseNamed ?? {})) if (status.get(pid) === 'held') free(pid, 1, route, `event ${ev.id}`);
        for (const [cid, r] of Object.entries(d.releaseFromCohort ?? {})) {
          const n = Math.max(0, Math.min(Math.floor(r.count), held.get(cid) ?? 0));
          if (n > 0) free(cid, n, r.route, `event ${ev.id}`);
        }
        for (const pid of d.rearrestNamed ?? []) if (status.get(pid) === 'released') { status.set(pid, 'held'); rearrests += 1; everFreed.delete(pid); }
        // Scripted releases outside deals count as pardoned; then this event's own records.
        const index = scenario.events.indexOf(ev);
        const own = m.changes.filter((c) => c.actor === 'scenario' && c.numbers.event === index);
        pardoned += releasedTotal() - releasedBefore;
        for (const c of own) if (c.kind !== 'wave') change(c, eventMoves);
        // In the engine's order: arrests and pardons, the snap-backs, then the scripted wave.
        for (const s of d.reimpose ?? []) { move(s, 'active', `event ${ev.id}`); eventMoves.add(s); }
        for (const c of own) if (c.kind === 'wave') change(c, eventMoves);
        if (d.openTransit) transitOpen = true;
        if (d.closeTransit) transitOpen = false;
        if (d.setRules) rules = { ...rules, ...d.setRules };
      }
      if (e.kind === 'concession') {
        if (e.actor !== 'us') fail('sanction-by-issuer', `a concession by ${e.actor}`);
        const candidates = [...sanctions.entries()].filter(([id, s]) => s === 'active' && issuerOf(id) === 'us' && e.text.includes(id));
        if (candidates.length !== 1) fail('sanction-by-issuer', `a concession that lifts no single active US sanction: "${e.text}"`);
        else move(candidates[0]![0], 'lifted', 'the US prepay');
      }
    }
    if (!isOn(rules, 'R12')) { /* the EU may trade this month */ }
    // (2b) the open world's own records: arrests, pardons, re-arrests, staged deals' steps.
    for (const c of m.changes) if (c.actor !== 'scenario') change(c, eventMoves);

    // (3) the tracks, in their fixed order: offers see the world the previous deal left.
    for (const track of TRACK_ORDER) {
      const issuer = TRACK_ISSUER[track];
      for (const o of m.offers.filter((x) => x.track === track)) {
        if (o.rules.length === 0) fail('deals-name-rules', `an offer on ${track} cites no rule`);
        for (const r of o.rules) if (!RULE_IDS.includes(r)) fail('deals-name-rules', `offer cites unknown rule ${r}`);
        for (const [id, count] of Object.entries(o.package.releases)) {
          if (count < 0) fail('non-negative', `${track} offer asks ${count} of ${id}`);
          const p = named.get(id);
          if (p) {
            if (status.get(id) !== 'held') fail('never-held-again', `${track} offers ${id}, who is not held`);
            if (p.onlyThrough && p.onlyThrough !== issuer && isOn(rules, 'R07')) fail('poczobut-channel', `${track} offers ${id}, reserved for ${p.onlyThrough}`);
          } else if (count > (held.get(id) ?? 0)) fail('non-negative', `${track} offers ${count} of ${id}, only ${held.get(id) ?? 0} held`);
        }
        for (const s of o.package.relief) if (issuerOf(s) !== issuer) fail('sanction-by-issuer', `${track} offers to lift ${s}`);
      }
      for (const d of m.deals.filter((x) => x.track === track)) {
        if (d.rules.length === 0) fail('deals-name-rules', `a ${track} deal cites no rule`);
        for (const r of d.rules) if (!RULE_IDS.includes(r)) fail('deals-name-rules', `deal cites unknown rule ${r}`);
        for (const r of TRACK_RULES[track]) if (!d.rules.includes(r)) fail('deals-name-rules', `a ${track} deal does not cite ${r}`);
        if (!d.parties.includes(issuer) || !d.parties.includes('belarus')) fail('deals-name-rules', `a ${track} deal between ${d.parties.join(', ')}`);
        const routedTotal = d.routed.reduce((n, r) => n + r.count, 0);
        // A staged deal (R21) frees its first batch now and the rest in later batches.
        const later = d.staged?.pending ?? 0;
        if (routedTotal !== d.released || d.released + later !== d.package.headcount) fail('conservation', `${track} deal: released ${d.released} (+${later} later), routed ${routedTotal}, package ${d.package.headcount}`);
        const routeTotal = Object.values(d.byRoute).reduce((n, x) => n + (x ?? 0), 0);
        if (routeTotal !== d.released) fail('conservation', `${track} deal: byRoute sums to ${routeTotal}, released ${d.released}`);
        const perId = new Map<string, number>();
        for (const r of d.routed) perId.set(r.id, (perId.get(r.id) ?? 0) + r.count);
        for (const [id, n] of Object.entries(d.package.releases)) if (d.staged ? (perId.get(id) ?? 0) > n : perId.get(id) !== n) fail('conservation', `${track} deal routes ${perId.get(id) ?? 0} of ${id}, package says ${n}`);
        if (d.staged && d.lifted.length > 0) fail('conservation', `a staged ${track} deal lifts ${d.lifted.join(', ')} before the first batch is verified`);
        for (const r of d.routed) {
          const p = named.get(r.id);
          if (p?.onlyThrough && p.onlyThrough !== issuer && isOn(rules, 'R07')) fail('poczobut-channel', `${track} deal frees ${r.id}, reserved for ${p.onlyThrough}`);
          if (p?.laureate && track === 'us-belarus' && isOn(rules, 'R04') && r.route !== 'lithuania') fail('laureate-route', `a US deal sends laureate ${r.id} to ${r.route}`);
          free(r.id, r.count, r.route, `${track} deal`);
        }
        for (const s of d.lifted) {
          if (issuerOf(s) !== issuer) fail('sanction-by-issuer', `${track} deal lifts ${s}`);
          if (issuerOf(s) === 'eu' && isOn(rules, 'R12')) fail('eu-abstains', `${track} deal lifts ${s} while R12 is on`);
          if (sanctions.get(s) !== 'active') fail('sanction-by-issuer', `${track} deal lifts ${s}, which is not active`);
          move(s, 'lifted', `${track} deal`);
        }
        if (d.package.grants.includes('klaipeda-transit')) {
          if (track !== 'lithuania-belarus') fail('vilnius-line', `${track} grants Klaipėda transit`);
          if (isOn(rules, 'R09')) fail('vilnius-line', 'Klaipėda transit granted while R09 is on');
          // A staged deal (R21) opens it only with the payment, once the first batch is verified.
          if (!d.staged) transitOpen = true;
        }
      }
    }
    // Tracks the scenario declares (issue #11): they trade items, never people or sanctions; an
    // item whose effect opens Klaipėda is the scenario changing Vilnius's stance, unless the track
    // names R09 a red line on it while R09 is on.
    for (const d of m.deals.filter((x) => !(TRACK_ORDER as readonly string[]).includes(x.track))) {
      const declared = (scenario.tracks ?? []).find((t) => t.id === d.track);
      if (!declared) { fail('deals-name-rules', `a deal on ${d.track}, a track the scenario does not declare`); continue; }
      if (d.released !== 0 || d.lifted.length !== 0 || d.package.headcount !== 0) fail('conservation', `a ${d.track} deal frees or lifts something`);
      for (const id of d.package.items ?? []) {
        const item = declared.items.find((i) => i.id === id);
        if (!item) { fail('deals-name-rules', `a ${d.track} deal trades ${id}, not one of its items`); continue; }
        if (declared.redLines.some((r) => r.item === id && isOn(rules, r.rule))) fail('vilnius-line', `a ${d.track} deal trades ${id} across its red line`);
        if (item.effect === 'openTransit') transitOpen = true;
      }
    }
    for (const id of sanctions.keys()) {
      const before = sanctionsBefore.get(id);
      if (issuerOf(id) === 'eu' && before !== sanctions.get(id) && isOn(rules, 'R12') && !eventMoves.has(id)) fail('eu-abstains', `${id} moved while R12 is on`);
    }

    // (4) the month's summary must be what the ledger holds.
    const w = m.world;
    const lifted = [...sanctions.entries()].filter(([, s]) => s === 'lifted').map(([id]) => id).sort();
    if (JSON.stringify([...w.lifted].sort()) !== JSON.stringify(lifted)) fail('sanction-by-issuer', `summary lifts [${[...w.lifted].sort().join(', ')}], the trace accounts for [${lifted.join(', ')}]`);
    if (w.transitOpen !== transitOpen) fail('vilnius-line', `transit ${w.transitOpen ? 'open' : 'closed'} without a deal or event that ${w.transitOpen ? 'opened' : 'closed'} it`);
    if (w.held !== heldTotal()) fail('conservation', `summary holds ${w.held}, the trace accounts for ${heldTotal()}`);
    if (w.released !== releasedTotal()) fail('conservation', `summary released ${w.released}, the trace accounts for ${releasedTotal()}`);
    for (const r of EXITS) if (w.releasedByRoute[r] !== byRoute[r]) fail('conservation', `summary sent ${w.releasedByRoute[r]} to ${r}, the trace accounts for ${byRoute[r]}`);
    if (w.held + w.released !== initial + arrests + rearrests) fail('conservation', `held ${w.held} + released ${w.released} ≠ initial ${initial} + arrests ${arrests} + re-arrests ${rearrests}`);
    if (w.served !== byRoute.served) fail('conservation', `summary served ${w.served}, the trace accounts for ${byRoute.served}`);
    if (w.arrested !== arrests || w.rearrested !== rearrests || w.pardoned !== pardoned) fail('conservation', `summary arrested ${w.arrested}, re-arrested ${w.rearrested}, pardoned ${w.pardoned}; the trace accounts for ${arrests}, ${rearrests}, ${pardoned}`);
    for (const [id, h] of held) if (h < 0) fail('non-negative', `${id} holds ${h}`);
    for (const [k, v] of [['held', w.held], ['released', w.released], ...EXITS.map((r) => [r, w.releasedByRoute[r]] as const)] as const) if (!(v >= 0)) fail('non-negative', `summary ${k} is ${v}`);
    if (!(w.usInterest >= 0 && w.usInterest <= 1)) fail('non-negative', `US interest ${w.usInterest} outside 0..1`);
    if (!(w.hostilityLithuania >= 0 && w.hostilityLithuania <= 1)) fail('non-negative', `hostility ${w.hostilityLithuania} outside 0..1`);
  });

  // The outcome is the ledger's last state.
  month = 'outcome';
  const o = result.outcome;
  if (o.prisonersInitial !== initial) fail('conservation', `outcome initial ${o.prisonersInitial}, scenario ${initial}`);
  if (o.prisonersRemaining !== heldTotal()) fail('conservation', `outcome remaining ${o.prisonersRemaining}, ledger ${heldTotal()}`);
  if (o.prisonersReleased !== releasedTotal()) fail('conservation', `outcome released ${o.prisonersReleased}, ledger ${releasedTotal()}`);
  if (o.prisonersRemaining + o.prisonersReleased !== o.prisonersInitial + o.prisonersArrested + o.prisonersRearrested) fail('conservation', 'remaining + released ≠ initial + arrests + re-arrests');
  if (o.served !== byRoute.served) fail('conservation', `outcome served ${o.served}, ledger ${byRoute.served}`);
  if (o.prisonersArrested !== arrests || o.prisonersRearrested !== rearrests || o.pardoned !== pardoned) fail('conservation', `outcome arrested ${o.prisonersArrested}, re-arrested ${o.prisonersRearrested}, pardoned ${o.pardoned}; ledger ${arrests}, ${rearrests}, ${pardoned}`);
  const inWaves = o.waves.reduce((n, w) => n + w.released, 0);
  if (inWaves + o.pardoned !== o.prisonersReleased) fail('conservation', `waves release ${inWaves} and pardons ${o.pardoned}, but ${o.prisonersReleased} were released`);
  for (const w of o.waves) if (Object.values(w.byRoute).reduce((n, x) => n + (x ?? 0), 0) !== w.released) fail('conservation', `a ${w.track} wave of ${w.month}: byRoute does not add up to ${w.released}`);
  for (const [id, history] of Object.entries(o.sanctionHistory)) if (history[history.length - 1]?.status !== o.sanctions[id]) fail('sanction-by-issuer', `${id}'s history ends ${history[history.length - 1]?.status}, the outcome says ${o.sanctions[id]}`);
  for (const r of EXITS) if (o.releasedByRoute[r] !== byRoute[r]) fail('conservation', `outcome sent ${o.releasedByRoute[r]} to ${r}, ledger ${byRoute[r]}`);
  for (const [id, s] of status) if (o.named[id] !== s) fail(s === 'held' || everFreed.has(id) ? 'never-held-again' : 'conservation', `outcome says ${id} is ${o.named[id]}, the trace says ${s}`);
  for (const [id, s] of sanctions) if (o.sanctions[id] !== s) fail('sanction-by-issuer', `outcome says ${id} is ${o.sanctions[id]}, the trace says ${s}`);
  if (o.transitOpen !== transitOpen) fail('vilnius-line', `outcome transit ${o.transitOpen}, ledger ${transitOpen}`);
  const deals = result.months.reduce((n, m) => n + m.deals.length, 0);
  if (o.deals !== deals) fail('conservation', `outcome counts ${o.deals} deals, the trace has ${deals}`);
  return out;
}

/** Throws with every violation of `invariant`, for a property to fail on. */
export function expectNo(invariant: Invariant, scenario: Scenario, result: RunResult): void {
  const found = replay(scenario, result).filter((v) => v.invariant === invariant);
  if (found.length) throw new Error(`${invariant}: ${found.slice(0, 5).map((v) => `[${v.month}] ${v.message}`).join('; ')}${found.length > 5 ? ` (+${found.length - 5} more)` : ''}`);
}
