/**
 * The concession loop every track runs through, the article's four and those a scenario declares
 * (issue #11, items 1 and 5). A track supplies its
 * strategy, the steps it takes in order (who proposes what to whom), and for each step ONE pricing
 * by the answering party; the loop applies the answer rule here and nowhere else, builds every
 * offer record with `offerRecord`, numbers the exchanges and says what blocked a round without a
 * deal.
 *
 * The answer rule, for a step's pricing:
 *  - a package its own proposer cannot bring up to its reservation is refused as that gap;
 *  - a package crossing a red line is refused (`redLine(rule, answerer)`);
 *  - a package worth at least the answerer's reservation to it is accepted, unless it gives the
 *    answerer nothing at all (an empty package is no deal, even at a price of 0);
 *  - else the answerer refuses it (`valueGap(answerer, reservation, value)`), and then:
 *    - an answerer that may counter (the step has `counter`) puts up what it would give instead
 *      ('counter'); when it has nothing to give it walks away from this offer (the refusal is the
 *      record's `blockedBy`), and the strategy may still try its next step;
 *    - otherwise the strategy's next step answers it ('counter'), while the strategy has a step
 *      and the deadline allows; with a step left but no exchange, it walks at the `DEADLINE`;
 *      with no step left, it walks with the refusal.
 * The deadline counts the strategy's own steps; the answerer's counters ride on the step they answer.
 */
import type { RuleId } from '../rules/ids.js';
import type { BlockedBy, DeclaredTrackId, ModelOffer, OfferWhy, PartyId, TrackId } from '../simulation/trace.js';
import type { ItemPackage, Package } from './package.js';
import { clears, DEADLINE, offerRecord, redLine, valueGap, type OfferNumbers } from './protocol.js';

export type Answer = ModelOffer['answer'];

/** The answering party's side of one package: all the answer rule reads. */
export interface Pricing {
  /** What the package is worth to the answerer. */
  readonly value: number;
  /** The least the answerer takes. */
  readonly reservation: number;
  /** The red line the package crosses that decides the answer (null: none does). */
  readonly redLine: RuleId | null;
  /**
   * The proposer could not bring its own package up to its reservation (too few people held, say):
   * refused as the proposer's gap, whatever the answerer thinks of it.
   */
  readonly shortfall?: { readonly party: PartyId; readonly reservation: number; readonly value: number };
  /** The package gives the answerer nothing: never taken, even at a price of 0 (refused as the value gap). */
  readonly givesNothing?: boolean;
}

/** What a step's offer record says besides the package: read only when a trace is kept. */
export interface StepRecord {
  readonly why: OfferWhy;
  readonly rules: readonly RuleId[];
  readonly values: OfferNumbers['values'];
  readonly reservations: OfferNumbers['reservations'];
}

/** One move of a round: a package put by `from` to `to`, priced once by `to`. */
export interface Step<D> {
  readonly from: PartyId;
  readonly to: PartyId;
  readonly kind: 'offer' | 'counter';
  /** The four tracks' packages, or a declared track's items. */
  readonly pkg: Package | ItemPackage;
  readonly pricing: Pricing;
  /** What the track needs to carry out the deal when this package is accepted. */
  readonly deal: D;
  /** The answerer's counter to a refused package; null when it has nothing to give. Absent: it does not counter. */
  readonly counter?: () => Step<D> | null;
  /** The record's reasons and numbers for the answer given. */
  readonly record: (answer: Answer, blockedBy: BlockedBy | undefined) => StepRecord;
}

/** A step the strategy has left, built only when taken (so a deadline prices nothing more). */
export type Planned<D> = () => Step<D>;

/** A track's concession strategy, as the loop runs it. */
export interface Bargain<D> {
  readonly track: TrackId | DeclaredTrackId;
  /** The most steps of the strategy one round allows. */
  readonly deadline: number;
  /** The opening (`refusal` null) or the step after a refusal; null when the strategy has none left. */
  readonly next: (refusal: BlockedBy | null) => Planned<D> | null;
  /** Keep the offer records (a sweep's runs do not). */
  readonly trace: boolean;
}

export interface Outcome<D> {
  readonly offers: ModelOffer[];
  /** The accepted step, or null. */
  readonly agreed: Step<D> | null;
  /** What blocked the round when nothing was agreed. */
  readonly blockedBy: BlockedBy;
}

/** Why the answerer refuses a step, or null when it accepts it (the answer rule's first three lines). */
export function refusalOf(pricing: Pricing, answerer: PartyId): BlockedBy | null {
  const { shortfall } = pricing;
  if (shortfall) return valueGap(shortfall.party, shortfall.reservation, shortfall.value);
  if (pricing.redLine !== null) return redLine(pricing.redLine, answerer);
  return !pricing.givesNothing && clears(pricing.value, pricing.reservation) ? null : valueGap(answerer, pricing.reservation, pricing.value);
}

/** Run one round of a track's strategy to an agreement, a walk or its deadline. */
export function bargain<D>(b: Bargain<D>): Outcome<D> {
  const offers: ModelOffer[] = [];
  const push = (step: Step<D>, answer: Answer, blockedBy?: BlockedBy) => {
    if (!b.trace) return;
    const r = step.record(answer, blockedBy);
    offers.push(offerRecord(b.track, offers.length + 1, step.from, step.to, step.kind, step.pkg, answer, r.why, [...r.rules],
      { values: r.values, reservations: r.reservations, ...(blockedBy ? { blockedBy } : {}) }));
  };
  let taken = 0;
  const take = (planned: Planned<D> | null): Step<D> | null => {
    if (!planned || taken >= b.deadline) return null;
    taken += 1;
    return planned();
  };
  let blockedBy: BlockedBy = DEADLINE;
  let step = take(b.next(null));
  while (step) {
    const refusal = refusalOf(step.pricing, step.to);
    if (!refusal) {
      push(step, 'accept');
      return { offers, agreed: step, blockedBy };
    }
    if (step.counter) {
      const counter = step.counter();
      if (counter) {
        push(step, 'counter');
        step = counter;
        continue;
      }
      // Nothing to give for it: the answerer walks from this offer; the proposer may try another.
      push(step, 'walk', refusal);
      blockedBy = refusal;
      step = take(b.next(refusal));
      continue;
    }
    const planned = b.next(refusal);
    if (planned && taken < b.deadline) {
      push(step, 'counter');
      step = take(planned);
      continue;
    }
    blockedBy = planned ? DEADLINE : refusal;
    push(step, 'walk', blockedBy);
    step = null;
  }
  return { offers, agreed: null, blockedBy };
}
