/** The CLI's conventions, end to end through bin/thaw (src/cli/conventions.ts, output.ts, terminal.ts). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'TERM'].includes(k)));
const sh = (cmd: string, env: Record<string, string> = {}) => spawnSync('bash', ['-c', cmd], { cwd: root, encoding: 'utf8', env: { ...clean, ...env } });
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: clean });
const STACK = /^\s+at |node:internal|Unhandled 'error'/m;
const COMMANDS = ['run', 'list', 'rules', 'source', 'sweep', 'compare', 'merge', 'validate', 'completion'];

describe('closed pipes and full disks', () => {
  it('a reader that goes away ends thaw quietly, exit 0 or 141 (a closed pipe), never a stack trace', () => {
    const r = sh('node bin/thaw run base --months 240 --format json | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}"');
    expect(r.stderr).toBe('');
    expect(['0', '141']).toContain(r.stdout.trim());
    const list = sh('node bin/thaw rules | true; echo "${PIPESTATUS[0]}"');
    expect(list.stderr).not.toMatch(STACK);
  });
  it.skipIf(!existsSync('/dev/full'))('a full disk on stdout exits 2 with one line that says so', () => {
    const r = sh('node bin/thaw run base --format json > /dev/full');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('thaw: cannot write to standard output: no space left on the device (ENOSPC)\n');
  });
});

describe('colour', () => {
  it('FORCE_COLOR=1 colours a pipe; an empty NO_COLOR does not stop it; FORCE_COLOR=0 and a piped default are plain', () => {
    expect(sh('node bin/thaw run base --months 2 | cat', { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(sh('node bin/thaw run base --months 2 | cat', { FORCE_COLOR: '1', NO_COLOR: '' }).stdout).toMatch(/\u001b\[/);
    expect(sh('node bin/thaw run base --months 2 | cat', { FORCE_COLOR: '0' }).stdout).not.toMatch(/\u001b\[/);
    expect(sh('node bin/thaw run base --months 2 | cat').stdout).not.toMatch(/\u001b\[/);
  });
});

describe('one --format, with json, on every command', () => {
  it.each([['list'], ['rules'], ['validate', 'scenarios/base.yaml'], ['source', '42'], ['run', 'base', '--months', '1']])('thaw %s --format json prints JSON', (...args) => {
    const r = thaw(...args, '--format', 'json');
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
  it('keeps the old flags as aliases: rules --json, sweep --format table (and text)', () => {
    expect(thaw('rules', '--json').stdout).toBe(thaw('rules', '--format', 'json').stdout);
    expect(thaw('sweep', 'base', '--runs', '3', '--format', 'text').stdout).toBe(thaw('sweep', 'base', '--runs', '3', '--format', 'table').stdout);
  });
  it('validate --format json reports an invalid file in the JSON and still exits 2', () => {
    const r = thaw('validate', 'scenarios/base.yaml', 'test/fixtures/broken/unknown-key.yaml', '--format', 'json');
    expect(r.status).toBe(2);
    const verdicts = JSON.parse(r.stdout) as { ok: boolean; problems: { line: number }[] }[];
    expect(verdicts.map((v) => v.ok)).toEqual([true, false]);
    expect(verdicts[1]!.problems[0]!.line).toBeGreaterThan(0);
  });
});

describe('help', () => {
  it.each(COMMANDS)('thaw %s --help has examples and exit codes, within 80 columns', (command) => {
    const r = thaw(command, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}thaw /);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 +done/);
    expect(r.stdout).toContain('bad input');
  });
  it('compare\'s help does not offer --vary, which compare does not have', () => {
    expect(thaw('compare', '--help').stdout).not.toContain('--vary');
  });
});

describe('messages', () => {
  it('a misspelt scenario or branch gets "did you mean"', () => {
    const s = thaw('run', 'peace-talk-advance');
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/^thaw: unknown scenario "peace-talk-advance"; .*did you mean "peace-talks-advance"\?\n$/);
    const b = thaw('run', 'base', '--branch', 'baloons-stop');
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/did you mean "balloons-stop"\?/);
  });
  it('commander\'s own errors carry thaw\'s prefix', () => {
    const r = thaw('run', '--no-such-flag');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^thaw: unknown option '--no-such-flag'/);
  });
  it('plurals agree with their numbers', () => {
    expect(thaw('run', 'base', '--months', '1').stdout).toContain('· 1 month after December 2025');
    expect(thaw('run', 'base', '--months', '2').stdout).toContain('· 2 months after');
  });
  it('the story wraps at 80 columns when piped', () => {
    const lines = thaw('run', 'base').stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('thaw list FILE and completion', () => {
  it('lists a file\'s branches', () => {
    const r = thaw('list', 'scenarios/base.yaml', '--format', 'json');
    expect(r.status).toBe(0);
    const [entry] = JSON.parse(r.stdout) as { id: string; branches: { name: string }[] }[];
    expect(entry!.id).toBe('base');
    expect(entry!.branches.map((b) => b.name)).toContain('balloons-stop');
    expect(thaw('list', 'base').stdout).toMatch(/--branch balloons-stop/);
  });
  it.each(['bash', 'zsh', 'fish'])('thaw completion %s names every command', (shell) => {
    const r = thaw('completion', shell);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
  });
  it('the bash script is valid bash and completes a command', () => {
    const r = sh('source <(node bin/thaw completion bash) && COMP_WORDS=(thaw so) COMP_CWORD=1 && _thaw && echo "${COMPREPLY[@]}"');
    expect(r.stdout.trim()).toBe('source');
  });
  it('refuses an unknown shell', () => {
    expect(thaw('completion', 'tcsh').status).toBe(2);
  });
});

describe('provenance', () => {
  it('run JSON carries version, seed, branch, settings and the resolved scenario\'s fingerprint', () => {
    const a = JSON.parse(thaw('run', 'base', '--format', 'json', '--months', '2').stdout);
    const b = JSON.parse(thaw('run', 'base', '--format', 'json', '--months', '2', '--set', 'agents.us.visitChance=0.9').stdout);
    const c = JSON.parse(thaw('run', 'base', '--format', 'json', '--months', '2', '--branch', 'balloons-stop').stdout);
    expect(a.provenance).toMatchObject({ scenario: 'base', branch: null, seed: 1, settings: [] });
    expect(a.provenance.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(a.provenance.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(b.provenance.settings).toEqual(['agents.us.visitChance=0.9']);
    expect(new Set([a.provenance.fingerprint, b.provenance.fingerprint, c.provenance.fingerprint]).size).toBe(3);
    expect(c.provenance.branch).toBe('balloons-stop');
  });
  it('sweep JSON carries the fingerprint its --out file carries, and the version', () => {
    const dir = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
    const r = JSON.parse(thaw('sweep', 'base', '--runs', '3', '--format', 'json', '--out', `${dir}/s.jsonl`).stdout);
    const header = JSON.parse(sh(`head -1 ${dir}/s.jsonl`).stdout);
    expect(r.fingerprint).toBe(header.fingerprint);
    expect(r.version).toBe(header.version);
    const run = JSON.parse(thaw('run', 'base', '--format', 'json').stdout);
    expect(run.provenance.fingerprint).toBe(header.fingerprint);
  });
  it('compare JSON carries the version and each column\'s fingerprint', () => {
    const r = JSON.parse(thaw('compare', 'base', 'war-frozen', '--runs', '2', '--format', 'json').stdout);
    expect(r.version).toMatch(/^\d/);
    expect(Object.keys(r.fingerprints)).toEqual(['base', 'war-frozen']);
  });
});
