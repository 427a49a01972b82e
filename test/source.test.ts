/** The source inside the repository: every paragraph thaw cites can be looked up in docs/source.md. */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RULE_LIST } from '../src/rules/catalogue.js';
import { RULES } from '../src/rules/catalogue.js';
import type { RuleId } from '../src/rules/ids.js';
import { lookupSource, parseSource } from '../src/rules/source.js';
import { loadScenario, scenarioNames } from '../src/scenario/load.js';
import { runScenario } from '../src/run-scenario.js';
import { renderText } from '../src/report/text.js';
import { plain } from '../src/report/style.js';

const root = new URL('..', import.meta.url).pathname;
const source = parseSource(readFileSync(new URL('../docs/source.md', import.meta.url), 'utf8'));
const present = new Set(source.paragraphs.map((p) => p.n));

/** Every ¶N a text cites, ranges (¶15–19) and lists (¶26, 28) expanded. */
function citedIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/¶([\d–, ]+)/g)) {
    for (const part of m[1]!.split(',')) {
      const [a, b] = part.trim().split('–').map(Number);
      if (a === undefined || Number.isNaN(a)) continue;
      for (let n = a; n <= (b ?? a); n++) out.push(n);
    }
  }
  return out;
}

describe('docs/source.md', () => {
  it('gives the full citation and a paraphrase of every paragraph ¶1–¶48, once each, in order', () => {
    expect(source.citation).toMatch(/Yurii Panchenko/);
    expect(source.citation).toMatch(/European Pravda, 15 December 2025/);
    expect(source.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    for (const p of source.paragraphs) expect(p.text.length, `¶${p.n}`).toBeGreaterThan(10);
  });

  it('holds every paragraph the rule catalogue cites', () => {
    const missing = RULE_LIST.flatMap((r) => r.paragraphs.filter((n) => !present.has(n)).map((n) => `${r.id} ¶${n}`));
    expect(missing).toEqual([]);
  });

  it('holds every paragraph any trace record of the shipped scenarios and branches cites, as rules and as ¶ in the story', () => {
    const cited = new Set<number>();
    const rules = new Set<RuleId>();
    for (const name of scenarioNames()) {
      const { branches } = loadScenario(name);
      for (const branch of [null, ...branches.map((b) => b.name)]) {
        const { scenario } = loadScenario(name, { branch });
        for (const seed of [1, 2, 3]) {
          const result = runScenario(scenario, { seed, branch });
          for (const m of result.months) for (const r of [...m.events, ...m.offers, ...m.deals]) for (const id of r.rules) rules.add(id);
          for (const n of citedIn(renderText(result, plain, scenario.title, scenario))) cited.add(n);
        }
      }
    }
    for (const id of rules) for (const n of RULES[id].paragraphs) cited.add(n);
    expect(cited.size).toBeGreaterThan(10);
    expect([...cited].filter((n) => !present.has(n))).toEqual([]);
  });

  it('the catalogue is self-contained: nothing in it points outside the repository', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).not.toContain('../shared');
  });
});

describe('looking a citation up', () => {
  it('finds one paragraph as ¶N or N, a range, or a rule\'s paragraphs', () => {
    expect(lookupSource(source, '¶42').paragraphs.map((p) => p.n)).toEqual([42]);
    expect(lookupSource(source, '42').paragraphs[0]!.text).toMatch(/Klaipėda/);
    expect(lookupSource(source, '15-17').paragraphs.map((p) => p.n)).toEqual([15, 16, 17]);
    const r05 = lookupSource(source, 'r05');
    expect(r05.rule?.id).toBe('R05');
    expect(r05.paragraphs.map((p) => p.n)).toEqual([...RULES.R05.paragraphs]);
    expect(lookupSource(source, 'spite-route').rule?.id).toBe('R05');
  });

  it('refuses what it cannot find, naming what exists and the nearest rule', () => {
    expect(() => lookupSource(source, '49')).toThrow(/no paragraph ¶49; its paragraphs are ¶1–¶48/);
    expect(() => lookupSource(source, 'R5')).toThrow(/did you mean R05\?/);
    expect(() => lookupSource(source, 'banana')).toThrow(/neither a paragraph/);
  });

  it('thaw source prints a paragraph, a rule\'s paragraphs, everything, or JSON; a bad reference exits 2', () => {
    const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8' });
    const one = thaw('source', '42');
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/^¶42 {2}The real obstacle/);
    expect(one.stdout).toContain('European Pravda');
    const rule = thaw('source', 'R04');
    expect(rule.stdout).toMatch(/^R04 laureate-route \(¶20–23\)/);
    expect(rule.stdout.match(/^¶\d+/gm)).toHaveLength(4);
    const all = JSON.parse(thaw('source', '--format', 'json').stdout) as { citation: string; paragraphs: unknown[] };
    expect(all.paragraphs).toHaveLength(48);
    const bad = thaw('source', '99');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('thaw: the article has no paragraph ¶99; its paragraphs are ¶1–¶48\n');
    for (const line of thaw('source').stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
