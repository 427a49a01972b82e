/**
 * The five agents, each an XState machine with its metadata (who it is, which rules it carries),
 * so that tests and docs can treat every agent by one harness.
 */
import type { AnyStateMachine, ContextFrom, EventFromLogic, InputFrom } from 'xstate';
import { initialState, step, type MachineState } from './step.js';
import type { RuleId } from '../rules/ids.js';
import type { AgentId, AgentMove, PartyId } from '../simulation/trace.js';
import { usMachine } from './us.js';
import { belarusMachine } from './belarus.js';
import { lithuaniaMachine } from './lithuania.js';
import { polandMachine } from './poland.js';
import { euMachine } from './eu.js';

export interface AgentInfo {
  readonly id: AgentId;
  readonly name: string;
  readonly summary: string;
  readonly rules: readonly RuleId[];
  readonly machine: AnyStateMachine;
}

export const AGENTS: Readonly<Record<AgentId, AgentInfo>> = {
  belarus: {
    id: 'belarus', name: 'Lukashenko\'s regime', machine: belarusMachine,
    summary: 'Trades prisoners for relief that pays, chooses deportation routes, presses or calms Lithuania.',
    rules: ['R01', 'R03', 'R05', 'R08', 'R10', 'R11', 'R14', 'R16', 'R17'],
  },
  us: {
    id: 'us', name: 'US envoy', machine: usMachine,
    summary: 'Buys high-profile releases with US sanctions relief while the file and the peace talks make it worthwhile.',
    rules: ['R01', 'R02', 'R04', 'R06', 'R13', 'R14', 'R15', 'R16'],
  },
  lithuania: {
    id: 'lithuania', name: 'Lithuania', machine: lithuaniaMachine,
    summary: 'Holds the Klaipėda key, concedes nothing while the Vilnius line holds, answers incidents with threats.',
    rules: ['R09', 'R10', 'R11'],
  },
  poland: {
    id: 'poland', name: 'Poland', machine: polandMachine,
    summary: 'Bargains bilaterally for Andrzej Poczobut, the one prisoner only Warsaw can free.',
    rules: ['R07'],
  },
  eu: {
    id: 'eu', name: 'European Union', machine: euMachine,
    summary: 'Keeps its far weightier sanctions unless a scenario lets it join the thaw.',
    rules: ['R12', 'R01'],
  },
};

/**
 * An agent's machine being stepped through a run. It behaves as a started XState actor would
 * (same states, same context after each event, errors thrown at the `send` that caused them) but
 * steps the machine without an actor runtime: see ./step.ts for why and how.
 */
export class Agent<M extends AnyStateMachine> {
  private current: MachineState<M>;

  /**
   * `start` skips computing the initial state again when a caller has it already (one per scenario).
   * `moves`, when given, is a log (shared by a run's agents, so it keeps their order) to which every
   * change of state is appended: the trace shows the states a month passed through, not only its end.
   */
  /** `who` names the agent in `moves` (a declared actor's negotiator goes by the actor's id). */
  constructor(
    private readonly machine: M, input: unknown, start?: MachineState<M>, private readonly moves: AgentMove[] | null = null,
    private readonly who: PartyId = machine.id as AgentId,
  ) {
    this.current = start ?? initialState(machine, input as InputFrom<M>);
  }

  send(event: EventFromLogic<M>): void {
    const before = this.current;
    this.current = step(this.machine, before, event);
    if (this.moves && this.current.value !== before.value) {
      this.moves.push({ agent: this.who, from: before.value, to: this.current.value, event: (event as { type: string }).type });
    }
  }

  get state(): string {
    return this.current.value;
  }

  get context(): ContextFrom<M> {
    return this.current.context;
  }

  /** Where the machine is now; a later `new Agent(machine, input, agent.position)` resumes from it. */
  get position(): MachineState<M> {
    return this.current;
  }

  /** Nothing runs in the background, so there is nothing to stop; kept for callers that stop agents. */
  stop(): void {}
}
