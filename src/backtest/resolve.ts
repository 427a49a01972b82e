/**
 * Resolving a fact in one run: pure, from the run's worlds at the end of each month and its waves
 * (`outcome.waves`), never from the story's text. Windows are whole months: `from` (inclusive,
 * default the first simulated month) to `by` (inclusive, resolved at the month's end).
 */
import type { MonthKey, World } from '../world/types.js';
import { heldCount, releasedCount } from '../world/create.js';
import { monthIndex } from '../world/month.js';
import type { WaveRecord } from '../simulation/trace.js';
import type { Bounds, Fact, FactQuery } from './facts.js';

/** What a run gives a backtest: the start world, the world after each simulated month, the waves. */
export interface ResolvableRun {
  readonly start: World;
  /** months[i] is the world at the end of the (i + 1)-th month after the start. */
  readonly months: readonly World[];
  readonly waves: readonly WaveRecord[];
}

/** The world at the end of `month`; the start world for the start month itself. */
export function worldAt(run: ResolvableRun, month: MonthKey): World {
  const k = monthIndex(month) - monthIndex(run.start.month);
  if (k < 0 || k > run.months.length) throw new RangeError(`month ${month} lies outside the run (${run.start.month} + ${run.months.length} months)`);
  return k === 0 ? run.start : run.months[k - 1]!;
}

/** The world just before the window opens (the start world when the window has no `from`). */
const before = (run: ResolvableRun, fact: Fact): World =>
  fact.from === null ? run.start : worldAt(run, monthKeyBefore(fact.from, run.start.month));

function monthKeyBefore(month: MonthKey, start: MonthKey): MonthKey {
  const k = monthIndex(month) - 1;
  // A window opening at or before the first simulated month counts from the start.
  if (k <= monthIndex(start)) return start;
  const y = Math.floor(k / 12);
  return `${String(y).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
}

const within = (value: number, b: Bounds): boolean => (b.min === null || value >= b.min) && (b.max === null || value <= b.max);

/** A bounded question's answer, or the number itself when it has no bounds. */
const answer = (value: number, b: Bounds): boolean | number => (b.min === null && b.max === null ? value : within(value, b));

function inWindow(month: MonthKey, fact: Fact): boolean {
  const m = monthIndex(month);
  return m <= monthIndex(fact.by) && (fact.from === null || m >= monthIndex(fact.from));
}

export function resolveFact(fact: Fact, run: ResolvableRun): boolean | number {
  const q: FactQuery = fact.query;
  const end = worldAt(run, fact.by);
  switch (q.kind) {
    case 'wave':
      return run.waves.some((w) => inWindow(w.month, fact) && (q.track === null || w.track === q.track) &&
        w.released >= q.minReleased && (q.relief === null || w.relief.includes(q.relief)));
    case 'released': {
      const start = before(run, fact);
      const all = releasedCount(end) - releasedCount(start);
      return answer(q.withPardons ? all : all - (end.pardoned - start.pardoned), q);
    }
    case 'pardoned':
      return answer(end.pardoned - before(run, fact).pardoned, q);
    case 'held':
      return answer(heldCount(end), q);
    case 'arrested':
      return answer(end.arrested - before(run, fact).arrested, q);
    case 'sanction':
      return end.sanctions.some((s) => s.id === q.id && s.status === q.status);
    case 'named':
      return end.named.some((p) => p.id === q.id && p.status === q.status && (q.route === null || p.route === q.route));
    case 'transit':
      return end.transitOpen === (q.status === 'open');
    case 'route': {
      const start = before(run, fact);
      const count = end.releasedByRoute[q.route] - start.releasedByRoute[q.route];
      if (q.minShare === null && q.maxShare === null) return answer(count, q);
      const all = releasedCount(end) - releasedCount(start);
      // No releases in the window: no share of them can be said to hold.
      if (all === 0) return false;
      const share = count / all;
      return within(count, q) && (q.minShare === null || share >= q.minShare) && (q.maxShare === null || share <= q.maxShare);
    }
  }
}

/** Every fact in one run, as numbers (yes/no as 1 or 0), in the facts' order; `worlds` starts with the start world. */
export function resolveAll(facts: readonly Fact[], worlds: readonly World[], waves: readonly WaveRecord[]): number[] {
  const run: ResolvableRun = { start: worlds[0]!, months: worlds.slice(1), waves };
  return facts.map((f) => {
    const v = resolveFact(f, run);
    return typeof v === 'number' ? v : v ? 1 : 0;
  });
}
