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
import { askUntil, byUsPreference, candidatesFor, everyone, indexById } from './candidates.js';
import { executeDeal, routedView, routeSplit, viewOf } from './execute.js';
import { stageDeal } from './stages.js';
import { headcount, type Commitment, type Package, type Release, type SideOffer } from './package.js';
import type { TrackContext, TrackResult } from './context.js';
import type { BlockedBy, ModelSpace, ModelDeal, ModelOffer, RouteNote } from '../simulation/trace.js';
import { bundles, MAX_ITEMS, prefix, releaseSteps, spaceRecord, type Priced } from './spaces.js';
import { minskPrice, minskPricing, valueGap } from './protocol.js';
import { bargain, type Planned, type Step } from './bargain.js';

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
  // The regime's mood at this visit: its valuation swings a little around what the rules give (¶17).
  const keen = urgency(world, by, rules) * (1 + (ctx.rng.next() * 2 - 1) * by.moodSwing);
  const sideOffers: SideOffer[] = isOn(rules, 'R16') ? [...by.sideOffers] : [];
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

  // Washington's strategy: its opening, then after each refusal fewer items (`fewer`), until the visit ends.
  let items: Sanction[] = grand ? payable : payable.slice(0, 1);
  let next = 1;
  // Washington's next try: drop the smallest item of a bundle, or move to the next item alone.
  const fewer = (current: readonly Sanction[]): Sanction[] => {
    if (current.length > 1) return current.slice(0, -1);
    const single = payable.slice(next, next + 1);
    next += 1;
    return single;
  };
  let proposals = 0;
  const strategy = (refusal: BlockedBy | null): Planned<UsDeal> | null => {
    if (refusal !== null) items = fewer(items);
    const current = items;
    return current.length > 0 ? () => usOffer(current, (proposals += 1) === 1 ? 'offer' : 'counter') : null;
  };

  // Washington's offer: relief, and an ask sized to its reservation (R06, R13); priced once by Minsk.
  function usOffer(current: readonly Sanction[], kind: 'offer' | 'counter'): Step<UsDeal> {
    const ids = current.map((s) => s.id);
    const reservation = reservationFor(current);
    const frozenCut = isOn(rules, 'R14') && world.talks === 'frozen' ? us.frozenPriceCut : 1;
    const ask = grand ? everyoneAsk : askUntil(candidates, (c) => c.usProfile * frozenCut, reservation * us.askMarkup);
    const openRules: RuleId[] = grand ? ['R15', 'R06', 'R13'] : ['R06', 'R13'];
    if (frozenCut < 1) openRules.push('R14');
    // Belarus weighs the relief (R08 logistics, R14 urgency) against the cost of the ask (R03, R17).
    const budget = marginalRelief(world, ids, false, logistics) * keen;
    const largestItem = Math.max(...ids.map((id) => marginalRelief(world, [id], false, logistics)));
    const price = minskPrice(world, ask, byId, largestItem, by, rules);
    const numbers = () => ({
      values: { us: usValue(world, ask, byId, [], us, rules), belarus: budget },
      reservations: { us: reservation, belarus: price.cost },
    });
    return {
      from: 'us', to: 'belarus', kind, pkg: { releases: ask, relief: ids, grants: [], commitments: [], sideOffers: [] },
      pricing: minskPricing(price, budget), deal: { releases: ask, relief: ids, sideOffers: [], grand },
      // Minsk counters with as many as the relief is worth to it (R03); with nobody, it walks.
      counter: () => {
        const affordable = affordableReleases(world, ask, byId, budget, largestItem, by, rules);
        return affordable.length > 0 ? minskCounter(ids, reservation, budget, affordable) : null;
      },
      record: (answer) => {
        const cited: RuleId[] = [...openRules, 'R03', 'R08'];
        if (answer === 'accept') {
          return { why: { code: 'worth-covers-cost', worth: budget, cost: price.cost, count: headcount(ask) }, rules: [...cited, ...price.rules], ...numbers() };
        }
        if (answer === 'walk') return { why: { code: 'worth-too-little', worth: budget }, rules: cited, ...numbers() };
        return { why: { code: 'cost-above-worth', count: headcount(ask), cost: price.ruled, worth: budget }, rules: cited, ...numbers() };
      },
    };
  }

  // Minsk's counter: as many as the relief is worth (R03), plus help with Putin or Maduro (R16); priced by Washington.
  function minskCounter(ids: readonly string[], reservation: number, budget: number, affordable: readonly Release[]): Step<UsDeal> {
    const value = usValue(world, affordable, byId, sideOffers, us, rules);
    const counterRules: RuleId[] = ['R03', 'R06', 'R13'];
    if (sideOffers.length) counterRules.push('R16');
    return {
      from: 'belarus', to: 'us', kind: 'counter', pkg: { releases: affordable, relief: ids, grants: [], commitments: [], sideOffers },
      pricing: { value, reservation, redLine: null }, deal: { releases: affordable, relief: ids, sideOffers, grand: false },
      record: (answer) => ({
        why: { code: answer === 'accept' ? 'releases-clear-reservation' : 'releases-below-reservation', count: headcount(affordable), worth: value, reservation },
        rules: counterRules,
        values: { belarus: budget, us: value },
        reservations: { belarus: releaseCost(world, affordable, byId, by, rules).cost, us: reservation },
      }),
    };
  }

  const round = bargain({ track: 'us-belarus', deadline: us.exchanges, next: strategy, trace: keep });
  const agreed = round.agreed?.deal;
  if (agreed) return withSpace(close(ctx, agreed.releases, agreed.relief, agreed.sideOffers, belarusEscalating, round.offers, agreed.grand));
  return withSpace({ world, offers: round.offers, deal: null, blockedBy: round.blockedBy });
}

/** What Washington and Minsk agreed on: what `close` carries out. */
interface UsDeal {
  readonly releases: readonly Release[];
  readonly relief: readonly string[];
  readonly sideOffers: readonly SideOffer[];
  readonly grand: boolean;
}

const numbered = (offers: readonly ModelOffer[]): ModelOffer[] => offers.map((o, i) => ({ ...o, exchange: i + 1 }));

function close(ctx: TrackContext, releases: readonly Release[], relief: readonly string[], sideOffers: readonly SideOffer[], belarusEscalating: boolean, offers: ModelOffer[], grandBargain: boolean): TrackResult {
  const { world, scenario, rules, rng } = ctx;
  const by = scenario.agents.belarus;
  const byId = indexById(candidatesFor(world, 'us', rules));
  const routes = chooseRoutes(world, releases, byId, true, by, rules, rng, scenario.world.accepts);
  // R11: part of a US deal may be a promise to stop the balloons (¶27).
  const calms = belarusEscalating && isOn(rules, 'R11') && rng.next() < by.calmingChance;
  const commitments: Commitment[] = calms ? ['stop-balloons'] : [];
  // R21: carried out in batches; the relief waits for the first batch to be verified.
  const staging = stageDeal('us-belarus', routes.routed, relief, [], scenario.agents, rules);
  const now = staging.now;
  const liftedNow = staging.reliefNow;
  const after = executeDeal(world, now, liftedNow, [], commitments);
  const pkg: Package = { releases, relief, grants: [], commitments, sideOffers };
  const released = headcount(now);
  const split = routeSplit(now);
  const dealRules: RuleId[] = ['R01', 'R02', 'R03', ...routes.rules];
  if (staging.pending) dealRules.push('R21');
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
  if (!staging.staged) return { world: after, offers: numbered(offers), deal };
  return { world: after, offers: numbered(offers), deal: { ...deal, staged: staging.staged }, pending: staging.pending };
}
