/**
 * The stepper (src/agents/step.ts) at its two edges. It must take its fast path exactly where that
 * is provably XState's behaviour, and hand every other step to XState. A step taken fast leaves no
 * XState snapshot behind (`snapshot: null`), so the path is observable. The equivalence suite
 * (test/simulation/agent-step.test.ts) shows the results agree; this one shows that the five
 * agents really are stepped fast, and that a machine with features the fast path does not model
 * (entry actions, eventless transitions, guard combinators, parameterised actions, wildcards) is
 * stepped by XState and still agrees with a live actor.
 */
import { describe, expect, it } from 'vitest';
import { and, assign, createActor, not, setup, type AnyStateMachine } from 'xstate';
import { handles, initialState, step, type MachineState } from '../../src/agents/step.js';
import { belarusMachine } from '../../src/agents/belarus.js';
import { usMachine } from '../../src/agents/us.js';
import { lithuaniaMachine } from '../../src/agents/lithuania.js';
import { polandMachine } from '../../src/agents/poland.js';
import { euMachine } from '../../src/agents/eu.js';
import { scenario } from '../support/scenarios.js';

type Ctx = { n: number; k: number };
/** Any machine's event, as the tests write them. */
type AnyEvent = { type: string; [field: string]: unknown };
type Ev = { type: 'INC'; by: number } | { type: 'GO' } | { type: 'BACK' } | { type: 'PING' } | { type: 'JUMP' } | { type: 'WILD' } | { type: 'ADD2' } | { type: 'LEAVE' } | { type: 'DEC' };

/**
 * A flat machine with one state of each kind the stepper must tell apart. Each test builds its own:
 * the stepper compiles a machine once and caches it, and a fresh machine makes every test compile
 * (and so check) the stepper's decisions anew.
 */
const makeProbe = () => setup({
  types: { context: {} as Ctx, events: {} as Ev },
  guards: {
    positive: ({ event }) => event.type === 'INC' && event.by > 0,
    small: ({ context }) => context.n < 3,
    atLeast: ({ context }, params: { min: number }) => context.n >= params.min,
  },
  actions: {
    add: assign({ n: ({ context, event }) => context.n + (event.type === 'INC' ? event.by : 0) }),
    reset: assign({ n: 0, k: 7 }),
    bump: assign(({ context }) => ({ k: context.k * 2 + 1 })),
    addBy: assign({ n: ({ context }, params: { by: number }) => context.n + params.by }),
  },
}).createMachine({
  id: 'probe',
  initial: 'idle',
  context: { n: 0, k: 0 },
  states: {
    // Fast: named guards (one with params), object and function assigns, in document order.
    idle: {
      on: {
        INC: [{ guard: 'positive', actions: ['add', 'bump'] }, { actions: 'reset' }],
        PING: { guard: { type: 'atLeast', params: { min: 2 } }, target: 'ready' },
        GO: 'entering',
        JUMP: 'passing',
        WILD: 'wild',
        ADD2: 'params',
        BACK: { target: 'idle', reenter: true, actions: 'bump' },
      },
    },
    ready: { on: { BACK: 'idle', INC: { actions: 'add' }, LEAVE: 'leaving' } },
    // XState only, one feature per state, so that each is checked on its own:
    // guard combinators,
    combined: { on: { INC: { guard: and(['small', 'positive']), actions: 'add' }, DEC: { guard: not('small'), actions: 'reset' }, BACK: 'idle' } },
    // an entry action (also reached from idle, so that step hands the target over),
    entering: { entry: 'bump', on: { BACK: 'idle', GO: 'combined' } },
    // an exit action,
    leaving: { exit: 'bump', on: { BACK: 'idle' } },
    // an eventless transition straight back,
    passing: { always: { target: 'idle', actions: 'bump' } },
    // a wildcard,
    wild: { on: { '*': { actions: 'bump' }, BACK: 'idle' } },
    // an action with params.
    params: { on: { INC: { actions: { type: 'addBy', params: { by: 2 } } }, BACK: 'idle' } },
  },
});

const live = (machine: AnyStateMachine, input?: unknown) => {
  const actor = createActor(machine, input === undefined ? undefined : { input } as never);
  actor.start();
  return actor;
};

/** Steps both ways and checks they agree; returns the stepped state. */
function both(machine: AnyStateMachine, state: MachineState<AnyStateMachine>, actor: ReturnType<typeof live>, event: AnyEvent) {
  const next = step(machine, state, event as never);
  actor.send(event as never);
  const snap = actor.getSnapshot();
  expect(next.value, JSON.stringify(event)).toBe(snap.value);
  expect(next.context).toEqual(snap.context);
  return next;
}

describe('the fast path, where it is exact', () => {
  it('named guards in document order, object and function assigns in sequence, a guard with params', () => {
    const probe = makeProbe();
    const actor = live(probe);
    let s = initialState(probe, undefined as never);
    expect(s.snapshot).not.toBeNull();
    s = both(probe, s, actor, { type: 'INC', by: 2 });
    // add then bump: n 0 + 2; bump sees the context add left (k 0 → 1).
    expect(s).toEqual({ value: 'idle', context: { n: 2, k: 1 }, snapshot: null });
    s = both(probe, s, actor, { type: 'INC', by: 0 });
    expect(s).toEqual({ value: 'idle', context: { n: 0, k: 7 }, snapshot: null });
    // PING needs n >= 2: not enabled, the very same state comes back.
    expect(step(probe, s, { type: 'PING' })).toBe(s);
    actor.send({ type: 'PING' });
    s = both(probe, s, actor, { type: 'INC', by: 2 });
    s = both(probe, s, actor, { type: 'PING' });
    expect(s.value).toBe('ready');
    expect(s.snapshot).toBeNull();
    s = both(probe, s, actor, { type: 'BACK' });
    s = both(probe, s, actor, { type: 'BACK' });
    expect(s).toMatchObject({ value: 'idle', snapshot: null });
  });

  it('handles(): a fast state answers for its own events only; an XState state for every event', () => {
    const probe = makeProbe();
    const idle = initialState(probe, undefined as never);
    expect(handles(probe, idle, 'INC')).toBe(true);
    expect(handles(probe, idle, 'NOPE')).toBe(false);
    const wild = step(probe, idle, { type: 'WILD' });
    expect(wild.value).toBe('wild');
    expect(handles(probe, wild, 'NOPE')).toBe(true);
  });

  it('steps every agent machine fast, from every state it reaches', () => {
    const p = scenario('base').agents;
    const agents: [AnyStateMachine, unknown, AnyEvent[]][] = [
      [belarusMachine, { params: p.belarus, rules: {}, escalating: true },
        [{ type: 'OBSERVE', incidentDraw: 0 }, { type: 'COMMIT_CALM' }, { type: 'OBSERVE', incidentDraw: 0.9 }, { type: 'RELAPSE' }, { type: 'RULES', rules: { R10: false } }]],
      [usMachine, { params: p.us, rules: {}, interest: 0.75 }, [
        { type: 'OBSERVE', view: { interest: 0.75, talks: 'stalled', canPrepay: true, hasRelief: true, visitDraw: 0, stopDraw: 0.9 } },
        { type: 'OBSERVE', view: { interest: 0.75, talks: 'stalled', canPrepay: false, hasRelief: true, visitDraw: 0, stopDraw: 0.9 } },
        { type: 'DEAL' },
        { type: 'OBSERVE', view: { interest: 0.1, talks: 'failed', canPrepay: false, hasRelief: true, visitDraw: 0.9, stopDraw: 0 } },
        { type: 'OBSERVE', view: { interest: 0.9, talks: 'advancing', canPrepay: false, hasRelief: true, visitDraw: 0, stopDraw: 0.9 } },
        { type: 'NO_DEAL' }, { type: 'RULES', rules: { R02: false } }]],
      [lithuaniaMachine, { params: p.lithuania, rules: { R09: false }, transitOpen: false, threatening: false }, [
        { type: 'OBSERVE', view: { hostility: 0.95, transitOpen: false, talkDraw: 0.9 } },
        { type: 'OBSERVE', view: { hostility: 0.1, transitOpen: false, talkDraw: 0 } }, { type: 'NO_DEAL' },
        { type: 'OBSERVE', view: { hostility: 0.1, transitOpen: false, talkDraw: 0 } }, { type: 'DEAL' }]],
      [polandMachine, { params: p.poland, rules: {} }, [
        { type: 'OBSERVE', view: { priorityHeld: true, roundDraw: 0 } }, { type: 'NO_DEAL' },
        { type: 'OBSERVE', view: { priorityHeld: true, roundDraw: 0 } }, { type: 'DEAL' }]],
      [euMachine, { params: p.eu, rules: { R12: false } }, [
        { type: 'OBSERVE', view: { releasedSoFar: 500, hasActiveSanction: true, reviewDraw: 0 } }, { type: 'NO_DEAL' },
        { type: 'OBSERVE', view: { releasedSoFar: 500, hasActiveSanction: true, reviewDraw: 0 } }, { type: 'DEAL' }]],
    ];
    for (const [machine, input, events] of agents) {
      const actor = live(machine, input);
      let s: MachineState<AnyStateMachine> = initialState(machine, input as never);
      const visited = new Set([s.value]);
      for (const e of events) {
        const before = s;
        s = both(machine, s, actor, e);
        visited.add(s.value);
        if (s !== before) expect(s.snapshot, `${machine.id} ${before.value} --${e.type}--> ${s.value}`).toBeNull();
      }
      // Each sequence walks through more than its start state, so the check above saw real steps.
      expect(visited.size, machine.id).toBeGreaterThan(1);
      actor.stop();
    }
  });
});

describe('XState\'s own step, wherever the fast path would not be exact', () => {
  const cases: [string, Ev[], string][] = [
    ['a transition into a state with an entry action (its entry runs)', [{ type: 'GO' }], 'entering'],
    ['guard combinators (and, not)', [{ type: 'GO' }, { type: 'GO' }, { type: 'INC', by: 1 }, { type: 'INC', by: 2 }, { type: 'INC', by: 1 }, { type: 'DEC' }], 'combined'],
    ['a transition out of a state with an exit action (its exit runs)', [{ type: 'INC', by: 2 }, { type: 'PING' }, { type: 'LEAVE' }, { type: 'BACK' }], 'idle'],
    ['an eventless transition (taken at once, with its action)', [{ type: 'INC', by: 1 }, { type: 'JUMP' }], 'idle'],
    ['a wildcard transition', [{ type: 'WILD' }, { type: 'PING' }, { type: 'INC', by: 3 }], 'wild'],
    ['an action with params', [{ type: 'ADD2' }, { type: 'INC', by: 9 }], 'params'],
  ];
  it.each(cases)('%s', (_, events, end) => {
    const probe = makeProbe();
    const actor = live(probe);
    let s = initialState(probe, undefined as never);
    for (const e of events) s = both(probe, s, actor, e);
    expect(s.value).toBe(end);
    // XState took the last step: its snapshot is kept.
    expect(s.snapshot).not.toBeNull();
  });

  it('the reached contexts are XState\'s: entry, eventless and parameterised actions all ran', () => {
    const probe = makeProbe();
    const run = (events: Ev[]) => {
      let s = initialState(probe, undefined as never);
      for (const e of events) s = step(probe, s, e);
      return s.context;
    };
    expect(run([{ type: 'GO' }])).toEqual({ n: 0, k: 1 });
    expect(run([{ type: 'INC', by: 1 }, { type: 'JUMP' }])).toEqual({ n: 1, k: 3 });
    expect(run([{ type: 'ADD2' }, { type: 'INC', by: 9 }])).toEqual({ n: 2, k: 0 });
    expect(run([{ type: 'WILD' }, { type: 'PING' }])).toEqual({ n: 0, k: 1 });
  });

  it('a state left by XState steps fast again (the stepper resolves no snapshot it does not need)', () => {
    const probe = makeProbe();
    let s = initialState(probe, undefined as never);
    s = step(probe, s, { type: 'GO' });
    expect(s.snapshot).not.toBeNull();
    s = step(probe, s, { type: 'BACK' });
    expect(s.value).toBe('idle');
    s = step(probe, s, { type: 'INC', by: 1 });
    expect(s.snapshot).toBeNull();
    // From a fast state (no snapshot) into an XState-only state: the snapshot is rebuilt.
    s = step(probe, s, { type: 'WILD' });
    expect(s).toMatchObject({ value: 'wild', context: { n: 1, k: 3 } });
    expect(s.snapshot).not.toBeNull();
  });

  it('a machine in error, or one that is not flat, is refused with XState\'s error or a plain one', () => {
    const failing = setup({ guards: { broken: () => { throw new Error('guard failed'); } } }).createMachine({
      initial: 'a', states: { a: { on: { BOOM: { guard: and(['broken']), target: 'b' } } }, b: {} },
    });
    expect(() => step(failing, initialState(failing, undefined as never), { type: 'BOOM' })).toThrow('guard failed');
    const nested = setup({}).createMachine({ initial: 'outer', states: { outer: { initial: 'inner', states: { inner: {} } } } });
    expect(() => initialState(nested, undefined as never)).toThrow('only flat machines');
  });
});
