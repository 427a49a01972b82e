/** thaw validate, run --branch and run --set end to end: the built CLI in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const json = (...args: string[]) => {
  const r = thaw(...args, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe('thaw validate', () => {
  it('prints one summary line per valid file and exits 0', () => {
    const r = thaw('validate', 'scenarios/base.yaml', 'peace-talks-fail');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      'ok  scenarios/base.yaml: base (12 months from 2025-12, 0 events, 2 branches)',
      'ok  scenarios/peace-talks-fail.yaml: peace-talks-fail (12 months from 2025-12, 0 events, 0 branches, extends scenarios/base.yaml)',
      '',
    ].join('\n'));
  });

  it('reports every problem of every file as FILE:LINE:COL with hints, and exits 2', () => {
    const r = thaw('validate', 'test/fixtures/broken/many-problems.yaml', 'base', 'test/fixtures/broken/unknown-sanction.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('ok  scenarios/base.yaml: base (12 months from 2025-12, 0 events, 2 branches)\n');
    expect(r.stderr).toBe([
      'test/fixtures/broken/many-problems.yaml:4:1: unknown key `horizn`',
      '  hint: did you mean `horizon`?',
      'test/fixtures/broken/many-problems.yaml:5:7: seed: -1 is out of range: the minimum is 0',
      '  hint: accepted: 0 to 4294967295',
      'test/fixtures/broken/many-problems.yaml:8:17: agents.poland.concession: 50 is out of range: the maximum is 10',
      '  hint: accepted: 0 to 10',
      'test/fixtures/broken/unknown-sanction.yaml:8:21: events.0.do.liftSanction: unknown sanction "eu.potassium"',
      '  hint: did you mean "eu.potash"?',
      'thaw: 2 of 3 files are invalid; nothing was run',
      '',
    ].join('\n'));
  });

  it('checks every broken fixture with exit 2 and no stack trace', () => {
    const files = readdirSync(join(root, 'test/fixtures/broken')).map((f) => `test/fixtures/broken/${f}`);
    const r = thaw('validate', ...files);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(`thaw: ${files.length} of ${files.length} files are invalid; nothing was run`);
  });

  it('a run of a broken file writes nothing to stdout', () => {
    const r = thaw('run', 'test/fixtures/broken/out-of-range.yaml', '--format', 'json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('test/fixtures/broken/out-of-range.yaml:6:18: agents.us.visitChance: 1.5 is out of range: the maximum is 1');
  });
});

describe('thaw run --branch', () => {
  it('runs the branch and names it in the JSON', () => {
    const out = json('run', 'base', '--branch', 'eu-potash-march', '--seed', '2', '--months', '4');
    expect(out.branch).toBe('eu-potash-march');
    expect(out.months[2].events).toContainEqual(expect.objectContaining({ kind: 'scenario', text: 'Scenario event eu-lifts-potash: eu.potash lifted' }));
    expect(json('run', 'base', '--seed', '2', '--months', '4').branch).toBeNull();
  });

  it('is deterministic: same branch and seed, byte-identical output', () => {
    const a = thaw('run', 'base', '--branch', 'balloons-stop', '--seed', '5', '--format', 'json');
    const b = thaw('run', 'base', '--branch', 'balloons-stop', '--seed', '5', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  });

  it('an unknown branch exits 2 and lists the known ones', () => {
    const r = thaw('run', 'base', '--branch', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('thaw: unknown branch "nope" of scenario base; its branches: balloons-stop, eu-potash-march\n');
  });

  it('thaw list shows branches under their scenario', () => {
    const r = thaw('list');
    expect(r.stdout).toMatch(/^base\s+Talks stalled.*\n\s+--branch balloons-stop\s+The balloons stop in March/m);
  });
});

describe('thaw run --set', () => {
  it('overrides parameters, repeatably, after the branch', () => {
    const out = json('run', 'base', '--branch', 'eu-potash-march', '--set', 'horizon=2', '--set', 'world.usInterest=0.1', '--seed', '1');
    expect(out.horizon).toBe(2);
    expect(out.months).toHaveLength(2);
    expect(out.months[0].world.usInterest).toBeLessThan(0.3);
  });

  it('changes the outcome the way the parameter says (R09 off, transit cheap: transit opens)', () => {
    const opened = [1, 2, 3, 4].map((seed) => json('run', 'base', '--seed', String(seed), '--set', 'rules.R09=false', '--set', 'agents.lithuania.openingHostility=1', '--set', 'agents.lithuania.transitPrice=0').outcome.transitOpen);
    expect(opened.some(Boolean)).toBe(true);
    expect([1, 2, 3, 4].map((seed) => json('run', 'base', '--seed', String(seed)).outcome.transitOpen).some(Boolean)).toBe(false);
  });

  const bad: [string, string[], string][] = [
    ['a typo', ['--set', 'agents.us.visitChanse=0.5'], 'thaw: unknown parameter path "agents.us.visitChanse": agents.us has no "visitChanse"; did you mean "agents.us.visitChance"?\n'],
    ['a value out of range', ['--set', 'agents.us.visitChance=1.5'], 'thaw: --set agents.us.visitChance=1.5: out of range: the maximum is 1\n'],
    ['the wrong type', ['--set', 'horizon=long'], 'thaw: --set horizon: expected a number, got "long"\n'],
    ['no =', ['--set', 'horizon'], 'thaw: --set expects PATH=VALUE (e.g. agents.us.visitChance=0.6), got "horizon"\n'],
  ];
  for (const [what, args, message] of bad) {
    it(`${what} exits 2 with one clear line`, () => {
      const r = thaw('run', 'base', ...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(message);
    });
  }
});

describe('a scenario file of one\'s own, with events and a branch', () => {
  it('runs by path, extends by relative path, and its branch runs too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thaw-own-'));
    writeFileSync(join(dir, 'parent.yaml'), `id: parent\nextends: base\ntitle: Parent\nhorizon: 4\n`);
    writeFileSync(join(dir, 'mine.yaml'), [
      'id: mine', 'extends: ./parent.yaml', 'title: Mine',
      'events:', '  - { id: fail, at: 2026-02, do: { setTalks: failed } }',
      'branches:', '  advance:', '    events: [{ id: fail, at: 2026-02, do: { setTalks: advancing } }]', '',
    ].join('\n'));
    const a = json('run', join(dir, 'mine.yaml'), '--seed', '1');
    const b = json('run', join(dir, 'mine.yaml'), '--seed', '1', '--branch', 'advance');
    expect(a.months).toHaveLength(4);
    expect(a.months[1].talks).toBe('failed');
    expect(b.months[1].talks).toBe('advancing');
    expect(b.branch).toBe('advance');
  });
});
