/** The shipped scenarios, the generated schema and the authoring guide stay in step with the loader. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioNames, SCENARIO_DIR, validateScenario, loadScenario } from '../../src/scenario/load.js';
import { renderScenarioSchema } from '../../src/docs/scenario-schema.js';
import { renderScenarioReference, withReference } from '../../src/docs/scenario-doc.js';
import { runScenario } from '../../src/run-scenario.js';

const SHIPPED = ['base', 'eu-joins-thaw', 'lithuania-opens-transit', 'peace-talks-advance', 'peace-talks-fail', 'poland-poczobut-deal', 'us-loses-interest', 'war-frozen'];

describe('shipped scenarios', () => {
  it('the eight article scenarios are all there', () => {
    expect(scenarioNames()).toEqual(expect.arrayContaining(SHIPPED));
  });

  for (const name of scenarioNames()) {
    it(`${name} validates, branches included, and starts with the editor schema comment`, () => {
      const loaded = validateScenario(name);
      expect(loaded.scenario.id).toBe(name);
      const text = readFileSync(`${SCENARIO_DIR}${name}.yaml`, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../docs/scenario.schema.json');
      for (const b of loaded.branches) {
        const branched = loadScenario(name, { branch: b.name });
        expect(branched.branch).toBe(b.name);
        expect(runScenario(branched.scenario, { seed: 1, months: 3, branch: b.name }).branch).toBe(b.name);
      }
    });
  }

  it('branches are not inherited by scenarios that extend the file', () => {
    expect(loadScenario('base').branches.map((b) => b.name)).toContain('balloons-stop');
    expect(loadScenario('peace-talks-advance').branches).toEqual([]);
  });
});

describe('generated documents', () => {
  it('docs/scenario.schema.json matches the zod schema (run `npm run docs` after changing it)', () => {
    expect(readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8')).toBe(renderScenarioSchema());
  });

  it('the reference table in docs/scenario-authoring.md matches the schema (run `npm run docs`)', () => {
    const doc = readFileSync(new URL('../../docs/scenario-authoring.md', import.meta.url), 'utf8');
    expect(doc).toContain(renderScenarioReference());
    expect(withReference(doc)).toBe(doc);
  });

  it('the reference lists every parameter an analyst can set, with its default', () => {
    const table = renderScenarioReference();
    for (const path of ['`horizon`', '`agents.us.visitChance`', '`world.sanctions[].weight`', '`events[].do.setRules`', '`events[].when.usInterest`', '`branches.NAME`', '`talks.stalled`']) {
      expect(table).toContain(`| ${path} |`);
    }
    expect(table).toMatch(/\| `agents\.us\.visitChance` \| number \| `0\.45` \| 0\.\.1 \| R02 \|/);
  });
});

describe('the authoring guide', () => {
  it('lists exactly the ids base defines', async () => {
    const { loadScenario: load } = await import('../../src/scenario/load.js');
    const doc = readFileSync(new URL('../../docs/scenario-authoring.md', import.meta.url), 'utf8');
    const block = doc.slice(doc.indexOf('<!-- base-ids'), doc.indexOf('A misspelt id'));
    const listed = (label: string) => [...(block.split('\n- ').find((l) => l.startsWith(label)) ?? '').matchAll(/`([a-z.]+)`/g)].map((m) => m[1]);
    const w = load('base').scenario.world;
    expect(listed('cohorts')).toEqual(w.cohorts.map((c) => c.id));
    expect(listed('named')).toEqual(w.named.map((p) => p.id));
    expect(listed('sanctions')).toEqual(w.sanctions.map((x) => x.id));
  });
});
