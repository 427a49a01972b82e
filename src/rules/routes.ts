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
      routed.push({ ...r, route: 'lithuania' });
      continue;
    }
    if (r.named) {
      // A draw only when spite can send someone to Ukraine, so that calm relations or R05 off
      // leave the rest of the run's random stream untouched.
      routed.push({ ...r, route: to(ukraineShare > 0 && rng.next() < ukraineShare ? 'ukraine' : 'lithuania') });
      continue;
    }
    const atHome = Math.round(r.count * homeShare);
    const deported = r.count - atHome;
    const toUkraine = Math.round(deported * ukraineShare);
    // One entry per destination: a refused route's share joins the one that replaces it.
    const parts = new Map<Route, number>();
    for (const [route, n] of [[to('ukraine'), toUkraine], [to('lithuania'), deported - toUkraine], ['home', atHome]] as const) {
      if (n > 0) parts.set(route, (parts.get(route) ?? 0) + n);
    }
    for (const [route, n] of parts) routed.push({ ...r, count: n, route });
  }
  return { routed, rules: [...cited], spite, impulsive };
}
