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
import type { BlockedBy, ModelSpace, ModelOffer } from '../simulation/trace.js';
import { prefix, releaseSteps, spaceRecord, type Priced } from './spaces.js';
import { clears, minskPrice, minskRefusal, offerRecord, valueGap, type OfferNumbers } from './protocol.js';

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

  const { ask } = takeInOrder(candidates, Math.ceil(item.weight * eu.prisonersPerWeight));
  // R12: Brussels lifts a sanction only for releases; a sanction that asks for nobody is not traded.
  if (ask.length === 0) return { world, offers: [], deal: null };
  const budget = worth(item.id) * urgency(world, by, rules);
  const offered = affordableReleases(world, ask, byId, budget, worth(item.id), by, rules);
  const offers: ModelOffer[] = [];
  const keep = ctx.trace !== false;
  const opening: Package = { releases: ask, relief: [item.id], grants: [], commitments: [], sideOffers: [] };
  const asked = headcount(ask);
  const got = headcount(offered);
  // Brussels counts releases: its reservation is the share of the ask it accepts.
  const bar = Math.ceil(asked * eu.acceptShare);
  // Only the trace reads what the ask costs Minsk (priced as if every enemy were for sale, R17 apart).
  // Priced once, when first asked for: its cost under the rules in force is `ruled`.
  let priced: ReturnType<typeof minskPrice> | null = null;
  const price = () => (priced ??= minskPrice(world, ask, byId, worth(item.id), by, rules));
  const cost = () => price().ruled;
  // With --deal-space: each EU sanction (Brussels trades one at a time) against release counts in Minsk's order.
  const space = ctx.dealSpace ? euSpace() : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);
  function euSpace(): ModelSpace {
    const steps = releaseSteps(candidates);
    const priced: Priced[] = [];
    for (const s of active) {
      const itemAsk = Math.min(steps.total, Math.ceil(s.weight * eu.prisonersPerWeight));
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
  const opened = (blockedBy?: BlockedBy): OfferNumbers => ({
    values: { eu: asked, belarus: budget }, reservations: { eu: bar, belarus: price().cost }, ...(blockedBy ? { blockedBy } : {}),
  });
  if (got === asked) {
    if (keep) offers.push(offerRecord('eu-belarus', 1, 'eu', 'belarus', 'offer', opening, 'accept',
      { code: 'worth-above-cost', worth: budget, cost: cost(), count: asked }, ['R12', 'R03', 'R08'], opened()));
    return withSpace(close(ctx, offered, item.id, offers));
  }
  const refused = got === 0 ? minskRefusal(price(), budget) : undefined;
  if (keep) offers.push(offerRecord('eu-belarus', 1, 'eu', 'belarus', 'offer', opening, got > 0 ? 'counter' : 'walk',
    { code: 'cost-above-worth', count: asked, cost: cost(), worth: budget }, ['R12', 'R03', 'R08'], opened(refused)));
  if (refused) return withSpace({ world, offers, deal: null, blockedBy: refused });
  const counter: Package = { ...opening, releases: offered };
  const enough = clears(got, asked * eu.acceptShare);
  const blockedBy = enough ? undefined : valueGap('eu', bar, got);
  if (keep) offers.push(offerRecord('eu-belarus', 2, 'belarus', 'eu', 'counter', counter, enough ? 'accept' : 'walk',
    { code: enough ? 'clears-bar' : 'below-bar', got, asked, bar },
    ['R12', 'R03'], {
      values: { eu: got, belarus: budget }, reservations: { eu: bar, belarus: releaseCost(world, offered, byId, by, rules).cost },
      ...(blockedBy ? { blockedBy } : {}),
    }));
  return withSpace(enough ? close(ctx, offered, item.id, offers) : { world, offers, deal: null, ...(blockedBy ? { blockedBy } : {}) });
}

function close(ctx: TrackContext, releases: readonly Release[], sanctionId: string, offers: ModelOffer[]): TrackResult {
  const { world, scenario, rules, rng } = ctx;
  const byId = indexById(candidatesFor(world, 'eu', rules));
  const routes = chooseRoutes(world, releases, byId, false, scenario.agents.belarus, rules, rng, scenario.world.accepts);
  const after = executeDeal(world, routes.routed, [sanctionId], [], []);
  const split = routeSplit(routes.routed);
  const released = headcount(releases);
  const pkg: Package = { releases, relief: [sanctionId], grants: [], commitments: [], sideOffers: [] };
  return {
    world: after,
    offers,
    deal: {
      track: 'eu-belarus', parties: ['eu', 'belarus'], package: viewOf(pkg), released, byRoute: split, routed: routedView(routes.routed), lifted: [sanctionId],
      rules: ['R01', 'R03', 'R08', ...routes.rules],
    },
  };
}
