/**
 * One seeded run: the month loop. Each month (1) the peace talks move (R13's Markov process) and
 * scenario events fire, (2) every agent machine observes the world, (3) the tracks whose agents
 * are ready negotiate and deals are executed, (4) slow dynamics (US interest, calm) move, and (5)
 * the month is recorded. All randomness comes from the run's one stream, drawn in a fixed order.
 */
import type { AnyStateMachine } from 'xstate';
import { Agent } from '../agents/index.js';
import type { MachineState } from '../agents/step.js';
import { usMachine } from '../agents/us.js';
import { belarusMachine } from '../agents/belarus.js';
import { lithuaniaMachine } from '../agents/lithuania.js';
import { polandMachine } from '../agents/poland.js';
import { euMachine } from '../agents/eu.js';
import { negotiatorMachine } from '../agents/negotiator.js';
import { runDeclaredTrack } from '../negotiation/declared-track.js';
import type { DeclaredTrack, Scenario } from '../scenario/schema.js';
import { TALKS_STATES, type Sanction, type World } from '../world/types.js';
import { addMonths } from '../world/month.js';
import { createWorld, heldCount, initialCount, releasedCount } from '../world/create.js';
import {
  advanceMonth, applyFlows, calmRelations, liftSanction, recordIncident, setTalks, setUsInterest, stopBalloons,
  threatenConfiscation, type MonthFlows,
} from '../world/recipes.js';
import { reliefValue } from '../world/valuation.js';
import { everySwitch, isOn, type RuleSwitches } from '../rules/switches.js';
import { nextUsInterest, remainingUsProfile } from '../rules/us-valuation.js';
import { candidatesFor, usProfileHeld } from '../negotiation/candidates.js';
import { runUsTrack } from '../negotiation/us-track.js';
import { runPolandTrack } from '../negotiation/poland-track.js';
import { runEuTrack } from '../negotiation/eu-track.js';
import { runLithuaniaTrack } from '../negotiation/lithuania-track.js';
import type { TrackContext, TrackResult } from '../negotiation/context.js';
import { createRng, createSubstream, drawFrom, lazySubstream, type Rng } from './rng.js';
import { drawInputs } from './draws.js';
import { conditionHolds, ScenarioEvents } from './events.js';
import { BUILT_IN_TRACKS, isBuiltInTrack } from './trace.js';
import type { AgentId, AgentMove, BlockedKind, DeclaredActorId, ChangeRecord, ModelSpace, ModelDeal, ModelEvent, ModelMonth, ModelOffer, ModelRun, Outcome, TrackId, WaveRecord, WorldSummary } from './trace.js';
import { cohortCounts, flowTables, monthFlows, type CohortCount, type FlowTables } from '../world/arrests.js';
import { addToWave, reliefWorth, stageTermsOf, stepPending, type PendingDeal, type StagedTrack, type WaveState } from '../negotiation/stages.js';
import type { RoutedRelease } from '../rules/routes.js';
import { VERSION } from '../version.js';
import { round3 } from './round.js';

export interface RunOptions {
  readonly seed: number;
  readonly months?: number;
  readonly branch?: string | null;
  /** Keep per-month records (the story); sweeps turn this off to save memory. */
  readonly trace?: boolean;
  /** Add each negotiation round's deal space to the month records (`--deal-space`; needs the trace). */
  readonly dealSpace?: boolean;
  /** Called with the start world, then the world at the end of every month, in order (backtests resolve facts from these). */
  readonly observe?: (world: World) => void;
}

interface Agents {
  readonly belarus: Agent<typeof belarusMachine>;
  readonly us: Agent<typeof usMachine>;
  readonly lithuania: Agent<typeof lithuaniaMachine>;
  readonly poland: Agent<typeof polandMachine>;
  readonly eu: Agent<typeof euMachine>;
}

/**
 * One agent's start depends only on its input. A study sets new parameters at every design point,
 * so each point is a new scenario object and the per-scenario cache below never hits; but within a
 * Sobol' group or a Morris trajectory most rows leave most agents' inputs as they were (AB_i
 * differs from A in one factor, which belongs to one agent). So starts are also kept by the
 * input's content, in a table emptied when it grows past a bound.
 */
const startsByInput = new Map<string, unknown>();
const START_TABLE_BOUND = 4096;

function startedAgent<M extends AnyStateMachine>(id: AgentId, machine: M, input: unknown): Agent<M> {
  const key = `${id}:${JSON.stringify(input)}`;
  const known = startsByInput.get(key) as MachineState<M> | undefined;
  if (known) return new Agent(machine, null, known);
  const agent = new Agent(machine, input);
  if (startsByInput.size >= START_TABLE_BOUND) startsByInput.clear();
  startsByInput.set(key, agent.position);
  return agent;
}

function startAgents(scenario: Scenario, world: World): Agents {
  const rules = scenario.rules;
  const a = scenario.agents;
  return {
    belarus: startedAgent('belarus', belarusMachine, { params: a.belarus, rules, escalating: world.balloons }),
    us: startedAgent('us', usMachine, { params: a.us, rules, interest: world.usInterest }),
    lithuania: startedAgent('lithuania', lithuaniaMachine, { params: a.lithuania, rules, transitOpen: world.transitOpen, threatening: world.confiscationThreat }),
    poland: startedAgent('poland', polandMachine, { params: a.poland, rules }),
    eu: startedAgent('eu', euMachine, { params: a.eu, rules }),
  };
}

/**
 * The agents' start depends only on the scenario (its parameters and its start world), so a sweep
 * computes it once per scenario and every run resumes from it. Machine states are immutable.
 */
const startedAgents = new WeakMap<Scenario, Agents>();

function agentsFor(scenario: Scenario, world: World, moves: AgentMove[] | null): Agents {
  let first = startedAgents.get(scenario);
  if (!first) {
    first = startAgents(scenario, world);
    startedAgents.set(scenario, first);
  }
  return {
    belarus: new Agent(belarusMachine, null, first.belarus.position, moves),
    us: new Agent(usMachine, null, first.us.position, moves),
    lithuania: new Agent(lithuaniaMachine, null, first.lithuania.position, moves),
    poland: new Agent(polandMachine, null, first.poland.position, moves),
    eu: new Agent(euMachine, null, first.eu.position, moves),
  };
}

/** The five's states, then each declared actor's: the state of the negotiator machine of its track. */
function agentStates(agents: Agents, declared: readonly DeclaredAgent[]): WorldSummary['agents'] {
  const states: Record<string, string> = {
    belarus: agents.belarus.state, us: agents.us.state, lithuania: agents.lithuania.state,
    poland: agents.poland.state, eu: agents.eu.state,
  };
  for (const d of declared) if (d.actor !== null) states[d.actor] = d.agent.state;
  return states as WorldSummary['agents'];
}

/** A declared track's negotiator machine, and the declared actor it stands for (null between two of the five). */
interface DeclaredAgent {
  readonly track: DeclaredTrack;
  readonly agent: Agent<typeof negotiatorMachine>;
  readonly actor: DeclaredActorId | null;
}

/**
 * A declared track's negotiator. When a declared actor sits at the track, the machine is that
 * actor's: its moves go in the month's log under the actor's id and its state into the months'
 * `agents`, like the five's. A track between two of the five keeps its machine out of both, as before.
 */
function declaredAgents(scenario: Scenario, moves: AgentMove[] | null): DeclaredAgent[] {
  const actors = new Set(scenario.actors.map((a) => a.id));
  return scenario.tracks.map((track) => {
    const actor = track.parties.find((p) => actors.has(p)) ?? null;
    const input = { track: track.id, chance: track.protocol.chance };
    const agent = actor === null ? new Agent(negotiatorMachine, input) : new Agent(negotiatorMachine, input, undefined, moves, actor);
    return { track, agent, actor };
  });
}

function summarize(world: World, agents: Agents, declared: readonly DeclaredAgent[]): WorldSummary {
  return {
    talks: world.talks,
    held: heldCount(world),
    released: releasedCount(world),
    releasedByRoute: { ...world.releasedByRoute },
    usInterest: round3(world.usInterest),
    hostilityLithuania: round3(world.relations.lithuania.hostility),
    balloons: world.balloons,
    transitOpen: world.transitOpen,
    confiscationThreat: world.confiscationThreat,
    lifted: world.sanctions.filter((s) => s.status === 'lifted').map((s) => s.id),
    agents: agentStates(agents, declared),
    arrested: world.arrested,
    rearrested: world.rearrested,
    pardoned: world.pardoned,
    served: world.releasedByRoute.served,
    trust: round3(world.trust),
  };
}

/** The smallest US item the envoy can give up front (R02), if any. */
function prepayItem(world: World, scenario: Scenario): string | null {
  // The first in (weight, id) order: a scan, since this runs every month and a sort allocates.
  let best: Sanction | null = null;
  for (const s of world.sanctions) {
    if (s.issuer !== 'us' || s.status !== 'active' || s.weight > scenario.agents.us.prepayMaxWeight) continue;
    if (best === null || (s.weight - best.weight || s.id.localeCompare(best.id)) < 0) best = s;
  }
  return best?.id ?? null;
}

/**
 * A scenario's start world and the US profile it holds. Worlds are never mutated, so every run
 * of a scenario can start from the same one instead of building it again. Like `agentsFor`, this
 * treats a scenario object as immutable: a changed scenario is a new object (`applySetting`).
 */
const startWorlds = new WeakMap<Scenario, { readonly world: World; readonly profile: number }>();

function startWorld(scenario: Scenario): { readonly world: World; readonly profile: number } {
  let start = startWorlds.get(scenario);
  if (!start) {
    const world = createWorld(scenario);
    start = { world, profile: remainingUsProfile(candidatesFor(world, 'us', scenario.rules)) };
    startWorlds.set(scenario, start);
  }
  return start;
}

/** Everything a run carries from month to month. */
interface RunState {
  world: World;
  readonly agents: Agents;
  readonly rng: Rng;
  readonly scenario: Scenario;
  /** The rules in force; a scenario event may switch some mid-run. */
  rules: RuleSwitches;
  /** The scenario's events (src/simulation/events.ts), or null when it has none. */
  readonly scenarioEvents: ScenarioEvents | null;
  readonly startInterest: number;
  readonly startProfile: number;
  /** Whether the month records are kept; when not, the tracks skip writing offers. */
  readonly trace: boolean;
  /** Whether each round's deal space is computed and kept (`RunOptions.dealSpace`). */
  readonly dealSpace: boolean;
  /** The agents' changes of state since the last month was recorded (null without a trace). */
  readonly moves: AgentMove[] | null;
  /** The open world's own stream (R18, R20, R23), apart from the main one (see `createSubstream`). */
  readonly open: Rng;
  /** The staged deals' stream (R22): one draw per deal step due, so apart from the fixed monthly draws. */
  readonly stages: Rng;
  /** Sentences served (R25): one draw per cohort a month, its own stream so that R25 moves no other draw. */
  readonly served: Rng;
  /** R18, R20: the flows' Poisson tables (each cohort's arrest rate, the pardon rates), in the world's cohort order. */
  readonly flowTables: FlowTables;
  /** Every deal and scripted wave so far (`outcome.waves`). */
  readonly waves: WaveState[];
  /** Staged deals still being carried out (R21). */
  pending: PendingDeal[];
  reneged: number;
  /** The scenario's declared tracks, each with its generic negotiator machine. */
  readonly declared: readonly DeclaredAgent[];
  /** The declared tracks' own stream: one draw per declared track a month, so the five's draws never move. */
  readonly declaredRng: Rng;
  /** Tracks that have struck a deal so far (a declared track may open after one). */
  readonly dealt: Set<string>;
  /** Negotiations without a deal, by track and cause (`outcome.blocked`). */
  readonly blocked: Record<string, Record<BlockedKind, number>>;
}

/** R18, R20: a scenario's flow tables, computed once per scenario like its start world. */
const tablesOf = new WeakMap<Scenario, FlowTables>();
function flowTablesFor(scenario: Scenario): FlowTables {
  let tables = tablesOf.get(scenario);
  if (!tables) { tables = flowTables(scenario); tablesOf.set(scenario, tables); }
  return tables;
}

function newWave(s: RunState, month: string, track: TrackId, scripted: boolean, freed: readonly { readonly route: RoutedRelease['route']; readonly count: number }[], relief: readonly string[], tranches: number): number {
  const wave: WaveState = { month, track, scripted, released: 0, byRoute: {}, relief: [...relief], tranches, delivered: 1,
    status: tranches > 1 ? 'pending' : 'done', renegedBy: null, renegedIn: null };
  addToWave(wave, freed);
  s.waves.push(wave);
  return s.waves.length - 1;
}

/** The month's flows as the trace records them, one change per flow that moved someone. */
function flowChanges(world: World, flows: MonthFlows, envoyVisiting: boolean): ChangeRecord[] {
  const out: ChangeRecord[] = [];
  const total = (xs: readonly CohortCount[]) => xs.reduce((t, x) => t + x.count, 0);
  const arrests = cohortCounts(world, flows.arrests);
  if (arrests.length) out.push({ kind: 'arrest', actor: 'belarus', people: arrests, sanctions: [], numbers: { count: total(arrests) }, rules: ['R18'] });
  const pardons = cohortCounts(world, flows.pardons);
  if (pardons.length) {
    out.push({ kind: 'pardon', actor: 'belarus', people: pardons.map((p) => ({ ...p, route: 'home' as const })), sanctions: [],
      numbers: { count: total(pardons), signal: envoyVisiting ? 1 : 0 }, rules: ['R20', 'R19'] });
  }
  const again = cohortCounts(world, flows.rearrests);
  if (again.length) out.push({ kind: 'rearrest', actor: 'belarus', people: again, sanctions: [], numbers: { count: total(again) }, rules: ['R23'] });
  const ends = cohortCounts(world, flows.ends);
  if (ends.length) {
    out.push({ kind: 'served', actor: 'belarus', people: ends.map((e) => ({ ...e, route: 'served' as const })), sanctions: [],
      numbers: { count: total(ends) }, rules: ['R25'] });
  }
  return out;
}

/**
 * The open world's month (R18, R20, R23, R25, then the staged deals due, R21, R22): its draws
 * come from the open stream in a fixed order, every month, whatever the rules and the world: one
 * per cohort for arrests, two for pardons, one per cohort for re-arrests. Sentences served (R25)
 * draw one per cohort from a stream of their own, added later, so that they shift no earlier
 * draw. Each staged deal due draws one number from a stream of its own (oldest deal first), so
 * that deals never shift the monthly flows' draws. The closed world's stream is never touched.
 */
function openWorldMonth(s: RunState, world: World, escalating: boolean, envoyVisiting: boolean, incident: boolean, changes: ChangeRecord[]): World {
  const { open, scenario, rules } = s;
  const n = world.cohorts.length;
  const arrestDraws = new Array<number>(n);
  for (let i = 0; i < n; i++) arrestDraws[i] = open.next();
  const pardonDraw = open.next();
  const signalDraw = open.next();
  const rearrestDraws = new Array<number>(n);
  for (let i = 0; i < n; i++) rearrestDraws[i] = open.next();
  const termDraws = new Array<number>(n);
  for (let i = 0; i < n; i++) termDraws[i] = s.served.next();
  const flows = monthFlows(world, s.flowTables, { arrests: arrestDraws, pardon: pardonDraw, signal: signalDraw, rearrests: rearrestDraws, ends: termDraws },
    escalating, envoyVisiting, rules);
  let w = applyFlows(world, flows);
  if (s.trace) changes.push(...flowChanges(world, flows, envoyVisiting));
  if (!s.pending.some((deal) => deal.due === w.month)) return w;
  const still: PendingDeal[] = [];
  for (const deal of s.pending) {
    if (deal.due !== w.month) { still.push(deal); continue; }
    const step = stepPending(w, deal, s.waves[deal.wave]!, w.month, s.stages.next(), incident, scenario.agents, rules, s.trace);
    w = step.world;
    changes.push(...step.changes);
    if (step.relapse) s.agents.belarus.send({ type: 'RELAPSE' });
    if (s.waves[deal.wave]!.status === 'reneged') s.reneged += 1;
    if (!step.over) still.push(deal);
  }
  s.pending = still;
  return w;
}

const NOTHING_RESERVED: ReadonlySet<string> = new Set();
/** The relief staged deals still owe (R21): no track may offer it again meanwhile. */
function reservedRelief(pending: readonly PendingDeal[]): ReadonlySet<string> {
  if (!pending.some((d) => !d.paid && d.relief.length > 0)) return NOTHING_RESERVED;
  const reserved = new Set<string>();
  for (const d of pending) if (!d.paid) for (const id of d.relief) reserved.add(id);
  return reserved;
}

/** A staged deal on `track` still waiting for its payment (R21): its payer opens no new round meanwhile. */
const awaitingPayment = (s: RunState, track: StagedTrack): boolean => s.pending.some((d) => d.track === track && !d.paid);

/** A month's record before the world summary, which only a kept trace needs. */
type MonthStep = Omit<ModelMonth, 'world' | 'moves'>;

function stepMonth(s: RunState): MonthStep {
  const { scenario, rng, agents } = s;
  const events: ModelEvent[] = [];
  const offers: ModelOffer[] = [];
  const deals: ModelDeal[] = [];
  const changes: ChangeRecord[] = [];
  const spaces: ModelSpace[] = [];
  let world = advanceMonth(s.world);

  // (1) Exogenous: the peace talks (R13).
  const talks = drawFrom(rng, scenario.talks[world.talks], TALKS_STATES, world.talks);
  if (talks !== world.talks) {
    events.push({ kind: 'talks', actor: 'talks', fact: { code: 'talks', from: world.talks, to: talks }, rules: ['R13'] });
    world = setTalks(world, talks);
  }
  // Scenario events fire here, after the talks, in list order (src/simulation/events.ts).
  if (s.scenarioEvents) {
    world = s.scenarioEvents.fire(world, rng, events);
    s.rules = s.scenarioEvents.rules;
    const scripted = s.scenarioEvents.drain();
    changes.push(...scripted.changes);
    for (const wave of scripted.waves) {
      const index = newWave(s, world.month, wave.track, true, wave.freed, wave.relief, 1);
      changes.push({ kind: 'wave', actor: 'scenario', track: wave.track, people: wave.freed.map((r) => ({ id: r.id, count: r.count, route: r.route })),
        sanctions: [...wave.relief], numbers: { wave: index, count: wave.freed.reduce((t, r) => t + r.count, 0), event: wave.event }, rules: ['R01'] });
    }
  }
  const rules = s.rules;

  // (2) Agents observe. Draws are taken in a fixed order whatever the agents' states.
  const incidentDraw = rng.next();
  const talkDrawLt = rng.next();
  const visitDraw = rng.next();
  const stopDraw = rng.next();
  const roundDraw = rng.next();
  const reviewDraw = rng.next();

  const incidentsBefore = agents.belarus.context.incidents;
  agents.belarus.send({ type: 'OBSERVE', incidentDraw });
  const incident = agents.belarus.context.incidents > incidentsBefore;
  if (incident) {
    const p = scenario.agents.lithuania;
    const detained = incidentDraw < scenario.agents.belarus.balloonChance / 3 ? 1 : 0;
    world = recordIncident(world, p.hostilityPerIncident, detained);
    events.push({ kind: 'incident', actor: 'belarus', fact: { code: detained ? 'driver-detained' : 'balloons' }, rules: ['R10'] });
  }

  const ltBefore = agents.lithuania.state;
  agents.lithuania.send({ type: 'OBSERVE', view: { hostility: world.relations.lithuania.hostility, transitOpen: world.transitOpen, talkDraw: talkDrawLt,
    awaitingPayment: awaitingPayment(s, 'lithuania-belarus') } });
  const ltAfter = agents.lithuania.state;
  if (ltAfter !== ltBefore) {
    if (ltAfter === 'threatening') {
      world = threatenConfiscation(world, true);
      events.push({ kind: 'threat', actor: 'lithuania', fact: { code: 'confiscation-threat' }, rules: ['R10'] });
    } else if (ltBefore === 'threatening') {
      // The threat ends when tempers cool, or when Vilnius turns to talking (or a scenario opened transit).
      world = threatenConfiscation(world, false);
      if (ltAfter === 'hardline') {
        events.push({ kind: 'threat', actor: 'lithuania', fact: { code: 'threat-dropped' }, rules: ['R10', 'R11'] });
      }
    }
    if (ltAfter === 'talking') {
      events.push({ kind: 'posture', actor: 'lithuania', fact: { code: 'vilnius-will-talk' }, rules: ['R09'] });
    }
  }

  const usBefore = agents.us.state;
  const hasRelief = world.sanctions.some((x) => x.issuer === 'us' && x.status === 'active');
  const prepay = prepayItem(world, scenario);
  agents.us.send({ type: 'OBSERVE', view: { interest: world.usInterest, talks: world.talks, canPrepay: prepay !== null, hasRelief, visitDraw, stopDraw } });
  const usAfter = agents.us.state;
  if (usAfter !== usBefore && usAfter !== 'prepaid') events.push(usTransitionEvent(usBefore, usAfter, world.talks));
  if (usAfter === 'prepaid' && usBefore !== 'prepaid' && prepay) {
    world = liftSanction(world, prepay);
    events.push({ kind: 'concession', actor: 'us', fact: { code: 'prepay', sanction: prepay }, rules: ['R02'] });
  }

  agents.poland.send({ type: 'OBSERVE', view: { priorityHeld: world.named.some((p) => p.status === 'held' && p.onlyThrough === 'poland'), roundDraw } });
  // Sentences served (R25) are no concession: the EU counts only the releases Minsk chose.
  agents.eu.send({ type: 'OBSERVE', view: { releasedSoFar: releasedCount(world) - world.releasedByRoute.served, hasActiveSanction: world.sanctions.some((x) => x.issuer === 'eu' && x.status === 'active'), reviewDraw,
    awaitingPayment: awaitingPayment(s, 'eu-belarus') } });

  // (2b) The open world: arrests, pardons, re-arrests, the staged deals' steps (R18–R25).
  world = openWorldMonth(s, world, agents.belarus.state === 'escalating', agents.us.state === 'visiting', incident, changes);

  // (3) Tracks negotiate, in a fixed order; each deal changes the world the next track sees.
  const reserved = reservedRelief(s.pending);
  const ctx = (): TrackContext => (s.dealSpace
    ? { world, scenario, rules, rng, trace: s.trace, reserved, dealSpace: true }
    : { world, scenario, rules, rng, trace: s.trace, reserved });
  /** Every negotiating machine hears DEAL or NO_DEAL; `tell` sends it to the track's agent. */
  type Answer = { type: 'DEAL'; staged?: boolean } | { type: 'NO_DEAL' };
  const settle = (track: TrackId, result: TrackResult, tell: (event: Answer) => void) => {
    world = result.world;
    offers.push(...result.offers);
    if (result.space) spaces.push(result.space);
    if (result.events) events.push(...result.events);
    if (result.deal) {
      deals.push(result.deal);
      const d = result.deal;
      const index = newWave(s, world.month, track, false, d.routed, d.lifted, d.staged?.tranches ?? 1);
      if (result.pending) {
        const home = new Map<string, number>();
        for (const r of d.routed) if (r.route === 'home' && !byIdNamed(world, r.id)) home.set(r.id, (home.get(r.id) ?? 0) + r.count);
        const { track: staged, batches, relief, grants } = result.pending;
        s.pending.push({ wave: index, track: staged, batches: batches.map((b) => [...b]), relief, grants, paid: false,
          due: addMonths(world.month, stageTermsOf(scenario.agents, staged).trancheGapMonths), home,
          promised: reliefWorth(world, relief, isOn(rules, 'R08'), false, grants) });
      }
    }
    if (result.deal) s.dealt.add(track);
    if (!result.deal && result.blockedBy) s.blocked[track]![result.blockedBy.kind] += 1;
    tell(result.deal ? { type: 'DEAL', ...(result.pending ? { staged: true } : {}) } : { type: 'NO_DEAL' });
  };
  if (agents.us.state === 'visiting') {
    const escalating = agents.belarus.state === 'escalating';
    const result = runUsTrack(ctx(), escalating);
    settle('us-belarus', result, (e) => agents.us.send(e));
    if (result.deal?.package.commitments.includes('stop-balloons')) agents.belarus.send({ type: 'COMMIT_CALM' });
  }
  if (agents.poland.state === 'bargaining') settle('poland-belarus', runPolandTrack(ctx()), (e) => agents.poland.send(e));
  if (agents.eu.state === 'offering') settle('eu-belarus', runEuTrack(ctx()), (e) => agents.eu.send(e));
  if (agents.lithuania.state === 'talking') {
    const result = runLithuaniaTrack(ctx());
    settle('lithuania-belarus', result, (e) => agents.lithuania.send(e));
    if (result.deal?.package.commitments.includes('stop-balloons')) agents.belarus.send({ type: 'COMMIT_CALM' });
  }
  // (3b) The tracks the scenario declares, in list order, after the four: their deals change the
  // world the next month's tracks see (an opened Klaipėda counts for potash through R08).
  for (const { track, agent } of s.declared) {
    const open = conditionHolds(track.opens.when, world) && (track.opens.afterDeal === undefined || s.dealt.has(track.opens.afterDeal));
    agent.send({ type: 'OBSERVE', view: { open, roundDraw: s.declaredRng.next() } });
    if (agent.state !== 'bargaining') continue;
    const result = runDeclaredTrack(track, { world, rules, trace: s.trace, dealSpace: s.dealSpace });
    world = result.world;
    offers.push(...result.offers);
    if (result.space) spaces.push(result.space);
    if (result.deal) { deals.push(result.deal); s.dealt.add(track.id); }
    if (!result.deal && result.blockedBy) s.blocked[track.id]![result.blockedBy.kind] += 1;
    agent.send({ type: result.deal ? 'DEAL' : 'NO_DEAL' });
  }
  if (agents.belarus.state === 'calm' && world.balloons) world = stopBalloons(world);

  // (4) Slow dynamics: US interest follows the profile still held (R06); calm heals (R11).
  const profile = usProfileHeld(world, rules);
  const interest = nextUsInterest(world.usInterest, s.startInterest, profile, s.startProfile, scenario.agents.us, rules);
  if (interest !== world.usInterest) world = setUsInterest(world, interest);
  if (!world.balloons && isOn(rules, 'R11') && world.relations.lithuania.hostility > 0) {
    world = calmRelations(world, 'lithuania', scenario.agents.lithuania.calmDecay);
  }

  s.world = world;
  const step: MonthStep = { month: world.month, talks: world.talks, events, offers, deals, changes };
  return s.dealSpace ? { ...step, spaces } : step;
}

const byIdNamed = (world: World, id: string): boolean => world.named.some((p) => p.id === id);

function usTransitionEvent(from: string, to: string, talks: string): ModelEvent {
  switch (to) {
    case 'disengaged':
      return talks === 'failed'
        ? { kind: 'posture', actor: 'us', fact: { code: 'us-drops-dialogue' }, rules: ['R13'] }
        : { kind: 'posture', actor: 'us', fact: { code: 'us-loses-interest' }, rules: ['R06'] };
    case 'engaged':
      return from === 'cooling'
        ? { kind: 'posture', actor: 'us', fact: { code: 'us-ready-again' }, rules: ['R01'] }
        : { kind: 'posture', actor: 'us', fact: { code: 'us-reengages' }, rules: ['R06', 'R13'] };
    case 'visiting':
      return { kind: 'posture', actor: 'us', fact: { code: 'envoy-arrives' }, rules: ['R02'] };
    default:
      return { kind: 'posture', actor: 'us', fact: { code: 'us-moves', from, to }, rules: ['R02'] };
  }
}

/** Each sanction's status at the start (its own month stamp, or the start month), then every change. */
function sanctionHistoryOf(scenario: Scenario, world: World): Record<string, { month: string; status: 'active' | 'lifted' }[]> {
  const history: Record<string, { month: string; status: 'active' | 'lifted' }[]> = {};
  for (const s of scenario.world.sanctions) history[s.id] = [{ month: s.changedIn ?? scenario.start, status: s.status }];
  for (const c of world.sanctionChanges) history[c.id]?.push({ month: c.month, status: c.status });
  return history;
}

/** Zero counts for the four tracks and the scenario's declared ones, in that order. */
function emptyBlocked(declared: readonly string[]): Record<string, Record<BlockedKind, number>> {
  const out: Record<string, Record<BlockedKind, number>> = {};
  for (const t of BUILT_IN_TRACKS) out[t] = { 'red-line': 0, 'value-gap': 0, deadline: 0 };
  for (const t of declared) out[t] = { 'red-line': 0, 'value-gap': 0, deadline: 0 };
  return out;
}
function blockedView(b: Readonly<Record<string, Readonly<Record<BlockedKind, number>>>>): Record<string, Record<BlockedKind, number>> {
  const out: Record<string, Record<BlockedKind, number>> = {};
  for (const t in b) { const c = b[t]!; out[t] = { 'red-line': c['red-line'], 'value-gap': c['value-gap'], deadline: c.deadline }; }
  return out;
}

const waveRecord = (w: WaveState): WaveRecord => ({
  month: w.month, track: w.track, scripted: w.scripted, released: w.released, byRoute: { ...w.byRoute }, relief: [...w.relief],
  tranches: w.tranches, delivered: w.delivered, status: w.status, renegedBy: w.renegedBy, renegedIn: w.renegedIn,
});

export interface OpenOutcome {
  readonly scenario: Scenario;
  readonly blocked?: Readonly<Record<string, Readonly<Record<BlockedKind, number>>>>;
  /** Deals by declared track. */
  readonly declared?: Readonly<Record<string, number>>;
  readonly waves: readonly WaveState[];
  readonly reneged: number;
}

export function outcomeOf(world: World, dealCount: Readonly<Record<TrackId, number>>, firstDealMonth: string | null, rules: RuleSwitches, open?: OpenOutcome): Outcome {
  const named: Record<string, 'held' | 'released'> = {};
  for (const p of world.named) named[p.id] = p.status;
  const sanctions: Record<string, 'active' | 'lifted'> = {};
  for (const s of world.sanctions) sanctions[s.id] = s.status;
  const released = releasedCount(world);
  let deals = dealCount['us-belarus'] + dealCount['poland-belarus'] + dealCount['eu-belarus'] + dealCount['lithuania-belarus'];
  for (const n of Object.values(open?.declared ?? {})) deals += n;
  return {
    prisonersInitial: initialCount(world),
    prisonersReleased: released,
    prisonersRemaining: heldCount(world),
    releasedByRoute: { ...world.releasedByRoute },
    named,
    sanctions,
    transitOpen: world.transitOpen,
    deals,
    dealsByTrack: { ...dealCount },
    blocked: open?.blocked ? blockedView(open.blocked) : emptyBlocked([]),
    dealsByDeclaredTrack: { ...(open?.declared ?? {}) },
    firstDealMonth,
    belarusReliefValue: Math.round(reliefValue(world, isOn(rules, 'R08')) * 100) / 100,
    usInterest: round3(world.usInterest),
    talks: world.talks,
    prisonersArrested: world.arrested,
    prisonersRearrested: world.rearrested,
    pardoned: world.pardoned,
    served: world.releasedByRoute.served,
    waves: open ? open.waves.map(waveRecord) : [],
    reneged: open?.reneged ?? 0,
    sanctionHistory: open ? sanctionHistoryOf(open.scenario, world) : {},
    trust: round3(world.trust),
    trustWith: { eu: round3(world.trustWith.eu), lithuania: round3(world.trustWith.lithuania) },
  };
}

/** The model's run: structured records only, no sentences (the trace before the words). */
export const simulate = (given: Scenario, options: RunOptions): ModelRun => simulateDrawn(given, options).run;

/**
 * The model's run and the scenario it ran, with its uncertain inputs drawn (the names the words
 * need come from that one). Same inputs, same result.
 */
export function simulateDrawn(given: Scenario, options: RunOptions): { readonly scenario: Scenario; readonly run: ModelRun } {
  const { scenario, draws } = drawInputs(given, options.seed);
  const { world, profile: startProfile } = startWorld(scenario);
  const rules = everySwitch(scenario.rules);
  const moves: AgentMove[] | null = options.trace !== false ? [] : null;
  const agents = agentsFor(scenario, world, moves);
  const state: RunState = {
    world,
    agents,
    rng: createRng(options.seed),
    scenario,
    rules,
    scenarioEvents: scenario.events.length > 0 ? new ScenarioEvents(scenario.events, rules, agents) : null,
    startInterest: world.usInterest,
    startProfile,
    trace: options.trace !== false,
    dealSpace: options.dealSpace === true && options.trace !== false,
    moves,
    open: createSubstream(options.seed, 'open-world'),
    stages: lazySubstream(options.seed, 'staged-deals'),
    served: createSubstream(options.seed, 'term-served'),
    flowTables: flowTablesFor(scenario),
    waves: [],
    pending: [],
    reneged: 0,
    blocked: emptyBlocked(scenario.tracks.map((t) => t.id)),
    declared: declaredAgents(scenario, moves),
    declaredRng: lazySubstream(options.seed, 'declared-tracks'),
    dealt: new Set<string>(),
  };
  const horizon = options.months ?? scenario.horizon;
  const keep = options.trace !== false;
  const months: ModelMonth[] = [];
  const dealCount: Record<TrackId, number> = { 'us-belarus': 0, 'poland-belarus': 0, 'eu-belarus': 0, 'lithuania-belarus': 0 };
  const declaredCount: Record<string, number> = Object.fromEntries(scenario.tracks.map((t) => [t.id, 0]));
  let firstDealMonth: string | null = null;
  options.observe?.(state.world);
  try {
    for (let m = 0; m < horizon; m++) {
      const record = stepMonth(state);
      options.observe?.(state.world);
      for (const d of record.deals) {
        if (isBuiltInTrack(d.track)) dealCount[d.track] += 1;
        else declaredCount[d.track] = (declaredCount[d.track] ?? 0) + 1;
      }
      if (firstDealMonth === null && record.deals.length > 0) firstDealMonth = record.month;
      if (keep) months.push({ ...record, moves: state.moves ? state.moves.splice(0) : [], world: summarize(state.world, state.agents, state.declared) });
    }
  } finally {
    for (const a of Object.values(state.agents)) a.stop();
    for (const d of state.declared) d.agent.stop();
  }
  const run: ModelRun = {
    scenario: scenario.id,
    branch: options.branch ?? null,
    seed: options.seed,
    version: VERSION,
    start: scenario.start,
    horizon,
    draws,
    months,
    outcome: outcomeOf(state.world, dealCount, firstDealMonth, state.rules, { scenario, waves: state.waves, reneged: state.reneged, blocked: state.blocked, declared: declaredCount }),
  };
  return { scenario, run };
}
