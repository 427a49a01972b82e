/**
 * The EU–Belarus track, open only with R12 switched off. Brussels offers its sanction that is
 * worth most to Minsk and asks a number of releases in proportion to its weight; Minsk gives what
 * the relief is worth to it (R03, R08), and Brussels takes a counter above its acceptance share.
 */
import { isOn } from '../rules/switches.js';
import { affordableReleases, releaseCost, urgency } from '../rules/value-match.js';
import { chooseRoutes } from '../rules/routes.js';
import { marginalRelief } from '../world/valuation.js';
import { sanctionsOf } from '../world/recipes.js';
import { byBelarusCost, candidatesFor, indexById, takeInOrder } from './candidates.js';
import { executeDeal, routedView, routeSplit, viewOf } from './execute.js';
import { headcount, type Package, type Release } from './package.js';
import type { TrackContext, TrackResult } from './context.js';
import type { ModelSpace, ModelOffer } from '../simulation/trace.js';
import { prefix, releaseSteps, spaceRecord, type Priced } from './spaces.js';
import { DEADLINES, minskPrice, minskPricing } from './protocol.js';
import { bargain, type Step } from './bargain.js';
import { stageDeal } from './stages.js';
import { distrustMarkup } from '../rules/trust.js';
import type { RuleId } from '../rules/ids.js';

export function runEuTrack(ctx: TrackContext): TrackResult {
  const { world, scenario, rules } = ctx;
  const eu = scenario.agents.eu;
  const by = scenario.agents.belarus;
  const logistics = isOn(rules, 'R08');
  const candidates = candidatesFor(world, 'eu', rules).sort(byBelarusCost);
  const byId = indexById(candidates);
  const active = sanctionsOf(world, 'eu', 'active');
  if (candidates.length === 0 || active.length === 0) return { world, offers: [], deal: null };
  const worth = (id: string) => marginalRelief(world, [id], false, logistics);
  const item = active.sort((a, b) => worth(b.id) - worth(a.id) || a.id.localeCompare(b.id))[0]!;

  // R24: the less Brussels trusts Minsk, the more releases it asks per relief point.
  const perWeight = eu.prisonersPerWeight * distrustMarkup(world, 'eu', eu.trustWeight, rules);
  const { ask } = takeInOrder(candidates, Math.ceil(item.weight * perWeight));
  // R12: Brussels lifts a sanction only for releases; a sanction that asks for nobody is not traded.
  if (ask.length === 0) return { world, offers: [], deal: null };
  const budget = worth(item.id) * urgency(world, by, rules);
  const keep = ctx.trace !== false;
  const opening: Package = { releases: ask, relief: [item.id], grants: [], commitments: [], sideOffers: [] };
  const asked = headcount(ask);
  // Brussels counts releases: its reservation is the share of the ask it accepts.
  const bar = Math.ceil(asked * eu.acceptShare);
  // Minsk's price of the ask, once: the cost with every enemy at the premium, `ruled` under the rules in force (R17).
  const price = minskPrice(world, ask, byId, worth(item.id), by, rules);
  // With --deal-space: each EU sanction (Brussels trades one at a time) against release counts in Minsk's order.
  const space = ctx.dealSpace ? euSpace() : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);
  function euSpace(): ModelSpace {
    const steps = releaseSteps(candidates);
    const priced: Priced[] = [];
    for (const s of active) {
      const itemAsk = Math.min(steps.total, Math.ceil(s.weight * perWeight));
      const itemBar = Math.ceil(itemAsk * eu.acceptShare);
      const itemWorth = worth(s.id);
      for (const k of steps.counts) {
        const releases = prefix(candidates, k);
        const price = minskPrice(world, releases, byId, itemWorth, by, rules);
        priced.push({ pkg: { releases, relief: [s.id], grants: [], commitments: [], sideOffers: [] },
          values: { eu: k, belarus: itemWorth * urgency(world, by, rules) }, reservations: { eu: itemBar, belarus: price.cost }, redLine: price.crosses });
      }
    }
    return spaceRecord('eu-belarus', ['eu', 'belarus'], priced, steps.counts.length <= steps.total ? { counts: steps.counts.length, ofCounts: steps.total } : null);
  }

  // Brussels' one offer, priced by Minsk; Minsk counters with what the relief is worth to it (R03, R08).
  const offer = (): Step<readonly Release[]> => ({
    from: 'eu', to: 'belarus', kind: 'offer', pkg: opening, pricing: minskPricing(price, budget), deal: ask,
    counter: () => {
      const offered = affordableReleases(world, ask, byId, budget, worth(item.id), by, rules);
      return offered.length > 0 ? counter(offered) : null;
    },
    record: (answer) => ({
      why: { code: answer === 'accept' ? 'worth-above-cost' : 'cost-above-worth', worth: budget, cost: price.ruled, count: asked },
      rules: ['R12', 'R03', 'R08'],
      values: { eu: asked, belarus: budget }, reservations: { eu: bar, belarus: price.cost },
    }),
  });
  // Minsk's counter, judged by Brussels against its acceptance share (the releases it counts).
  const counter = (offered: readonly Release[]): Step<readonly Release[]> => {
    const got = headcount(offered);
    return {
      from: 'belarus', to: 'eu', kind: 'counter', pkg: { ...opening, releases: offered }, pricing: { value: got, reservation: bar, redLine: null }, deal: offered,
      record: (answer) => ({
        why: { code: answer === 'accept' ? 'clears-bar' : 'below-bar', got, asked, bar },
        rules: ['R12', 'R03'],
        values: { eu: got, belarus: budget }, reservations: { eu: bar, belarus: releaseCost(world, offered, byId, by, rules).cost },
      }),
    };
  };
  // Brussels takes or leaves Minsk's answer: it has no second offer.
  const round = bargain({ track: 'eu-belarus', deadline: DEADLINES['eu-belarus'], next: (refusal) => (refusal === null ? offer : null), trace: keep });
  if (round.agreed) return withSpace(close(ctx, round.agreed.deal, item.id, round.offers));
  return withSpace({ world, offers: round.offers, deal: null, blockedBy: round.blockedBy });
}

function close(ctx: TrackContext, releases: readonly Release[], sanctionId: string, offers: ModelOffer[]): TrackResult {
  const { world, scenario, rules, rng } = ctx;
  const byId = indexById(candidatesFor(world, 'eu', rules));
  const routes = chooseRoutes(world, releases, byId, false, scenario.agents.belarus, rules, rng, scenario.world.accepts);
  // R21: Brussels lifts its sanction once the first batch is verified.
  const staging = stageDeal('eu-belarus', routes.routed, [sanctionId], [], scenario.agents, rules);
  const after = executeDeal(world, staging.now, staging.reliefNow, [], []);
  const released = headcount(staging.now);
  const pkg: Package = { releases, relief: [sanctionId], grants: [], commitments: [], sideOffers: [] };
  const dealRules: RuleId[] = ['R01', 'R03', 'R08', ...routes.rules];
  if (staging.pending) dealRules.push('R21');
  return {
    world: after,
    offers,
    deal: {
      track: 'eu-belarus', parties: ['eu', 'belarus'], package: viewOf(pkg), released, byRoute: routeSplit(staging.now), routed: routedView(staging.now),
      lifted: [...staging.reliefNow], rules: dealRules,
      ...(staging.staged ? { staged: staging.staged } : {}),
    },
    ...(staging.pending ? { pending: staging.pending } : {}),
  };
}
