/**
 * Brussels. While R12 holds it abstains and its sanctions stand. With R12 off it reviews its
 * sanctions once enough prisoners are out, and offers relief for further releases.
 */
import { assign, setup } from 'xstate';
import type { EuParams } from '../scenario/schema.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';

export interface EuObservation {
  readonly releasedSoFar: number;
  readonly hasActiveSanction: boolean;
  readonly reviewDraw: number;
  /** A staged deal of Brussels' own is still waiting for its payment (R21): no new round before it is paid. */
  readonly awaitingPayment?: boolean;
}

export type EuEvent =
  | { type: 'OBSERVE'; view: EuObservation }
  | { type: 'DEAL' }
  | { type: 'NO_DEAL' }
  /** A scenario event switched rules on or off (src/simulation/events.ts). */
  | { type: 'RULES'; rules: RuleSwitches };

export interface EuInput {
  readonly params: EuParams;
  readonly rules: RuleSwitches;
}

export const euMachine = setup({
  types: { context: {} as EuInput, events: {} as EuEvent, input: {} as EuInput },
  guards: {
    abstains: ({ context }) => isOn(context.rules, 'R12'),
    nothingLeft: ({ event }) => event.type === 'OBSERVE' && !event.view.hasActiveSanction,
    /** With R12 off: enough releases, a review this month, and no staged deal of its own unpaid (R21). */
    reviewDue: ({ context, event }) =>
      event.type === 'OBSERVE' && event.view.releasedSoFar >= context.params.releaseThreshold
      && event.view.reviewDraw < context.params.reviewChance && event.view.awaitingPayment !== true,
    /** A scenario event switched R12 off: the EU joins the thaw from now on. */
    joinsThaw: ({ event }) => event.type === 'RULES' && !isOn(event.rules, 'R12'),
    /** A scenario event switched R12 back on: the EU stands aside again. */
    leavesThaw: ({ event }) => event.type === 'RULES' && isOn(event.rules, 'R12'),
  },
  actions: {
    /** A scenario event switched rules mid-run: guards read them from here from now on. */
    takeRules: assign({ rules: ({ context, event }) => (event.type === 'RULES' ? event.rules : context.rules) }),
  },
}).createMachine({
  id: 'eu',
  context: ({ input }) => input,
  initial: 'deciding',
  states: {
    deciding: { always: [{ guard: 'abstains', target: 'abstaining' }, { target: 'watching' }] },
    abstaining: {
      meta: { rules: ['R12'], summary: 'outside the thaw; sanctions stand' },
      on: { RULES: [{ guard: 'joinsThaw', target: 'watching', actions: 'takeRules' }, { actions: 'takeRules' }] },
    },
    watching: {
      meta: { rules: ['R12', 'R01'], summary: 'watching releases before it moves' },
      on: {
        OBSERVE: [
          { guard: 'nothingLeft', target: 'eased' },
          { guard: 'reviewDue', target: 'offering' },
        ],
        RULES: [{ guard: 'leavesThaw', target: 'abstaining', actions: 'takeRules' }, { actions: 'takeRules' }],
      },
    },
    offering: {
      meta: { rules: ['R01'], summary: 'offering relief for releases' },
      on: { DEAL: { target: 'watching' }, NO_DEAL: { target: 'watching' }, RULES: { actions: 'takeRules' } },
    },
    eased: { meta: { rules: ['R01'], summary: 'has lifted all it will' }, on: { RULES: { actions: 'takeRules' } } },
  },
});
