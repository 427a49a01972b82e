/**
 * The Poland–Belarus track over Poczobut (R07, ¶32). Warsaw opens with its border relief, then
 * raises to everything it will give (a prisoner swap on top); Minsk's asking price is the
 * person's cost to it (an enemy's at a premium, R17), varying from round to round.
 */
import type { RuleId } from '../rules/ids.js';
import { isOn } from '../rules/switches.js';
import { urgency } from '../rules/value-match.js';
import { marginalRelief } from '../world/valuation.js';
import { sanctionsOf } from '../world/recipes.js';
import { executeDeal, routedView, viewOf } from './execute.js';
import type { Grant, Package, Release } from './package.js';
import type { TrackContext, TrackResult } from './context.js';
import type { BlockedBy, ModelSpace, ModelOffer } from '../simulation/trace.js';
import { bundles, MAX_ITEMS, spaceRecord, type Priced } from './spaces.js';
import { bargain, type Planned, type Step } from './bargain.js';
import { DEADLINES } from './protocol.js';

export function runPolandTrack(ctx: TrackContext): TrackResult {
  const { world, scenario, rules, rng } = ctx;
  const pl = scenario.agents.poland;
  const by = scenario.agents.belarus;
  const wanted = world.named.filter((p) => p.status === 'held' && p.onlyThrough === 'poland');
  const relief = sanctionsOf(world, 'poland', 'active').map((s) => s.id);
  if (wanted.length === 0) return { world, offers: [], deal: null };

  const releases: Release[] = wanted.map((p) => ({ id: p.id, count: 1, named: true }));
  const noise = 1 + (rng.next() * 2 - 1) * pl.askNoise;
  let ask = 0;
  const askRules: RuleId[] = ['R07'];
  // R17 off: an enemy is not for sale. A red line apart from value: his price is still priced (at the premium).
  let crosses = false;
  for (const p of wanted) {
    if (p.enemy && !isOn(rules, 'R17')) crosses = true;
    ask += p.belarusCost * (p.enemy ? by.enemyPremium : 1);
    if (p.enemy) askRules.push('R17');
  }
  ask *= noise;
  const keen = urgency(world, by, rules);
  const reliefValue = marginalRelief(world, relief, false, isOn(rules, 'R08')) * keen;
  const keep = ctx.trace !== false;
  // Warsaw values the release at the most it will give (its concession); what it puts up is its cost.
  const numbers = (offered: number) => ({
    values: { poland: pl.concession, belarus: offered },
    reservations: { poland: offered, belarus: ask },
  });

  const opening: Package = { releases, relief, grants: [], commitments: [], sideOffers: [] };
  // With --deal-space: every bundle of Warsaw's relief, with and without the swap, for Poczobut.
  const space = ctx.dealSpace ? polandSpace() : undefined;
  const withSpace = (r: TrackResult): TrackResult => (space ? { ...r, space } : r);
  function polandSpace(): ModelSpace {
    // The swap is worth to Minsk what it adds to Warsaw's full package (its concession over the relief).
    const swap = Math.max(0, pl.concession - reliefValue);
    const priced: Priced[] = [];
    for (const bundle of [[], ...bundles(relief)]) {
      const worth = marginalRelief(world, bundle, false, isOn(rules, 'R08')) * keen;
      for (const grants of [[], ['prisoner-swap']] as Grant[][]) {
        if (bundle.length === 0 && grants.length === 0) continue;
        const given = worth + (grants.length ? swap : 0);
        priced.push({ pkg: { ...opening, relief: bundle, grants }, values: { poland: pl.concession, belarus: given },
          reservations: { poland: given, belarus: ask }, redLine: crosses ? 'R17' : null });
      }
    }
    return spaceRecord('poland-belarus', ['poland', 'belarus'], priced, relief.length > MAX_ITEMS ? { items: MAX_ITEMS, ofItems: relief.length } : null);
  }

  // Warsaw's last word: everything it will give, a swap on top of the relief.
  const full = Math.max(pl.concession, reliefValue);
  const step = (kind: 'offer' | 'counter', pkg: Package, offered: number, record: Step<Package>['record']): Step<Package> => ({
    from: 'poland', to: 'belarus', kind, pkg, deal: pkg, record,
    // Minsk's price is the person's cost; an enemy with R17 off is not for sale at any price.
    pricing: { value: offered, reservation: ask, redLine: crosses ? 'R17' : null, givesNothing: pkg.relief.length === 0 && pkg.grants.length === 0 },
  });
  const openingStep = (): Step<Package> => step('offer', opening, reliefValue, (answer, blockedBy) => {
    if (blockedBy?.kind === 'red-line') return { why: { code: 'not-for-sale' }, rules: ['R07', 'R17'], ...numbers(reliefValue) };
    if (answer === 'accept') {
      return { why: { code: 'relief-above-price', worth: reliefValue, price: ask }, rules: isOn(rules, 'R14') ? [...askRules, 'R14'] : askRules, ...numbers(reliefValue) };
    }
    return { why: { code: answer === 'walk' ? 'price-above-all-relief' : 'price-above-relief', worth: reliefValue, price: ask }, rules: askRules, ...numbers(reliefValue) };
  });
  const finalStep = (): Step<Package> => step('counter', { ...opening, grants: ['prisoner-swap'] }, full, (answer) => ({
    why: { code: answer === 'accept' ? 'package-meets-price' : 'best-short-of-price', worth: full, price: ask }, rules: askRules, ...numbers(full),
  }));
  // Warsaw raises once, and only when its concession beats the relief alone (the swap is what it
  // adds); no raise moves a red line.
  let raised = false;
  const strategy = (refusal: BlockedBy | null): Planned<Package> | null => {
    if (refusal === null) return openingStep;
    if (raised || refusal.kind === 'red-line' || full <= reliefValue) return null;
    raised = true;
    return finalStep;
  };
  const round = bargain({ track: 'poland-belarus', deadline: DEADLINES['poland-belarus'], next: strategy, trace: keep });
  if (round.agreed) return withSpace(close(ctx, round.agreed.deal, round.offers));
  return withSpace({ world, offers: round.offers, deal: null, blockedBy: round.blockedBy });
}

function close(ctx: TrackContext, pkg: Package, offers: ModelOffer[]): TrackResult {
  const routed = pkg.releases.map((r) => ({ ...r, route: 'poland' as const }));
  const after = executeDeal(ctx.world, routed, pkg.relief, pkg.grants, pkg.commitments);
  return {
    world: after,
    offers,
    deal: {
      track: 'poland-belarus', parties: ['poland', 'belarus'], package: viewOf(pkg),
      released: routed.length, byRoute: { poland: routed.length }, routed: routedView(routed), lifted: [...pkg.relief],
      rules: ['R07', 'R03'],
    },
  };
}
