/**
 * The US–Belarus track, run while the envoy is in Minsk (R02). The US opens with relief and an
 * ask sized to its reservation (R06, R13); Belarus accepts what its valuation covers or counters
 * with as many as the relief is worth to it (R03, R08, R14), sweetened with side offers (R16);
 * the US takes the counter, trims its relief, or walks away. It never puts up an item that even
 * everyone still held would not pay for (R06). A keen US opens with everything it has for
 * everyone, when emptying the prisons at once is worth that much to it (R15). The laureate goes
 * to Lithuania (R04); Poczobut is not on the list (R07).
 */
import type { RuleId } from '../rules/ids.js';
import { isOn } from '../rules/switches.js';
import { affordableReleases, releaseCost, urgency } from '../rules/value-match.js';
import { usCost, usValue, usWillingness } from '../rules/us-valuation.js';
import { chooseRoutes } from '../rules/routes.js';
import { marginalRelief } from '../world/valuation.js';
import { sanctionsOf } from '../world/recipes.js';
import type { Sanction } from '../world/types.js';
import { askUntil, byUsPreference, candidatesFor, everyone, indexById, sameReleases } from './candidates.js';
import { executeDeal, routedView, routeSplit, viewOf } from './execute.js';
import { splitBatches } from './stages.js';
import { headcount, type Commitment, type Package, type Release, type SideOffer } from './package.js';
import type { TrackContext, TrackResult } from './context.js';
import type { BlockedBy, ModelSpace, ModelDeal, ModelOffer, OfferWhy, RouteNote } from '../simulation/trace.js';
import { bundles, MAX_ITEMS, prefix, releaseSteps, spaceRecord, type Priced } from './spaces.js';
import { clears, DEADLINE, minskPrice, minskRefusal, offerRecord, valueGap, type OfferNumbers } from './protocol.js';

export function runUsTrack(ctx: TrackContext, belarusEscalating: boolean): TrackResult {
  const { world, scenario, rules } = ctx;
  const keep = ctx.trace !== false;
  const us = scenario.agents.us;
  const by = scenario.agents.belarus;
  const logistics = isOn(rules, 'R08');
  const candidates = candidatesFor(world, 'us', rules).sort(byUsPreference);
  const byId = indexById(candidates);
  const relief = sanctionsOf(world, 'us', 'active').filter((s) => !ctx.reserved?.has(s.id)).sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const offers: ModelOffer[] = [];
  if (candidates.length === 0 || relief.length === 0) return { world, offers, deal: null };

  const willingness = usWillingness(world, us, rules);
  const reservationFor = (items: readonly Sanction[]) => usCost(items.reduce((w, s) => w + s.weight, 0), us) / Math.max(willingness, 1e-6);
  const everyoneAsk = everyone(candidates);
  const heldValue = usValue(world, everyoneAsk, byId, [], us, rules);
  // R15: emptying the prisons at once is worth everyone held plus a bonus; only a grand bargain earns it.
  const grand = isOn(rules, 'R15') && world.talks === 'advancing' && world.usInterest >= us.grandBargainInterest
    && heldValue + us.massReleaseBonus >= reservationFor(relief);
  // R06: Washington gives up no item it could not recover in releases, even buying everyone held.
  const payable = grand ? relief : relief.filter((s) => reservationFor([s]) <= heldValue);
  if (payable.length === 0) {
    // R06: the cheapest item still costs Washington more than everyone held is worth to it.
    let cheapest = Number.POSITIVE_INFINITY;
    for (const s of relief) cheapest = Math.min(cheapest, reservationFor([s]));
    const blockedBy = valueGap('us', cheapest, heldValue);
    if (!keep) return { world, offers, deal: null, blockedBy };
    return { world, offers, deal: null, blockedBy, events: [{ kind: 'posture', actor: 'us', rules: ['R06', 'R13'],
      fact: { code: 'us-no-bid', worth: heldValue, cost: cheapest } }] };
  }
  let items: Sanction[] = grand ? payable : payable.slice(0, 1);
  let next = 1;
  // Washington's next try: drop the smallest item of a bundle, or move to the next item alone.
  const fewer = (current: readonly Sanction[]): Sanction[] => {
    if (current.length > 1) return current.slice(0, -1);
    const single = payable.slice(next, next + 1);
    next += 1;
    return single;
  };
  // The regime's mood at this visit: its valuation swings a little around what the rules give (¶17).
  const keen = urgency(world, by, rules) * (1 + (ctx.rng.next() * 2 - 1) * by.moodSwing);
  const sideOffers: SideOffer[] = isOn(rules, 'R16') ? [...by.sideOffers] : [];
  let blockedBy: BlockedBy = DEADLINE;
  // With --deal-space: every bundle of relief against every release count, valued as the offers are.
  const space = ctx.dealSpace ? usSpace() : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);

  function usSpace(): ModelSpace {
    const steps = releaseSteps(candidates);
    const priced: Priced[] = [];
    for (const bundle of bundles(relief)) {
      const ids = bundle.map((s) => s.id);
      const worth = marginalRelief(world, ids, false, logistics) * keen;
      const largest = Math.max(...ids.map((id) => marginalRelief(world, [id], false, logistics)));
      const reservation = reservationFor(bundle);
      for (const k of steps.counts) {
        const releases = prefix(candidates, k);
        const price = minskPrice(world, releases, byId, largest, by, rules);
        priced.push({
          pkg: { releases, relief: ids, grants: [], commitments: [], sideOffers },
          values: { us: usValue(world, releases, byId, sideOffers, us, rules), belarus: worth },
          reservations: { us: reservation, belarus: price.cost }, redLine: price.crosses,
        });
      }
    }
    const sampled = relief.length > MAX_ITEMS || steps.counts.length <= steps.total
      ? { items: Math.min(relief.length, MAX_ITEMS), counts: steps.counts.length, ofCounts: steps.total } : null;
    return spaceRecord('us-belarus', ['us', 'belarus'], priced, sampled);
  }

  for (let exchange = 1; exchange <= us.exchanges && items.length > 0; exchange++) {
    const ids = items.map((s) => s.id);
    const reservation = reservationFor(items);
    const frozenCut = isOn(rules, 'R14') && world.talks === 'frozen' ? us.frozenPriceCut : 1;
    const ask = grand ? everyoneAsk : askUntil(candidates, (c) => c.usProfile * frozenCut, reservation * us.askMarkup);
    const openRules: RuleId[] = grand ? ['R15', 'R06', 'R13'] : ['R06', 'R13'];
    if (frozenCut < 1) openRules.push('R14');

    // Belarus weighs the relief (R08 logistics, R14 urgency) against the cost of the ask (R03, R17).
    const budget = marginalRelief(world, ids, false, logistics) * keen;
    const largestItem = Math.max(...ids.map((id) => marginalRelief(world, [id], false, logistics)));
    const offerPkg: Package = { releases: ask, relief: ids, grants: [], commitments: [], sideOffers: [] };
    const kind = exchange === 1 ? 'offer' : 'counter';
    // The numbers of Washington's offer: what the ask is worth to each side, against each one's reservation.
    const opened = (price: number) => ({
      values: { us: usValue(world, ask, byId, [], us, rules), belarus: budget },
      reservations: { us: reservation, belarus: price },
    });

    const affordable = affordableReleases(world, ask, byId, budget, largestItem, by, rules);
    // Minsk gives all that was asked exactly when its cost fits the budget (that is what `affordable` is).
    if (sameReleases(affordable, ask)) {
      if (keep) {
        // Only the trace needs the ask's cost and the rules it cites (R17 for an enemy).
        const askCost = releaseCost(world, ask, byId, by, rules);
        offers.push(record(exchange, 'us', 'belarus', kind, offerPkg, 'accept',
          { code: 'worth-covers-cost', worth: budget, cost: askCost.cost, count: headcount(ask) },
          [...openRules, 'R03', 'R08', ...askCost.rules], opened(askCost.cost)));
      }
      return withSpace(close(ctx, ask, ids, [], belarusEscalating, offers, grand));
    }
    if (affordable.length === 0) {
      const price = minskPrice(world, ask, byId, largestItem, by, rules);
      blockedBy = minskRefusal(price, budget);
      if (keep) offers.push(record(exchange, 'us', 'belarus', kind, offerPkg, 'walk',
        { code: 'worth-too-little', worth: budget }, [...openRules, 'R03', 'R08'],
        { ...opened(price.cost), blockedBy }));
      items = fewer(items);
      continue;
    }
    if (keep) {
      const price = minskPrice(world, ask, byId, largestItem, by, rules);
      offers.push(record(exchange, 'us', 'belarus', kind, offerPkg, 'counter',
        { code: 'cost-above-worth', count: headcount(ask), cost: price.ruled, worth: budget },
        [...openRules, 'R03', 'R08'], opened(price.cost)));
    }

    // The counter: as many as the relief is worth (R03), plus help with Putin or Maduro (R16).
    const value = usValue(world, affordable, byId, sideOffers, us, rules);
    const counterPkg: Package = { releases: affordable, relief: ids, grants: [], commitments: [], sideOffers };
    const counterRules: RuleId[] = ['R03', 'R06', 'R13'];
    if (sideOffers.length) counterRules.push('R16');
    const countered = () => ({
      values: { belarus: budget, us: value },
      reservations: { belarus: releaseCost(world, affordable, byId, by, rules).cost, us: reservation },
    });
    if (clears(value, reservation)) {
      if (keep) offers.push(record(exchange, 'belarus', 'us', 'counter', counterPkg, 'accept',
        { code: 'releases-clear-reservation', count: headcount(affordable), worth: value, reservation },
        counterRules, countered()));
      return withSpace(close(ctx, affordable, ids, sideOffers, belarusEscalating, offers, false));
    }
    // Washington comes back while it has something left to try and the visit has time for it.
    items = fewer(items);
    const comesBack = items.length > 0 && exchange < us.exchanges;
    // Out of exchanges with items still to try, the visit's deadline ended it; else the gap did.
    if (!comesBack) blockedBy = items.length > 0 ? DEADLINE : valueGap('us', reservation, value);
    if (keep) offers.push(record(exchange, 'belarus', 'us', 'counter', counterPkg, comesBack ? 'counter' : 'walk',
      { code: 'releases-below-reservation', count: headcount(affordable), worth: value, reservation },
      counterRules, comesBack ? countered() : { ...countered(), blockedBy }));
  }
  return withSpace({ world, offers: numbered(offers), deal: null, blockedBy });
}

const numbered = (offers: readonly ModelOffer[]): ModelOffer[] => offers.map((o, i) => ({ ...o, exchange: i + 1 }));

function record(exchange: number, from: 'us' | 'belarus', to: 'us' | 'belarus', kind: 'offer' | 'counter', pkg: Package, answer: ModelOffer['answer'], why: OfferWhy, rules: RuleId[], numbers: OfferNumbers): ModelOffer {
  return offerRecord('us-belarus', exchange, from, to, kind, pkg, answer, why, rules, numbers);
}

function close(ctx: TrackContext, releases: readonly Release[], relief: readonly string[], sideOffers: readonly SideOffer[], belarusEscalating: boolean, offers: ModelOffer[], grandBargain: boolean): TrackResult {
  const { world, scenario, rules, rng } = ctx;
  const by = scenario.agents.belarus;
  const byId = indexById(candidatesFor(world, 'us', rules));
  const routes = chooseRoutes(world, releases, byId, true, by, rules, rng, scenario.world.accepts);
  // R11: part of a US deal may be a promise to stop the balloons (¶27).
  const calms = belarusEscalating && isOn(rules, 'R11') && rng.next() < by.calmingChance;
  const commitments: Commitment[] = calms ? ['stop-balloons'] : [];
  // R21: carried out in batches; the relief waits for the first batch to be verified.
  const batches = isOn(rules, 'R21') ? splitBatches(routes.routed, scenario.agents.us.tranches) : [routes.routed];
  const staged = batches.length > 1;
  const now = staged ? batches[0]! : routes.routed;
  const liftedNow = staged ? [] : relief;
  const after = executeDeal(world, now, liftedNow, [], commitments);
  const pkg: Package = { releases, relief, grants: [], commitments, sideOffers };
  const released = staged ? now.reduce((n, r) => n + r.count, 0) : headcount(releases);
  const split = routeSplit(now);
  const dealRules: RuleId[] = ['R01', 'R02', 'R03', ...routes.rules];
  if (staged) dealRules.push('R21');
  if (grandBargain) dealRules.push('R15');
  if (calms) dealRules.push('R11');
  if (sideOffers.length && isOn(rules, 'R16')) dealRules.push('R16');
  const routeNotes: RouteNote[] = [];
  if (routes.spite) routeNotes.push('spite');
  if (routes.impulsive) routeNotes.push('impulsive');
  const deal: ModelDeal = {
    track: 'us-belarus' as const, parties: ['us', 'belarus'] as const, package: viewOf(pkg), released, byRoute: split, routed: routedView(now),
    lifted: [...liftedNow], rules: [...new Set(dealRules)], ...(routeNotes.length ? { routeNotes } : {}),
  };
  if (!staged) return { world: after, offers: numbered(offers), deal };
  return {
    world: after,
    offers: numbered(offers),
    deal: { ...deal, staged: { tranches: batches.length, pending: headcount(releases) - released, relief: [...relief] } },
    pending: { batches: batches.slice(1), relief },
  };
}
