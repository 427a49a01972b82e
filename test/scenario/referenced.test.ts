/**
 * A `scenario:` named inside a study or facts file: a path is read relative to the folder of the
 * file that names it (spaces, `%` and `#` included), a bare name is a shipped scenario, and any
 * failure is reported at the `scenario:` value with a did-you-mean.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudyFile } from '../../src/scenario/study-file.js';
import { loadFactsFile } from '../../src/scenario/facts-file.js';
import { loadReferencedScenario } from '../../src/scenario/referenced.js';
import { parseFile } from '../../src/scenario/parse.js';
import { SCENARIO_DIR } from '../../src/scenario/load.js';
import { UserError, type Problem } from '../../src/scenario/errors.js';

// A folder whose name a URL would mangle: a space, a `#` (a fragment) and a `%` (an escape).
const folder = join(mkdtempSync(join(tmpdir(), 'thaw-ref-')), 'my studies #2 100%');
mkdirSync(folder, { recursive: true });
const base = readFileSync(join(SCENARIO_DIR, 'base.yaml'), 'utf8');
// A sibling scenario that differs from base in its id, so the test sees which one was loaded.
writeFileSync(join(folder, 'sibling scenario.yaml'), base.replace(/^id: .*$/m, 'id: sibling'));
copyFileSync(join(SCENARIO_DIR, 'base.yaml'), join(folder, 'base.yaml'));
const write = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const study = (scenario: string) => write(`study-${Math.random().toString(36).slice(2)}.yaml`,
  `scenario: ${scenario}\ndesign: lhs\nsamples: 4\nfactors:\n  agents.us.visitChance: [0.2, 0.9]\n`);
const facts = (scenario: string) => write(`facts-${Math.random().toString(36).slice(2)}.yaml`,
  `scenario: ${scenario}\nfacts:\n  - { id: a, by: 2026-02, transit: closed, observed: true }\n`);

function problemsOf(load: () => unknown): Problem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof UserError) return [...error.problems];
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('a scenario named by path', () => {
  it('a study file in a folder with a space, `#` and `%` finds its sibling scenario', () => {
    expect(base).toMatch(/^id: /m);
    const spec = loadStudyFile(study('"./sibling scenario.yaml"'));
    expect(spec.scenarioName).toBe('sibling');
  });

  it('a facts file there finds the same sibling', () => {
    expect(loadFactsFile(facts('"sibling scenario.yaml"')).scenarioName).toBe('sibling');
  });

  it('the path is relative to the referring file, not the working folder', () => {
    const inner = join(folder, 'deeper');
    mkdirSync(inner, { recursive: true });
    const path = join(inner, 'study.yaml');
    writeFileSync(path, 'scenario: "../sibling scenario.yaml"\ndesign: lhs\nsamples: 4\nfactors:\n  agents.us.visitChance: [0.2, 0.9]\n');
    expect(loadStudyFile(path).scenarioName).toBe('sibling');
  });

  it('a missing file is refused at the `scenario:` value, with the sibling it probably meant', () => {
    for (const load of [() => loadStudyFile(study('"./sibling scenaro.yaml"')), () => loadFactsFile(facts('"./sibling scenaro.yaml"'))]) {
      const [p, ...rest] = problemsOf(load);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ line: 1, column: 11 });
      expect(p!.message).toMatch(/^scenario: no scenario file "\.\/sibling scenaro\.yaml"/);
      expect(p!.hint).toBe('did you mean "sibling scenario.yaml" in the same folder?');
    }
  });

  it('a broken scenario file is refused at the `scenario:` value, naming its own problem', () => {
    write('broken.yaml', 'id: broken\nhorizon: nope\n');
    const [p] = problemsOf(() => loadStudyFile(study('./broken.yaml')));
    expect(p).toMatchObject({ line: 1, column: 11 });
    expect(p!.message).toMatch(/^scenario: /);
    expect(p!.hint).toMatch(/broken\.yaml:\d+:\d+/);
  });
});

describe('a scenario named by name', () => {
  it('is a shipped scenario, even when a file of that name sits next to the study', () => {
    // base.yaml in the folder is a copy; the bare name must still mean the shipped one.
    const r = loadReferencedScenario(parseFile(study('base')), 'base', null);
    expect(r.ok && r.loaded.chain.at(-1)).toMatch(/scenarios[/\\]base\.yaml$/);
    expect(r.ok && r.loaded.chain.at(-1)).not.toContain('my studies');
  });

  it('an unknown name is refused at the `scenario:` value with a did-you-mean', () => {
    for (const load of [() => loadStudyFile(study('bse')), () => loadFactsFile(facts('bse'))]) {
      const [p] = problemsOf(load);
      expect(p).toMatchObject({ line: 1, column: 11, message: 'scenario: unknown scenario "bse"' });
      expect(p!.hint).toMatch(/^did you mean "base"\? shipped scenarios: .*base/);
    }
  });

  it('a branch the scenario lacks is refused there too', () => {
    const path = write('branch.yaml', 'scenario: base\nbranch: nowhere\ndesign: lhs\nsamples: 4\nfactors:\n  agents.us.visitChance: [0.2, 0.9]\n');
    const [p] = problemsOf(() => loadStudyFile(path));
    expect(p).toMatchObject({ line: 1, column: 11 });
    expect(p!.message).toMatch(/^scenario: unknown branch "nowhere"/);
  });
});
