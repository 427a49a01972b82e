/**
 * Scenario events: what an analyst scripts on top of the model ("the EU lifts potash in March",
 * "Vilnius softens once the balloons stop"). They fire in step (1) of each month, right after the
 * peace talks move, in the order the scenario lists them; each sees the world the previous one
 * left. Effects go through the world's recipes, so an event changes nothing the model could not.
 *
 * Determinism: every event whose `chance` is below 1 draws exactly one number from the run's
 * stream every month, due or not, fired or not, so the number of draws depends only on the
 * scenario, never on the world. A scenario without such events draws nothing extra.
 */
import type { RuleId } from '../rules/ids.js';
import type { RuleSwitches } from '../rules/switches.js';
import type { EventCondition, EventEffects, ScenarioEvent } from '../scenario/schema.js';
import type { World } from '../world/types.js';
import { heldCount, releasedCount } from '../world/create.js';
import {
  closeTransit, freeLorryDrivers, liftSanction, openTransit, rearrestNamed, recordIncident, reimposeSanction,
  releaseFromCohort, releaseNamed, resumeBalloons, setHostility, setTalks, setUsInterest, stopBalloons,
  threatenConfiscation, arrestIntoCohort, countPardoned,
} from '../world/recipes.js';
import { executeDeal } from '../negotiation/execute.js';
import type { RoutedRelease } from '../rules/routes.js';
import type { Agent } from '../agents/index.js';
import type { belarusMachine } from '../agents/belarus.js';
import type { usMachine } from '../agents/us.js';
import type { lithuaniaMachine } from '../agents/lithuania.js';
import type { euMachine } from '../agents/eu.js';
import type { Rng } from './rng.js';
import type { ChangeRecord, ModelEvent, TrackId } from './trace.js';

/** The agents an event can affect: those whose guards read rules, and Belarus's balloon posture. */
export interface EventAgents {
  readonly belarus: Agent<typeof belarusMachine>;
  readonly us: Agent<typeof usMachine>;
  readonly lithuania: Agent<typeof lithuaniaMachine>;
  readonly eu: Agent<typeof euMachine>;
}

/** The rules each effect touches, for the trace. */
const EFFECT_RULES: Readonly<Record<keyof EventEffects, readonly RuleId[]>> = {
  setTalks: ['R13'],
  liftSanction: ['R01', 'R08'],
  reimposeSanction: ['R01', 'R08'],
  releaseNamed: ['R01'],
  releaseFromCohort: ['R01'],
  rearrestNamed: ['R01'],
  openTransit: ['R08', 'R09'],
  closeTransit: ['R08', 'R09'],
  stopBalloons: ['R11'],
  resumeBalloons: ['R10'],
  recordIncident: ['R10'],
  freeLorryDrivers: ['R10'],
  threatenConfiscation: ['R10'],
  setHostility: ['R05', 'R10'],
  setUsInterest: ['R06'],
  setRules: [],
  arrest: ['R18'],
  pardon: ['R20'],
  reimpose: ['R22'],
  deal: ['R01'],
};

/** A scripted wave carried out this month (a scenario `deal`), for the run to record as a wave. */
export interface ScriptedWave {
  readonly track: TrackId;
  readonly freed: readonly RoutedRelease[];
  readonly relief: readonly string[];
  /** Index of the scenario event that scripted it. */
  readonly event: number;
}

const within = (value: number, b: { min?: number | undefined; max?: number | undefined } | undefined): boolean =>
  !b || ((b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max));

const released = (w: World): number => releasedCount(w);

/** Whether every condition of `when` holds in this world (an absent `when` always holds). */
export function conditionHolds(when: EventCondition | undefined, world: World): boolean {
  if (!when) return true;
  if (when.talks && !when.talks.includes(world.talks)) return false;
  if (when.balloons !== undefined && when.balloons !== world.balloons) return false;
  if (when.transitOpen !== undefined && when.transitOpen !== world.transitOpen) return false;
  if (when.confiscationThreat !== undefined && when.confiscationThreat !== world.confiscationThreat) return false;
  if (!within(world.usInterest, when.usInterest)) return false;
  if (!within(world.relations.lithuania.hostility, when.hostility?.lithuania)) return false;
  if (!within(world.relations.poland.hostility, when.hostility?.poland)) return false;
  if (when.released && !within(released(world), when.released)) return false;
  if (when.held && !within(heldCount(world), when.held)) return false;
  if (when.from !== undefined && world.month < when.from) return false;
  if (when.until !== undefined && world.month > when.until) return false;
  for (const [id, status] of Object.entries(when.prisoners ?? {})) {
    if (world.named.find((p) => p.id === id)?.status !== status) return false;
  }
  for (const [id, status] of Object.entries(when.sanctions ?? {})) {
    if (world.sanctions.find((s) => s.id === id)?.status !== status) return false;
  }
  return true;
}

/** The rules an event touches: those of its effects, and those it switches. */
export function rulesOfEvent(e: ScenarioEvent): RuleId[] {
  const ids = new Set<RuleId>();
  for (const key of Object.keys(e.do) as (keyof EventEffects)[]) {
    if (e.do[key] !== undefined) for (const r of EFFECT_RULES[key]) ids.add(r);
  }
  for (const r of Object.keys(e.do.setRules ?? {}) as RuleId[]) ids.add(r);
  // EU relief moved by a script bends the EU's abstention (R12).
  if ([...(e.do.liftSanction ?? []), ...(e.do.reimposeSanction ?? [])].some((id) => id.startsWith('eu.'))) ids.add('R12');
  return [...ids].sort();
}

/** The events of one run: which have fired, and the rule switches in force (they can change). */
export class ScenarioEvents {
  /** The rules in force now; the engine reads these, never the scenario's starting switches. */
  rules: RuleSwitches;
  private readonly fired: boolean[];
  /** This month's open-world records and scripted waves, for the run to take (`drain`). */
  private changes: ChangeRecord[] = [];
  private waves: ScriptedWave[] = [];
  /** The index of the event being applied, which its records carry (`numbers.event`). */
  private current = 0;

  constructor(private readonly events: readonly ScenarioEvent[], rules: RuleSwitches, private readonly agents: EventAgents) {
    this.rules = rules;
    this.fired = events.map(() => false);
  }

  /** Fires the events due this month; returns the world after them and records each in `trace`. */
  fire(world: World, rng: Rng, trace: ModelEvent[]): World {
    let w = world;
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i]!;
      const draw = e.chance < 1 ? rng.next() : 0;
      if (this.fired[i] && !e.repeat) continue;
      if (e.at !== undefined && e.at !== w.month) continue;
      if (!conditionHolds(e.when, w)) continue;
      if (e.chance < 1 && draw >= e.chance) continue;
      this.fired[i] = true;
      this.current = i;
      w = this.apply(e.do, w);
      trace.push({ kind: 'scenario', actor: 'scenario', fact: { code: 'scenario', event: i }, rules: rulesOfEvent(e) });
    }
    return w;
  }

  /** The records and scripted waves of the events fired since the last call. */
  drain(): { changes: ChangeRecord[]; waves: ScriptedWave[] } {
    const out = { changes: this.changes, waves: this.waves };
    this.changes = [];
    this.waves = [];
    return out;
  }

  private apply(d: EventEffects, world: World): World {
    let w = world;
    // Releases a script makes outside a deal count as pardoned (waves + pardoned = released).
    const releasedBefore = releasedCount(w);
    if (d.setTalks !== undefined) w = setTalks(w, d.setTalks);
    for (const id of d.liftSanction ?? []) w = liftSanction(w, id);
    for (const id of d.reimposeSanction ?? []) w = reimposeSanction(w, id);
    for (const [id, route] of Object.entries(d.releaseNamed ?? {})) w = releaseNamed(w, id, route);
    for (const [id, r] of Object.entries(d.releaseFromCohort ?? {})) w = releaseFromCohort(w, id, r.count, r.route);
    for (const id of d.rearrestNamed ?? []) w = rearrestNamed(w, id);
    if (d.arrest) w = this.arrest(w, d.arrest);
    if (d.pardon) w = this.pardon(w, d.pardon);
    w = countPardoned(w, releasedCount(w) - releasedBefore);
    for (const id of d.reimpose ?? []) w = reimposeSanction(w, id);
    if (d.deal) w = this.deal(w, d.deal);
    if (d.openTransit) w = openTransit(w);
    if (d.closeTransit) w = closeTransit(w);
    if (d.stopBalloons) {
      w = stopBalloons(w);
      // Belarus's posture follows, or its machine would keep producing incidents (R10).
      this.agents.belarus.send({ type: 'COMMIT_CALM' });
    }
    if (d.resumeBalloons) {
      w = resumeBalloons(w);
      this.agents.belarus.send({ type: 'RELAPSE' });
    }
    if (d.recordIncident) w = recordIncident(w, d.recordIncident.hostility, d.recordIncident.driversDetained);
    if (d.freeLorryDrivers) w = freeLorryDrivers(w);
    if (d.threatenConfiscation !== undefined) w = threatenConfiscation(w, d.threatenConfiscation);
    if (d.setHostility?.lithuania !== undefined) w = setHostility(w, 'lithuania', d.setHostility.lithuania);
    if (d.setHostility?.poland !== undefined) w = setHostility(w, 'poland', d.setHostility.poland);
    if (d.setUsInterest !== undefined) w = setUsInterest(w, d.setUsInterest);
    if (d.setRules) this.switchRules(d.setRules);
    return w;
  }

  private arrest(world: World, arrests: NonNullable<EventEffects['arrest']>): World {
    let w = world;
    const people: { id: string; count: number }[] = [];
    for (const [id, n] of Object.entries(arrests)) {
      const before = w.arrested;
      w = arrestIntoCohort(w, id, n);
      if (w.arrested > before) people.push({ id, count: w.arrested - before });
    }
    if (people.length) this.changes.push({ kind: 'arrest', actor: 'scenario', people, sanctions: [], numbers: { count: people.reduce((t, p) => t + p.count, 0), event: this.current }, rules: ['R18'] });
    return w;
  }

  private pardon(world: World, pardons: NonNullable<EventEffects['pardon']>): World {
    let w = world;
    const people: { id: string; count: number; route: RoutedRelease['route'] }[] = [];
    for (const [id, p] of Object.entries(pardons)) {
      const before = w.releasedByRoute[p.route];
      const named = w.named.some((x) => x.id === id);
      w = named ? (p.count > 0 ? releaseNamed(w, id, p.route) : w) : releaseFromCohort(w, id, p.count, p.route);
      const n = w.releasedByRoute[p.route] - before;
      if (n > 0) people.push({ id, count: n, route: p.route });
    }
    if (people.length) this.changes.push({ kind: 'pardon', actor: 'scenario', people, sanctions: [], numbers: { count: people.reduce((t, p) => t + p.count, 0), event: this.current }, rules: ['R20'] });
    return w;
  }

  /** A scripted wave: carried out at once through the deal path; the US track's envoy hears it (R01). */
  private deal(world: World, deal: NonNullable<EventEffects['deal']>): World {
    const routed: RoutedRelease[] = [];
    for (const [id, count] of Object.entries(deal.releases)) {
      const person = world.named.find((p) => p.id === id);
      if (person) { if (person.status === 'held') routed.push({ id, count: 1, named: true, route: deal.route }); continue; }
      const cohort = world.cohorts.find((c) => c.id === id);
      const n = Math.min(count, cohort?.held ?? 0);
      if (n > 0) routed.push({ id, count: n, named: false, route: deal.route });
    }
    const relief = deal.relief.filter((id) => world.sanctions.find((s) => s.id === id)?.status === 'active');
    const w = executeDeal(world, routed, relief, [], deal.commitments);
    if (deal.track === 'us-belarus') this.agents.us.send({ type: 'WAVE' });
    if (deal.commitments.includes('stop-balloons')) this.agents.belarus.send({ type: 'COMMIT_CALM' });
    this.waves.push({ track: deal.track, freed: routed, relief, event: this.current });
    return w;
  }

  /** A stance change: every agent whose guards read rules hears it (Poland's read none). */
  private switchRules(changes: RuleSwitches): void {
    this.rules = { ...this.rules, ...changes };
    const event = { type: 'RULES', rules: this.rules } as const;
    this.agents.belarus.send(event);
    this.agents.us.send(event);
    this.agents.lithuania.send(event);
    this.agents.eu.send(event);
  }
}

