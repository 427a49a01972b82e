/** `--set PATH=VALUE`: typed, validated, with suggestions (the API `thaw sweep` also calls). */
import { describe, expect, it } from 'vitest';
import { applySetting, applySettings, parseSetting } from '../../src/scenario/overrides.js';
import { scenario } from '../support/scenarios.js';

const base = scenario('base');

describe('parseSetting', () => {
  it('splits at the first =', () => {
    expect(parseSetting('agents.us.visitChance=0.6')).toEqual({ path: 'agents.us.visitChance', value: '0.6' });
    expect(parseSetting('title=a=b')).toEqual({ path: 'title', value: 'a=b' });
  });
  it('refuses text without a path', () => {
    expect(() => parseSetting('0.6')).toThrow(/--set expects PATH=VALUE/);
    expect(() => parseSetting('=0.6')).toThrow(/--set expects PATH=VALUE/);
  });
});

describe('applySetting', () => {
  it('sets numbers, booleans and rule switches, leaving the input untouched', () => {
    const s = applySettings(base, [
      { path: 'agents.us.visitChance', value: '0.6' },
      { path: 'world.transitOpen', value: 'true' },
      { path: 'rules.R09', value: 'off' },
      { path: 'world.cohorts.journalists.held', value: '10' },
    ]);
    expect(s.agents.us.visitChance).toBe(0.6);
    expect(s.world.transitOpen).toBe(true);
    expect(s.rules.R09).toBe(false);
    expect(s.world.cohorts.find((c) => c.id === 'journalists')!.held).toBe(10);
    expect(base.agents.us.visitChance).toBe(0.45);
  });

  it('reaches event parameters by event id', () => {
    const s = scenario('base', { events: [{ id: 'maybe', chance: 0.2, do: { setTalks: 'failed' } }] });
    expect(applySetting(s, { path: 'events.maybe.chance', value: '0.7' }).events[0]!.chance).toBe(0.7);
  });

  it('refuses the wrong type, values out of range and unknown paths, with a suggestion', () => {
    expect(() => applySetting(base, { path: 'agents.us.visitChance', value: 'high' })).toThrow('--set agents.us.visitChance: expected a number, got "high"');
    expect(() => applySetting(base, { path: 'agents.us.visitChance', value: '1.5' })).toThrow('--set agents.us.visitChance=1.5: out of range: the maximum is 1');
    expect(() => applySetting(base, { path: 'agents.us.visitChanse', value: '0.5' })).toThrow('did you mean "agents.us.visitChance"?');
    expect(() => applySetting(base, { path: 'world.transitOpen', value: 'maybe' })).toThrow('expected true or false');
    expect(() => applySetting(base, { path: 'agents.us', value: '1' })).toThrow('only single values can be set');
    expect(() => applySetting(base, { path: 'agents.__proto__.x', value: '1' })).toThrow('unknown parameter path');
  });
});

describe('dotted ids', () => {
  it('a sanction id with a dot is one step of the path', () => {
    const s = applySetting(base, { path: 'world.sanctions.eu.potash.weight', value: '30' });
    expect(s.world.sanctions.find((x) => x.id === 'eu.potash')!.weight).toBe(30);
    expect(s.world.sanctions.find((x) => x.id === 'us.potash')!.weight).toBe(base.world.sanctions.find((x) => x.id === 'us.potash')!.weight);
    expect(() => applySetting(base, { path: 'world.sanctions.eu.potash.wieght', value: '3' })).toThrow('did you mean "world.sanctions.eu.potash.weight"?');
  });
});
