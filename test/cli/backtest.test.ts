/** thaw backtest end to end: JSON contract, determinism across workers, text, HTML, bad input. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const dir = mkdtempSync(join(tmpdir(), 'thaw-backtest-'));
const facts = join(dir, 'facts.yaml');
writeFileSync(facts, `scenario: base
runs: 120
seed: 3
facts:
  - { id: eu-potash, by: 2026-06, sanction: { id: eu.potash, status: active }, observed: true }
  - { id: a-wave, by: 2026-06, wave: { track: us-belarus }, observed: true }
  - { id: poczobut, by: 2026-06, named: { id: poczobut, status: held }, observed: true }
  - { id: held-june, by: 2026-06, held: {}, observed: 900 }
`);

describe('thaw backtest', () => {
  it('prints the JSON contract, byte-identical whatever --workers', () => {
    const one = thaw(['backtest', facts, '--format', 'json', '--workers', '1']);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    const two = thaw(['backtest', facts, '--format', 'json', '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
    const r = JSON.parse(one.stdout);
    expect(r).toMatchObject({ thaw: 'backtest', scenario: 'base', runs: 120, seed: 3 });
    expect(Object.keys(r.scores)).toEqual(expect.arrayContaining(['brier', 'brierCi', 'log', 'reliability', 'resolution', 'uncertainty', 'inBand']));
    expect(r.baselines.uniform.brier).toBe(0.25);
    const wave = r.facts.find((f: { id: string }) => f.id === 'a-wave');
    expect(wave.kind).toBe('wave');
    expect(wave.p).toBeGreaterThan(0);
    expect(wave.p).toBeLessThan(1);
    expect(wave.brier).toBeCloseTo((1 - wave.p) ** 2, 12);
    const held = r.facts.find((f: { id: string }) => f.id === 'held-june');
    expect(held.band).toHaveLength(2);
    expect(held.band[0]).toBeLessThanOrEqual(held.median);
  });

  it('the same facts file gives the same JSON from any folder: `file` is its name, `fingerprint` its content', () => {
    const from = (cwd: string, path: string) => spawnSync('node', [join(root, 'bin', 'thaw'), 'backtest', path, '--format', 'json', '--runs', '20'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const here = from(dir, 'facts.yaml');
    expect(here.status, here.stderr).toBe(0);
    expect(from(root, facts).stdout).toBe(here.stdout);
    expect(from(join(dir, '..'), join(dir.split('/').pop()!, 'facts.yaml')).stdout).toBe(here.stdout);
    const r = JSON.parse(here.stdout);
    expect(r.file).toBe('facts.yaml');
    expect(r.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Another content, same name: another fingerprint.
    const other = join(mkdtempSync(join(tmpdir(), 'thaw-backtest-other-')), 'facts.yaml');
    writeFileSync(other, readFileSync(facts, 'utf8').replace('observed: 900', 'observed: 901'));
    const changed = JSON.parse(from(root, other).stdout);
    expect(changed.file).toBe('facts.yaml');
    expect(changed.fingerprint).not.toBe(r.fingerprint);
  });

  it('--runs and --seed override the file\'s runs and seed', () => {
    const a = JSON.parse(thaw(['backtest', facts, '--format', 'json', '--runs', '60', '--seed', '9']).stdout);
    expect(a).toMatchObject({ runs: 60, seed: 9 });
  });

  it('text: forecasts, scores next to both baselines, a reliability diagram', () => {
    const r = thaw(['backtest', facts]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/uniform\s+0\.250/);
    expect(r.stdout).toMatch(/persistence/);
    expect(r.stdout).toMatch(/Reliability diagram/);
    expect(r.stdout).toMatch(/└─+/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--out FILE.html writes a self-contained page with the diagram; --out FILE.json the JSON', () => {
    const html = join(dir, 'b.html');
    const r = thaw(['backtest', facts, '--out', html, '--quiet']);
    expect(r.status).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<svg/);
    expect(page).toMatch(/Reliability/);
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
    // The frame every report page shares (src/report/html/shell.ts): header with provenance, navigation, footer.
    expect(page).toMatch(/<header id="header">\s*<h1>Backtest /);
    expect(page).toMatch(/<table class="provenance">.*<th scope="row">runs<\/th>/s);
    expect(page).toMatch(/<nav aria-label="sections">.*href="#backtest"/s);
    expect(page).toMatch(/<footer><p>Made by <code>thaw report<\/code>.*thaw backtest .* makes the same page/s);
    const out = join(dir, 'b.json');
    expect(thaw(['backtest', facts, '--format', 'json', '--out', out, '--quiet']).stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).thaw).toBe('backtest');
  });

  it('thaw report reads a backtest\'s JSON as a result kind and draws the same diagram', () => {
    const saved = join(dir, 'saved.json');
    expect(thaw(['backtest', facts, '--format', 'json', '--out', saved, '--quiet']).status).toBe(0);
    const page = join(dir, 'report.html');
    const r = thaw(['report', saved, '--out', page]);
    expect(r.status).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(/Backtest facts/);
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/persistence/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...JSON.parse(readFileSync(saved, 'utf8')), scores: {} }));
    expect(thaw(['report', broken, '--out', join(dir, 'never.html')]).status).toBe(2);
  });

  it('bad input exits 2 at FILE:LINE:COL, runs nothing and writes nothing', () => {
    const out = join(dir, 'never.json');
    const r = thaw(['backtest', 'test/fixtures/facts/unknown-sanction.yaml', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown-sanction\.yaml:4:43: unknown sanction "eu\.potas"/);
    expect(r.stderr).toMatch(/did you mean "eu\.potash"/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('the shipped autumn-2025 backtest runs and says it is in-sample', () => {
    const r = thaw(['backtest', 'scenarios/backtests/autumn-2025.yaml', '--runs', '100', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.facts.length).toBeGreaterThanOrEqual(10);
    expect(typeof j.scores.brier).toBe('number');
    expect(readFileSync(join(root, 'scenarios/backtests/autumn-2025.yaml'), 'utf8')).toMatch(/IN-SAMPLE/);
  });
});
