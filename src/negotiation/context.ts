import type { Scenario } from '../scenario/schema.js';
import type { RuleSwitches } from '../rules/switches.js';
import type { Rng } from '../simulation/rng.js';
import type { World } from '../world/types.js';
import type { Staging } from './stages.js';
import type { BlockedBy, ModelDeal, ModelEvent, ModelOffer, ModelSpace } from '../simulation/trace.js';

/** What a track needs to negotiate one round. */
export interface TrackContext {
  readonly world: World;
  readonly scenario: Scenario;
  readonly rules: RuleSwitches;
  readonly rng: Rng;
  /**
   * False when nobody will read the offers (a sweep's runs keep no trace): the tracks then skip
   * writing them. Deals are always recorded; they change the world and are counted.
   */
  readonly trace?: boolean;
  /** Compute each round's deal space (`--deal-space`); off by default: it costs far more than the round. */
  readonly dealSpace?: boolean;
  /** Relief promised in a staged deal not yet paid (R21): not to be offered again meanwhile. */
  readonly reserved?: ReadonlySet<string>;
}

/** A round's record, and the world after it. */
export interface TrackResult {
  readonly world: World;
  readonly offers: readonly ModelOffer[];
  readonly deal: ModelDeal | null;
  /** The round's deal space, when asked for. */
  readonly space?: ModelSpace;
  /** A negotiation that ended without a deal: what blocked it (kept with or without a trace, for the metrics). */
  readonly blockedBy?: BlockedBy;
  /** A move that is not an offer, such as an envoy who puts nothing on the table; traced only. */
  readonly events?: readonly ModelEvent[];
  /** A staged deal (R21): the batches still to free and the relief and grants to pay once the first is verified. */
  readonly pending?: Staging['pending'];
}
