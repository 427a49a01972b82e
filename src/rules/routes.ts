/**
 * Where deportees go: Belarus chooses (R05 spite-route), except that the US insists on Lithuania
 * for a Nobel laureate (R04 laureate-route).
 */
import type { BelarusParams } from '../scenario/schema.js';
import { DEPORTATION_ROUTES, type Deportation, type Route, type World } from '../world/types.js';
import type { Release } from '../negotiation/package.js';
import type { Candidate } from './value-match.js';
import type { Rng } from '../simulation/rng.js';
import { isOn, type RuleSwitches } from './switches.js';
import type { RuleId } from './ids.js';

export interface RoutedRelease extends Release {
  readonly route: Route;
}

/**
 * `count` of a release's people sent by `route`, written out field by field: a spread with an
 * override (`{ ...r, route }`) costs several times a literal in the month loop (docs/performance.md).
 */
export const routedRelease = (r: Release, count: number, route: Route): RoutedRelease => ({ id: r.id, count, named: r.named, route });

export interface RouteDecision {
  readonly routed: readonly RoutedRelease[];
  readonly rules: readonly RuleId[];
  readonly spite: boolean;
  readonly impulsive: boolean;
}

/** R05: relations count as escalating above the hostility threshold. */
export const relationsEscalating = (world: World, p: BelarusParams): boolean =>
  world.relations.lithuania.hostility > p.escalationHostility;

/** Which neighbours take deportees (R19); everyone does unless a scenario says otherwise. */
export type Acceptance = Readonly<Record<Deportation, boolean>>;
export const EVERYONE_ACCEPTS: Acceptance = { lithuania: true, ukraine: true, poland: true };

/** R19: a neighbour that takes no deportees is skipped for the next that does, in a fixed order; none left means home. */
export function destination(wanted: Route, accepts: Acceptance): Route {
  if (wanted === 'home' || accepts[wanted]) return wanted;
  return DEPORTATION_ROUTES.find((r) => accepts[r]) ?? 'home';
}

/**
 * Splits a US-track release between Lithuania and Ukraine. While relations escalate most go to
 * Ukraine; on impulse (a random draw) Belarus may re-decide at the last moment (¶15, ¶17).
 * A laureate goes to Lithuania whenever the US is a party and R04 is on.
 */
export function chooseRoutes(
  world: World,
  releases: readonly Release[],
  byId: ReadonlyMap<string, Candidate>,
  usIsParty: boolean,
  p: BelarusParams,
  rules: RuleSwitches,
  rng: Rng,
  accepts: Acceptance = EVERYONE_ACCEPTS,
): RouteDecision {
  const cited = new Set<RuleId>();
  const r05 = isOn(rules, 'R05');
  let spite = r05 && relationsEscalating(world, p);
  // The last-minute impulse (¶15, ¶17): sometimes the route is re-decided on a coin toss.
  const impulsive = r05 && rng.next() < p.impulse;
  if (impulsive) spite = rng.next() < 0.5;
  if (r05) cited.add('R05');
  const ukraineShare = spite ? p.spiteShare : 0;
  // R19: some are freed at home; deportees go only where a neighbour takes them. No draws, so the
  // stream is the same with R19 on or off.
  const r19 = isOn(rules, 'R19');
  const homeShare = r19 ? p.homeShare : 0;
  const to = (route: Route): Route => (r19 ? destination(route, accepts) : route);
  if (r19) cited.add('R19');
  const routed: RoutedRelease[] = [];
  for (const r of releases) {
    const c = byId.get(r.id);
    if (c?.laureate && usIsParty && isOn(rules, 'R04')) {
      cited.add('R04');
      routed.push(routedRelease(r, r.count, 'lithuania'));
      continue;
    }
    if (r.named) {
      // A draw only when spite can send someone to Ukraine, so that calm relations or R05 off
      // leave the rest of the run's random stream untouched.
      routed.push(routedRelease(r, r.count, to(ukraineShare > 0 && rng.next() < ukraineShare ? 'ukraine' : 'lithuania')));
      continue;
    }
    const atHome = Math.round(r.count * homeShare);
    const deported = r.count - atHome;
    const toUkraine = Math.round(deported * ukraineShare);
    // One entry per destination, in first-named order: a refused route's share joins the one that replaces it.
    const first = routed.length;
    const part = (route: Route, n: number) => {
      if (n <= 0) return;
      const k = routed.findIndex((x, i) => i >= first && x.route === route);
      if (k < 0) routed.push(routedRelease(r, n, route));
      else routed[k] = routedRelease(r, routed[k]!.count + n, route);
    };
    part(to('ukraine'), toUkraine);
    part(to('lithuania'), deported - toUkraine);
    part('home', atHome);
  }
  return { routed, rules: [...cited], spite, impulsive };
}
