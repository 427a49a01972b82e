/** `thaw report` and `thaw diagram` end to end: the built CLI in a child process. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const dir = mkdtempSync(join(tmpdir(), 'thaw-report-cli-'));
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('thaw report', () => {
  it('writes one page, byte-identical for the same inputs, and another for another seed', () => {
    const a = join(dir, 'a.html');
    const b = join(dir, 'b.html');
    const c = join(dir, 'c.html');
    expect(thaw('report', 'base', '--seed', '5', '--out', a).status).toBe(0);
    expect(thaw('report', 'base', '--seed', '5', '--out', b).status).toBe(0);
    expect(thaw('report', 'base', '--seed', '6', '--out', c).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8')).not.toBe(readFileSync(c, 'utf8'));
    expect(statSync(a).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('takes --branch, --months and --set, and shows them in the header', () => {
    const out = join(dir, 'branch.html');
    const p = thaw('report', 'base', '--branch', 'balloons-stop', '--months', '6', '--set', 'agents.us.visitChance=0.9', '--out', out);
    expect(p.status, p.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('branch balloons-stop');
    expect(html).toContain('agents.us.visitChance=0.9');
    expect(html.match(/<article class="month"/g)).toHaveLength(6);
  });

  it('with --runs adds a distribution per metric', () => {
    const out = join(dir, 'runs.html');
    expect(thaw('report', 'base', '--runs', '50', '--out', out).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="distributions"');
    // Metrics that vary get a chart; those the same in every run are listed in words.
    expect((html.match(/<figure class="dist">/g) ?? []).length).toBeGreaterThan(5);
    expect(html).toContain('The same in every run: ');
  });

  const refusals: [string, () => string][] = [
    ['a directory', () => dir],
    ['a missing folder', () => join(dir, 'no', 'such', 'folder', 'r.html')],
    ['a folder that cannot be written', () => {
      if (process.getuid?.() === 0) return '/proc/thaw-report.html'; // root writes through permission bits
      const ro = join(dir, 'read-only');
      mkdirSync(ro, { recursive: true });
      chmodSync(ro, 0o555);
      return join(ro, 'r.html');
    }],
  ];
  for (const [what, path] of refusals) {
    it(`refuses --out ${what}: exit 2, one clear line, nothing written`, () => {
      const before = readdirSync(dir).sort();
      const target = path();
      const p = thaw('report', 'base', '--out', target);
      expect(p.status).toBe(2);
      expect(p.stderr).toMatch(/^thaw: --out /);
      noStack(p.stderr);
      expect(p.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(target) && statSync(target).isFile()).toBe(false);
      expect(readdirSync(dir).filter((f) => f !== 'read-only').sort()).toEqual(before.filter((f) => f !== 'read-only'));
    });
  }

  it('keeps an existing file whole when it refuses, and leaves no temporary file when it succeeds', () => {
    const out = join(dir, 'kept.html');
    writeFileSync(out, 'old');
    expect(thaw('report', 'base', '--months', '0', '--out', out).status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(thaw('report', 'base', '--out', out).status).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('thaw diagram', () => {
  it('prints Mermaid by default, for one agent or all', () => {
    const one = thaw('diagram', 'poland');
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('stateDiagram-v2');
    expect(one.stdout).toContain('waiting --> bargaining : OBSERVE [roundArranged]');
    const all = thaw('diagram');
    expect(all.stdout.match(/stateDiagram-v2/g)).toHaveLength(5);
  });

  it('prints DOT and SVG', () => {
    expect(thaw('diagram', 'eu', '--format', 'dot').stdout).toMatch(/^digraph "eu" \{/);
    const svg = thaw('diagram', 'belarus', '--format', 'svg');
    expect(svg.status).toBe(0);
    expect(svg.stdout).toMatch(/^<svg\b/);
    expect(svg.stdout).toContain('belarus&#45;state&#45;escalating');
  });

  it('prints the machine graph itself as JSON', () => {
    const p = thaw('diagram', 'poland', '--format', 'json');
    expect(p.status).toBe(0);
    const g = JSON.parse(p.stdout);
    expect(g.states.map((s: { id: string }) => s.id)).toEqual(['waiting', 'bargaining', 'settled']);
    expect(g.transitions).toContainEqual({ from: 'bargaining', to: 'settled', event: 'DEAL', guard: null });
    expect(JSON.parse(thaw('diagram', '--format', 'json').stdout)).toHaveLength(5);
  });

  it('writes one file per agent with --out-dir', () => {
    const out = join(dir, 'diagrams');
    mkdirSync(out);
    expect(thaw('diagram', '--format', 'svg', '--out-dir', out).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['belarus.svg', 'eu.svg', 'lithuania.svg', 'poland.svg', 'us.svg']);
  });

  it('refuses an unknown agent, several SVGs on stdout, and a missing --out-dir: exit 2, a clear line', () => {
    const cases: [string[], RegExp][] = [
      [['diagram', 'usa'], /^thaw: unknown agent "usa"; did you mean "us"\?/],
      [['diagram', '--format', 'svg'], /^thaw: --format svg draws one agent at a time/],
      [['diagram', '--out-dir', join(dir, 'nope')], /^thaw: --out-dir .*not an existing folder/],
      [['diagram', 'us', '--format', 'png'], /--format must be one of mermaid, dot, svg/],
    ];
    for (const [args, message] of cases) {
      const p = thaw(...args);
      expect(p.status, args.join(' ')).toBe(2);
      expect(p.stderr).toMatch(message);
      noStack(p.stderr);
    }
  });
});
