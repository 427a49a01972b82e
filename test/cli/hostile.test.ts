/**
 * Hostile input, by category (issue #9), through the built CLI: special files wherever thaw reads,
 * write failures, sweep files from another study or damaged, --set values, control characters.
 * The scenario files of the broken corpus (test/fixtures/broken) are pinned in
 * test/scenario/broken.test.ts; this suite covers what needs the CLI or a generated file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'thaw-hostile-cli-'));
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
const STACK = /^\s+at |node:internal/m;

function expectRefusal(r: ReturnType<typeof thaw>, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.error, 'thaw must not hang').toBeUndefined();
}

const fifo = join(tmp, 'pipe.yaml');
spawnSync('mkfifo', [fifo]);

describe('special files, wherever thaw reads', () => {
  it.skipIf(!existsSync(fifo))('a FIFO is refused at once, as a scenario, a parent, a --resume file and a merge input', () => {
    expectRefusal(thaw('validate', fifo), /is a named pipe \(FIFO\), not a regular file/);
    writeFileSync(join(tmp, 'child.yaml'), `id: c\ntitle: C\nextends: ${fifo}\n`);
    expectRefusal(thaw('run', join(tmp, 'child.yaml')), /named pipe.*\n.*is the parent named by `extends` in .*child.yaml:3:10/);
    expectRefusal(thaw('sweep', 'base', '--runs', '2', '--out', fifo, '--resume'), /sweep file .*pipe.yaml is a named pipe/);
    expectRefusal(thaw('merge', fifo), /sweep file .*pipe.yaml is a named pipe/);
  });
  it('devices and directories are refused; a /proc file whose size reads as 0 is read within the limit', () => {
    expectRefusal(thaw('run', '/dev/zero'), /\/dev\/zero:1:1: the file is a character device, not a regular file/);
    expectRefusal(thaw('merge', '/dev/zero'), /is a character device/);
    expectRefusal(thaw('merge', tmp), /is a directory/);
    expectRefusal(thaw('validate', '/proc/self/status'), /\/proc\/self\/status:1:1: /);
  });
  it('the same size limit holds for a parent as for the file itself', () => {
    const big = join(tmp, 'big-parent.yaml');
    writeFileSync(big, `id: big\ntitle: Big\ndescription: "${'x'.repeat(1024 * 1024)}"\n`);
    writeFileSync(join(tmp, 'small-child.yaml'), `id: s\ntitle: S\nextends: ${big}\n`);
    expectRefusal(thaw('validate', join(tmp, 'small-child.yaml')), /a scenario may hold at most 1048576 bytes \(1 MiB\)/);
  });
});

describe('write failures', () => {
  it('a directory as --out is refused before any run, naming it', () => {
    expectRefusal(thaw('sweep', 'base', '--runs', '5', '--out', tmp), /--out .* is a directory; give a file name/);
  });
  it('a folder that does not exist is named, and nothing is left behind', () => {
    const out = join(tmp, 'no-such-folder', 's.jsonl');
    expectRefusal(thaw('sweep', 'base', '--runs', '5', '--out', out), /cannot create .*s\.jsonl: its folder does not exist \(ENOENT\)/);
    expect(existsSync(out)).toBe(false);
  });
  it.skipIf(process.getuid?.() !== 0)('a full disk during a sweep keeps the finished runs and says how to complete them', () => {
    const small = join(tmp, 'small');
    spawnSync('mkdir', ['-p', small]);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', small]).status !== 0) return;
    try {
      const out = join(small, 's.jsonl');
      const r = thaw('sweep', 'base', '--runs', '500', '--out', out, '--format', 'json');
      expectRefusal(r, /cannot write .*s\.jsonl: no space left on the device \(ENOSPC\); the runs written so far are kept: make room, then run the same command with --resume/);
      expect(readFileSync(out, 'utf8').startsWith('{"thaw":"sweep"')).toBe(true);
      expect(readdirSync(small)).toEqual(['s.jsonl']);
    } finally {
      spawnSync('umount', [small]);
    }
  });
});

describe('--resume and merge refuse another study\'s or a damaged file', () => {
  const sweepFile = (name: string, ...args: string[]) => {
    const out = join(tmp, name);
    const r = thaw('sweep', 'base', '--runs', '6', '--out', out, '--format', 'json', ...args);
    expect(r.status, r.stderr).toBe(0);
    return out;
  };
  const edit = (path: string, change: (lines: string[]) => string[]) => writeFileSync(path, `${change(readFileSync(path, 'utf8').trimEnd().split('\n')).join('\n')}\n`);
  const header = (lines: string[], patch: Record<string, unknown>) => [JSON.stringify({ ...JSON.parse(lines[0]!), ...patch }), ...lines.slice(1)];

  it('from another version or horizon', () => {
    const a = sweepFile('version.jsonl');
    edit(a, (l) => header(l, { version: '0.0.1' }));
    expectRefusal(thaw('sweep', 'base', '--runs', '6', '--out', a, '--resume'), /is from another study \(written by thaw 0\.0\.1/);
    const b = sweepFile('horizon-a.jsonl');
    const c = sweepFile('horizon-b.jsonl');
    edit(c, (l) => header(l, { horizon: 24 }));
    expectRefusal(thaw('merge', b, c), /is from another study than .*: a horizon of 24 months instead of 12/);
  });
  it('with a run twice, a run of another shard or seed, or a value of the wrong type', () => {
    const dup = sweepFile('dup.jsonl');
    edit(dup, (l) => [...l, l[1]!]);
    expectRefusal(thaw('merge', dup), /dup\.jsonl:8: run 0 appears twice \(first on line 2\)/);
    const shard = sweepFile('shard.jsonl', '--shard', '1/2');
    edit(shard, (l) => [...l, JSON.stringify({ ...JSON.parse(l[1]!), run: 1 })]);
    expectRefusal(thaw('merge', shard), /run 1 does not belong to shard 1\/2/);
    const seed = sweepFile('seed.jsonl');
    edit(seed, (l) => [l[0]!, JSON.stringify({ ...JSON.parse(l[1]!), seed: 12345 }), ...l.slice(2)]);
    expectRefusal(thaw('merge', seed), /seed\.jsonl:2: run 0 has seed 12345, but run 0 of a study with seed 1 has seed \d+/);
    const typed = sweepFile('typed.jsonl');
    edit(typed, (l) => { const row = JSON.parse(l[2]!); row.metrics.released = 'many'; return [l[0]!, l[1]!, JSON.stringify(row), ...l.slice(3)]; });
    expectRefusal(thaw('sweep', 'base', '--runs', '6', '--out', typed, '--resume'), /typed\.jsonl:3: run \d+: metric "released" is "many", expected a number or null/);
  });
});

describe('--set values and the calendar', () => {
  it('reads numbers as YAML does: 0x10 and 1e-1 are numbers, 0b11 and 1_000 are not', () => {
    expect(thaw('run', 'base', '--months', '1', '--set', 'agents.us.cooldownMonths=0x3').status).toBe(0);
    expect(thaw('run', 'base', '--months', '1', '--set', 'agents.us.visitChance=1e-1').status).toBe(0);
    expectRefusal(thaw('run', 'base', '--set', 'agents.us.cooldownMonths=0b11'), /--set agents\.us\.cooldownMonths: expected a number, got "0b11"/);
    expectRefusal(thaw('run', 'base', '--set', 'world.lorryDriversHeld=1_000'), /expected a number, got "1_000"/);
  });
  it('a start moved by --set may not run past 9999-12, in run and sweep alike', () => {
    expectRefusal(thaw('run', 'base', '--set', 'start=9999-11'), /12 months from 9999-11 run past 9999-12, the last month thaw can name; use --months 1 or fewer/);
    expectRefusal(thaw('sweep', 'base', '--runs', '2', '--set', 'start=9999-06'), /run past 9999-12/);
    expectRefusal(thaw('run', 'base', '--set', 'start=9999-12', '--months', '1'), /the run starts after 9999-12/);
    expect(thaw('run', 'base', '--set', 'start=9999-11', '--months', '1').status).toBe(0);
  });
});

describe('control characters in user text', () => {
  it('are shown escaped in the story, the list and messages, never sent to the terminal', () => {
    const file = join(tmp, 'control.yaml');
    writeFileSync(file, `id: control\ntitle: "Red \\e[31malert\\e]0;owned\\a"\nextends: ${join(root, 'scenarios/base.yaml')}\nworld:\n  cohorts:\n    - { id: journalists, label: "Jour\\e[2Jnalists" }\n`);
    const story = thaw('run', file, '--months', '6');
    expect(story.status, story.stderr).toBe(0);
    expect(story.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(story.stdout).toContain('Red \\x1b[31malert\\x1b]0;owned\\x07');
    const listed = thaw('list', file);
    expect(listed.stdout).not.toMatch(/\u001b/);
    const r = thaw('validate', 'test/fixtures/broken/control-characters.yaml');
    expect(r.stderr).toContain('unknown key `\\x1b]0;pwned\\x07\\x1b[2Jhorizon`');
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});
