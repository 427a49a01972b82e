/** The CLI end to end, as a user runs it: the built bin/thaw in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_RULE_IDS, OPEN_WORLD_RULE_IDS } from '../../src/rules/ids.js';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('thaw run', () => {
  it('tells the default scenario\'s story month by month, citing rules and paragraphs', () => {
    const r = thaw('run');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('January 2026');
    expect(r.stdout).toContain('November 2026');
    expect(r.stdout).toMatch(/\[R\d\d [a-z-]+ ¶\d+/);
    expect(r.stdout).toContain('Summary');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints one JSON object with the contract\'s outcome', () => {
    const r = thaw('run', 'peace-talks-advance', '--seed', '3', '--format', 'json', '--months', '6');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: 'peace-talks-advance', seed: 3, horizon: 6 });
    expect(out.months).toHaveLength(6);
    // The open world's ledger: new arrests (R18) and re-arrests (R23) enter, releases leave.
    expect(out.outcome.prisonersReleased + out.outcome.prisonersRemaining).toBe(out.outcome.prisonersInitial + out.outcome.prisonersArrested + out.outcome.prisonersRearrested);
    expect(Object.keys(out.outcome.sanctions).every((id: string) => /^(us|eu|poland|lithuania)\./.test(id))).toBe(true);
  });

  it('is byte-identical for the same scenario and seed, and differs across seeds', () => {
    const a = thaw('run', 'base', '--seed', '11', '--format', 'json');
    const b = thaw('run', 'base', '--seed', '11', '--format', 'json');
    const c = thaw('run', 'base', '--seed', '12', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('writes Markdown', () => {
    const r = thaw('run', 'base', '--format', 'markdown', '--months', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# /);
    expect(r.stdout).toContain('## Outcome');
  });

  it('runs up to the last month thaw can name, 9999-12', () => {
    const r = thaw('run', 'test/fixtures/good/late-start.yaml', '--months', '18', '--format', 'json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { months: { month: string }[] }).months.at(-1)!.month).toBe('9999-12');
  });

  it('runs a scenario file given by path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thaw-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, `id: mine\ntitle: Mine\nextends: ${join(root, 'scenarios/base.yaml')}\nhorizon: 2\n`);
    const r = thaw('run', file, '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).months).toHaveLength(2);
  });
});

describe('bad input exits 2 with one clear line and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown scenario', ['run', 'no-such-scenario'], /unknown scenario "no-such-scenario"; known scenarios: .*base/],
    ['a missing file', ['run', './missing.yaml'], /scenario file not found: \.\/missing\.yaml/],
    ['a bad seed', ['run', '--seed', 'abc'], /--seed must be a whole number/],
    ['a negative seed', ['run', '--seed', '-1'], /--seed|unknown option/],
    ['months out of range', ['run', '--months', '0'], /--months must be a whole number from 1 to 240/],
    ['an unknown format', ['run', '--format', 'xml'], /--format must be one of text, json, markdown/],
    ['an unknown command', ['fly'], /unknown command/],
    ['months past 9999-12', ['run', 'test/fixtures/good/late-start.yaml', '--months', '30'], /--months 30 from 9998-06 runs past 9999-12.*--months 18 or fewer/],
    ['months past 9999-12 in a sweep', ['sweep', 'test/fixtures/good/late-start.yaml', '--months', '19', '--runs', '2'], /--months 19 from 9998-06 runs past 9999-12/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = thaw(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }
});

describe('thaw list and thaw rules', () => {
  it('lists every shipped scenario with its title', () => {
    const r = thaw('list');
    expect(r.status).toBe(0);
    for (const name of ['base', 'peace-talks-advance', 'peace-talks-fail', 'war-frozen', 'us-loses-interest', 'eu-joins-thaw', 'lithuania-opens-transit', 'poland-poczobut-deal']) {
      expect(r.stdout).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
    }
  });

  it('lists R01–R17 with their paragraphs, and the rules after them as beyond the article', () => {
    const r = thaw('rules');
    expect(r.status).toBe(0);
    for (const id of ARTICLE_RULE_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}\\s+[a-z-]+\\s+¶\\d`, 'm'));
    for (const id of OPEN_WORLD_RULE_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}\\s+[a-z-]+\\s+beyond the article `, 'm'));
    const json = JSON.parse(thaw('rules', '--json').stdout) as { id: string; basis: string; fact?: string }[];
    expect(json.filter((x) => x.basis === 'beyond the article').map((x) => x.id)).toEqual([...OPEN_WORLD_RULE_IDS]);
    for (const x of json.filter((y) => y.basis === 'beyond the article')) expect(x.fact?.length ?? 0).toBeGreaterThan(40);
  });

  it('prints its version', () => {
    const r = thaw('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
