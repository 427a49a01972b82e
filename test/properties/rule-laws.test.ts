/**
 * The rules that are laws of the trace (R04, R07, R09, R12, and who may move a sanction), checked
 * on random scenarios and seeds by the shadow ledger (./ledger.ts). Two of them are checked on
 * scenarios where they have something to bite on (a laureate, a person reserved for Poland, held
 * at the start), as well as on fully random ones.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../src/run-scenario.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { announceSeed, checkRuns, type RunExample } from './fc-config.js';
import { runExampleArb, seedArb, SHIPPED } from './arbitraries.js';
import { expectNo, type Invariant } from './ledger.js';

announceSeed('rule laws');

const check = (invariant: Invariant, arb: fc.Arbitrary<RunExample> = runExampleArb()) =>
  checkRuns(invariant, arb, ({ scenario, seed }) => expectNo(invariant, scenario, runScenario(scenario, { seed })));

/** A laureate and a person only Poland may buy, both held at the start, in a keen shipped scenario. */
const contested = fc.record({
  base: fc.constantFrom(...SHIPPED.filter((s) => s.rules.R04 !== false).map((s) => s.id)),
  seed: seedArb,
  spite: fc.double({ min: 0, max: 1, noNaN: true }),
  interest: fc.double({ min: 0.5, max: 1, noNaN: true }),
  laureateEnemy: fc.boolean(),
  reservedFor: fc.constantFrom('poland' as const, 'eu' as const),
}).map(({ base, seed, spite, interest, laureateEnemy, reservedFor }): RunExample => {
  // A shipped scenario's uncertain inputs are not part of the file's schema: keep the written values.
  const { uncertain: _drawn, ...s } = SHIPPED.find((x) => x.id === base)!;
  const named = s.world.named.map((p, i) => ({ ...p, status: 'held' as const, route: null, releasedIn: null,
    laureate: i === 0, enemy: i === 0 ? laureateEnemy : p.enemy, onlyThrough: i === s.world.named.length - 1 ? reservedFor : null }));
  const scenario: Scenario = scenarioSchema.parse({ ...s, world: { ...s.world, named, usInterest: interest, talks: 'advancing' },
    agents: { ...s.agents, belarus: { ...s.agents.belarus, spiteShare: spite } } });
  return { scenario, seed };
});

describe('rules that are laws of the trace', () => {
  it('a sanction changes status only by its issuer\'s deal, the US prepay (a concession event) or a scenario event', () => check('sanction-by-issuer'));
  it('R07: a person reserved for one party (Poczobut for Poland) is offered and freed only on that party\'s track', () => {
    check('poczobut-channel');
    check('poczobut-channel', contested);
  });
  it('R04: the laureate goes to Lithuania in every US deal', () => {
    check('laureate-route');
    check('laureate-route', contested);
  });
  it('R09: Klaipėda opens only through a Lithuania deal with R09 off, or a scenario event', () => check('vilnius-line'));
  it('R12: no EU sanction moves while R12 is on, except by a scenario event', () => check('eu-abstains'));
});
