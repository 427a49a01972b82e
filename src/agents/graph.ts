/**
 * An agent's machine as a plain graph, read from its XState definition: states (with the rules
 * and summary each cites in its `meta`), and the transitions between them with their event and
 * named guard. Diagrams are drawn from this description (src/report/diagram.ts), so they cannot
 * drift from the machines that decide a run.
 */
import type { AnyStateMachine } from 'xstate';
import type { RuleId } from '../rules/ids.js';
import { AGENT_IDS, type AgentId, type PartyId } from '../simulation/trace.js';
import { AGENTS } from './index.js';
import { negotiatorMachine } from './negotiator.js';

export interface GraphState {
  readonly id: string;
  /** A state the machine passes through at once (an `always` choice), never rests in. */
  readonly transient: boolean;
  readonly summary: string;
  readonly rules: readonly RuleId[];
}

export interface GraphTransition {
  readonly from: string;
  readonly to: string;
  /** The machine event, or `always` for a choice made at once. */
  readonly event: string;
  /** The named guard that must hold, or null when the transition is the fallback. */
  readonly guard: string | null;
}

export interface MachineGraph {
  /** One of the five, `negotiator` (the generic machine), or a declared actor's id. */
  readonly agent: PartyId;
  readonly name: string;
  readonly initial: string;
  readonly states: readonly GraphState[];
  readonly transitions: readonly GraphTransition[];
}

interface NodeView {
  readonly key: string;
  readonly meta?: { readonly rules?: readonly RuleId[]; readonly summary?: string };
  readonly transitions: ReadonlyMap<string, readonly TransitionView[]>;
  readonly always?: readonly TransitionView[];
}

interface TransitionView {
  readonly guard?: unknown;
  readonly target?: readonly { readonly key: string }[];
}

const guardName = (guard: unknown): string | null => {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return 'guard';
};

/** Only transitions that change state: actions-only transitions (counting, taking rules) are left out. */
function edges(from: string, event: string, list: readonly TransitionView[]): GraphTransition[] {
  const out: GraphTransition[] = [];
  for (const t of list) {
    const to = t.target?.[0]?.key;
    if (to === undefined || to === from) continue;
    out.push({ from, to, event, guard: guardName(t.guard) });
  }
  return out;
}

export function graphOfMachine(agent: PartyId, name: string, machine: AnyStateMachine): MachineGraph {
  const nodes = Object.values(machine.root.states as Record<string, NodeView>);
  const states: GraphState[] = nodes.map((n) => ({
    id: n.key,
    transient: (n.always?.length ?? 0) > 0,
    summary: n.meta?.summary ?? '',
    rules: n.meta?.rules ?? [],
  }));
  const transitions: GraphTransition[] = [];
  for (const n of nodes) {
    if (n.always) transitions.push(...edges(n.key, 'always', n.always));
    for (const [event, list] of n.transitions) transitions.push(...edges(n.key, event, list));
  }
  const initial = String(machine.config.initial ?? states[0]?.id ?? '');
  return { agent, name, initial, states, transitions };
}

export { AGENT_IDS };

/** Every agent's graph, in the order reports show them. */
export function agentGraphs(): (Omit<MachineGraph, 'agent'> & { readonly agent: AgentId })[] {
  return AGENT_IDS.map((id) => ({ ...graphOfMachine(id, AGENTS[id].name, AGENTS[id].machine), agent: id }));
}

/** The generic negotiator of declared tracks, as `thaw diagram negotiator` draws it. */
export const NEGOTIATOR_ID = 'negotiator';
export const negotiatorGraph = (): MachineGraph => graphOfMachine(NEGOTIATOR_ID, 'Generic negotiator (declared tracks)', negotiatorMachine);

/** Each actor a scenario declares, as its negotiator machine: the report draws them after the five. */
export function actorGraphs(actors: readonly { readonly id: string; readonly name: string }[]): MachineGraph[] {
  return actors.map((a) => graphOfMachine(a.id, a.name, negotiatorMachine));
}
