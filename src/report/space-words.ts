/** How a deal space was sampled, in words (`DealSpaceRecord.sampled`), from the model's `Sampling`. */
import type { ModelSpace, Sampling } from '../simulation/trace.js';

/** "bundles of the 6 heaviest US items × 33 release counts (of 0–1200) along Washington's order" */
export function sampledWords(track: string, s: Sampling): string {
  const counts = `${s.counts ?? 0} release counts (of 0–${s.ofCounts ?? 0})`;
  switch (track) {
    case 'us-belarus': return `bundles of the ${s.items ?? 0} heaviest US items × ${counts} along Washington's order`;
    case 'eu-belarus': return `each EU item × ${counts} in Minsk's order`;
    case 'lithuania-belarus': return `${s.counts ?? 0} deportee counts (of 0–${s.ofCounts ?? 0}) in Minsk's order`;
    case 'poland-belarus': return `bundles of ${s.items ?? 0} of Poland's ${s.ofItems ?? 0} relief items`;
    default: return `${s.items ?? 0} of ${s.ofItems ?? 0} items`;
  }
}

export const sampledOf = (space: Pick<ModelSpace, 'track' | 'sampling'>): string | null =>
  space.sampling ? sampledWords(space.track, space.sampling) : null;
