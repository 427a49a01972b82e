/**
 * Why an offer was answered so, in words, from the record's code and numbers (`OfferWhy`): the
 * tracks record what the recipient weighed, this module says it. Numbers to one decimal.
 */
import type { ModelOffer, OfferWhy } from '../simulation/trace.js';

const fmt = (x: number): string => x.toFixed(1);

/** "the 266 asked would cost it 6.2, more than the 5.9 the relief is worth to it" */
export function reasonOf(why: OfferWhy, offer: Pick<ModelOffer, 'package'>): string {
  switch (why.code) {
    case 'worth-covers-cost':
      return `the relief is worth ${fmt(why.worth)} to it, covering the ${fmt(why.cost)} the ${why.count} releases cost it`;
    case 'worth-above-cost':
      return `the relief is worth ${fmt(why.worth)} to it, above the ${fmt(why.cost)} the ${why.count} releases cost it`;
    case 'cost-above-worth':
      return `the ${why.count} asked would cost it ${fmt(why.cost)}, more than the ${fmt(why.worth)} the relief is worth to it`;
    case 'worth-too-little':
      return `the relief is worth only ${fmt(why.worth)} to it, too little for any of the people asked for`;
    case 'releases-clear-reservation':
      return `${why.count} releases${offer.package.sideOffers.length ? ' and the side offers' : ''} are worth ${fmt(why.worth)} to it, above its reservation of ${fmt(why.reservation)}`;
    case 'releases-below-reservation':
      return `${why.count} releases are worth only ${fmt(why.worth)} to it, below its reservation of ${fmt(why.reservation)}`;
    case 'clears-bar':
      return `${why.got} of the ${why.asked} asked clears its bar of ${why.bar}`;
    case 'below-bar':
      return `${why.got} of the ${why.asked} asked is below its bar of ${why.bar}`;
    case 'calm-above-price':
      return `calm and the drivers are worth ${fmt(why.worth)} to it, above its price of ${fmt(why.price)}`;
    case 'calm-short-of-price':
      return `calm and the drivers are worth ${fmt(why.worth)} to it, short of its price of ${fmt(why.price)}`;
    case 'transit-above-cost':
      return `transit is worth ${fmt(why.worth)} to it (R08), above the ${fmt(why.cost)} the ${why.count} releases cost it`;
    case 'transit-below-cost':
      return `transit is worth ${fmt(why.worth)} to it (R08), less than the ${why.count} releases asked would cost it`;
    case 'not-for-sale':
      return 'an enemy of the regime is not for sale at any price';
    case 'relief-above-price':
      return `Poland's relief is worth ${fmt(why.worth)} to it, above its price of ${fmt(why.price)}`;
    case 'price-above-all-relief':
      return `it prices the release at ${fmt(why.price)}, and Poland's relief, all Warsaw will give, is worth only ${fmt(why.worth)} to it`;
    case 'price-above-relief':
      return `it prices the release at ${fmt(why.price)}, and Poland's relief is worth only ${fmt(why.worth)} to it`;
    case 'package-meets-price':
      return `Warsaw's full package is worth ${fmt(why.worth)} to it, enough for its price of ${fmt(why.price)}`;
    case 'best-short-of-price':
      return `Warsaw's best is worth ${fmt(why.worth)} to it, short of its price of ${fmt(why.price)}`;
    case 'clears-reservation':
      return `the package is worth ${fmt(why.worth)} to it, clearing its reservation of ${fmt(why.reservation)}`;
    case 'short-of-reservation':
      return `the package is worth ${fmt(why.worth)} to it, short of its reservation of ${fmt(why.reservation)}`;
  }
}
