/**
 * The US envoy. It engages while the file interests it (R06) and the peace talks allow (R13),
 * pays a small concession up front (R02), negotiates only during a visit to Minsk (R02), and
 * cools off after each wave (R01). Prices and values live in src/rules/us-valuation.ts.
 */
import { assign, setup } from 'xstate';
import type { UsParams } from '../scenario/schema.js';
import type { TalksState } from '../world/types.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';

export interface UsObservation {
  readonly interest: number;
  readonly talks: TalksState;
  /** A small enough US relief item is still active (R02). */
  readonly canPrepay: boolean;
  /** Something the US could still give. */
  readonly hasRelief: boolean;
  readonly visitDraw: number;
  readonly stopDraw: number;
}

export type UsEvent =
  | { type: 'OBSERVE'; view: UsObservation }
  | { type: 'DEAL' }
  | { type: 'NO_DEAL' }
  /** A scripted wave on the US track (a scenario `deal`): the cooling-off restarts as after a deal (R01). */
  | { type: 'WAVE' }
  /** A scenario event switched rules on or off (src/simulation/events.ts). */
  | { type: 'RULES'; rules: RuleSwitches };

export interface UsInput {
  readonly params: UsParams;
  readonly rules: RuleSwitches;
  readonly interest: number;
}

export interface UsContext extends UsInput {
  readonly prepaid: boolean;
  /** Months since the last US deal, counted at each observation (large before the first). */
  readonly monthsSinceDeal: number;
}

const NEVER = 1_000_000;

/** R01: this month is more than `cooldownMonths` after the last wave; with R01 off, no cooling-off. */
const cooledDown = (context: UsContext): boolean => !isOn(context.rules, 'R01') || context.monthsSinceDeal + 1 > context.params.cooldownMonths;

const view = (event: UsEvent): UsObservation | null => (event.type === 'OBSERVE' ? event.view : null);

export const usMachine = setup({
  types: { context: {} as UsContext, events: {} as UsEvent, input: {} as UsInput },
  guards: {
    /** R06: interest high enough to work the file at all. */
    interested: ({ context }) => !isOn(context.rules, 'R06') || context.interest >= context.params.walkAwayInterest,
    /** R13: while talks have failed, the dialogue may stop. */
    dialogueStops: ({ context, event }) => {
      const v = view(event);
      return !!v && isOn(context.rules, 'R13') && v.talks === 'failed' && v.stopDraw < context.params.stopOnFailure;
    },
    /** R06: as profile runs out the US walks away; with nothing left to give it has no file. */
    interestGone: ({ context, event }) => {
      const v = view(event);
      if (!v) return false;
      return !v.hasRelief || (isOn(context.rules, 'R06') && v.interest < context.params.walkAwayInterest);
    },
    /** R06 + R13: a disengaged US comes back when interest recovers and talks have not failed. */
    reengages: ({ context, event }) => {
      const v = view(event);
      if (!v || !v.hasRelief) return false;
      const talksAllow = !isOn(context.rules, 'R13') || v.talks !== 'failed';
      return talksAllow && (!isOn(context.rules, 'R06') || v.interest >= context.params.reengageInterest);
    },
    /** R02: a small concession comes first, once per wave. */
    needsPrepay: ({ context, event }) => {
      const v = view(event);
      return !!v && isOn(context.rules, 'R02') && !context.prepaid && v.canPrepay;
    },
    /**
     * R02: a deal needs an envoy visit (with R02 off the US can deal any month); R01: and not
     * before the cooling-off months after the last wave have passed, whatever happened meanwhile.
     */
    visitArranged: ({ context, event }) => {
      const v = view(event);
      return !!v && v.hasRelief && cooledDown(context) && (!isOn(context.rules, 'R02') || v.visitDraw < context.params.visitChance);
    },
    cooledDown: ({ context }) => cooledDown(context),
    /**
     * R01 off: no thaw cycle. The envoy stays on after a wave and bargains again the next month,
     * with no new visit to arrange (as long as the US has relief left to give).
     */
    staysOn: ({ context, event }) => {
      const v = view(event);
      return !!v && v.hasRelief && !isOn(context.rules, 'R01');
    },
  },
  actions: {
    /** Every observation: remember the interest seen and count the month. */
    noteInterest: assign({
      interest: ({ context, event }) => view(event)?.interest ?? context.interest,
      monthsSinceDeal: ({ context }) => context.monthsSinceDeal + 1,
    }),
    markPrepaid: assign({ prepaid: true }),
    startCooling: assign({ prepaid: false, monthsSinceDeal: 0 }),
    /** A scenario event switched rules mid-run: guards read them from here from now on. */
    takeRules: assign({ rules: ({ context, event }) => (event.type === 'RULES' ? event.rules : context.rules) }),
  },
}).createMachine({
  id: 'us',
  context: ({ input }) => ({ ...input, prepaid: false, monthsSinceDeal: NEVER }),
  initial: 'deciding',
  states: {
    deciding: {
      always: [{ guard: 'interested', target: 'engaged' }, { target: 'disengaged' }],
    },
    disengaged: {
      meta: { rules: ['R06', 'R13'], summary: 'not working the Belarus file' },
      on: {
        OBSERVE: [{ guard: 'reengages', target: 'engaged', actions: 'noteInterest' }, { actions: 'noteInterest' }],
        RULES: { actions: 'takeRules' },
        WAVE: { actions: 'startCooling' },
      },
    },
    engaged: {
      meta: { rules: ['R06', 'R13'], summary: 'working the file, no visit yet' },
      on: {
        OBSERVE: [
          { guard: 'dialogueStops', target: 'disengaged', actions: 'noteInterest' },
          { guard: 'interestGone', target: 'disengaged', actions: 'noteInterest' },
          { guard: 'needsPrepay', target: 'prepaid', actions: ['noteInterest', 'markPrepaid'] },
          { guard: 'visitArranged', target: 'visiting', actions: 'noteInterest' },
          { actions: 'noteInterest' },
        ],
        RULES: { actions: 'takeRules' },
        WAVE: { target: 'cooling', actions: 'startCooling' },
      },
    },
    prepaid: {
      meta: { rules: ['R02'], summary: 'has paid a small concession up front' },
      on: {
        OBSERVE: [
          { guard: 'dialogueStops', target: 'disengaged', actions: 'noteInterest' },
          { guard: 'interestGone', target: 'disengaged', actions: 'noteInterest' },
          { guard: 'visitArranged', target: 'visiting', actions: 'noteInterest' },
          { actions: 'noteInterest' },
        ],
        RULES: { actions: 'takeRules' },
        WAVE: { target: 'cooling', actions: 'startCooling' },
      },
    },
    visiting: {
      meta: { rules: ['R02'], summary: 'the envoy is in Minsk negotiating' },
      on: { DEAL: { target: 'cooling', actions: 'startCooling' }, WAVE: { target: 'cooling', actions: 'startCooling' }, NO_DEAL: { target: 'engaged' }, RULES: { actions: 'takeRules' } },
    },
    cooling: {
      meta: { rules: ['R01'], summary: 'a wave is done; cooling off before the next' },
      on: {
        OBSERVE: [
          { guard: 'dialogueStops', target: 'disengaged', actions: 'noteInterest' },
          { guard: 'staysOn', target: 'visiting', actions: 'noteInterest' },
          { guard: 'visitArranged', target: 'visiting', actions: 'noteInterest' },
          { guard: 'cooledDown', target: 'engaged', actions: 'noteInterest' },
          { actions: 'noteInterest' },
        ],
        RULES: { actions: 'takeRules' },
        WAVE: { actions: 'startCooling' },
      },
    },
  },
});
