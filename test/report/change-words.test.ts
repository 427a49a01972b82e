/** The story's words for the open world's records (R18–R25), made from the record's numbers alone. */
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/report/words.js';
import { labelsOf } from '../../src/report/labels.js';
import type { ChangeRecord } from '../../src/simulation/trace.js';

const labels = labelsOf(null);
const renege = (numbers: Record<string, number>): ChangeRecord => ({ kind: 'renege', actor: 'belarus', track: 'us-belarus', people: [], sanctions: [], numbers, rules: ['R21', 'R22'] });

describe('describeChange', () => {
  it('a Minsk renege names the relief\'s shortfall when there was one, with both worths', () => {
    expect(describeChange(renege({ wave: 0, probability: 0.5, trustBefore: 0.8, promised: 4, delivered: 0, shortfall: 1 }), labels))
      .toBe('Minsk reneges on the staged deal (wave 1) (chance 50 %, the relief paid now worth 0.0 to it of the 4.0 promised): the batches still owed are withheld');
    expect(describeChange(renege({ wave: 1, probability: 0.05, trustBefore: 0.8 }), labels))
      .toBe('Minsk reneges on the staged deal (wave 2) (chance 5 %): the batches still owed are withheld');
  });

  it('sentences served are neither a pardon nor a deal', () => {
    const c: ChangeRecord = { kind: 'served', actor: 'belarus', people: [{ id: 'journalists', count: 2, route: 'served' }, { id: 'others', count: 1, route: 'served' }], sanctions: [], numbers: { count: 3 }, rules: ['R25'] };
    expect(describeChange(c, labels)).toBe('3 prisoners (2 journalists, 1 others) walk out at the end of their sentence: neither a pardon nor a deal');
  });
  it('a staged deal\'s steps name their payer: Washington, Brussels or Vilnius (Klaipėda for the last)', () => {
    const step = (kind: ChangeRecord['kind'], actor: ChangeRecord['actor'], track: ChangeRecord['track'], sanctions: string[], numbers: Record<string, number>, grants?: ['klaipeda-transit']): ChangeRecord =>
      ({ kind, actor, track, people: [], sanctions, ...(grants ? { grants } : {}), numbers, rules: ['R21'] });
    expect(describeChange(step('payment', 'us', 'us-belarus', ['us.finance'], { wave: 0, trust: 0.8 }), labels))
      .toBe('The first batch verified, Washington pays (wave 1): lifting us.finance; trust 0.80');
    expect(describeChange(step('payment', 'eu', 'eu-belarus', ['eu.trade'], { wave: 1, trust: 0.65 }), labels))
      .toBe('The first batch verified, Brussels pays (wave 2): lifting eu.trade; trust with Brussels 0.65');
    expect(describeChange({ ...step('batch', 'belarus', 'lithuania-belarus', [], { wave: 0, batch: 2, of: 2, trust: 1 }), people: [{ id: 'unionists', count: 5, route: 'lithuania' }] }, labels))
      .toMatch(/^Minsk frees the next batch of the staged deal \(wave 1\): 5 .*, batch 2 of 2; trust with Vilnius 1\.00$/);
    expect(describeChange(step('payment', 'lithuania', 'lithuania-belarus', [], { wave: 0 }, ['klaipeda-transit']), labels))
      .toBe('The first batch verified, Vilnius pays (wave 1): opening Klaipėda');
    expect(describeChange(step('renege', 'lithuania', 'lithuania-belarus', [], { wave: 0, probability: 0.45 }, ['klaipeda-transit']), labels))
      .toBe('Vilnius reneges on the staged deal (wave 1) (chance 45 %): Klaipėda stays closed and Minsk calls off the batches still owed');
    expect(describeChange(step('renege', 'eu', 'eu-belarus', ['eu.trade'], { wave: 0, probability: 0.1 }), labels))
      .toBe('Brussels reneges on the staged deal (wave 1) (chance 10 %): the relief is withheld and Minsk calls off the batches still owed');
    expect(describeChange(step('snapback', 'lithuania', 'lithuania-belarus', [], { wave: 0 }, ['klaipeda-transit']), labels))
      .toBe('Vilnius takes its concession back (wave 1): Klaipėda closed again');
    expect(describeChange(step('snapback', 'eu', 'eu-belarus', ['eu.trade'], { wave: 0 }), labels))
      .toBe('Brussels snaps its relief back (wave 1): eu.trade re-imposed');
  });
});
