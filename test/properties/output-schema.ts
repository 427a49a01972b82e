/**
 * The JSON output contract (`thaw run --format json`, shared/design.md), as a zod schema from
 * which docs/output.schema.json is generated. test/properties/output.test.ts validates random runs
 * against it and keeps the JSON file in step with it: after a deliberate change of the contract,
 * regenerate the file with `THAW_WRITE_OUTPUT_SCHEMA=1 npx vitest run test/properties/output.test.ts`.
 */
import { z } from 'zod';
import { RULE_IDS } from '../../src/rules/ids.js';
import { ROUTES, TALKS_STATES } from '../../src/world/types.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('a month, YYYY-MM');
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
const talks = z.enum(TALKS_STATES).describe('Russia–Ukraine peace talks (R13)');
const agent = z.enum(['belarus', 'us', 'lithuania', 'poland', 'eu']);
const track = z.enum(['us-belarus', 'poland-belarus', 'eu-belarus', 'lithuania-belarus']);
const route = z.enum(ROUTES).describe('where deportees are sent (¶15, ¶20)');
const rules = z.array(z.enum(RULE_IDS)).describe('the rules (ids, see `thaw rules`) that produced this');
const sanctionId = z.string().regex(/^(us|eu|poland|lithuania)\.[a-z][a-z0-9-]*$/).describe('starts with its issuer');
const move = z.strictObject({
  agent, from: z.string().min(1), to: z.string().min(1), event: z.string().min(1).describe('the machine event that caused it (OBSERVE, DEAL, NO_DEAL, …)'),
}).describe('an agent machine changing state, in the order the month\'s changes happened');
const byRoute = z.strictObject({ lithuania: count, ukraine: count, poland: count });

const pkg = z.strictObject({
  releases: z.record(z.string(), z.number().int().min(1)).describe('cohort or person id → how many'),
  headcount: count,
  relief: z.array(sanctionId).describe('sanctions to lift'),
  grants: z.array(z.enum(['klaipeda-transit', 'prisoner-swap'])),
  commitments: z.array(z.enum(['stop-balloons', 'free-lorry-drivers'])),
  sideOffers: z.array(z.enum(['putin', 'maduro'])),
}).describe('what is traded: releases, relief, grants, commitments, side offers');

const event = z.strictObject({
  kind: z.enum(['talks', 'incident', 'threat', 'concession', 'posture', 'interest', 'scenario']),
  actor: z.union([agent, z.enum(['talks', 'scenario'])]),
  text: z.string().min(1),
  rules,
});

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
});

const deal = z.strictObject({
  track,
  parties: z.array(agent).min(2),
  package: pkg,
  released: count,
  byRoute: z.strictObject({ lithuania: count.optional(), ukraine: count.optional(), poland: count.optional() }),
  routed: z.array(z.strictObject({ id: z.string(), count: z.number().int().min(1), route })).describe('who went where'),
  lifted: z.array(sanctionId),
  rules: rules.min(1),
  summary: z.string().min(1),
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
  agents: z.strictObject({ belarus: z.string(), us: z.string(), lithuania: z.string(), poland: z.string(), eu: z.string() }).describe('each agent machine\'s state'),
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
  firstDealMonth: month.nullable(),
  belarusReliefValue: z.number().min(0),
  usInterest: share,
  talks,
});

export const outputSchema = z.strictObject({
  scenario: z.string().min(1),
  branch: z.string().nullable(),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  version: z.string().min(1),
  start: month,
  horizon: z.number().int().min(1),
  draws: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).describe('uncertain inputs: parameter path → the value drawn for this run (empty when the scenario has none)'),
  months: z.array(z.strictObject({ month, talks, events: z.array(event), offers: z.array(offer), deals: z.array(deal), moves: z.array(move), world: summary })),
  outcome,
}).describe('thaw run --format json: one simulated run, month by month, and its outcome');

export function outputJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://thaw.invalid/docs/output.schema.json',
    title: 'thaw run --format json',
    ...z.toJSONSchema(outputSchema, { target: 'draft-2020-12' }),
  };
}
