/**
 * The agents are stepped without an actor runtime (src/agents/step.ts). This checks that stepping
 * is XState's own behaviour: after every event of long random sequences, the stepped agent is in
 * the same state with the same context as a live XState actor of the same machine.
 */
import { createActor, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { Agent } from '../../src/agents/index.js';
import { belarusMachine } from '../../src/agents/belarus.js';
import { usMachine } from '../../src/agents/us.js';
import { lithuaniaMachine } from '../../src/agents/lithuania.js';
import { polandMachine } from '../../src/agents/poland.js';
import { euMachine } from '../../src/agents/eu.js';
import { createRng, type Rng } from '../../src/simulation/rng.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import { scenario } from '../support/scenarios.js';

const TALKS = ['advancing', 'stalled', 'failed', 'frozen'] as const;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
const randomRules = (rng: Rng): RuleSwitches => {
  const rules: Record<string, boolean> = {};
  for (const id of ['R02', 'R06', 'R09', 'R10', 'R12', 'R13']) if (rng.next() < 0.3) rules[id] = false;
  return rules;
};

interface Case {
  readonly name: string;
  readonly machine: AnyStateMachine;
  input(rng: Rng): unknown;
  event(rng: Rng): { type: string };
}

const s = scenario('base');
const cases: Case[] = [
  {
    name: 'belarus', machine: belarusMachine,
    input: (rng) => ({ params: s.agents.belarus, rules: randomRules(rng), escalating: rng.next() < 0.7 }),
    event: (rng) => pick(rng, [
      { type: 'OBSERVE', incidentDraw: rng.next() }, { type: 'OBSERVE', incidentDraw: rng.next() },
      { type: 'COMMIT_CALM' }, { type: 'RELAPSE' }, { type: 'RULES', rules: randomRules(rng) },
    ]),
  },
  {
    name: 'us', machine: usMachine,
    input: (rng) => ({ params: { ...s.agents.us, cooldownMonths: Math.floor(rng.next() * 3) }, rules: randomRules(rng), interest: rng.next() }),
    event: (rng) => pick(rng, [
      { type: 'OBSERVE', view: { interest: rng.next(), talks: pick(rng, TALKS), canPrepay: rng.next() < 0.5, hasRelief: rng.next() < 0.9, visitDraw: rng.next(), stopDraw: rng.next() } },
      { type: 'OBSERVE', view: { interest: rng.next(), talks: pick(rng, TALKS), canPrepay: rng.next() < 0.5, hasRelief: true, visitDraw: rng.next(), stopDraw: rng.next() } },
      { type: 'DEAL' }, { type: 'NO_DEAL' }, { type: 'RULES', rules: randomRules(rng) },
    ]),
  },
  {
    name: 'lithuania', machine: lithuaniaMachine,
    input: (rng) => ({ params: s.agents.lithuania, rules: randomRules(rng), transitOpen: rng.next() < 0.2, threatening: rng.next() < 0.3 }),
    event: (rng) => pick(rng, [
      { type: 'OBSERVE', view: { hostility: rng.next(), transitOpen: rng.next() < 0.2, talkDraw: rng.next() } },
      { type: 'DEAL' }, { type: 'NO_DEAL' }, { type: 'RULES', rules: randomRules(rng) },
    ]),
  },
  {
    name: 'poland', machine: polandMachine,
    input: (rng) => ({ params: s.agents.poland, rules: randomRules(rng) }),
    event: (rng) => pick(rng, [{ type: 'OBSERVE', view: { priorityHeld: rng.next() < 0.8, roundDraw: rng.next() } }, { type: 'DEAL' }, { type: 'NO_DEAL' }]),
  },
  {
    name: 'eu', machine: euMachine,
    input: (rng) => ({ params: { ...s.agents.eu, releaseThreshold: Math.floor(rng.next() * 200) }, rules: randomRules(rng) }),
    event: (rng) => pick(rng, [
      { type: 'OBSERVE', view: { releasedSoFar: Math.floor(rng.next() * 400), hasActiveSanction: rng.next() < 0.8, reviewDraw: rng.next() } },
      { type: 'DEAL' }, { type: 'NO_DEAL' }, { type: 'RULES', rules: randomRules(rng) },
    ]),
  },
];

describe('stepped agents behave as live XState actors', () => {
  it.each(cases)('$name: same state and context after every event', (c) => {
    const rng = createRng(`agent-step:${c.name}`);
    for (let sequence = 0; sequence < 60; sequence++) {
      const input = c.input(rng);
      const actor = createActor(c.machine, { input } as never);
      actor.start();
      const agent = new Agent(c.machine, input);
      const resumed = new Agent(c.machine, null, agent.position);
      expect(agent.state).toBe(String(actor.getSnapshot().value));
      for (let k = 0; k < 40; k++) {
        const event = c.event(rng);
        actor.send(event as never);
        agent.send(event as never);
        resumed.send(event as never);
        const live = actor.getSnapshot();
        expect(agent.state, `${c.name} after ${JSON.stringify(event)}`).toBe(String(live.value));
        expect(agent.context).toEqual(live.context);
        expect(resumed.state).toBe(agent.state);
      }
      actor.stop();
    }
  });
});
