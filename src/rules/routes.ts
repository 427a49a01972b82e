/**
 * Where deportees go: Belarus chooses (R05 spite-route), except that the US insists on Lithuania
 * for a Nobel laureate (R04 laureate-route).
 */
import type { BelarusParams } from '../scenario/schema.js';
import type { Route, World } from '../world/types.js';
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
): RouteDecision {
  const cited = new Set<RuleId>();
  const r05 = isOn(rules, 'R05');
  let spite = r05 && relationsEscalating(world, p);
  // The last-minute impulse (¶15, ¶17): sometimes the route is re-decided on a coin toss.
  const impulsive = r05 && rng.next() < p.impulse;
  if (impulsive) spite = rng.next() < 0.5;
  if (r05) cited.add('R05');
  const ukraineShare = spite ? p.spiteShare : 0;
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
      routed.push({ ...r, route: ukraineShare > 0 && rng.next() < ukraineShare ? 'ukraine' : 'lithuania' });
      continue;
    }
    const toUkraine = Math.round(r.count * ukraineShare);
    if (toUkraine > 0) routed.push({ ...r, count: toUkraine, route: 'ukraine' });
    if (r.count - toUkraine > 0) routed.push({ ...r, count: r.count - toUkraine, route: 'lithuania' });
  }
  return { routed, rules: [...cited], spite, impulsive };
}
