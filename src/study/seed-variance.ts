/**
 * How much of an output's variance the seed alone causes: with r ≥ 2 replications of each design
 * point (the same parameters, different seeds), the mean within-point variance over the total
 * variance. Near 0: the inputs decide the outcome; near 1: chance does, and no input can explain it.
 */

/** `values[point][replication]`; null where a run does not define the metric. */
export function seedVarianceShare(values: readonly (readonly (number | null)[])[]): number | null {
  let within = 0;
  let points = 0;
  const all: number[] = [];
  for (const reps of values) {
    const present = reps.filter((v): v is number => v !== null && Number.isFinite(v));
    all.push(...present);
    if (present.length < 2) continue;
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    within += present.reduce((a, v) => a + (v - mean) ** 2, 0) / (present.length - 1);
    points += 1;
  }
  // A point with two values puts two in `all`: points > 0 is enough for a total variance.
  if (points === 0) return null;
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  const total = all.reduce((a, v) => a + (v - mean) ** 2, 0) / (all.length - 1);
  if (total === 0) return null;
  return Math.min(1, within / points / total);
}
