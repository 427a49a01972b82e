/**
 * The generic negotiator of a track a scenario declares: one machine per declared track,
 * parameterised by the track's protocol settings, stepped like the five. It waits until the track
 * opens (its world condition, and a deal on the track it follows), then sits down by chance each
 * month; a deal settles the track, no deal sends it back to waiting.
 */
import { setup } from 'xstate';

export interface NegotiatorObservation {
  /** The track's opening condition holds this month. */
  readonly open: boolean;
  readonly roundDraw: number;
}

export type NegotiatorEvent =
  | { type: 'OBSERVE'; view: NegotiatorObservation }
  | { type: 'DEAL' }
  | { type: 'NO_DEAL' };

export interface NegotiatorInput {
  /** The declared track's id. */
  readonly track: string;
  /** Monthly chance of a round while the track is open (`protocol.chance`). */
  readonly chance: number;
}

export const negotiatorMachine = setup({
  types: { context: {} as NegotiatorInput, events: {} as NegotiatorEvent, input: {} as NegotiatorInput },
  guards: {
    /** The track is open and a round is arranged this month. */
    roundArranged: ({ context, event }) => event.type === 'OBSERVE' && event.view.open && event.view.roundDraw < context.chance,
  },
}).createMachine({
  id: 'negotiator',
  context: ({ input }) => input,
  initial: 'waiting',
  states: {
    waiting: {
      meta: { rules: [], summary: 'waiting for the track to open and a round to be arranged' },
      on: { OBSERVE: { guard: 'roundArranged', target: 'bargaining' } },
    },
    bargaining: {
      meta: { rules: [], summary: 'bargaining under the declared protocol' },
      on: { DEAL: { target: 'settled' }, NO_DEAL: { target: 'waiting' } },
    },
    settled: {
      meta: { rules: [], summary: 'the track\'s deal is struck' },
    },
  },
});
