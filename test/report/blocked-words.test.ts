/** The story's words for what blocked a deal, made from the record's numbers alone. */
import { describe, expect, it } from 'vitest';
import { describeBlock } from '../../src/report/words.js';

describe('describeBlock', () => {
  it('a value gap names the party, the gap to one decimal, and whose offer fell short', () => {
    expect(describeBlock({ from: 'us', to: 'belarus', blockedBy: { kind: 'value-gap', party: 'belarus', gap: 0.3125 } }))
      .toBe("no deal: Minsk's price is 0.3 above what Washington's offer is worth to it");
    expect(describeBlock({ from: 'belarus', to: 'us', blockedBy: { kind: 'value-gap', party: 'us', gap: 0.25 } }))
      .toBe("no deal: Washington's price is 0.3 above what Minsk's offer is worth to it");
  });

  it('a red line says what it forbids and cites its rule', () => {
    expect(describeBlock({ from: 'us', to: 'belarus', blockedBy: { kind: 'red-line', rule: 'R04', party: 'us' } }))
      .toBe('no deal: the laureate must go to Lithuania (R04)');
    expect(describeBlock({ from: 'poland', to: 'belarus', blockedBy: { kind: 'red-line', rule: 'R17', party: 'belarus' } }))
      .toBe('no deal: an enemy of the regime is not for sale (R17)');
  });

  it('the deadline, and nothing when nothing blocked', () => {
    expect(describeBlock({ from: 'us', to: 'belarus', blockedBy: { kind: 'deadline' } })).toMatch(/^no deal: the round ran out of exchanges/);
    expect(describeBlock({ from: 'us', to: 'belarus' })).toBeNull();
  });
});
