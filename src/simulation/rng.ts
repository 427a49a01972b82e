/** The one seeded random stream of a run; nothing in the model draws from anywhere else. */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function createRng(seed: number | string): Rng {
  const prng = seedrandom(`thaw:${seed}`);
  return { next: () => prng.quick() };
}

/** Draws the next state from a row of probabilities (normalised; an empty row keeps `stay`). */
export function drawFrom<K extends string>(rng: Rng, row: Partial<Record<K, number>>, order: readonly K[], stay: K): K {
  let total = 0;
  for (const k of order) total += row[k] ?? 0;
  if (total <= 0) return stay;
  let u = rng.next() * total;
  for (const k of order) {
    u -= row[k] ?? 0;
    if (u < 0) return k;
  }
  return stay;
}
