/**
 * Stepping an agent's XState machine without a live actor, because a simulation steps five
 * machines a dozen times per run and thousands of runs per second.
 *
 * The machine stays the source of every decision: its state nodes say which transitions exist,
 * its named guards choose between them and its named `assign` actions update the context. What
 * this module skips is the actor runtime around them (mailbox, observers, and a full XState
 * macrostep that computes exit/entry sets and clones snapshots, ≈ 5–10 µs per event).
 *
 * It does so only where that is provably the same: a flat machine whose states have no entry or
 * exit actions, no invocations, no delayed or eventless transitions; transitions with at most one
 * sibling target, guards that are plain named functions, and actions that are named `assign`s.
 * Every other state (or event) takes XState's own `machine.transition` with a reused actor scope,
 * so behaviour is XState's in all cases. test/agents-step (equivalence with a real actor) and the
 * golden runs in bench/golden.mjs check this.
 */
import {
  createActor, type ActorScope, type AnyMachineSnapshot, type AnyStateMachine, type ContextFrom, type EventFromLogic,
  type InputFrom, type SnapshotFrom,
} from 'xstate';

type Fn = (...args: never[]) => unknown;

/** One compiled transition: XState's definition, with its guard and assignments resolved once. */
interface FastTransition {
  readonly guard: ((args: { context: unknown; event: unknown }, params: unknown) => unknown) | null;
  readonly guardParams: unknown;
  readonly target: string | null;
  readonly assignments: readonly Assignment[];
}

type Assignment =
  | { readonly kind: 'function'; readonly fn: Fn }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, unknown])[] };

/** Per state: event type → candidate transitions in document order, or null when only XState can step it. */
type StateTable = ReadonlyMap<string, readonly FastTransition[]> | null;

interface Compiled {
  readonly scope: ActorScope<AnyMachineSnapshot, never>;
  readonly states: ReadonlyMap<string, StateTable>;
}

const compiledMachines = new WeakMap<AnyStateMachine, Compiled>();

interface StateNodeView {
  readonly key: string;
  readonly type: string;
  readonly parent?: unknown;
  readonly entry: readonly unknown[];
  readonly exit: readonly unknown[];
  readonly invoke: readonly unknown[];
  readonly after: readonly unknown[];
  readonly always?: readonly unknown[];
  readonly transitions: ReadonlyMap<string, readonly TransitionView[]>;
}

interface TransitionView {
  readonly guard?: unknown;
  readonly target?: readonly { readonly key: string; readonly parent?: unknown }[];
  readonly actions: readonly unknown[];
  readonly reenter?: boolean;
}

const namedRef = (ref: unknown): { name: string; params: unknown } | null => {
  if (typeof ref === 'string') return { name: ref, params: undefined };
  if (ref && typeof ref === 'object' && 'type' in ref && typeof ref.type === 'string') {
    const params = 'params' in ref ? ref.params : undefined;
    if (typeof params === 'function') return null;
    return { name: ref.type, params };
  }
  return null;
};

function compileTransition(machine: AnyStateMachine, root: unknown, t: TransitionView): FastTransition | null {
  let guard: FastTransition['guard'] = null;
  let guardParams: unknown;
  if (t.guard !== undefined) {
    const ref = namedRef(t.guard);
    const impl = ref ? (machine.implementations.guards as Record<string, unknown>)[ref.name] : undefined;
    // Built-in combinators (and/or/not/stateIn) carry a `check`; leave those to XState.
    if (!ref || typeof impl !== 'function' || 'check' in impl) return null;
    guard = impl as FastTransition['guard'];
    guardParams = ref.params;
  }
  const targets = t.target ?? [];
  if (targets.length > 1) return null;
  const target = targets[0] ?? null;
  if (target && target.parent !== root) return null;
  const assignments: Assignment[] = [];
  for (const a of t.actions) {
    const ref = namedRef(a);
    if (!ref || ref.params !== undefined) return null;
    const impl: unknown = (machine.implementations.actions as Record<string, unknown>)[ref.name];
    if (typeof impl !== 'function') return null;
    // XState's `assign(...)` is a function object tagged with its type and carrying the assignment.
    const { type, assignment } = impl as unknown as { type?: unknown; assignment?: unknown };
    if (type !== 'xstate.assign') return null;
    if (typeof assignment === 'function') assignments.push({ kind: 'function', fn: assignment as Fn });
    else if (assignment && typeof assignment === 'object') assignments.push({ kind: 'object', entries: Object.entries(assignment) });
    else return null;
  }
  return { guard, guardParams, target: target ? target.key : null, assignments };
}

function compileState(machine: AnyStateMachine, root: unknown, node: StateNodeView): StateTable {
  if (node.type !== 'atomic' || node.entry.length || node.exit.length || node.invoke.length || node.after.length || node.always) return null;
  const table = new Map<string, FastTransition[]>();
  for (const [descriptor, transitions] of node.transitions) {
    if (descriptor.includes('*')) return null;
    const compiled: FastTransition[] = [];
    for (const t of transitions) {
      const c = compileTransition(machine, root, t);
      if (!c) return null;
      compiled.push(c);
    }
    table.set(descriptor, compiled);
  }
  return table;
}

function compile(machine: AnyStateMachine): Compiled {
  const found = compiledMachines.get(machine);
  if (found) return found;
  // An actor that is never started: it only lends the scope its system and `self`.
  const self = createActor(machine as never, undefined as never);
  const scope = {
    self, id: '', sessionId: '', system: self.system,
    logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {},
    actionExecutor: (action: { exec?: (info: unknown, params: unknown) => void; info: unknown; params: unknown }) => action.exec?.(action.info, action.params),
  } as unknown as ActorScope<AnyMachineSnapshot, never>;
  const root = machine.root as unknown as { states: Record<string, StateNodeView> };
  const states = new Map<string, StateTable>();
  for (const [key, node] of Object.entries(root.states)) states.set(key, compileState(machine, root, node));
  const compiled: Compiled = { scope, states };
  compiledMachines.set(machine, compiled);
  return compiled;
}

/** Where a stepped machine is: its state and context, and XState's snapshot when it has one. */
export interface MachineState<M extends AnyStateMachine> {
  readonly value: string;
  readonly context: ContextFrom<M>;
  /** XState's own snapshot; absent after fast steps (rebuilt by `resolveState` when needed). */
  readonly snapshot: SnapshotFrom<M> | null;
}

function fromSnapshot<M extends AnyStateMachine>(snapshot: SnapshotFrom<M>): MachineState<M> {
  const s = snapshot as unknown as { status: string; error: unknown; value: unknown; context: ContextFrom<M> };
  if (s.status === 'error') throw s.error instanceof Error ? s.error : new Error(String(s.error));
  if (typeof s.value !== 'string') throw new Error('only flat machines can be stepped (state value is not a string)');
  return { value: s.value, context: s.context, snapshot };
}

/** The machine's initial state for `input`, computed by XState (eventless transitions included). */
export function initialState<M extends AnyStateMachine>(machine: M, input: InputFrom<M>): MachineState<M> {
  const { scope } = compile(machine);
  return fromSnapshot<M>(machine.getInitialSnapshot(scope as never, input) as SnapshotFrom<M>);
}

/** Whether the current state has any transition for `eventType` (else the event changes nothing). */
export function handles<M extends AnyStateMachine>(machine: M, state: MachineState<M>, eventType: string): boolean {
  const table = compile(machine).states.get(state.value);
  if (table === undefined || table === null) return true;
  return table.has(eventType);
}

/** The machine's next state after `event`: the same as a live actor's snapshot after `send(event)`. */
export function step<M extends AnyStateMachine>(machine: M, state: MachineState<M>, event: EventFromLogic<M>): MachineState<M> {
  const compiled = compile(machine);
  const table = compiled.states.get(state.value);
  if (table) {
    const chosen = enabledTransition(table, state, event);
    // No enabled transition: XState returns the snapshot unchanged.
    if (chosen === undefined) return state;
    if (chosen.target === null || compiled.states.get(chosen.target)) return applyFast(compiled, chosen, state, event);
    // The target needs XState (entry actions, eventless transitions…): let XState take the step.
  }
  const snapshot = state.snapshot ?? (machine.resolveState({ value: state.value, context: state.context }) as SnapshotFrom<M>);
  return fromSnapshot<M>(machine.transition(snapshot, event, compiled.scope as never) as SnapshotFrom<M>);
}

/** The enabled transition, or undefined when none is (XState's document-order, first-guard-wins rule). */
function enabledTransition(table: NonNullable<StateTable>, state: MachineState<AnyStateMachine>, event: { type: string }): FastTransition | undefined {
  const candidates = table.get(event.type);
  if (!candidates) return undefined;
  for (const t of candidates) {
    if (t.guard === null || t.guard({ context: state.context, event }, t.guardParams)) return t;
  }
  return undefined;
}

function applyFast<M extends AnyStateMachine>(compiled: Compiled, t: FastTransition, state: MachineState<M>, event: { type: string }): MachineState<M> {
  let context = state.context as Record<string, unknown>;
  for (const a of t.assignments) {
    // As XState's assign: each assignment sees the context the previous one left, and merges over it.
    const args = { context, event, self: compiled.scope.self, system: compiled.scope.system };
    let update: Record<string, unknown>;
    if (a.kind === 'function') update = a.fn(args as never) as Record<string, unknown>;
    else {
      update = {};
      for (const [key, value] of a.entries) update[key] = typeof value === 'function' ? (value as Fn)(args as never) : value;
    }
    // A spread keeps the context's shape (Object.assign onto {} would rebuild it key by key).
    const next: Record<string, unknown> = { ...context };
    for (const key in update) next[key] = update[key];
    context = next;
  }
  return { value: t.target ?? state.value, context: context as ContextFrom<M>, snapshot: null };
}
