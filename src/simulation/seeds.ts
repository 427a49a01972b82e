/**
 * Per-run seeds of a study. Like Axelrod's tournaments, every run's seed is a function of the
 * study's seed and the run's index only, so a run does not depend on which worker ran it, in which
 * order, or in which shard: any split of a study gives the same runs. Each seed is a valid
 * `thaw run --seed`, so any run of a sweep can be replayed and read as a story.
 */

/** A 32-bit integer hash with good avalanche (the murmur3 finaliser). */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of run `index` (0-based) of a study seeded with `studySeed`; in [0, 2^32). */
export function runSeed(studySeed: number, index: number): number {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`run index must be a whole number ≥ 0, got ${index}`);
  const hi = Math.floor(index / 2 ** 32);
  return mix32(mix32(studySeed >>> 0) ^ mix32((index >>> 0) + 0x9e3779b9) ^ mix32(hi + 0x7f4a7c15));
}
