import type { Scenario } from '../scenario/schema.js';
import type { RuleSwitches } from '../rules/switches.js';
import type { Rng } from '../simulation/rng.js';
import type { World } from '../world/types.js';
import type { DealRecord, OfferRecord } from '../simulation/trace.js';

/** What a track needs to negotiate one round. */
export interface TrackContext {
  readonly world: World;
  readonly scenario: Scenario;
  readonly rules: RuleSwitches;
  readonly rng: Rng;
}

/** A round's record, and the world after it. */
export interface TrackResult {
  readonly world: World;
  readonly offers: readonly OfferRecord[];
  readonly deal: DealRecord | null;
}
