/**
 * Warsaw. Its one aim here is Poczobut, and only its own track can free him (R07): from time to
 * time it sits down with Minsk; a deal settles the matter.
 */
import { setup } from 'xstate';
import type { PolandParams } from '../scenario/schema.js';
import type { RuleSwitches } from '../rules/switches.js';

export interface PolandObservation {
  /** Someone only Poland can buy is still held. */
  readonly priorityHeld: boolean;
  readonly roundDraw: number;
}

export type PolandEvent =
  | { type: 'OBSERVE'; view: PolandObservation }
  | { type: 'DEAL' }
  | { type: 'NO_DEAL' };

export interface PolandInput {
  readonly params: PolandParams;
  readonly rules: RuleSwitches;
}

export const polandMachine = setup({
  types: { context: {} as PolandInput, events: {} as PolandEvent, input: {} as PolandInput },
  guards: {
    /** R07: a Warsaw–Minsk round happens by chance while Poland's person is held. */
    roundArranged: ({ context, event }) =>
      event.type === 'OBSERVE' && event.view.priorityHeld && event.view.roundDraw < context.params.talkChance,
  },
}).createMachine({
  id: 'poland',
  context: ({ input }) => input,
  initial: 'waiting',
  states: {
    waiting: {
      meta: { rules: ['R07'], summary: 'waiting for a round with Minsk' },
      on: { OBSERVE: { guard: 'roundArranged', target: 'bargaining' } },
    },
    bargaining: {
      meta: { rules: ['R07'], summary: 'bargaining with Minsk over Poczobut' },
      on: { DEAL: { target: 'settled' }, NO_DEAL: { target: 'waiting' } },
    },
    settled: {
      meta: { rules: ['R07'], summary: 'its priority prisoner is free' },
    },
  },
});
