/** Facts files: the contract's keys compile to facts; every bad input is refused at its line with a hint, nothing run. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactsFile } from '../../src/scenario/facts-file.js';
import { UserError, type Problem } from '../../src/scenario/errors.js';

const fixture = (name: string) => new URL(`../fixtures/facts/${name}.yaml`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'thaw-facts-'));
const file = (text: string): string => {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
};

function problemsOf(path: string): Problem[] {
  try {
    loadFactsFile(path);
  } catch (error) {
    if (error instanceof UserError) return [...error.problems];
    throw error;
  }
  throw new Error(`${path} was accepted`);
}

describe('a sound facts file', () => {
  it('compiles the issue\'s contract: every kind, windows, bounds and observed values', () => {
    const spec = loadFactsFile(file(`scenario: base
runs: 300
seed: 7
facts:
  - id: us-wave-by-march
    question: A US-brokered release of at least 200 people by the end of March 2026
    by: 2026-03
    wave: { track: us-belarus, minReleased: 200 }
    observed: true
    source: where this was reported
  - { id: released-by-june, by: 2026-06, released: { min: 250 }, observed: true }
  - { id: held-in-june, by: 2026-06, held: {}, observed: 1100 }
  - { id: eu-potash, by: 2026-06, sanction: { id: eu.potash, status: active }, observed: true }
  - { id: poczobut, by: 2026-06, named: { id: poczobut, status: held }, observed: true }
  - { id: klaipeda, by: 2026-06, transit: closed, observed: true }
  - { id: home-share, from: 2026-02, by: 2026-06, route: { home: { minShare: 0.5 } }, observed: true }
  - { id: arrests, by: 2026-09, arrested: {}, observed: 300 }
`));
    expect(spec.runs).toBe(300);
    expect(spec.seed).toBe(7);
    expect(spec.months).toBe(9);
    expect(spec.facts.map((f) => f.query.kind)).toEqual(['wave', 'released', 'held', 'sanction', 'named', 'transit', 'route', 'arrested']);
    expect(spec.facts[0]!.query).toEqual({ kind: 'wave', track: 'us-belarus', minReleased: 200, relief: null });
    expect(spec.facts[1]!.query).toEqual({ kind: 'released', withPardons: false, min: 250, max: null });
    expect(spec.facts[6]).toMatchObject({ from: '2026-02', by: '2026-06', query: { kind: 'route', route: 'home', minShare: 0.5, maxShare: null, min: null, max: null } });
    expect(spec.facts[0]!.source).toBe('where this was reported');
  });

  it('defaults to 2,000 runs and seed 1, and the same file gives the same fingerprint', () => {
    const text = 'scenario: base\nfacts:\n  - { id: a, by: 2026-02, transit: closed, observed: true }\n';
    const a = loadFactsFile(file(text));
    expect(a).toMatchObject({ runs: 2000, seed: 1, months: 2 });
    expect(loadFactsFile(file(text)).fingerprint).toBe(a.fingerprint);
    expect(loadFactsFile(file(text.replace('2026-02', '2026-03'))).fingerprint).not.toBe(a.fingerprint);
  });
});

describe('bad facts files: FILE:LINE:COL, what was expected, a hint', () => {
  const cases: [string, RegExp, RegExp | null][] = [
    ['unknown-kind', /unknown key or kind of fact `wav`/, /did you mean `wave`/],
    ['no-kind', /says nothing to resolve/, /wave, released/],
    ['before-start', /2025-06 is not after the scenario's start, 2025-12/, /2026-01 to 2026-12/],
    ['past-horizon', /2027-01 lies past the scenario's horizon \(2026-12\)/, /2026-01 to 2026-12/],
    ['min-over-max', /min 300 exceeds max 200/, null],
    ['observed-number', /asks for a number/, /write the number/],
    ['observed-boolean', /yes\/no question, got the number 3/, /true or false/],
    ['unknown-sanction', /unknown sanction "eu.potas"/, /did you mean "eu.potash"/],
    ['unknown-person', /unknown person "poczobutt"/, /did you mean "poczobut"/],
    ['unknown-route', /unknown key `hom`/, /did you mean `home`/],
    ['duplicate-id', /duplicate fact id "a"/, /the first is fact 1/],
    ['empty-window', /the window is empty/, null],
  ];
  for (const [name, message, hint] of cases) {
    it(name, () => {
      const problems = problemsOf(fixture(name));
      expect(problems).toHaveLength(1);
      const p = problems[0]!;
      expect(p.file).toMatch(new RegExp(`${name}\\.yaml$`));
      expect(p.message).toMatch(message);
      if (hint) expect(p.hint).toMatch(hint);
      // The fact's own line (the fourth, the second fact's for the duplicate; the third for a two-line header).
      expect(p.line).toBe(name === 'empty-window' ? 3 : 4);
      expect(p.column).toBeGreaterThan(1);
    });
  }

  it('reports every problem at once, in line order', () => {
    const problems = problemsOf(file(`scenario: base
facts:
  - { id: a, by: 2031-01, transit: closed, observed: true }
  - { id: b, by: 2026-06, named: { id: nobody, status: held }, observed: true }
  - { id: a, by: 2026-06, held: {}, observed: false }
`));
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 5]);
  });

  it('an unknown scenario is refused at the `scenario` key', () => {
    const [p] = problemsOf(file('scenario: nowhere\nfacts:\n  - { id: a, by: 2026-06, transit: closed, observed: true }\n'));
    expect(p).toMatchObject({ line: 1, column: 11 });
  });
});
