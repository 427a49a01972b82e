/**
 * The scenario language, one source of truth: the loader validates with it, the types below are
 * inferred from it, and `docs/scenario.schema.json` is generated from it.
 * Every parameter carries its default, its range and the rule it tunes.
 */
import { z } from 'zod';
import { DEPORTATION_ROUTES, ISSUERS, ROUTES, TALKS_STATES } from '../world/types.js';
import { RULE_IDS } from '../rules/ids.js';
import { BUILT_IN_TRACKS } from '../simulation/trace.js';
import type { UncertainInput } from './uncertain.js';
import { round3 } from '../simulation/round.js';

// One scenario is checked per command: zod's compiled fast path (built with new Function on the
// first parse) costs more than it saves for a single parse, and a sweep parses once too.
z.config({ jitless: true });

/** The negotiation tracks, party first (src/simulation/trace.ts). */
export const TRACK_IDS = BUILT_IN_TRACKS;

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const month = z.string().regex(MONTH_PATTERN, { message: 'expected a month as YYYY-MM, e.g. 2026-03' });
const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
/**
 * What one person is worth or costs, in relief points. The most valuable prisoner of the article
 * (the laureate) is worth 3; the bound keeps every sum over 100,000 people far from overflowing,
 * so that no valid file can turn results into Infinity or NaN.
 */
const perPerson = nonNegative.max(100);
/** Whole counts need no bound of their own: zod's int() already refuses anything past 2^53. */
const factor = (value: number, rule: string, description: string) =>
  z.number().min(0).max(10).default(value).describe(`${description} (${rule})`);
const share = (value: number, rule: string, description: string) =>
  probability.default(value).describe(`${description} (${rule})`);
const talksState = z.enum(TALKS_STATES);
const issuer = z.enum(ISSUERS);
const route = z.enum(ROUTES);
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lower-case id such as "journalists"' });
const sanctionId = z.string().regex(/^(us|eu|poland|lithuania)\.[a-z][a-z0-9-]*$/, {
  message: 'expected a sanction id that starts with its issuer, e.g. "us.potash" or "eu.trade"',
});

/* ---------- the initial world ---------- */

export const cohortSchema = z.strictObject({
  id: id.describe('names the cohort in deals, events and `--set` paths'),
  label: z.string().min(1).describe('the cohort in words, for the story'),
  held: z.number().int().min(0).max(100_000).describe('how many are held at the start'),
  usProfile: perPerson.describe('what one release is worth to the US president (R06)'),
  belarusCost: perPerson.describe('what one release costs the regime as bargaining stock (R03)'),
  arrestShare: probability.optional().describe('share of `agents.belarus.arrestRate` arrested into this cohort; shares given must sum to 1 (default: in proportion to `held`) (R18)'),
  arrestRate: z.number().min(0).max(10_000).optional().describe('new arrests into this cohort a month, in place of its share of the overall rate (R18)'),
});

export const namedPrisonerSchema = z.strictObject({
  id: id.describe('names the person in deals, events and `--set` paths'),
  name: z.string().min(1).describe('full name, for the story'),
  status: z.enum(['held', 'released']).default('held').describe('held at the start, or already released'),
  route: route.nullable().default(null).describe('where a person already released was sent'),
  releasedIn: month.nullable().default(null).describe('when a person already released was freed'),
  usProfile: perPerson.default(0).describe('value of this release to the US (R06)'),
  belarusCost: perPerson.default(1).describe('cost of this release to the regime (R03)'),
  laureate: z.boolean().default(false).describe('a Nobel laureate: the US insists on Lithuania (R04)'),
  enemy: z.boolean().default(false).describe('a personal enemy of the regime, freed only at a premium (R17)'),
  onlyThrough: issuer.nullable().default(null).describe('only this party can buy the release (R07)'),
});

export const sanctionSchema = z.strictObject({
  id: sanctionId.describe('starts with its issuer: `us.`, `eu.`, `poland.` or `lithuania.`'),
  label: z.string().min(1).describe('the sanction in words, for the story'),
  kind: z.enum(['potash', 'other']).default('other').describe('potash relief is valued through logistics (R08)'),
  weight: nonNegative.max(1000).describe('economic weight for Belarus, in relief points (¶40)'),
  status: z.enum(['active', 'lifted']).default('active').describe('in force at the start, or already lifted'),
  changedIn: month.nullable().default(null).describe('when it was last imposed or lifted'),
});

export const worldSchema = z.strictObject({
  talks: talksState.default('stalled').describe('peace-talks state at the start (R13)'),
  usInterest: probability.default(0.75).describe('the US envoy\'s appetite for the file, 0..1 (R06)'),
  transitOpen: z.boolean().default(false).describe('Klaipėda transit for Belarusian potash (R08, R09)'),
  balloons: z.boolean().default(true).describe('Belarus sends weather balloons over Lithuania (R10)'),
  lorryDriversHeld: z.number().int().min(0).default(0).describe('Lithuanian lorry drivers held in Belarus (¶18)'),
  confiscationThreat: z.boolean().default(false).describe('Lithuania threatens to confiscate Belarusian assets (R10)'),
  hostility: z
    .strictObject({
      lithuania: probability.default(0.8).describe('Belarus–Lithuania hostility, 0 calm..1 open (R05, R10)'),
      poland: probability.default(0.5).describe('Belarus–Poland hostility (R07)'),
    })
    .prefault({}),
  trust: probability.default(0.7).describe('Minsk–Washington trust at the start, 0..1: three waves were carried out as agreed (R24)'),
  trustWith: z
    .strictObject({
      eu: probability.default(1).describe('Minsk–Brussels trust at the start (R24): 1, no deal between them kept or broken yet; the EU\'s asking price carries its caution'),
      lithuania: probability.default(1).describe('Minsk–Vilnius trust at the start (R24): 1, no deal between them kept or broken yet; the transit price carries Vilnius\'s caution'),
    })
    .prefault({})
    .describe('trust between Minsk and the other payers, 0..1; it rises with each step of a staged deal kept and falls when one is broken (R24)'),
  accepts: z
    .strictObject(Object.fromEntries(DEPORTATION_ROUTES.map((r) => [r, z.boolean().default(true).describe(`${r} takes deportees`)])) as Record<(typeof DEPORTATION_ROUTES)[number], z.ZodDefault<z.ZodBoolean>>)
    .prefault({})
    .describe('which neighbours take deportees; a release bound for one that does not goes elsewhere, or home (R19)'),
  cohorts: z.array(cohortSchema).min(1).describe('political prisoners held, by group; a child changes one by its id (¶25, ¶31)'),
  named: z.array(namedPrisonerSchema).default([]).describe('prisoners with their own value, by id (¶6, ¶32)'),
  sanctions: z.array(sanctionSchema).min(1).describe('sanctions with issuer and weight; a child changes one by its id (¶11, ¶28, ¶40)'),
}).superRefine((world, ctx) => {
  // R18: arrest shares, where given, split the whole overall rate.
  const given = world.cohorts.map((c, i) => [c.arrestShare, i] as const).filter(([x]) => x !== undefined);
  const sum = given.reduce((t, [x]) => t + (x ?? 0), 0);
  if (given.length > 0 && Math.abs(sum - 1) > 1e-6) {
    ctx.addIssue({ code: 'custom', path: ['cohorts', given[given.length - 1]![1], 'arrestShare'],
      message: `the cohorts' arrest shares sum to ${round3(sum)}, expected 1 (R18); give every cohort a share, or none to split by \`held\`` });
  }
});

/* ---------- the agents' parameters ---------- */

/**
 * A payer's staging terms (R21, R22): the batches its deals are carried out in, the months from a
 * batch to its verification and payment, and its chance of withholding the payment. The same
 * fields for Washington, Brussels and Vilnius; defaults per payer (docs/scenario-authoring.md).
 */
/** How a payer's trust in Minsk (R24) prices its asks and moves with each step kept or broken. */
const trustTerms = (asks: string) => ({
  trustWeight: share(0.5, 'R24', `how much distrust raises ${asks}`),
  trustGain: share(0.1, 'R24', 'trust gained by each batch delivered and each payment made'),
  trustLoss: share(0.35, 'R24', 'trust lost when either side reneges'),
});

const stagingTerms = (d: { who: string; payer: string; what: string; tranches: number; gap: number; base: number; talksFailed: number; incident: number }) => ({
  tranches: z.number().int().min(1).max(12).default(d.tranches).describe(`batches ${d.who} deal is carried out in; 1 is all at once (R21)`),
  trancheGapMonths: z.number().int().min(1).max(12).default(d.gap).describe('months from a batch to the verification and relief, and from there to the next batch (R21)'),
  renege: z.strictObject({
    base: share(d.base, 'R22', `chance that ${d.payer} withholds ${d.what} after a verified batch`),
    talksFailed: share(d.talksFailed, 'R22', 'added while the peace talks have failed'),
    incident: share(d.incident, 'R22', 'added in a month balloons fly over Lithuania'),
  }).prefault({}).describe(`${d.payer} breaking a staged deal (R22)`),
});

const byTalks = (values: Record<(typeof TALKS_STATES)[number], number>, rule: string, description: string) =>
  z
    .strictObject({
      advancing: z.number().min(0).max(10).default(values.advancing).describe('while the talks advance'),
      stalled: z.number().min(0).max(10).default(values.stalled).describe('while the talks stall'),
      failed: z.number().min(0).max(10).default(values.failed).describe('once the talks have failed'),
      frozen: z.number().min(0).max(10).default(values.frozen).describe('once the war is frozen'),
    })
    .prefault({})
    .describe(`${description} (${rule})`);

export const usParamsSchema = z
  .strictObject({
    pricePerWeight: factor(0.35, 'R06', 'political price to the US of one relief point it gives up'),
    talksFactor: byTalks({ advancing: 1.5, stalled: 1, failed: 0.35, frozen: 0.9 }, 'R13', 'US willingness by peace-talks state'),
    stopOnFailure: share(0.35, 'R13', 'monthly chance the US drops the dialogue while talks have failed'),
    visitChance: share(0.45, 'R02', 'monthly chance an envoy visit is arranged once the US is engaged'),
    prepayMaxWeight: factor(1.5, 'R02', 'largest relief item the US gives up front before a bigger exchange'),
    cooldownMonths: z.number().int().min(0).max(24).default(2).describe('months between waves (R01)'),
    interestDrift: share(0.25, 'R06', 'how fast US interest moves to what the remaining prisoners are worth to it'),
    interestFloor: share(0.2, 'R06', 'US interest kept even when nobody of profile is left'),
    walkAwayInterest: share(0.3, 'R06', 'below this interest the US walks away from the file'),
    reengageInterest: share(0.45, 'R06', 'interest at which a disengaged US comes back'),
    grandBargainInterest: share(0.55, 'R15', 'with talks advancing and interest above this, the US offers all its relief for all prisoners'),
    massReleaseBonus: factor(3, 'R15', 'extra value to the US of emptying the prisons at once'),
    sideOfferWeight: share(0.1, 'R16', 'how much the US counts Belarus\'s offers of help with Putin or Maduro'),
    frozenPriceCut: share(0.75, 'R14', 'what a prisoner buys from the US once the war is frozen, as a share'),
    // At least 1: an opening that asks for less than the reservation would give relief below it.
    askMarkup: z.number().min(1).max(10).default(1.3).describe('how much more than its reservation the US asks for in an opening offer (R06)'),
    exchanges: z.number().int().min(1).max(6).default(3).describe('Washington\'s offers per visit at most; Minsk\'s counters answer them and are not counted (R02)'),
    ...stagingTerms({ who: 'a US', payer: 'Washington', what: 'relief', tranches: 2, gap: 1, base: 0.03, talksFailed: 0.1, incident: 0.1 }),
    ...trustTerms('the releases the US asks per relief item'),
  })
  .prefault({});

export const belarusParamsSchema = z
  .strictObject({
    urgency: byTalks({ advancing: 1.35, stalled: 1, failed: 0.9, frozen: 0.85 }, 'R14', 'how much Belarus values relief now, by talks state'),
    scarcity: factor(0.6, 'R03', 'how much dearer each prisoner gets as the stock runs down'),
    enemyPremium: factor(1.6, 'R17', 'a personal enemy is released only when the package is worth this many times their cost'),
    topMatch: factor(1, 'R03', 'a top prisoner needs one relief item worth at least this many times their cost'),
    escalationHostility: share(0.5, 'R05', 'relations above this hostility count as escalating'),
    spiteShare: share(0.85, 'R05', 'share of deportees sent to Ukraine while relations escalate'),
    impulse: share(0.3, 'R05', 'chance the route is re-decided on impulse at the last moment'),
    balloonChance: share(0.5, 'R10', 'monthly chance of a balloon or lorry-driver incident while escalating'),
    moodSwing: share(0.15, 'R05', 'how much Minsk\'s valuation of an offer swings from one visit to the next'),
    calmingChance: share(0.6, 'R11', 'chance Belarus commits to stop the balloons as part of a US deal'),
    sideOffers: z.array(z.enum(['putin', 'maduro'])).default(['putin', 'maduro']).describe('help Belarus can offer the US (R16)'),
    // The open world (R18–R25), defaults from Viasna's 2024–2025 counts (docs/scenario-authoring.md#the-open-world).
    arrestRate: z.number().min(0).max(10_000).default(42).describe('new political prisoners a month, a Poisson mean (R18)'),
    arrestEscalationFactor: factor(1, 'R18', 'arrest rate multiplier while Minsk is escalating against Lithuania (1: arrests do not respond)'),
    pardonRate: z.number().min(0).max(10_000).default(21).describe('people pardoned outside any deal a month, a Poisson mean; they go home (R20)'),
    signalPardon: z.number().min(0).max(10_000).default(5).describe('extra pardons, a Poisson mean, in a month an envoy visits (R20)'),
    homeShare: share(0.02, 'R19', 'share of a deal\'s cohort releases freed at home rather than deported'),
    rearrestChance: share(0.005, 'R23', 'monthly chance that each person freed at home is jailed again'),
    termEndChance: share(0.02, 'R25', 'monthly chance that each person held in a cohort reaches the end of their sentence and walks out'),
    renege: z.strictObject({
      base: share(0.05, 'R22', 'chance a month that Minsk withholds a tranche it owes'),
      talksFailed: share(0.1, 'R22', 'added while the peace talks have failed'),
      distrust: share(0.2, 'R22', 'added in proportion to the distrust, 1 − trust'),
      shortfall: share(0.5, 'R22', 'added in proportion to how far the relief paid falls short of its worth when agreed (0 all of it … 1 none left)'),
    }).prefault({}).describe('Minsk breaking a staged deal (R22)'),
    renegeRearrestShare: share(0.5, 'R22', 'share of the deal\'s people freed at home whom Minsk re-arrests when it reneges'),
  })
  .prefault({});

export const lithuaniaParamsSchema = z
  .strictObject({
    hostilityPerIncident: share(0.08, 'R10', 'hostility added by each incident'),
    calmDecay: share(0.06, 'R11', 'hostility shed each month without incidents'),
    confiscationThreshold: share(0.9, 'R10', 'hostility at which Vilnius threatens to confiscate assets'),
    openingHostility: share(0.45, 'R09', 'with R09 off: the hostility below which Lithuania will trade transit'),
    transitPrice: factor(1.5, 'R09', 'with R09 off: value Lithuania asks for transit (drivers, calm, deportees)'),
    talkChance: share(0.5, 'R09', 'with R09 off: monthly chance Vilnius and Minsk talk'),
    valueOfCalm: factor(0.6, 'R11', 'what an end to the balloons is worth to Vilnius'),
    valuePerDriver: factor(0.02, 'R10', 'what each freed lorry driver is worth to Vilnius'),
    valuePerPrisoner: factor(0.004, 'R09', 'what each prisoner deported to Lithuania is worth to Vilnius'),
    // Klaipėda is a decision of Vilnius's government alone, taken within the month; in October 2025
    // it closed its border over the balloons, so an incident weighs heavily (docs/scenario-authoring.md).
    ...trustTerms('the price Vilnius asks for Klaipėda'),
    ...stagingTerms({ who: 'a Lithuania', payer: 'Vilnius', what: 'the Klaipėda opening', tranches: 2, gap: 1, base: 0.05, talksFailed: 0, incident: 0.4 }),
  })
  .prefault({});

export const polandParamsSchema = z
  .strictObject({
    talkChance: share(0.35, 'R07', 'monthly chance of a Warsaw–Minsk round over Poczobut'),
    concession: factor(4, 'R07', 'the most Warsaw will give for Poczobut, in relief points'),
    askNoise: share(0.2, 'R07', 'how much Minsk\'s asking price varies from round to round'),
  })
  .prefault({});

export const euParamsSchema = z
  .strictObject({
    releaseThreshold: z.number().int().min(0).default(150).describe('with R12 off: releases the EU waits for before it moves'),
    prisonersPerWeight: z.number().min(0).max(1000).default(12).describe('with R12 off: releases the EU asks per relief point (R12)'),
    acceptShare: share(0.6, 'R12', 'with R12 off: the smallest share of its ask the EU takes in a counter-offer'),
    reviewChance: share(0.5, 'R12', 'with R12 off: monthly chance the EU reviews its sanctions'),
    // Lifting needs a unanimous Council decision: months, not weeks, and any one member (Vilnius,
    // Warsaw) can hold it up, more so after an incident (docs/scenario-authoring.md).
    ...trustTerms('the releases Brussels asks per relief point'),
    ...stagingTerms({ who: 'an EU', payer: 'Brussels', what: 'the sanction it lifts', tranches: 2, gap: 3, base: 0.1, talksFailed: 0.05, incident: 0.2 }),
  })
  .prefault({});

export const agentParamsSchema = z
  .strictObject({
    us: usParamsSchema,
    belarus: belarusParamsSchema,
    lithuania: lithuaniaParamsSchema,
    poland: polandParamsSchema,
    eu: euParamsSchema,
  })
  .prefault({});

/** A row that names states but gives them all weight 0 leaves the talks nowhere to go; `{}` means "stay". */
const transitionRow = z.partialRecord(talksState, probability.describe('weight of moving to this state next month'))
  .refine((r) => Object.keys(r).length === 0 || Object.values(r).some((w) => (w ?? 0) > 0), {
    message: 'the weights of this transition row add up to 0, so the talks would have nowhere to go; give at least one state a weight above 0 (or write {} to stay)',
  });
const row = (from: string, value: Partial<Record<(typeof TALKS_STATES)[number], number>>) =>
  transitionRow.default(value).describe(`next-month distribution from ${from}; a child's row replaces this one whole (R13)`);
export const talksSchema = z
  .strictObject({
    advancing: row('advancing', { advancing: 0.75, stalled: 0.15, failed: 0.05, frozen: 0.05 }),
    stalled: row('stalled', { advancing: 0.12, stalled: 0.76, failed: 0.08, frozen: 0.04 }),
    failed: row('failed', { advancing: 0.05, stalled: 0.15, failed: 0.75, frozen: 0.05 }),
    frozen: row('frozen', { frozen: 1 }),
  })
  .prefault({})
  .describe('monthly peace-talks transition probabilities, row → next state (R13); rows are normalised');

export const rulesSwitchSchema = z
  .partialRecord(z.enum(RULE_IDS), z.boolean().describe('false switches the rule off (see `thaw rules`)'))
  .default({})
  .describe('rule switches, e.g. `R09: false`; every rule is on by default');

/* ---------- events: scheduled or conditional changes applied through the world's recipes ---------- */

const oneOrMore = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));
const bounds = z.strictObject({
  min: z.number().optional().describe('holds when the value is at least this'),
  max: z.number().optional().describe('holds when the value is at most this'),
});
const apply = z.literal(true, { message: 'write `true` to apply this effect (omit the key otherwise)' });

/** What must hold in the world, at the start of a month after the talks moved, for an event to fire. */
export const conditionSchema = z.strictObject({
  talks: oneOrMore(talksState).optional().describe('the peace talks are in this state (or one of these) (R13)'),
  balloons: z.boolean().optional().describe('balloons are (true) or are not (false) flying (R10, R11)'),
  transitOpen: z.boolean().optional().describe('Klaipėda transit is open (R08, R09)'),
  confiscationThreat: z.boolean().optional().describe('Vilnius\'s confiscation threat stands (R10)'),
  usInterest: bounds.optional().describe('US interest within bounds, e.g. `{ max: 0.4 }` (R06)'),
  hostility: z.strictObject({ lithuania: bounds.optional(), poland: bounds.optional() }).optional()
    .describe('hostility within bounds (R05, R10, R11)'),
  released: bounds.optional().describe('prisoners released during the run so far'),
  held: bounds.optional().describe('prisoners still held'),
  prisoners: z.record(id, z.enum(['held', 'released'])).optional().describe('named prisoner id → held or released'),
  sanctions: z.record(sanctionId, z.enum(['active', 'lifted'])).optional().describe('sanction id → active or lifted'),
  from: month.optional().describe('not before this month'),
  until: month.optional().describe('not after this month'),
});

/** Effects, named after the world recipes that carry them out; applied in this order. */
export const effectsSchema = z.strictObject({
  setTalks: talksState.optional().describe('move the peace talks to this state (R13)'),
  liftSanction: oneOrMore(sanctionId).optional().describe('lift these sanctions (R01, R08, R12)'),
  reimposeSanction: oneOrMore(sanctionId).optional().describe('reimpose these sanctions (R01)'),
  releaseNamed: z.record(id, route).optional().describe('named prisoner id → route: free them (R04, R05)'),
  releaseFromCohort: z.record(id, z.strictObject({ count: z.number().int().min(0), route })).optional()
    .describe('cohort id → { count, route }: free that many (R05)'),
  rearrestNamed: oneOrMore(id).optional().describe('send these named prisoners back to prison'),
  openTransit: apply.optional().describe('Lithuania opens Klaipėda transit (R08, R09)'),
  closeTransit: apply.optional().describe('Lithuania closes Klaipėda transit (R08, R09)'),
  stopBalloons: apply.optional().describe('Belarus stops the balloons and turns calm (R11)'),
  resumeBalloons: apply.optional().describe('Belarus resumes the balloons and escalates again (R10)'),
  recordIncident: z.strictObject({
    hostility: probability.default(0.08).describe('hostility added'),
    driversDetained: z.number().int().min(0).default(0).describe('Lithuanian lorry drivers detained'),
  }).optional().describe('a balloon launch or a detention (R10)'),
  freeLorryDrivers: apply.optional().describe('Belarus frees the detained lorry drivers (¶18)'),
  threatenConfiscation: z.boolean().optional().describe('Vilnius raises (true) or drops (false) its confiscation threat (R10)'),
  setHostility: z.strictObject({ lithuania: probability.optional(), poland: probability.optional() }).optional()
    .describe('set hostility outright (R05, R10)'),
  setUsInterest: probability.optional().describe('set the US envoy\'s interest (R06)'),
  setRules: z.partialRecord(z.enum(RULE_IDS), z.boolean()).optional()
    .describe('a stance change: switch rules on or off from this month, e.g. `{ R09: false }`'),
  arrest: z.record(id, z.number().int().min(0).max(100_000)).optional()
    .describe('cohort id → how many new political prisoners enter it (R18)'),
  pardon: z.record(id, z.strictObject({
    count: z.number().int().min(0).max(100_000).default(1).describe('how many (a named person counts once)'),
    route: route.default('home').describe('where they go; `home` is freed inside Belarus (R19)'),
  })).optional().describe('cohort or named prisoner id → { count, route }: released outside any deal (R20)'),
  reimpose: oneOrMore(sanctionId).optional().describe('snap these sanctions back (R22); the same as `reimposeSanction`'),
  deal: z.strictObject({
    track: z.enum(TRACK_IDS).default('us-belarus').describe('the track whose deal this is'),
    releases: z.record(id, z.number().int().min(1).max(100_000)).default({}).describe('cohort or named prisoner id → how many Minsk frees'),
    route: route.default('lithuania').describe('where the people go (R19)'),
    relief: z.union([sanctionId, z.array(sanctionId)]).transform((v): string[] => (Array.isArray(v) ? v : [v])).default([]).describe('sanctions the track\'s party lifts in return; its own only'),
    commitments: z.array(z.enum(['stop-balloons', 'free-lorry-drivers'])).default([]).describe('promises Minsk makes (R11)'),
  }).optional().describe('a scripted wave, carried out at once through the same path as a negotiated deal (R01)'),
});

export const eventSchema = z.strictObject({
  id: id.describe('names the event in traces; a child or branch replaces an event by its id'),
  text: z.string().min(1).optional().describe('what happened, in words, for the story'),
  at: month.optional().describe('scheduled: fires in this month only'),
  when: conditionSchema.optional().describe('conditional: fires in a month where all of these hold'),
  chance: probability.default(1).describe('probability it fires in a month where it is due; drawn from the run\'s seed'),
  repeat: z.boolean().default(false).describe('fire every month it is due (default: once per run)'),
  do: effectsSchema.describe('the effects, applied through the world\'s recipes'),
});

/* ---------- declared tracks: bilateral negotiations an analyst adds (src/negotiation/declared-track.ts) ---------- */

/**
 * A party of a declared track: one of the five agents, or an actor the scenario declares
 * (`actors:`). Which ids exist is checked against the whole file (src/scenario/references.ts).
 */
const party = id.describe('one of the five agents (belarus, us, lithuania, poland, eu) or an actor declared in `actors:`');

/**
 * An actor the scenario adds (a state, a mediator): a party to one declared track, run as a
 * generic negotiator machine. What it values, the least it takes and what it refuses are the
 * track's: its items' `worth`, `reservations` and `redLines` keyed by the actor's id.
 */
export const declaredActorSchema = z.strictObject({
  id: id.describe('names the actor in tracks, offers, deals and the months\' agent states; not one of the five'),
  name: z.string().min(1).max(40).describe('what the story calls it, e.g. "Kyiv"'),
  summary: z.string().min(1).max(300).optional().describe('who it is and what it wants, citing ¶ (shown by `thaw diagram` and the report)'),
});
/** What giving an item does to the world, through the world's recipes; most items only change values. */
export const ITEM_EFFECTS = ['openTransit', 'stopBalloons', 'freeLorryDrivers'] as const;

export const declaredItemSchema = z.strictObject({
  id: id.describe('names the item in offers and red lines'),
  label: z.string().min(1).max(80).optional().describe('the item in words, as the story says what was offered for what (default: its id), e.g. "more US troops"'),
  from: party.describe('the party that gives it'),
  worth: z.record(party, z.number().min(-100).max(100)).describe('party → what the item is worth to it, in relief points (negative: what giving it costs)'),
  effect: z.enum(ITEM_EFFECTS).optional().describe('what giving it does to the world, e.g. `openTransit` (then R08 counts it for potash)'),
});

export const declaredTrackSchema = z.strictObject({
  id: id.describe('names the track in offers, deals and `blocked.<track>.<kind>` metrics; not one of the four built in'),
  title: z.string().min(1).optional().describe('the track in words'),
  parties: z.tuple([party, party]).describe('the two parties, proposer first'),
  rules: z.array(z.enum(RULE_IDS)).min(1).describe('the rules the track bears on, cited by its offers and deals (e.g. R08 when an item opens transit)'),
  items: z.array(declaredItemSchema).max(10).default([]).describe('the issue space: what each party can put on the table (at most 10 items)'),
  reservations: z.record(party, z.number().min(-100).max(100)).default({}).describe('party → the least a package must be worth to it (default 0: no worse than no deal)'),
  redLines: z.array(z.strictObject({
    rule: z.enum(RULE_IDS).describe('the rule that draws the line; it binds while the rule is on'),
    party: party.describe('the party that refuses'),
    item: id.describe('the item it refuses to see in any package'),
  })).default([]).describe('constraints apart from value'),
  protocol: z.strictObject({
    exchanges: z.number().int().min(1).max(12).default(4).describe('offers per round at most, the parties taking turns (the deadline)'),
    concession: probability.default(0.25).describe('how far each party\'s aspiration falls per exchange, as a share of the way from its best package to its reservation'),
    chance: probability.default(0.5).describe('monthly chance a round is held while the track is open'),
  }).prefault({}).describe('the concession strategy and the deadline'),
  opens: z.strictObject({
    when: conditionSchema.optional().describe('a world condition, as for events'),
    afterDeal: id.optional().describe('only after a deal on this track (one of the four, or a declared one)'),
  }).prefault({}).describe('when the track opens (both must hold when given)'),
}).superRefine((t, ctx) => {
  if ((TRACK_IDS as readonly string[]).includes(t.id)) ctx.addIssue({ code: 'custom', path: ['id'], message: `"${t.id}" is a built-in track; give the declared track an id of its own` });
  if (t.parties[0] === t.parties[1]) ctx.addIssue({ code: 'custom', path: ['parties', 1], message: 'a track needs two different parties' });
  t.items.forEach((item, i) => {
    if (!t.parties.includes(item.from)) ctx.addIssue({ code: 'custom', path: ['items', i, 'from'], message: `"${item.from}" is not a party of this track (${t.parties.join(', ')})` });
    for (const p of Object.keys(item.worth)) {
      if (!t.parties.includes(p)) ctx.addIssue({ code: 'custom', path: ['items', i, 'worth', p], message: `"${p}" is not a party of this track (${t.parties.join(', ')})` });
    }
    if (Object.values(item.worth).every((v) => !v)) ctx.addIssue({ code: 'custom', path: ['items', i, 'worth'], message: `the item "${item.id}" is worth nothing to anyone; give it a worth for at least one party, or leave it out` });
  });
  for (const p of Object.keys(t.reservations)) {
    if (!t.parties.includes(p)) ctx.addIssue({ code: 'custom', path: ['reservations', p], message: `"${p}" is not a party of this track (${t.parties.join(', ')})` });
  }
  t.redLines.forEach((r, i) => {
    if (!t.parties.includes(r.party)) ctx.addIssue({ code: 'custom', path: ['redLines', i, 'party'], message: `"${r.party}" is not a party of this track (${t.parties.join(', ')})` });
    if (!t.items.some((item) => item.id === r.item)) ctx.addIssue({ code: 'custom', path: ['redLines', i, 'item'], message: `no item "${r.item}" on this track (items: ${t.items.map((x) => x.id).join(', ') || 'none'})` });
  });
});

/* ---------- branches: named variants inside one file ---------- */

const branchName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a branch name of lower-case letters, digits and dashes' });
/** A branch names overrides merged over the file's scenario; the merged result is validated whole. */
export const branchSchema = z.strictObject({
  title: z.string().min(1).optional().describe('the branch\'s title (default: the scenario\'s title and the branch name)'),
  description: z.string().optional(),
  start: month.optional(),
  horizon: z.number().optional(),
  seed: z.number().optional(),
  world: z.record(z.string(), z.unknown()).optional(),
  talks: z.record(z.string(), z.unknown()).optional(),
  agents: z.record(z.string(), z.unknown()).optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  events: z.array(z.unknown()).optional(),
  tracks: z.array(z.unknown()).optional(),
  actors: z.array(z.unknown()).optional(),
});

export const scenarioSchema = z.strictObject({
  id: id.describe('the scenario\'s name in outputs (`scenario` in the JSON)'),
  extends: z.string().min(1).optional().describe('a scenario name from `thaw list`, or a path relative to this file'),
  title: z.string().min(1).describe('one line, shown by `thaw list` and atop the story'),
  description: z.string().default('').describe('what the scenario supposes, citing rules and ¶'),
  start: month.default('2025-12').describe('the month of the start state; the first simulated month follows it'),
  horizon: z.number().int().min(1).max(240).default(12).describe('months to simulate'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe('default seed when --seed is not given'),
  world: worldSchema,
  talks: talksSchema,
  agents: agentParamsSchema,
  rules: rulesSwitchSchema,
  events: z.array(eventSchema).default([]).describe('scheduled and conditional events, fired in list order each month'),
  actors: z.array(declaredActorSchema).max(8).default([]).describe('actors beyond the five that the scenario\'s declared tracks bring in, each a party to one of them'),
  tracks: z.array(declaredTrackSchema).default([]).describe('bilateral tracks the scenario declares, negotiated after the four built in (src/negotiation/declared-track.ts)'),
  branches: z.record(branchName, branchSchema).default({}).describe('named variants, run with `thaw run FILE --branch NAME`'),
});

/** A resolved scenario; `uncertain` lists the parameters written as distributions, drawn afresh each run. */
export type Scenario = z.output<typeof scenarioSchema> & { readonly uncertain?: readonly UncertainInput[] };
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type AgentParams = Scenario['agents'];
export type UsParams = AgentParams['us'];
export type BelarusParams = AgentParams['belarus'];
export type LithuaniaParams = AgentParams['lithuania'];
export type PolandParams = AgentParams['poland'];
export type EuParams = AgentParams['eu'];
export type TalksMatrix = Scenario['talks'];
export type ScenarioEvent = Scenario['events'][number];
export type EventCondition = NonNullable<ScenarioEvent['when']>;
export type EventEffects = ScenarioEvent['do'];
export type DeclaredTrack = Scenario['tracks'][number];
export type DeclaredItem = DeclaredTrack['items'][number];
export type DeclaredActor = Scenario['actors'][number];
