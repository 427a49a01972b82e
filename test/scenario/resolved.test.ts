/**
 * The build's cache of resolved shipped scenarios (src/scenario/resolved.ts) answers exactly as the
 * loader does, and never for files it was not made from: any edited byte, another build, a missing
 * or odd file, a damaged entry is a miss, and the loader (with its checks and messages) answers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, scenarioNames, SCENARIO_DIR } from '../../src/scenario/load.js';
import { cachedScenario, loadScenarioFast, useResolvedScenarios, type ResolvedCache } from '../../src/scenario/resolved.js';
import { resolvedEntries } from '../../src/scenario/resolved-build.js';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'thaw-resolved-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A cache made by the loader from the shipped files, over a copy of the scenarios folder. */
function freshCache(build = 'build-1'): ResolvedCache {
  const at = mkdtempSync(join(tmp, 'cache-'));
  const dir = join(at, 'resolved');
  const scenarios = join(at, 'scenarios');
  mkdirSync(dir);
  cpSync(SCENARIO_DIR, scenarios, { recursive: true });
  for (const [name, entry] of resolvedEntries(build)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(entry));
  return { build, dir, scenarios };
}

const edit = (cache: ResolvedCache, file: string, change: (text: string) => string): void => {
  const path = join(cache.scenarios, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};

describe('the cache of resolved scenarios', () => {
  const cache = freshCache();
  const names = scenarioNames();

  it('holds every shipped scenario', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(cachedScenario(name, null, cache), name).not.toBeNull();
  });

  it('answers as the loader does, for every scenario and every branch', () => {
    for (const name of names) {
      const loaded = loadScenario(name);
      // The chain is shown relative to the working folder: the copy's own files, named like the loader's.
      const hit = cachedScenario(name, null, cache)!;
      expect({ ...hit, chain: hit.chain.map((p) => p.split('/').pop()) }).toEqual({ ...loaded, chain: loaded.chain.map((p) => p.split('/').pop()) });
      expect(JSON.stringify(hit.scenario)).toBe(JSON.stringify(loaded.scenario));
      for (const { name: branch } of loaded.branches) {
        const branched = cachedScenario(name, branch, cache)!;
        expect(branched.branch).toBe(branch);
        expect(JSON.stringify(branched.scenario)).toBe(JSON.stringify(loadScenario(name, { branch }).scenario));
      }
    }
  });

  it('misses when a file of the chain changes, even by a byte that changes nothing', () => {
    const stale = freshCache();
    edit(stale, 'war-frozen.yaml', (t) => `${t}\n`);
    expect(cachedScenario('war-frozen', null, stale)).toBeNull();
    expect(cachedScenario('peace-talks-fail', null, stale)).not.toBeNull();
    // A parent's edit reaches every child.
    edit(stale, 'base.yaml', (t) => {
      const changed = t.replace(/^horizon: (\d+)/m, (_, n: string) => `horizon: ${Number(n) + 1}`);
      expect(changed).not.toBe(t);
      return changed;
    });
    // Every scenario whose chain holds base misses; one of its own (autumn-2025 starts from its own world) still hits.
    const children = names.filter((n) => loadScenario(n).chain.some((p) => p.endsWith('base.yaml')));
    expect(children.length).toBeGreaterThanOrEqual(8);
    for (const name of children) expect(cachedScenario(name, null, stale), name).toBeNull();
    for (const name of names.filter((n) => !children.includes(n))) expect(cachedScenario(name, null, stale), name).not.toBeNull();
  });

  it('misses for another build, an unknown branch, a path, a name it has no entry for', () => {
    expect(cachedScenario('base', null, { ...cache, build: 'build-2' })).toBeNull();
    expect(cachedScenario('base', 'no-such-branch', cache)).toBeNull();
    expect(cachedScenario('base', 'constructor', cache)).toBeNull();
    expect(cachedScenario(join(cache.scenarios, 'base.yaml'), null, cache)).toBeNull();
    expect(cachedScenario('./base', null, cache)).toBeNull();
    expect(cachedScenario('nothing-here', null, cache)).toBeNull();
    expect(cachedScenario('base', null, null)).toBeNull();
  });

  it('misses when a file is gone or is not a regular file, or the entry is damaged', () => {
    const odd = freshCache();
    rmSync(join(odd.scenarios, 'base.yaml'));
    mkdirSync(join(odd.scenarios, 'base.yaml'));
    expect(cachedScenario('base', null, odd)).toBeNull();
    expect(cachedScenario('war-frozen', null, odd)).toBeNull();
    const damaged = freshCache();
    writeFileSync(join(damaged.dir, 'base.json'), '{"build":');
    expect(cachedScenario('base', null, damaged)).toBeNull();
    const entry = JSON.parse(readFileSync(join(cache.dir, 'war-frozen.json'), 'utf8')) as { files: { name: string }[] };
    writeFileSync(join(damaged.dir, 'war-frozen.json'), JSON.stringify({ ...entry, files: [{ name: '../base.yaml', bytes: '' }] }));
    expect(cachedScenario('war-frozen', null, damaged)).toBeNull();
    writeFileSync(join(damaged.dir, 'war-frozen.json'), JSON.stringify({ ...entry, files: entry.files.slice(0, 1) }));
    expect(cachedScenario('war-frozen', null, damaged)).toBeNull();
  });

  it('refuses an entry whose parts have the wrong shape, and never reads outside its folder', () => {
    const bad = freshCache();
    const entry = JSON.parse(readFileSync(join(bad.dir, 'war-frozen.json'), 'utf8')) as { files: { name: string; bytes: string }[] };
    const base = entry.files[0]!;
    const cases: [string, unknown][] = [
      ['no files', { ...entry, files: [] }],
      ['a null file', { ...entry, files: [null, ...entry.files.slice(1)] }],
      // The right bytes, reached through the folder above: refused by name, not by content.
      ['a path for a name', { ...entry, files: [{ ...base, name: `../scenarios/${base.name}` }, ...entry.files.slice(1)] }],
      ['a scenario that is not an object', { ...entry, scenario: 5 }],
      ['branches that are not a map', { ...entry, byBranch: 'x' }],
      ['branches that are null', { ...entry, byBranch: null }],
    ];
    for (const [what, damaged] of cases) {
      writeFileSync(join(bad.dir, 'war-frozen.json'), JSON.stringify(damaged));
      expect(cachedScenario('war-frozen', null, bad), what).toBeNull();
      expect(cachedScenario('war-frozen', 'a-branch', bad), what).toBeNull();
    }
  });

  it('a cache built now holds each branch as the loader applies it', () => {
    const now = freshCache('build-now');
    const [name, branch] = names.map((n) => [n, loadScenario(n).branches[0]?.name] as const).find(([, b]) => b !== undefined)!;
    const hit = cachedScenario(name, branch!, now)!;
    expect(JSON.stringify(hit.scenario)).toBe(JSON.stringify(loadScenario(name, { branch: branch! }).scenario));
    expect(JSON.stringify(hit.scenario)).not.toBe(JSON.stringify(loadScenario(name).scenario));
  });

  it('once installed, answers loadScenarioFast, branch included; another build is ignored', async () => {
    const installed = freshCache('build-installed');
    edit(installed, 'war-frozen.yaml', (t) => t.replace(/^title: .*$/m, 'title: "Only in the copy"'));
    const copy = installed.dir.split('/').at(-2)!;
    useResolvedScenarios('build-installed', installed.dir, installed.scenarios);
    try {
      // base is unchanged in the copy: answered from the cache, branch and all.
      const branch = loadScenario('base').branches[0]!.name;
      const fast = await loadScenarioFast('base', { branch });
      expect(fast.branch).toBe(branch);
      expect(JSON.stringify(fast.scenario)).toBe(JSON.stringify(loadScenario('base', { branch }).scenario));
      expect(fast.chain[0]).toContain(copy);
      // The edited copy misses, so the loader answers from the repository's own file.
      expect((await loadScenarioFast('war-frozen')).scenario.title).toBe(loadScenario('war-frozen').scenario.title);
    } finally {
      useResolvedScenarios('no-such-build', installed.dir, installed.scenarios);
    }
    expect((await loadScenarioFast('base')).chain[0]).not.toContain(copy);
  });

  it('without a cache installed, loads the ordinary way, errors included', async () => {
    expect(await loadScenarioFast('base')).toEqual(loadScenario('base'));
    await expect(loadScenarioFast('bse')).rejects.toThrow(/did you mean "base"/);
  });
});

// Runs the built dist/, which Stryker's mutants never reach (and its sandbox has no dist/).
describe.skipIf(process.env.THAW_MUTATION === '1')('the CLI with its cache', () => {
  // A copy of the built package: its shipped scenarios can be edited without touching the repository's.
  const pkg = join(tmp, 'package');
  if (process.env.THAW_MUTATION !== '1') {
    mkdirSync(pkg);
    for (const part of ['bin', 'dist', 'scenarios', 'docs', 'package.json']) cpSync(join(root, part), join(pkg, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
  }
  const thaw = (args: string[], env: Record<string, string> = {}) =>
    spawnSync('node', [join(pkg, 'bin', 'thaw'), ...args], { cwd: pkg, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

  it('gives the same run as the loader, and follows an edited scenario file', () => {
    const args = ['run', 'eu-joins-thaw', '--format', 'json', '--seed', '3'];
    const fast = thaw(args);
    expect(fast.status, fast.stderr).toBe(0);
    expect(fast.stdout).toBe(thaw(args, { THAW_NO_BUNDLE: '1' }).stdout);
    const path = join(pkg, 'scenarios', 'base.yaml');
    const original = readFileSync(path, 'utf8');
    const titled = original.replace(/^title: .*$/m, 'title: "Edited after the build"');
    expect(titled).not.toBe(original);
    writeFileSync(path, titled);
    const edited = thaw(['run', 'base', '--months', '1']);
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).toContain('Edited after the build');
    // An edit that breaks the file is reported as the loader reports it: positioned, exit 2.
    const broken0 = original.replace(/^horizon: \d+/m, 'horizon: -1');
    expect(broken0).not.toBe(original);
    writeFileSync(path, broken0);
    const broken = thaw(['run', 'base']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^scenarios\/base\.yaml:\d+:\d+: /);
    expect(broken.stderr).toBe(thaw(['run', 'base'], { THAW_NO_BUNDLE: '1' }).stderr);
    writeFileSync(path, original);
    expect(thaw(args).stdout).toBe(fast.stdout);
  }, 60_000);
});
