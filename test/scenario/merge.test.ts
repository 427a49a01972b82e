/** `extends` and branches merge safely and by the documented rules (src/scenario/merge.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeScenario, type Plain } from '../../src/scenario/merge.js';
import { loadScenario } from '../../src/scenario/load.js';

const root = new URL('../..', import.meta.url).pathname;

describe('mergeScenario', () => {
  it('a child changes only the keys it names', () => {
    expect(mergeScenario({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 9 } })).toEqual({ a: 1, b: { c: 9, d: 3 } });
  });

  it('never assigns __proto__, constructor or prototype, so Object.prototype stays clean', () => {
    const child = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "ok": 1}') as Plain;
    const merged = mergeScenario({ a: { b: 1 } }, child) as Record<string, unknown>;
    expect(merged).toEqual({ a: { b: 1 }, ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('a talks row is a distribution: the child\'s row replaces the parent\'s whole', () => {
    const parent = { talks: { stalled: { advancing: 0.1, stalled: 0.8, failed: 0.1 }, failed: { failed: 1 } } };
    const merged = mergeScenario(parent, { talks: { stalled: { stalled: 1 } } });
    expect(merged).toEqual({ talks: { stalled: { stalled: 1 }, failed: { failed: 1 } } });
  });

  it('lists of items with ids merge item by item; new ids are appended', () => {
    const parent = { world: { sanctions: [{ id: 'us.a', weight: 1, label: 'A' }, { id: 'eu.b', weight: 2, label: 'B' }] } };
    const merged = mergeScenario(parent, { world: { sanctions: [{ id: 'eu.b', weight: 5 }, { id: 'eu.c', weight: 1, label: 'C' }] } });
    expect(merged).toEqual({ world: { sanctions: [{ id: 'us.a', weight: 1, label: 'A' }, { id: 'eu.b', weight: 5, label: 'B' }, { id: 'eu.c', weight: 1, label: 'C' }] } });
  });

  it('an event with a parent\'s id replaces that event whole (trigger and effects belong together)', () => {
    const parent = { events: [{ id: 'e', at: '2026-03', do: { setTalks: 'failed' } }] };
    const merged = mergeScenario(parent, { events: [{ id: 'e', when: { balloons: false }, do: { stopBalloons: true } }] });
    expect(merged).toEqual({ events: [{ id: 'e', when: { balloons: false }, do: { stopBalloons: true } }] });
  });

  it('other lists are replaced whole', () => {
    expect(mergeScenario({ x: ['putin', 'maduro'] }, { x: ['putin'] })).toEqual({ x: ['putin'] });
  });
});

describe('extends, through files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thaw-extends-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('extends by name and by relative path, over several generations', () => {
    file('parent.yaml', `id: parent\nextends: base\ntitle: Parent\nhorizon: 6\nagents: { us: { visitChance: 0.9 } }\n`);
    const child = file('child.yaml', `id: child\nextends: ./parent.yaml\ntitle: Child\nagents: { us: { cooldownMonths: 4 } }\nworld: { sanctions: [{ id: eu.potash, weight: 25 }] }\n`);
    const { scenario, chain } = loadScenario(child);
    expect(chain).toHaveLength(3);
    expect(scenario).toMatchObject({ id: 'child', horizon: 6, agents: { us: { visitChance: 0.9, cooldownMonths: 4 } } });
    const baseLabel = loadScenario('base').scenario.world.sanctions.find((s) => s.id === 'eu.potash')!.label;
    expect(scenario.world.sanctions.find((s) => s.id === 'eu.potash')).toMatchObject({ weight: 25, kind: 'potash', label: baseLabel });
    expect(scenario.world.sanctions).toHaveLength(loadScenario('base').scenario.world.sanctions.length);
  });

  it('a child talks row replaces the parent row instead of keeping its stray states', () => {
    file('rows-parent.yaml', `id: rows-parent\nextends: base\ntitle: P\ntalks: { stalled: { advancing: 0.2, stalled: 0.6, failed: 0.2 } }\n`);
    const child = file('rows-child.yaml', `id: rows-child\nextends: ./rows-parent.yaml\ntitle: C\ntalks: { stalled: { stalled: 1 } }\n`);
    expect(loadScenario(child).scenario.talks.stalled).toEqual({ stalled: 1 });
  });

  it('a branch overrides the file it is declared in and can add events', () => {
    const path = file('branchy.yaml', `id: branchy\nextends: ${join(root, 'scenarios/base.yaml')}\ntitle: Branchy\nbranches:\n  short:\n    horizon: 3\n    events: [{ id: calm, at: 2026-02, do: { stopBalloons: true } }]\n`);
    const plain = loadScenario(path);
    const short = loadScenario(path, { branch: 'short' });
    expect(plain.scenario.horizon).toBe(12);
    expect(plain.scenario.events).toEqual([]);
    expect(short.scenario).toMatchObject({ horizon: 3, title: 'Branchy (branch short)' });
    expect(short.scenario.events.map((e) => e.id)).toEqual(['calm']);
  });

  it('an unknown branch names the known ones', () => {
    expect(() => loadScenario('base', { branch: 'ballons-stop' })).toThrow(/unknown branch "ballons-stop" of scenario base; its branches: balloons-stop, eu-potash-march/);
  });
});
