/**
 * Exact floating-point sums (Shewchuk's adaptive partials, as in Python's math.fsum): the running
 * total is kept as a list of non-overlapping doubles whose exact sum is the exact sum of everything
 * added, and `value()` rounds that once, correctly. The result is therefore a function of the
 * multiset of addends alone: any order, any split into parts merged later, gives the same double —
 * which lets workers and shards summarise in whatever order runs finish.
 */
export class ExactSum {
  private partials: number[] = [];

  add(x: number): void {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
  }

  /** Adds another sum's exact total (its partials), leaving `other` as it was. */
  merge(other: ExactSum): void {
    for (const x of other.partials) this.add(x);
  }

  /** The exact total, rounded to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-way cases: the partials below decide which way the rounding of hi + lo must go.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}
