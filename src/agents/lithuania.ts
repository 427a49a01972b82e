/**
 * Vilnius. It holds the Klaipėda key and concedes nothing while R09 holds; incidents push it to
 * threaten confiscation of Belarusian assets (R10). With R09 switched off it will talk transit
 * once relations are calm enough.
 */
import { assign, setup } from 'xstate';
import type { LithuaniaParams } from '../scenario/schema.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';

export interface LithuaniaObservation {
  readonly hostility: number;
  readonly transitOpen: boolean;
  readonly talkDraw: number;
  /** A staged deal of Vilnius's own is still waiting for its payment, the Klaipėda opening (R21). */
  readonly awaitingPayment?: boolean;
}

export type LithuaniaEvent =
  | { type: 'OBSERVE'; view: LithuaniaObservation }
  /** `staged`: agreed in batches (R21), Klaipėda opens once the first batch is verified. */
  | { type: 'DEAL'; staged?: boolean }
  | { type: 'NO_DEAL' }
  /** A scenario event switched rules on or off (src/simulation/events.ts). */
  | { type: 'RULES'; rules: RuleSwitches };

export interface LithuaniaInput {
  readonly params: LithuaniaParams;
  readonly rules: RuleSwitches;
  readonly transitOpen: boolean;
  /** The confiscation threat already stands at the start. */
  readonly threatening: boolean;
}

const view = (event: LithuaniaEvent): LithuaniaObservation | null => (event.type === 'OBSERVE' ? event.view : null);

/** Hysteresis: the threat is dropped only well below the level that raised it. */
const THREAT_RELEASE_MARGIN = 0.15;

export const lithuaniaMachine = setup({
  types: { context: {} as LithuaniaInput, events: {} as LithuaniaEvent, input: {} as LithuaniaInput },
  guards: {
    startsOpen: ({ context }) => context.transitOpen,
    startsThreatening: ({ context }) => context.threatening,
    /** R10: enough hostility brings the confiscation threat. */
    threatWarranted: ({ context, event }) => {
      const v = view(event);
      return !!v && isOn(context.rules, 'R10') && v.hostility >= context.params.confiscationThreshold;
    },
    threatLapses: ({ context, event }) => {
      const v = view(event);
      return !!v && v.hostility < context.params.confiscationThreshold - THREAT_RELEASE_MARGIN;
    },
    /** R09: only with the Vilnius line switched off, and relations calm enough, does it talk. */
    /** A scenario event opened or closed Klaipėda: the machine follows the world. */
    transitOpenedElsewhere: ({ event }) => view(event)?.transitOpen === true,
    transitClosedElsewhere: ({ event }) => view(event)?.transitOpen === false,
    stagedDeal: ({ event }) => event.type === 'DEAL' && event.staged === true,
    /** R21/R22: the staged deal ended before Vilnius paid (either side reneged). */
    dealFellThrough: ({ event }) => view(event)?.awaitingPayment === false,
    opensTalks: ({ context, event }) => {
      const v = view(event);
      return !!v && !isOn(context.rules, 'R09') && !v.transitOpen
        && v.hostility <= context.params.openingHostility && v.talkDraw < context.params.talkChance;
    },
  },
  actions: {
    /** A scenario event switched rules mid-run: guards read them from here from now on. */
    takeRules: assign({ rules: ({ context, event }) => (event.type === 'RULES' ? event.rules : context.rules) }),
  },
}).createMachine({
  id: 'lithuania',
  context: ({ input }) => input,
  initial: 'deciding',
  states: {
    deciding: {
      always: [{ guard: 'startsOpen', target: 'transitOpen' }, { guard: 'startsThreatening', target: 'threatening' }, { target: 'hardline' }],
    },
    hardline: {
      meta: { rules: ['R09'], summary: 'no concessions; Klaipėda closed' },
      on: {
        OBSERVE: [
          { guard: 'transitOpenedElsewhere', target: 'transitOpen' },
          { guard: 'threatWarranted', target: 'threatening' },
          { guard: 'opensTalks', target: 'talking' },
        ],
        RULES: { actions: 'takeRules' },
      },
    },
    threatening: {
      meta: { rules: ['R10'], summary: 'threatening to confiscate Belarusian assets' },
      on: {
        OBSERVE: [
          { guard: 'transitOpenedElsewhere', target: 'transitOpen' },
          { guard: 'opensTalks', target: 'talking' },
          { guard: 'threatLapses', target: 'hardline' },
        ],
        RULES: { actions: 'takeRules' },
      },
    },
    talking: {
      meta: { rules: ['R09'], summary: 'talking transit with Minsk' },
      on: { DEAL: [{ guard: 'stagedDeal', target: 'verifying' }, { target: 'transitOpen' }], NO_DEAL: { target: 'hardline' }, RULES: { actions: 'takeRules' } },
    },
    verifying: {
      meta: { rules: ['R21'], summary: 'deal agreed; Klaipėda opens once the first batch is verified' },
      on: {
        OBSERVE: [{ guard: 'transitOpenedElsewhere', target: 'transitOpen' }, { guard: 'dealFellThrough', target: 'hardline' }],
        RULES: { actions: 'takeRules' },
      },
    },
    transitOpen: {
      meta: { rules: ['R09', 'R08'], summary: 'Klaipėda open to Belarusian potash' },
      on: { OBSERVE: { guard: 'transitClosedElsewhere', target: 'hardline' }, RULES: { actions: 'takeRules' } },
    },
  },
});
