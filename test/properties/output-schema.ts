/**
 * The JSON output contract (`thaw run --format json`, shared/design.md), as a zod schema from
 * which docs/output.schema.json is generated. test/properties/output.test.ts validates random runs
 * against it and keeps the JSON file in step with it: after a deliberate change of the contract,
 * regenerate the file with `THAW_WRITE_OUTPUT_SCHEMA=1 npx vitest run test/properties/output.test.ts`.
 */
import { z } from 'zod';
import { RULE_IDS } from '../../src/rules/ids.js';
import { ROUTES, TALKS_STATES } from '../../src/world/types.js';
import type { EventCode, OfferCode } from '../../src/simulation/trace.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('a month, YYYY-MM');
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
const talks = z.enum(TALKS_STATES).describe('Russia–Ukraine peace talks (R13)');
const builtInAgent = z.enum(['belarus', 'us', 'lithuania', 'poland', 'eu']);
const agent = z.union([builtInAgent, z.string().regex(/^[a-z][a-z0-9-]*$/).describe('an actor the scenario declares (`actors:`)')]);
const builtInTrack = z.enum(['us-belarus', 'poland-belarus', 'eu-belarus', 'lithuania-belarus']);
const track = z.union([builtInTrack, z.string().regex(/^[a-z][a-z0-9-]*$/).describe('a track the scenario declares')]);
const route = z.enum(ROUTES).describe('where released people go: deported (¶15, ¶20) or home, freed inside Belarus (R19)');
const rules = z.array(z.enum(RULE_IDS)).describe('the rules (ids, see `thaw rules`) that produced this');
const sanctionId = z.string().regex(/^(us|eu|poland|lithuania)\.[a-z][a-z0-9-]*$/).describe('starts with its issuer');
const move = z.strictObject({
  agent, from: z.string().min(1), to: z.string().min(1), event: z.string().min(1).describe('the machine event that caused it (OBSERVE, DEAL, NO_DEAL, …)'),
}).describe('an agent machine changing state, in the order the month\'s changes happened');
const byRoute = z.strictObject({ lithuania: count, ukraine: count, poland: count, home: count.describe('freed inside Belarus (R19)'), served: count.describe('walked out at the end of their sentence (R25)') });
const someRoutes = z.strictObject({ lithuania: count.optional(), ukraine: count.optional(), poland: count.optional(), home: count.optional() });

const pkg = z.strictObject({
  releases: z.record(z.string(), z.number().int().min(1)).describe('cohort or person id → how many'),
  headcount: count,
  relief: z.array(sanctionId).describe('sanctions to lift'),
  grants: z.array(z.enum(['klaipeda-transit', 'prisoner-swap'])),
  commitments: z.array(z.enum(['stop-balloons', 'free-lorry-drivers'])),
  sideOffers: z.array(z.enum(['putin', 'maduro'])),
  items: z.array(z.string()).optional().describe('a declared track\'s items in the package'),
}).describe('what is traded: releases, relief, grants, commitments, side offers');

// Every code the model's records use, checked both ways against the trace's types.
const EVENT_CODES = ['talks', 'balloons', 'driver-detained', 'confiscation-threat', 'threat-dropped', 'vilnius-will-talk', 'us-drops-dialogue',
  'us-loses-interest', 'us-ready-again', 'us-reengages', 'envoy-arrives', 'us-moves', 'prepay', 'us-no-bid', 'minsk-no-bid', 'scenario'] as const satisfies readonly EventCode[];
const OFFER_CODES = ['worth-covers-cost', 'worth-above-cost', 'cost-above-worth', 'transit-above-cost', 'worth-too-little', 'transit-below-cost',
  'releases-clear-reservation', 'releases-below-reservation', 'clears-bar', 'below-bar', 'calm-above-price', 'calm-short-of-price', 'relief-above-price',
  'price-above-all-relief', 'price-above-relief', 'package-meets-price', 'best-short-of-price', 'clears-reservation', 'short-of-reservation',
  'not-for-sale'] as const satisfies readonly OfferCode[];
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const everyCode: [Missing<EventCode, (typeof EVENT_CODES)[number]>, Missing<OfferCode, (typeof OFFER_CODES)[number]>] = [true, true];
void everyCode;
/** A record's facts: its code, then ids (strings) and numbers (null: infinite, as an enemy's price with R17 off); the words are made from them. */
const facts = (codes: readonly [string, ...string[]]) => z.object({ code: z.enum(codes) }).catchall(z.union([z.number().nullable(), z.string().regex(/^[a-z0-9][a-z0-9.-]*$/)]));

const event = z.strictObject({
  kind: z.enum(['talks', 'incident', 'threat', 'concession', 'posture', 'interest', 'scenario']),
  actor: z.union([agent, z.enum(['talks', 'scenario'])]),
  text: z.string().min(1).describe('the event in words, made from `fact` by the report (src/report/event-words.ts)'),
  rules,
  fact: facts(EVENT_CODES).describe('what happened, as the model records it: a code, ids and numbers (EventFact)'),
});

const blockedBy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('red-line'), rule: z.enum(RULE_IDS), party: agent }).describe('a constraint apart from value, by its rule'),
  z.strictObject({ kind: z.literal('value-gap'), party: agent, gap: z.number().positive().describe('the party\'s reservation minus the value offered to it') }),
  z.strictObject({ kind: z.literal('deadline') }).describe('the exchanges a round allows ran out with something left to try'),
]);
const blockedCounts = z.strictObject({ 'red-line': count, 'value-gap': count, deadline: count });

const offer = z.strictObject({
  track,
  exchange: z.number().int().min(1),
  from: agent,
  to: agent,
  kind: z.enum(['offer', 'counter']),
  package: pkg,
  answer: z.enum(['accept', 'counter', 'walk']),
  reason: z.string().min(1).describe('why the recipient answered so'),
  rules: rules.min(1),
  values: z.partialRecord(agent, z.number()).describe('party id → what the package is worth to it (relief points; Brussels counts releases)'),
  reservations: z.partialRecord(agent, z.number()).describe('party id → its reservation value at that moment: the least it must get to say yes'),
  blockedBy: blockedBy.optional().describe('on a walk, and on the last offer of a round without a deal: what blocked it'),
  why: facts(OFFER_CODES).describe('why the recipient answered so, as the model records it: a code and the numbers it weighed (OfferWhy); `reason` says it in words'),
});

const byParty = z.partialRecord(agent, z.number());
const solution = z.strictObject({ index: z.number().int().min(0).nullable().describe('a package index, or null: no deal (no ZOPA)'), surplus: byParty });
const space = z.strictObject({
  track,
  parties: z.tuple([agent, agent]),
  sampled: z.string().nullable().describe('how the packages were sampled from the issue space, or null when all are listed'),
  packages: z.array(z.strictObject({
    package: pkg, values: byParty, reservations: byParty, surplus: byParty.describe('value minus reservation, per party'),
    feasible: z.boolean(), redLine: z.enum(RULE_IDS).optional().describe('the red line an infeasible package crosses'),
  })),
  pareto: z.array(z.number().int().min(0)).describe('indices of the Pareto-optimal feasible packages'),
  nash: solution.describe('the Nash bargaining point: largest product of surpluses'),
  ks: solution.describe('the Kalai–Smorodinsky point'),
  zopa: z.boolean().describe('some feasible package leaves both sides no worse off than no deal'),
  sampling: z.strictObject({ items: count.optional(), ofItems: count.optional(), counts: count.optional(), ofCounts: count.optional() }).nullable()
    .describe('how the packages were sampled, as the model records it (`sampled` says it in words): relief items bundled of those there are, release counts of 0 to `ofCounts`'),
}).describe('a negotiation round\'s deal space (src/negotiation/deal-space.ts)');

const deal = z.strictObject({
  track,
  parties: z.array(agent).min(2),
  package: pkg,
  released: count,
  byRoute: someRoutes,
  routed: z.array(z.strictObject({ id: z.string(), count: z.number().int().min(1), route })).describe('who went where (for a staged deal: the first batch)'),
  lifted: z.array(sanctionId).describe('lifted now (a staged deal lifts nothing until its first batch is verified)'),
  rules: rules.min(1),
  summary: z.string().min(1),
  staged: z.strictObject({ tranches: z.number().int().min(2), pending: count, relief: z.array(sanctionId) }).optional()
    .describe('a staged deal (R21): batches agreed, people still to come, relief to pay once the first batch is verified'),
  routeNotes: z.array(z.enum(['spite', 'impulsive'])).min(1).optional().describe('how Minsk chose a US deal\'s routes (R05), when worth saying'),
});

const change = z.strictObject({
  kind: z.enum(['arrest', 'pardon', 'rearrest', 'served', 'batch', 'payment', 'renege', 'snapback', 'wave']),
  actor: z.union([agent, z.literal('scenario')]),
  track: builtInTrack.optional(),
  people: z.array(z.strictObject({ id: z.string(), count: z.number().int().min(1), route: z.union([route, z.literal('served').describe('a sentence ended (R25)')]).optional() })).describe('cohort or person id, how many, where to'),
  sanctions: z.array(sanctionId),
  grants: z.array(z.literal('klaipeda-transit')).min(1).optional().describe('Klaipėda opened by a payment or closed by a snapback (the Lithuania track, R21, R22)'),
  numbers: z.record(z.string(), z.number()).describe('e.g. count, wave (index into outcome.waves), probability, trust, event (index of the scenario event)'),
  rules: rules.min(1),
}).describe('an open-world record (R18–R25): structured, the words are the reports\'');

const wave = z.strictObject({
  month,
  track: builtInTrack,
  scripted: z.boolean().describe('a scenario `deal` event rather than a negotiated deal'),
  released: count.describe('people released by this wave so far, all batches'),
  byRoute: someRoutes,
  relief: z.array(sanctionId).describe('relief given'),
  tranches: z.number().int().min(1),
  delivered: z.number().int().min(1).describe('batches delivered'),
  status: z.enum(['done', 'pending', 'reneged']),
  renegedBy: z.enum(['belarus', 'us', 'eu', 'lithuania']).nullable(),
  renegedIn: month.nullable(),
});

const summary = z.strictObject({
  talks,
  held: count,
  released: count,
  releasedByRoute: byRoute,
  usInterest: share,
  hostilityLithuania: share,
  balloons: z.boolean(),
  transitOpen: z.boolean(),
  confiscationThreat: z.boolean(),
  lifted: z.array(sanctionId),
  agents: z.object({ belarus: z.string(), us: z.string(), lithuania: z.string(), poland: z.string(), eu: z.string() }).catchall(z.string())
    .describe('each agent machine\'s state: the five, then each declared actor\'s (its track\'s negotiator machine)'),
  arrested: count.describe('new political prisoners so far (R18)'),
  rearrested: count.describe('released people jailed again so far'),
  pardoned: count.describe('released outside deals so far (R20, scenario releases, sentences served R25)'),
  served: count.describe('walked out at the end of their sentence so far (R25)'),
  trust: share.describe('Minsk–Washington trust (R24)'),
}).describe('the world after the month');

const outcome = z.strictObject({
  prisonersInitial: count,
  prisonersReleased: count,
  prisonersRemaining: count,
  releasedByRoute: byRoute,
  named: z.record(z.string(), z.enum(['held', 'released'])).describe('named prisoner id → held | released'),
  sanctions: z.record(sanctionId, z.enum(['active', 'lifted'])).describe('sanction id → active | lifted'),
  transitOpen: z.boolean(),
  deals: count,
  dealsByTrack: z.strictObject({ 'us-belarus': count, 'poland-belarus': count, 'eu-belarus': count, 'lithuania-belarus': count }),
  blocked: z.record(track, blockedCounts)
    .describe('negotiations that ended without a deal, by track (the four, then any declared) and by what blocked them'),
  dealsByDeclaredTrack: z.record(z.string(), count).describe('deals on the tracks the scenario declares'),
  firstDealMonth: month.nullable(),
  belarusReliefValue: z.number().min(0),
  usInterest: share,
  talks,
  prisonersArrested: count.describe('new political prisoners during the run (R18)'),
  prisonersRearrested: count.describe('released people jailed again (R22, R23, scenario re-arrests); initial + arrested + re-arrested = released + remaining'),
  pardoned: count.describe('released outside any deal (R20, scenario releases, sentences served R25); waves\' releases + pardoned = released'),
  served: count.describe('walked out at the end of their sentence (R25): no pardon, no deal; = releasedByRoute.served'),
  waves: z.array(wave).describe('one entry per deal or scripted wave, in order'),
  reneged: count.describe('staged deals broken (R22)'),
  sanctionHistory: z.record(sanctionId, z.array(z.strictObject({ month, status: z.enum(['active', 'lifted']) })).min(1))
    .describe('sanction id → its status at the start, then every change'),
  trust: share.describe('Minsk–Washington trust at the end (R24)'),
  trustWith: z.strictObject({ eu: share, lithuania: share }).describe('Minsk\'s trust with Brussels and with Vilnius at the end (R24)'),
});

export const outputSchema = z.strictObject({
  scenario: z.string().min(1),
  branch: z.string().nullable(),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  version: z.string().min(1),
  start: month,
  horizon: z.number().int().min(1),
  draws: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).describe('uncertain inputs: parameter path → the value drawn for this run (empty when the scenario has none)'),
  months: z.array(z.strictObject({ month, talks, events: z.array(event), offers: z.array(offer), deals: z.array(deal), moves: z.array(move), changes: z.array(change), world: summary, spaces: z.array(space).optional().describe('with --deal-space: each negotiation round\'s deal space') })),
  outcome,
}).describe('thaw run --format json: one simulated run, month by month, and its outcome');

export function outputJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://thaw.invalid/docs/output.schema.json',
    title: 'thaw run --format json',
    ...z.toJSONSchema(outputSchema, { target: 'draft-2020-12' }),
  };
}
