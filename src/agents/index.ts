/**
 * The five agents, each an XState machine with its metadata (who it is, which rules it carries),
 * so that tests and docs can treat every agent by one harness.
 */
import { createActor, type Actor, type AnyStateMachine, type ContextFrom } from 'xstate';
import type { RuleId } from '../rules/ids.js';
import type { AgentId } from '../simulation/trace.js';
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
 * A started actor that fails loudly: an error inside a machine is rethrown at the `send` that
 * caused it, instead of surfacing later as an unhandled actor error.
 */
export class Agent<M extends AnyStateMachine> {
  private readonly actor: Actor<M>;
  private failure: unknown = null;

  constructor(machine: M, input: unknown) {
    this.actor = createActor(machine, { input } as never);
    this.actor.subscribe({ error: (error) => { this.failure = error; } });
    this.actor.start();
    this.check();
  }

  send(event: Parameters<Actor<M>['send']>[0]): void {
    this.actor.send(event);
    this.check();
  }

  get state(): string {
    return String(this.snapshot().value);
  }

  get context(): ContextFrom<M> {
    return this.snapshot().context;
  }

  private snapshot(): { value: unknown; context: ContextFrom<M> } {
    return this.actor.getSnapshot() as unknown as { value: unknown; context: ContextFrom<M> };
  }

  stop(): void {
    this.actor.stop();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure instanceof Error ? this.failure : new Error(String(this.failure));
  }
}
