/**
 * Model-based tests of the five agent machines with xstate/graph: the machine is explored from
 * every start its inputs allow, under every event it handles (with observations at both sides of
 * each guard's threshold), and then
 * - every state node is reachable;
 * - the only dead ends (states from which no other state can be reached) are the intended ones;
 * - the rules hold as graph facts (e.g. with R09 on Lithuania never talks, with R12 on the EU never offers);
 * - replaying each shortest path through the engine's Agent wrapper lands in the same state.
 */
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph';
import type { AnyStateMachine, EventObject } from 'xstate';
import { Agent } from '../../src/agents/index.js';
import { usMachine } from '../../src/agents/us.js';
import { belarusMachine } from '../../src/agents/belarus.js';
import { lithuaniaMachine } from '../../src/agents/lithuania.js';
import { polandMachine } from '../../src/agents/poland.js';
import { euMachine } from '../../src/agents/eu.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { TALKS_STATES } from '../../src/world/types.js';
import type { RuleSwitches } from '../../src/rules/switches.js';

const params = scenarioSchema.parse({ id: 'model', title: 'model', world: { cohorts: [{ id: 'a', label: 'a', held: 1, usProfile: 0, belarusCost: 0 }], sanctions: [{ id: 'us.x', label: 'x', weight: 1 }] } }).agents;
const RULE_SETS: readonly RuleSwitches[] = [{}, { R02: false, R06: false, R09: false, R10: false, R12: false, R13: false }];
const LOW = 0;
const HIGH = 0.999;

interface Model {
  readonly machine: AnyStateMachine;
  readonly inputs: readonly unknown[];
  /** Concrete events per event type the machine handles. */
  readonly events: Readonly<Record<string, readonly EventObject[]>>;
  readonly serialize: (snapshot: { value: unknown; context: Record<string, unknown> }) => string;
  /** States meant to be final for the run (nothing the agent can still do). */
  readonly terminal: readonly string[];
}

const rulesEvents = RULE_SETS.map((rules) => ({ type: 'RULES', rules }));
const byValueAndRules = (s: { value: unknown; context: Record<string, unknown> }) => `${String(s.value)}|${JSON.stringify(s.context.rules)}`;

const MODELS: Readonly<Record<string, Model>> = {
  belarus: {
    machine: belarusMachine,
    inputs: RULE_SETS.flatMap((rules) => [true, false].map((escalating) => ({ params: params.belarus, rules, escalating }))),
    events: { OBSERVE: [LOW, HIGH].map((incidentDraw) => ({ type: 'OBSERVE', incidentDraw })), COMMIT_CALM: [{ type: 'COMMIT_CALM' }], RELAPSE: [{ type: 'RELAPSE' }], RULES: rulesEvents },
    serialize: byValueAndRules,
    terminal: [],
  },
  us: {
    machine: usMachine,
    inputs: RULE_SETS.flatMap((rules) => [0.1, 0.9].map((interest) => ({ params: params.us, rules, interest }))),
    events: {
      OBSERVE: TALKS_STATES.flatMap((talks) => [0.1, 0.9].flatMap((interest) => [true, false].flatMap((canPrepay) => [true, false].flatMap((hasRelief) =>
        [LOW, HIGH].flatMap((visitDraw) => [LOW, HIGH].map((stopDraw) => ({ type: 'OBSERVE', view: { interest, talks, canPrepay, hasRelief, visitDraw, stopDraw } }))))))),
      DEAL: [{ type: 'DEAL' }], NO_DEAL: [{ type: 'NO_DEAL' }], WAVE: [{ type: 'WAVE' }], RULES: rulesEvents,
    },
    // The month counter matters only up to the cooling-off period (R01).
    serialize: (s) => `${String(s.value)}|${String(s.context.prepaid)}|${Math.min(Number(s.context.monthsSinceDeal), params.us.cooldownMonths + 1)}|${JSON.stringify(s.context.rules)}`,
    terminal: [],
  },
  lithuania: {
    machine: lithuaniaMachine,
    inputs: RULE_SETS.flatMap((rules) => [[false, false], [false, true], [true, false]].map(([transitOpen, threatening]) => ({ params: params.lithuania, rules, transitOpen, threatening }))),
    events: {
      OBSERVE: [0, 0.5, 0.95].flatMap((hostility) => [true, false].flatMap((transitOpen) => [LOW, HIGH].flatMap((talkDraw) =>
        [true, false].map((awaitingPayment) => ({ type: 'OBSERVE', view: { hostility, transitOpen, talkDraw, awaitingPayment } }))))),
      // A staged deal (R21) waits in `verifying` for the Klaipėda payment.
      DEAL: [{ type: 'DEAL' }, { type: 'DEAL', staged: true } as EventObject], NO_DEAL: [{ type: 'NO_DEAL' }], RULES: rulesEvents,
    },
    serialize: byValueAndRules,
    // Transit can close again when a scenario event closes it, so no state is final.
    terminal: [],
  },
  poland: {
    machine: polandMachine,
    inputs: RULE_SETS.map((rules) => ({ params: params.poland, rules })),
    events: {
      OBSERVE: [true, false].flatMap((priorityHeld) => [LOW, HIGH].map((roundDraw) => ({ type: 'OBSERVE', view: { priorityHeld, roundDraw } }))),
      DEAL: [{ type: 'DEAL' }], NO_DEAL: [{ type: 'NO_DEAL' }], RULES: rulesEvents,
    },
    serialize: byValueAndRules,
    terminal: ['settled'],
  },
  eu: {
    machine: euMachine,
    inputs: RULE_SETS.map((rules) => ({ params: params.eu, rules })),
    events: {
      OBSERVE: [0, 10_000].flatMap((releasedSoFar) => [true, false].flatMap((hasActiveSanction) => [LOW, HIGH].flatMap((reviewDraw) =>
        [true, false].map((awaitingPayment) => ({ type: 'OBSERVE', view: { releasedSoFar, hasActiveSanction, reviewDraw, awaitingPayment } }))))),
      DEAL: [{ type: 'DEAL' }], NO_DEAL: [{ type: 'NO_DEAL' }], RULES: rulesEvents,
    },
    serialize: byValueAndRules,
    terminal: ['eased'],
  },
};

type Snap = { value: unknown; context: Record<string, unknown> };
const eventsOf = (m: Model) => (snap: Snap): EventObject[] => {
  void snap;
  const handled = new Set<string>((m.machine as unknown as { events: string[] }).events);
  return Object.entries(m.events).filter(([type]) => handled.has(type)).flatMap(([, list]) => list);
};

/** Every state value reachable from an input, and the value-level edges between them. */
function explore(m: Model, input: unknown) {
  const options = { input, events: eventsOf(m), serializeState: (s: Snap) => m.serialize(s) } as never;
  const adjacency = getAdjacencyMap(m.machine, options) as unknown as Record<string, { state: Snap; transitions: Record<string, { event: EventObject; state: Snap }> }>;
  const edges = new Map<string, Set<string>>();
  for (const { state, transitions } of Object.values(adjacency)) {
    const from = String(state.value);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const t of Object.values(transitions)) edges.get(from)!.add(String(t.state.value));
  }
  return { adjacency, edges, paths: getShortestPaths(m.machine, options) as unknown as { state: Snap; steps: { event: EventObject; state: Snap }[] }[] };
}

const reachableFrom = (edges: Map<string, Set<string>>, start: string): Set<string> => {
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length) for (const n of edges.get(todo.pop()!) ?? []) if (!seen.has(n)) { seen.add(n); todo.push(n); }
  return seen;
};

describe.each(Object.entries(MODELS))('the %s machine, explored with xstate/graph', (_name, m) => {
  const explored = m.inputs.map((input) => ({ input, ...explore(m, input) }));
  const edges = new Map<string, Set<string>>();
  for (const e of explored) for (const [k, v] of e.edges) edges.set(k, new Set([...(edges.get(k) ?? []), ...v]));
  const stateNames = getStateNodes(m.machine).map((n) => n.key);
  const transient = getStateNodes(m.machine).filter((n) => (n as unknown as { always?: unknown[] }).always?.length).map((n) => n.key);

  it('every event type the machine handles has observations in the model', () => {
    for (const type of (m.machine as unknown as { events: string[] }).events) {
      if (type.startsWith('xstate.')) continue;
      expect(Object.keys(m.events), `add ${type} events to test/agents/model.test.ts`).toContain(type);
    }
  });

  it('every state is reachable from some start', () => {
    for (const s of stateNames.filter((x) => !transient.includes(x))) expect([...edges.keys()], `state ${s}`).toContain(s);
  });

  it('the only dead ends are the intended final states', () => {
    const deadEnds = [...edges.keys()].filter((s) => [...reachableFrom(edges, s)].length === 1).sort();
    expect(deadEnds).toEqual([...m.terminal].sort());
  });

  it('each shortest path, replayed through the engine\'s Agent wrapper, lands in the state the graph predicts', () => {
    let replayed = 0;
    for (const e of explored) {
      for (const path of e.paths) {
        const agent = new Agent(m.machine, e.input);
        for (const step of path.steps.slice(1)) agent.send(step.event as never);
        expect(agent.state).toBe(String(path.state.value));
        replayed += 1;
      }
    }
    expect(replayed).toBeGreaterThan(stateNames.length - transient.length - 1);
  });
});

describe('the rules as facts of the machines\' graphs', () => {
  const valuesFrom = (m: Model, input: unknown, noRuleEvents = true) => {
    const model: Model = noRuleEvents ? { ...m, events: { ...m.events, RULES: [] } } : m;
    return new Set(Object.values(explore(model, input).adjacency).map((a) => String(a.state.value)));
  };
  it('R09: with the Vilnius line on, Lithuania never talks transit nor opens it unless the world already has it open', () => {
    const lt = MODELS.lithuania!;
    // Only a scenario event can open transit behind Lithuania's back; without one the world shows it closed.
    const closedWorld: Model = { ...lt, events: { ...lt.events, OBSERVE: lt.events.OBSERVE!.filter((e) => !(e as unknown as { view: { transitOpen: boolean } }).view.transitOpen) } };
    for (const threatening of [false, true]) {
      const reached = valuesFrom(closedWorld, { params: params.lithuania, rules: {}, transitOpen: false, threatening });
      expect(reached.has('talking')).toBe(false);
      expect(reached.has('transitOpen')).toBe(false);
      expect(valuesFrom(lt, { params: params.lithuania, rules: {}, transitOpen: false, threatening }).has('talking')).toBe(false);
    }
    expect(valuesFrom(MODELS.lithuania!, { params: params.lithuania, rules: { R09: false }, transitOpen: false, threatening: false }).has('transitOpen')).toBe(true);
  });
  it('R10: with R10 off, Lithuania never comes to threaten confiscation', () => {
    expect(valuesFrom(MODELS.lithuania!, { params: params.lithuania, rules: { R10: false }, transitOpen: false, threatening: false }).has('threatening')).toBe(false);
    expect(valuesFrom(MODELS.lithuania!, { params: params.lithuania, rules: {}, transitOpen: false, threatening: false }).has('threatening')).toBe(true);
  });
  it('R12: with R12 on, the EU only abstains; off, it can offer and ease', () => {
    expect([...valuesFrom(MODELS.eu!, { params: params.eu, rules: {} })]).toEqual(['abstaining']);
    expect(valuesFrom(MODELS.eu!, { params: params.eu, rules: { R12: false } })).toEqual(new Set(['watching', 'offering', 'eased']));
  });
  it('R02: the US negotiates only during a visit, and a visit follows engagement, a prepay or a cooled-off wave', () => {
    for (const input of MODELS.us!.inputs) {
      const { adjacency } = explore(MODELS.us!, input);
      for (const { state, transitions } of Object.values(adjacency)) {
        for (const t of Object.values(transitions)) {
          if (String(t.state.value) === 'visiting' && String(state.value) !== 'visiting') expect(['engaged', 'prepaid', 'cooling']).toContain(String(state.value));
          if (t.event.type === 'DEAL' && String(state.value) !== 'visiting') expect(String(t.state.value)).toBe(String(state.value));
        }
      }
    }
  });
  it('R01: after a wave the US does not visit again before the cooling-off months have passed', () => {
    const agent = new Agent(usMachine, { params: params.us, rules: {}, interest: 0.9 });
    const observe = { type: 'OBSERVE', view: { interest: 0.9, talks: 'advancing', canPrepay: false, hasRelief: true, visitDraw: LOW, stopDraw: HIGH } } as const;
    agent.send(observe);
    expect(agent.state).toBe('visiting');
    agent.send({ type: 'DEAL' });
    expect(agent.state).toBe('cooling');
    for (let month = 1; month <= params.us.cooldownMonths; month++) {
      agent.send(observe);
      expect(agent.state, `month ${month} after the wave`).toBe('cooling');
    }
    agent.send(observe);
    expect(agent.state).toBe('visiting');
  });
  it('R01: a scripted wave (a scenario `deal`) restarts the cooling-off as a deal does, whatever the state', () => {
    for (const input of MODELS.us!.inputs) {
      const { adjacency } = explore(MODELS.us!, input);
      for (const { state, transitions } of Object.values(adjacency)) {
        for (const t of Object.values(transitions)) {
          if (t.event.type !== 'WAVE') continue;
          expect(Number(t.state.context.monthsSinceDeal)).toBe(0);
          expect(t.state.context.prepaid).toBe(false);
          expect(String(t.state.value)).toBe(String(state.value) === 'disengaged' ? 'disengaged' : 'cooling');
        }
      }
    }
  });
  it('R07: Poland sits down only while its prisoner is held', () => {
    const agent = new Agent(polandMachine, { params: params.poland, rules: {} });
    agent.send({ type: 'OBSERVE', view: { priorityHeld: false, roundDraw: LOW } });
    expect(agent.state).toBe('waiting');
    agent.send({ type: 'OBSERVE', view: { priorityHeld: true, roundDraw: LOW } });
    expect(agent.state).toBe('bargaining');
  });
});
