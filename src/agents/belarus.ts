/**
 * Lukashenko's regime, as far as its posture toward Lithuania goes: escalating (balloons, detained
 * lorry drivers, R10) or calm after committing to stop (R11). What it releases and for how much is
 * valuation, in src/rules/value-match.ts and src/rules/routes.ts.
 */
import { assign, setup } from 'xstate';
import type { BelarusParams } from '../scenario/schema.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';

export type BelarusEvent =
  | { type: 'OBSERVE'; incidentDraw: number }
  | { type: 'COMMIT_CALM' }
  | { type: 'RELAPSE' }
  /** A scenario event switched rules on or off (src/simulation/events.ts). */
  | { type: 'RULES'; rules: RuleSwitches };

export interface BelarusInput {
  readonly params: BelarusParams;
  readonly rules: RuleSwitches;
  readonly escalating: boolean;
}

export interface BelarusContext extends BelarusInput {
  readonly incidents: number;
}

export const belarusMachine = setup({
  types: { context: {} as BelarusContext, events: {} as BelarusEvent, input: {} as BelarusInput },
  guards: {
    startsEscalating: ({ context }) => context.escalating,
    /** R10: while escalating, a balloon launch or a detention happens by chance each month. */
    incidentDrawn: ({ context, event }) =>
      event.type === 'OBSERVE' && isOn(context.rules, 'R10') && event.incidentDraw < context.params.balloonChance,
  },
  actions: {
    countIncident: assign({ incidents: ({ context }) => context.incidents + 1 }),
    /** A scenario event switched rules mid-run: guards read them from here from now on. */
    takeRules: assign({ rules: ({ context, event }) => (event.type === 'RULES' ? event.rules : context.rules) }),
  },
}).createMachine({
  id: 'belarus',
  context: ({ input }) => ({ ...input, incidents: 0 }),
  initial: 'deciding',
  states: {
    deciding: { always: [{ guard: 'startsEscalating', target: 'escalating' }, { target: 'calm' }] },
    escalating: {
      meta: { rules: ['R10', 'R05'], summary: 'pressing Lithuania with balloons and detentions' },
      on: {
        OBSERVE: { guard: 'incidentDrawn', actions: 'countIncident' },
        COMMIT_CALM: { target: 'calm' },
        RULES: { actions: 'takeRules' },
      },
    },
    calm: {
      meta: { rules: ['R11'], summary: 'has stopped the balloons' },
      on: { RELAPSE: { target: 'escalating' }, RULES: { actions: 'takeRules' } },
    },
  },
});
