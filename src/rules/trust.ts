/**
 * R24 for Brussels and Vilnius: the less a payer trusts Minsk, the more it asks for what it gives
 * (the EU more releases per relief point, Lithuania a higher price for Klaipėda). Washington's
 * side of R24 is in us-valuation.ts, where distrust lowers its keenness instead.
 */
import type { TrustPartner, World } from '../world/types.js';
import { isOn, type RuleSwitches } from './switches.js';

/** The factor a payer's ask is multiplied by: 1 at full trust, 1 + `weight` at none; 1 with R24 off. */
export function distrustMarkup(world: World, partner: TrustPartner, weight: number, rules: RuleSwitches): number {
  return isOn(rules, 'R24') ? 1 + weight * (1 - world.trustWith[partner]) : 1;
}
