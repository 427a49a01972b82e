/** Uncertain inputs: distributions in scenario files and in --set, drawn once per run from their own stream. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, validateScenario } from '../../src/scenario/load.js';
import { applySetting } from '../../src/scenario/overrides.js';
import { UserError, formatProblem } from '../../src/scenario/errors.js';
import { runScenario } from '../../src/run-scenario.js';
import { renderText } from '../../src/report/text.js';
import { plain as plainStyle } from '../../src/report/style.js';

const dir = mkdtempSync(join(tmpdir(), 'thaw-uncertain-'));
const file = (name: string, body: string): string => {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `id: ${name}\nextends: base\ntitle: ${name}\n${body}`);
  return path;
};
const problems = (path: string): string[] => {
  try {
    validateScenario(path);
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
};

const unsure = file('unsure', 'agents:\n  us:\n    visitChance: { uniform: [0.2, 0.9] }\n    cooldownMonths: { uniform: [1, 4] }\n  poland:\n    concession: { triangular: [2, 4, 8] }\nrules:\n  R12: { choice: [true, false], weights: [3, 1] }\n');

describe('uncertain inputs in a scenario file', () => {
  const loaded = loadScenario(unsure).scenario;

  it('lists every distribution with its --set path and whether it holds whole numbers', () => {
    expect(loaded.uncertain?.map((u) => [u.path, u.distribution.kind, u.integer])).toEqual([
      ['agents.us.visitChance', 'uniform', false], ['agents.us.cooldownMonths', 'uniform', true],
      ['agents.poland.concession', 'triangular', false], ['rules.R12', 'choice', false],
    ]);
  });

  it('draws each once per run, inside its support, integers whole, another seed another value', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const d = runScenario(loaded, { seed, trace: false }).draws;
      const v = d['agents.us.visitChance'] as number;
      expect(v).toBeGreaterThanOrEqual(0.2);
      expect(v).toBeLessThanOrEqual(0.9);
      expect([1, 2, 3, 4]).toContain(d['agents.us.cooldownMonths']);
      expect([true, false]).toContain(d['rules.R12']);
      seen.add(v);
    }
    expect(seen.size).toBe(40);
    expect(runScenario(loaded, { seed: 5 })).toEqual(runScenario(loaded, { seed: 5 }));
  });

  it('does not shift the model\'s own draws: the drawn values written as numbers give the same run', () => {
    for (const seed of [1, 2, 3, 11]) {
      const run = runScenario(loaded, { seed });
      let fixed = loadScenario('base').scenario;
      for (const [path, value] of Object.entries(run.draws)) fixed = applySetting(fixed, { path, value: String(value) });
      const again = runScenario({ ...fixed, id: 'unsure', title: 'unsure' }, { seed });
      expect(again.months).toEqual(run.months);
      expect(again.outcome).toEqual(run.outcome);
      expect(again.draws).toEqual({});
    }
  });

  it('uses the parameter: a higher visit chance range frees more people on average', () => {
    const low = loadScenario(file('low', 'agents:\n  us:\n    visitChance: { uniform: [0.02, 0.05] }\n')).scenario;
    const high = loadScenario(file('high', 'agents:\n  us:\n    visitChance: { uniform: [0.9, 1] }\n')).scenario;
    const mean = (s: typeof low) => Array.from({ length: 60 }, (_, i) => runScenario(s, { seed: i, trace: false }).outcome.prisonersReleased).reduce((a, b) => a + b, 0) / 60;
    expect(mean(high)).toBeGreaterThan(mean(low));
  });

  it('shows the draws in the story\'s header', () => {
    const run = runScenario(loaded, { seed: 3 });
    const header = renderText(run, plainStyle, 'unsure', loaded).split('\n').slice(0, 4).join('\n');
    expect(header).toContain(`agents.us.visitChance = ${Number((run.draws['agents.us.visitChance'] as number).toPrecision(4))}`);
    expect(header).toContain(`rules.R12 = ${String(run.draws['rules.R12'])}`);
  });

  it('a child that writes a number over a parent\'s distribution makes it certain again', () => {
    const child = join(dir, 'child.yaml');
    writeFileSync(child, `id: child\nextends: ${unsure}\ntitle: child\nagents:\n  us:\n    visitChance: 0.5\n`);
    const s = loadScenario(child).scenario;
    expect(s.agents.us.visitChance).toBe(0.5);
    expect(s.uncertain?.map((u) => u.path)).not.toContain('agents.us.visitChance');
  });
});

describe('distributions the schema refuses, at their position', () => {
  it.each([
    ['range', 'agents:\n  us:\n    visitChance: { uniform: [0.5, 1.5] }\n', /:6:18: agents\.us\.visitChance: uniform \[0\.5, 1\.5\] leaves the parameter's range.*accepts 0 to 1/],
    ['unbounded', 'agents:\n  us:\n    cooldownMonths: { normal: { mean: 2, sd: 1 } }\n', /:6:\d+: .*leaves the parameter's range[^]*hint: truncate the normal/],
    ['whole', 'agents:\n  us:\n    cooldownMonths: { choice: [1, 2.5] }\n', /whole numbers/],
    ['boolean', 'rules:\n  R12: { uniform: [0, 1] }\n', /takes only a choice/],
    ['boolean-values', 'world:\n  balloons: { choice: [true, 1] }\n', /1 is not true or false/],
    ['malformed', 'agents:\n  us:\n    visitChance: { uniform: [0.9, 0.2] }\n', /lo must not be above hi/],
    ['not-a-parameter', 'world:\n  cohorts: { choice: [1, 2] }\n', /only a number/],
  ])('%s', (name, body, why) => {
    const found = problems(file(`bad-${name}`, body));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(why);
    expect(found[0]).toMatch(new RegExp(`bad-${name}\\.yaml:\\d+:\\d+: `));
  });

  it('accepts a beta on a bounded parameter, scaled to its range, and a truncated normal', () => {
    const s = loadScenario(file('fine', 'agents:\n  us:\n    pricePerWeight: { beta: [2, 5] }\n    cooldownMonths: { normal: { mean: 2, sd: 1, min: 0, max: 6 } }\n')).scenario;
    expect(s.uncertain?.[0]?.distribution).toEqual({ kind: 'beta', a: 2, b: 5, lo: 0, hi: 10 });
    const draws = runScenario(s, { seed: 1 }).draws;
    expect(Number.isInteger(draws['agents.us.cooldownMonths'])).toBe(true);
  });
});

describe('--set with a distribution', () => {
  const base = loadScenario('base').scenario;

  it('makes a parameter uncertain, and a plain --set makes it certain again', () => {
    const s = applySetting(base, { path: 'agents.us.visitChance', value: '{ beta: [2, 5] }' });
    expect(s.uncertain).toHaveLength(1);
    expect(runScenario(s, { seed: 1 }).draws['agents.us.visitChance']).toBeTypeOf('number');
    expect(applySetting(s, { path: 'agents.us.visitChance', value: '0.4' }).uncertain).toBeUndefined();
  });

  it('refuses one that leaves the range, and a malformed mapping', () => {
    expect(() => applySetting(base, { path: 'agents.us.visitChance', value: '{ uniform: [0, 2] }' })).toThrow(/leaves the parameter's range/);
    expect(() => applySetting(base, { path: 'agents.us.visitChance', value: '{ uniform: [0, ' })).toThrow(/not a valid mapping/);
  });

  it('works from the command line, with JSON draws', () => {
    const r = spawnSync('node', ['bin/thaw', 'run', 'base', '--set', 'rules.R12={ choice: [true, false] }', '--seed', '4', '--format', 'json'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect([true, false]).toContain(JSON.parse(r.stdout).draws['rules.R12']);
  });
});
