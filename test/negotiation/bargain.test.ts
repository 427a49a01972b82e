/**
 * The concession loop (src/negotiation/bargain.ts), driven by tiny hand-made strategies: each step
 * is a package with one pricing by its answerer, and the loop alone decides the answers, the
 * numbering, the `blockedBy` and the deadline. Known answers, worked out by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import { bargain, refusalOf, type Bargain, type Planned, type Pricing, type Step } from '../../src/negotiation/bargain.js';
import { DEADLINE, minskPricing } from '../../src/negotiation/protocol.js';
import type { AgentId, BlockedBy } from '../../src/simulation/trace.js';
import { emptyPackage } from '../../src/negotiation/package.js';

/** A step by `from` to `to` whose package is one sanction named `tag`, priced as given; its deal is `tag`. */
function step(tag: string, pricing: Pricing, opts: { from?: AgentId; to?: AgentId; kind?: 'offer' | 'counter'; counter?: () => Step<string> | null } = {}): Step<string> {
  const from = opts.from ?? 'us';
  const to = opts.to ?? 'belarus';
  return {
    from, to, kind: opts.kind ?? 'offer', pkg: { ...emptyPackage, relief: [tag] }, pricing, deal: tag,
    ...(opts.counter ? { counter: opts.counter } : {}),
    record: (answer) => ({
      why: { code: 'clears-reservation', worth: pricing.value, reservation: pricing.reservation },
      rules: answer === 'accept' ? ['R01'] : ['R02'],
      values: { [to]: pricing.value }, reservations: { [to]: pricing.reservation },
    }),
  };
}
const priced = (value: number, reservation: number, redLine: Pricing['redLine'] = null): Pricing => ({ value, reservation, redLine });

/** A strategy that takes `steps` in order, one after each refusal; it logs the refusals it was shown. */
function ladder(steps: readonly Step<string>[], deadline: number, trace = true) {
  const seen: (BlockedBy | null)[] = [];
  let taken = 0;
  const built: string[] = [];
  const b: Bargain<string> = {
    track: 'us-belarus', deadline, trace,
    next: (refusal): Planned<string> | null => {
      seen.push(refusal);
      const s = steps[taken];
      if (!s) return null;
      taken += 1;
      return () => { built.push(s.deal); return s; };
    },
  };
  return { b, seen, built };
}
const answers = (o: ReturnType<typeof bargain<string>>) => o.offers.map((r) => [r.exchange, r.from, r.to, r.package.relief[0], r.answer, r.blockedBy ?? null]);

describe('refusalOf: the answer rule on one pricing', () => {
  it('accepts at exactly the reservation (2 >= 2) and refuses just under it with the gap (2 - 1.5 = 0.5)', () => {
    expect(refusalOf(priced(2, 2), 'belarus')).toBeNull();
    expect(refusalOf(priced(1.5, 2), 'belarus')).toEqual({ kind: 'value-gap', party: 'belarus', gap: 0.5 });
  });
  it('a red line decides whatever the numbers (worth 9 against 1)', () => {
    expect(refusalOf(priced(9, 1, 'R17'), 'belarus')).toEqual({ kind: 'red-line', rule: 'R17', party: 'belarus' });
  });
  it('the proposer\'s own shortfall comes first: Vilnius reaches 3 of its 5, gap 2, even past a red line', () => {
    const p: Pricing = { ...priced(9, 1, 'R03'), shortfall: { party: 'lithuania', reservation: 5, value: 3 } };
    expect(refusalOf(p, 'belarus')).toEqual({ kind: 'value-gap', party: 'lithuania', gap: 2 });
  });
  it('a package that gives nothing is refused even at a price of 0 (gap 0 - 0 = 0)', () => {
    expect(refusalOf({ ...priced(0, 0), givesNothing: true }, 'belarus')).toEqual({ kind: 'value-gap', party: 'belarus', gap: 0 });
  });
});

describe('minskPricing: Minsk\'s red lines apart from value', () => {
  it('R17 decides even when the relief covers the cost (worth 5, cost 3)', () => {
    expect(minskPricing({ cost: 3, crosses: 'R17' }, 5)).toEqual({ value: 5, reservation: 3, redLine: 'R17' });
  });
  it('R03 names the refusal only when the worth would have covered the cost (5 >= 3), not below it (2 < 3)', () => {
    expect(minskPricing({ cost: 3, crosses: 'R03' }, 5).redLine).toBe('R03');
    expect(minskPricing({ cost: 3, crosses: 'R03' }, 2).redLine).toBeNull();
  });
  it('Minsk\'s answer to an ask (cost 3) under the answer rule, for each red line and worth 5, 2 and 3', () => {
    const R03 = { kind: 'red-line', rule: 'R03', party: 'belarus' };
    const R17 = { kind: 'red-line', rule: 'R17', party: 'belarus' };
    const gap = { kind: 'value-gap', party: 'belarus', gap: 1 };
    const table = [
      // No red line: worth 5 and 3 cover the cost (accepted), 2 falls 1 short.
      [null, 5, null], [null, 2, gap], [null, 3, null],
      // R03 names the refusal where the worth covers the cost (5, and 3 at the reservation); below it the gap does.
      ['R03', 5, R03], ['R03', 2, gap], ['R03', 3, R03],
      // R17: an enemy not for sale, whatever the worth.
      ['R17', 5, R17], ['R17', 2, R17], ['R17', 3, R17],
    ] as const;
    for (const [crosses, budget, expected] of table) {
      expect(refusalOf(minskPricing({ cost: 3, crosses }, budget), 'belarus'), `${crosses} at worth ${budget}`).toEqual(expected);
    }
  });
});

describe('bargain: the concession loop', () => {
  it('accepts at the first step: one record, exchange 1, the step\'s deal, no further step built', () => {
    const { b, seen, built } = ladder([step('a', priced(3, 2)), step('b', priced(9, 1))], 3);
    const out = bargain(b);
    expect(out.agreed?.deal).toBe('a');
    expect(answers(out)).toEqual([[1, 'us', 'belarus', 'a', 'accept', null]]);
    expect(out.offers[0]!.rules).toEqual(['R01']);
    expect(out.offers[0]!.values).toEqual({ belarus: 3 });
    expect(seen).toEqual([null]);
    expect(built).toEqual(['a']);
  });

  it('a red line on a step without a counter: the strategy is shown it, declines, and the answerer walks citing the rule', () => {
    const s = step('a', priced(9, 1, 'R17'));
    const b: Bargain<string> = { track: 'poland-belarus', deadline: 2, trace: true,
      next: (refusal) => (refusal === null ? () => s : refusal.kind === 'red-line' ? null : () => step('b', priced(9, 1))) };
    const out = bargain(b);
    const line = { kind: 'red-line', rule: 'R17', party: 'belarus' };
    expect(out.agreed).toBeNull();
    expect(out.blockedBy).toEqual(line);
    expect(answers(out)).toEqual([[1, 'us', 'belarus', 'a', 'walk', line]]);
  });

  it('a value gap at the last step: counter, counter, then walk with the gap of the last (4 - 3.5 = 0.5)', () => {
    const { b, seen } = ladder([step('a', priced(1, 4)), step('b', priced(2, 4), { kind: 'counter' }), step('c', priced(3.5, 4), { kind: 'counter' })], 5);
    const out = bargain(b);
    const gap = { kind: 'value-gap', party: 'belarus', gap: 0.5 };
    expect(out.blockedBy).toEqual(gap);
    expect(answers(out)).toEqual([
      [1, 'us', 'belarus', 'a', 'counter', null], [2, 'us', 'belarus', 'b', 'counter', null], [3, 'us', 'belarus', 'c', 'walk', gap],
    ]);
    expect(seen.map((r) => r?.kind ?? null)).toEqual([null, 'value-gap', 'value-gap', 'value-gap']);
  });

  it('the deadline with steps left: 2 steps allowed of 3, the second walks at the deadline and the third is never priced', () => {
    const { b, built } = ladder([step('a', priced(1, 4)), step('b', priced(2, 4)), step('c', priced(9, 4))], 2);
    const out = bargain(b);
    expect(out.blockedBy).toEqual(DEADLINE);
    expect(answers(out)).toEqual([[1, 'us', 'belarus', 'a', 'counter', null], [2, 'us', 'belarus', 'b', 'walk', DEADLINE]]);
    expect(built).toEqual(['a', 'b']);
  });

  it('a deadline of 0 takes no step at all: no records, blocked by the deadline', () => {
    const { b, built } = ladder([step('a', priced(9, 1))], 0);
    const out = bargain(b);
    expect(out).toEqual({ offers: [], agreed: null, blockedBy: DEADLINE });
    expect(built).toEqual([]);
  });

  it('counter then accept: Minsk counters Washington\'s ask, Washington takes the counter (5 >= 4); counters do not count against the deadline', () => {
    const counter = step('a-', priced(5, 4), { from: 'belarus', to: 'us', kind: 'counter' });
    const { b } = ladder([step('a', priced(1, 4), { counter: () => counter })], 1);
    const out = bargain(b);
    expect(out.agreed?.deal).toBe('a-');
    expect(answers(out)).toEqual([[1, 'us', 'belarus', 'a', 'counter', null], [2, 'belarus', 'us', 'a-', 'accept', null]]);
  });

  it('an answerer with nothing to counter walks from the offer, and the proposer tries its next step', () => {
    const gap = { kind: 'value-gap', party: 'belarus', gap: 3 };
    const { b } = ladder([step('a', priced(1, 4), { counter: () => null }), step('b', priced(4, 4), { kind: 'counter' })], 2);
    const out = bargain(b);
    expect(out.agreed?.deal).toBe('b');
    expect(answers(out)).toEqual([[1, 'us', 'belarus', 'a', 'walk', gap], [2, 'us', 'belarus', 'b', 'accept', null]]);
  });

  it('a walk from an empty counter keeps its cause when no step is left (not the deadline)', () => {
    const { b } = ladder([step('a', priced(9, 1, 'R03'), { counter: () => null })], 1);
    const out = bargain(b);
    expect(out.blockedBy).toEqual({ kind: 'red-line', rule: 'R03', party: 'belarus' });
    expect(out.offers).toHaveLength(1);
  });

  it('a refused counter goes to the strategy: with a step left it counters, at the deadline it walks', () => {
    const counter = step('a-', priced(3, 4), { from: 'belarus', to: 'us', kind: 'counter' });
    const steps = [step('a', priced(1, 4), { counter: () => counter }), step('b', priced(9, 4), { kind: 'counter' })];
    expect(answers(bargain(ladder(steps, 2).b)).map((r) => r[4])).toEqual(['counter', 'counter', 'accept']);
    const late = bargain(ladder(steps, 1).b);
    expect(late.blockedBy).toEqual(DEADLINE);
    expect(answers(late)).toEqual([[1, 'us', 'belarus', 'a', 'counter', null], [2, 'belarus', 'us', 'a-', 'walk', DEADLINE]]);
    const last = bargain(ladder(steps.slice(0, 1), 3).b);
    expect(last.blockedBy).toEqual({ kind: 'value-gap', party: 'us', gap: 1 });
  });

  it('without a trace: no records, the same agreement and the same cause', () => {
    for (const deadline of [1, 2, 3]) {
      const steps = () => [step('a', priced(1, 4)), step('b', priced(2, 4)), step('c', priced(4, 4))];
      const traced = bargain(ladder(steps(), deadline).b);
      const bare = bargain(ladder(steps(), deadline, false).b);
      expect(bare.offers).toEqual([]);
      expect(bare.agreed?.deal ?? null).toBe(traced.agreed?.deal ?? null);
      expect(bare.blockedBy).toEqual(traced.blockedBy);
    }
  });
});
