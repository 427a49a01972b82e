/**
 * The package as a stranger gets it: `npm pack`, install the tarball into an empty folder (from
 * npm's cache: --offline, or --prefer-offline when the cache lacks a package's metadata, which
 * `npm ci` does not store), then run the installed CLI and the library example of docs/api.md. The tarball is packed with
 * --ignore-scripts because `npm test` has just built dist/ (prepack would build it again).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'thaw-package-'));
const app = join(dir, 'app');
const sh = (cmd: string, cwd = root) => spawnSync('bash', ['-c', cmd], { cwd, encoding: 'utf8', timeout: 300_000 });
let files: string[] = [];
let installed = { status: -1 as number | null, stderr: '' };

beforeAll(() => {
  const pack = sh(`npm pack --ignore-scripts --silent --pack-destination ${dir}`);
  expect(pack.status, pack.stderr).toBe(0);
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  files = sh(`tar -tzf ${join(dir, tgz)}`).stdout.split('\n').filter(Boolean);
  const install = (mode: string) => sh(`cd ${app} && npm install ${mode} --no-audit --no-fund ${join(dir, tgz)}`);
  sh(`mkdir -p ${app} && cd ${app} && npm init -y`);
  let r = install('--offline');
  if (r.status !== 0 && /ENOTCACHED/.test(r.stderr)) r = install('--prefer-offline');
  installed = { status: r.status, stderr: r.stderr };
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the built CLI, its bundle, the library\'s types, the scenarios and the docs', () => {
    for (const f of ['package/dist/thaw.cjs', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/bin/thaw', 'package/bin/package.json', 'package/dist/resolved/base.json', 'package/scenarios/base.yaml', 'package/docs/source.md', 'package/README.md']) {
      expect(files).toContain(f);
    }
  });
  it('ships no sources, tests, fixtures, benchmarks, configs or source maps', () => {
    expect(files.filter((f) => /^package\/(src|test|bench|scripts)\//.test(f) || /\.map$/.test(f) || /(tsconfig|vitest|stryker)/.test(f))).toEqual([]);
  });
});

describe('the installed package, in an empty folder', () => {
  it('installs', () => {
    expect(installed.status, installed.stderr).toBe(0);
  });
  it('runs `npx thaw run` and `thaw source`', () => {
    const r = sh('npx thaw run --months 2', app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Month 1 · January 2026/);
    expect(sh('npx thaw source 42', app).stdout).toMatch(/^¶42 /);
    expect(sh('npx thaw --version', app).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
  it('runs a sweep with worker threads from the installed files', () => {
    const r = sh('npx thaw sweep base --runs 40 --workers 2 --format json', app);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).runsPresent).toBe(40);
  });
  it('runs the library example of docs/api.md as written', () => {
    const doc = readFileSync(join(root, 'docs/api.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(doc)![1]!;
    writeFileSync(join(app, 'example.mjs'), example);
    const r = sh('node example.mjs', app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^fingerprint [0-9a-f]{16}: \d+ of \d+ freed in 12 months\nreleased over 200 runs: mean \d+\.\d, 95% of runs below \d+/);
  });
});
