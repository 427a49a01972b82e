/**
 * The Lithuania–Belarus track, open only with R09 switched off. Minsk wants Klaipėda because it
 * makes potash relief pay (R08); it offers calm (R11) and the lorry drivers (R10), and Vilnius asks
 * for prisoners deported to Lithuania on top until its price, higher the more hostile relations
 * are, is met.
 */
import { isOn } from '../rules/switches.js';
import { urgency } from '../rules/value-match.js';
import { marginalRelief } from '../world/valuation.js';
import { byBelarusCost, candidatesFor, indexById, takeInOrder } from './candidates.js';
import { executeDeal, routedView, viewOf } from './execute.js';
import { headcount, type Commitment, type Package } from './package.js';
import type { TrackContext, TrackResult } from './context.js';
import type { ModelSpace, ModelOffer } from '../simulation/trace.js';
import { prefix, releaseSteps, spaceRecord, type Priced } from './spaces.js';
import { DEADLINES, minskPrice, minskPricing, valueGap, type OfferNumbers } from './protocol.js';
import { bargain, type Step } from './bargain.js';
import { stageDeal } from './stages.js';
import { distrustMarkup } from '../rules/trust.js';
import type { RuleId } from '../rules/ids.js';

/** What promising calm and freeing the drivers costs Minsk, in relief points. */
export const PROMISE_COST = 0.3;

export function runLithuaniaTrack(ctx: TrackContext): TrackResult {
  const { world, scenario, rules } = ctx;
  const lt = scenario.agents.lithuania;
  const by = scenario.agents.belarus;
  if (world.transitOpen) return { world, offers: [], deal: null };
  const keep = ctx.trace !== false;
  const commitments: Commitment[] = [];
  if (world.balloons) commitments.push('stop-balloons');
  if (world.lorryDriversHeld > 0) commitments.push('free-lorry-drivers');
  const transitWorth = marginalRelief(world, [], true, isOn(rules, 'R08')) * urgency(world, by, rules);
  // Minsk pays for its promises only when it makes some; what is left buys deportees.
  const promiseCost = commitments.length > 0 ? PROMISE_COST : 0;
  const budget = transitWorth - promiseCost;
  if (budget < 0) {
    const blockedBy = valueGap('belarus', promiseCost, transitWorth);
    return { world, offers: [], deal: null, blockedBy, events: keep ? [{ kind: 'posture', actor: 'belarus', rules: ['R08', 'R09'],
      fact: { code: 'minsk-no-bid', worth: transitWorth, cost: promiseCost } }] : [] };
  }
  // R24: a Vilnius that Minsk has let down asks more for Klaipėda.
  const price = lt.transitPrice * (1 + world.relations.lithuania.hostility) * distrustMarkup(world, 'lithuania', lt.trustWeight, rules);
  const commitmentValue = (world.balloons ? lt.valueOfCalm : 0) + world.lorryDriversHeld * lt.valuePerDriver;
  const opening: Package = { releases: [], relief: [], grants: ['klaipeda-transit'], commitments, sideOffers: [] };
  const opened: OfferNumbers = { values: { lithuania: commitmentValue, belarus: transitWorth }, reservations: { lithuania: price, belarus: promiseCost } };

  // With --deal-space: Klaipėda for Minsk's promises and any number of deportees, in Minsk's order.
  const space = ctx.dealSpace ? lithuaniaSpace() : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);
  function lithuaniaSpace(): ModelSpace {
    const order = candidatesFor(world, 'lithuania', rules).sort(byBelarusCost);
    const index = indexById(order);
    const steps = releaseSteps(order);
    const priced: Priced[] = steps.counts.map((k) => {
      const releases = prefix(order, k);
      const minsk = minskPrice(world, releases, index, budget, by, rules);
      return { pkg: { ...opening, releases }, values: { belarus: transitWorth, lithuania: commitmentValue + k * lt.valuePerPrisoner },
        reservations: { belarus: promiseCost + minsk.cost, lithuania: price }, redLine: minsk.crosses };
    });
    return spaceRecord('lithuania-belarus', ['belarus', 'lithuania'], priced, steps.counts.length <= steps.total ? { counts: steps.counts.length, ofCounts: steps.total } : null);
  }

  // Minsk's calm offer, priced by Vilnius against its price; short of it, Vilnius counters.
  const calm = (): Step<Package> => ({
    from: 'belarus', to: 'lithuania', kind: 'offer', pkg: opening, deal: opening,
    pricing: { value: commitmentValue, reservation: price, redLine: null },
    counter: deportees,
    record: (answer) => ({
      why: { code: answer === 'accept' ? 'calm-above-price' : 'calm-short-of-price', worth: commitmentValue, price },
      rules: ['R09', 'R10', 'R11'], ...opened,
    }),
  });
  // Vilnius asks for deportees to Lithuania to make up the difference; Minsk prices the ask once.
  function deportees(): Step<Package> {
    const candidates = candidatesFor(world, 'lithuania', rules).sort(byBelarusCost);
    const byId = indexById(candidates);
    // The shortfall is positive here; a deportee worth nothing makes the ask endless (Infinity).
    const { ask, short } = takeInOrder(candidates, Math.ceil((price - commitmentValue) / lt.valuePerPrisoner));
    const counter: Package = { ...opening, releases: ask };
    const vilniusGets = commitmentValue + headcount(ask) * lt.valuePerPrisoner;
    const minsk = minskPrice(world, ask, byId, budget, by, rules);
    // Too few people held to reach Vilnius's price: its own gap; else Minsk's answer to the ask.
    const shortfall = short > 0 ? { shortfall: { party: 'lithuania' as const, reservation: price, value: vilniusGets } } : {};
    return {
      from: 'lithuania', to: 'belarus', kind: 'counter', pkg: counter, deal: counter,
      pricing: { ...minskPricing(minsk, budget), ...shortfall },
      record: (answer) => ({
        why: answer === 'accept'
          ? { code: 'transit-above-cost', worth: budget, cost: minsk.ruled, count: headcount(ask) }
          : { code: 'transit-below-cost', worth: budget, count: headcount(ask) },
        rules: ['R08', 'R03', 'R09'],
        values: { belarus: budget, lithuania: vilniusGets }, reservations: { belarus: minsk.cost, lithuania: price },
      }),
    };
  }
  const round = bargain({ track: 'lithuania-belarus', deadline: DEADLINES['lithuania-belarus'], next: (refusal) => (refusal === null ? calm : null), trace: keep });
  if (round.agreed) return withSpace(close(ctx, round.agreed.deal, round.offers));
  return withSpace({ world, offers: round.offers, deal: null, blockedBy: round.blockedBy });
}

function close(ctx: TrackContext, pkg: Package, offers: ModelOffer[]): TrackResult {
  const routed = pkg.releases.map((r) => ({ ...r, route: 'lithuania' as const }));
  // R21: Vilnius opens Klaipėda once the first batch of deportees is verified; Minsk's promises hold at once.
  const staging = stageDeal('lithuania-belarus', routed, [], pkg.grants, ctx.scenario.agents, ctx.rules);
  const after = executeDeal(ctx.world, staging.now, [], staging.grantsNow, pkg.commitments);
  const released = headcount(staging.now);
  const rules: RuleId[] = ['R08', 'R09', 'R10', 'R11', 'R03'];
  if (staging.pending) rules.push('R21');
  return {
    world: after,
    offers,
    deal: {
      track: 'lithuania-belarus', parties: ['lithuania', 'belarus'], package: viewOf(pkg), released,
      byRoute: released > 0 ? { lithuania: released } : {}, routed: routedView(staging.now), lifted: [],
      rules,
      ...(staging.staged ? { staged: staging.staged } : {}),
    },
    ...(staging.pending ? { pending: staging.pending } : {}),
  };
}
