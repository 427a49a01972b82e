/** The study commands end to end: the built bin/thaw in child processes, as a user runs them. */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const dir = mkdtempSync(join(tmpdir(), 'thaw-sweep-'));
const lineCount = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).length;

describe('thaw sweep', () => {
  it('summarises every metric with mean, sd, percentiles, a CI and a chart', () => {
    const r = thaw('sweep', 'base', '--runs', '40', '--seed', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/base · 40 runs · seed 2 · 12 months/);
    expect(r.stdout).toMatch(/metric\s+n\s+mean\s+sd\s+p5\s+p50\s+p95\s+95% CI of mean/);
    for (const m of ['released', 'released.ukraine', 'freed.poczobut', 'lifted.us', 'transitOpen', 'deals.us-belarus', 'firstDealMonth', 'reliefValue']) {
      expect(r.stdout).toMatch(new RegExp(`^${m.replace('.', '\\.')}\\s+\\d+`, 'm'));
    }
    expect(r.stdout).toContain('Distribution of released over 40 runs');
    expect(r.stdout).toMatch(/│█+/);
    expect(r.stderr).toBe(''); // no progress bar when piped
  });

  it('gives the same numbers for any --workers, in JSON and CSV', () => {
    const one = thaw('sweep', 'eu-joins-thaw', '--runs', '50', '--workers', '1', '--format', 'json');
    const two = thaw('sweep', 'eu-joins-thaw', '--runs', '50', '--workers', '2', '--format', 'json');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json).toMatchObject({ scenario: 'eu-joins-thaw', runs: 50, runsPresent: 50 });
    expect(json.metrics.find((m: { name: string }) => m.name === 'released')).toHaveProperty('ciHigh');
    const csv = thaw('sweep', 'eu-joins-thaw', '--runs', '50', '--workers', '2', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('metric,n,missing,mean,sd,p5,p50,p95,ciLow,ciHigh');
    expect(csv.stdout).toMatch(/^released,50,0,/m);
  });

  it('ranks parameters with several --vary (sensitivity tables and a tornado)', () => {
    const r = thaw('sweep', 'base', '--runs', '20', '--vary', 'agents.us.visitChance=0.2..0.8:0.3', '--vary', 'agents.us.cooldownMonths=1..3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Sensitivity to agents.us.visitChance');
    expect(r.stdout).toMatch(/mean of metric \\ agents\.us\.visitChance\s+0\.2\s+0\.5\s+0\.8/);
    expect(r.stdout).toContain('What moves released most');
    expect(r.stdout).toMatch(/agents\.us\.(visitChance|cooldownMonths)\s+.*swing \S+\s+\[\S+, \S+\]/);
    const json = JSON.parse(thaw('sweep', 'base', '--runs', '20', '--vary', 'agents.us.visitChance=0.2..0.8:0.3', '--vary', 'agents.us.cooldownMonths=1..3', '--format', 'json').stdout);
    for (const bar of json.tornado) {
      expect(bar.swingCi).toHaveLength(2);
      expect(bar.swingCi[0]).toBeLessThanOrEqual(bar.swing);
      expect(bar.swingCi[1]).toBeGreaterThanOrEqual(bar.swing);
    }
  });

  it('applies --set like `thaw run`', () => {
    const r = thaw('sweep', 'base', '--runs', '20', '--set', 'agents.us.visitChance=0', '--set', 'rules.R02=false', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).settings).toEqual(['agents.us.visitChance=0', 'rules.R02=false']);
  });
});

describe('sweep files: --out, --resume, --shard and merge', () => {
  it('never leaves a half-written CSV: rows go to a hidden temporary file, renamed when the sweep ends', async () => {
    for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
      const out = join(dir, `killed-${signal}.csv`);
      const child = spawn('node', ['bin/thaw', 'sweep', 'base', '--runs', '1500', '--months', '48', '--workers', '1', '--out', out], { cwd: root, stdio: 'ignore' });
      const temporary = join(dir, `.killed-${signal}.csv.${child.pid}.tmp`);
      await new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (existsSync(temporary) && lineCount(temporary) > 100) {
            clearInterval(poll);
            expect(existsSync(out)).toBe(false);
            child.kill(signal);
            resolve();
          }
        }, 10);
        child.on('exit', () => { clearInterval(poll); reject(new Error('the sweep finished before it could be killed')); });
      });
      await new Promise((resolve) => child.on('exit', resolve));
      expect(existsSync(out)).toBe(false);
      // A kill -9 cannot clean up: the hidden temporary file stays, never the table; a SIGTERM removes it.
      expect(existsSync(temporary)).toBe(signal === 'SIGKILL');
    }
    const whole = join(dir, 'whole.csv');
    expect(thaw('sweep', 'base', '--runs', '30', '--out', whole).status).toBe(0);
    expect(lineCount(whole)).toBe(31);
    expect(readdirSync(dir).filter((f) => f.startsWith('.whole.csv'))).toEqual([]);
  });

  it('completes a sweep killed mid-run, with the statistics of an uninterrupted one', async () => {
    const out = join(dir, 'killed.jsonl');
    const args = ['sweep', 'base', '--runs', '1500', '--months', '48', '--seed', '9', '--format', 'json'];
    const child = spawn('node', ['bin/thaw', ...args, '--workers', '1', '--out', out], { cwd: root, stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (existsSync(out) && lineCount(out) > 100) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 10);
      child.on('exit', () => { clearInterval(poll); reject(new Error('the sweep finished before it could be killed')); });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const kept = lineCount(out);
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(1501);
    // A torn last line, as a kill in the middle of a write would leave, is dropped on resume.
    appendFileSync(out, '{"run":1499,"seed":12');
    const resumed = thaw(...args, '--workers', '2', '--out', out, '--resume');
    expect(resumed.status).toBe(0);
    const whole = thaw(...args, '--workers', '2');
    expect(resumed.stdout).toBe(whole.stdout);
    expect(lineCount(out)).toBe(1501);
    const runs = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l).run as number);
    expect(new Set(runs).size).toBe(1500);
  });

  it('merges shards into the statistics of one big run', () => {
    const args = ['sweep', 'lithuania-opens-transit', '--runs', '90', '--seed', '4'];
    const parts = [1, 2, 3].map((i) => {
      const path = join(dir, `shard-${i}.jsonl`);
      expect(thaw(...args, '--shard', `${i}/3`, '--out', path).status).toBe(0);
      return path;
    });
    const whole = thaw(...args, '--format', 'json');
    const merged = thaw('merge', ...parts, '--format', 'json');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(thaw('merge', ...parts, '--format', 'csv').stdout).toBe(thaw(...args, '--format', 'csv').stdout);
    const partial = thaw('merge', parts[0]!);
    expect(partial.status).toBe(0);
    expect(partial.stderr).toContain('30 of 90 runs present');
  });
});

describe('thaw compare', () => {
  it('puts scenarios side by side on the same seeds with paired differences', () => {
    const r = thaw('compare', 'base', 'base', 'peace-talks-advance', '--runs', '30');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('common random numbers');
    expect(r.stdout).toMatch(/base mean\s+base mean\s+Δ vs base\s+95% CI of Δ\s+peace-talks-advance mean/);
    // The same scenario on the same seeds differs by exactly nothing.
    expect(r.stdout).toMatch(/^released\s+\S+\s+\S+\s+0\s+\[0, 0\]/m);
    const branch = thaw('compare', 'base', 'base:eu-potash-march', '--runs', '20', '--format', 'csv');
    expect(branch.status).toBe(0);
    // The branch's event lifts the EU's potash ban in every run: one more EU lifting, paired.
    expect(branch.stdout).toMatch(/^lifted\.eu,base:eu-potash-march,20,0,1,0,1,1,1,1,1,1,1,1$/m);
    const json = JSON.parse(thaw('compare', 'base', 'war-frozen', '--runs', '30', '--format', 'json').stdout);
    expect(json.columns).toEqual(['base', 'war-frozen']);
    expect(json.metrics[0].differences).toHaveLength(1);
  });
});

describe('study commands refuse bad input with exit 2, one message, and leave --out untouched', () => {
  const existing = join(dir, 'existing.jsonl');
  const foreign = join(dir, 'foreign.jsonl');
  const cases: [string, string[], RegExp][] = [
    ['--runs 0', ['sweep', 'base', '--runs', '0', '--out', existing], /--runs must be a whole number from 1/],
    ['a negative --runs', ['sweep', 'base', '--runs', '-3', '--out', existing], /--runs must be a whole number/],
    ['a non-numeric --runs', ['sweep', 'base', '--runs', 'many', '--out', existing], /--runs must be a whole number/],
    ['no --runs', ['sweep', 'base'], /required option '-n, --runs <n>'/],
    ['an unknown --set path', ['sweep', 'base', '--runs', '5', '--set', 'agents.us.visitChanse=1', '--out', existing], /unknown parameter path "agents\.us\.visitChanse".*did you mean "agents\.us\.visitChance"/],
    ['an unknown --vary path', ['sweep', 'base', '--runs', '5', '--vary', 'agents.eu.revewChance=0..1'], /unknown parameter path "agents\.eu\.revewChance".*did you mean "agents\.eu\.reviewChance"/],
    ['a malformed range', ['sweep', 'base', '--runs', '5', '--vary', 'agents.us.visitChance=0.2-0.8'], /malformed range "0\.2-0\.8"; expected PATH=FROM\.\.TO/],
    ['a --vary value out of range', ['sweep', 'base', '--runs', '5', '--vary', 'agents.us.visitChance=0..2'], /--vary agents\.us\.visitChance=0\.\.2: at 2: .*maximum is 1/],
    ['--shard 3/2', ['sweep', 'base', '--runs', '5', '--shard', '3/2', '--out', existing], /--shard expects I\/N with 1 ≤ I ≤ N/],
    ['an existing --out without --resume', ['sweep', 'base', '--runs', '5', '--out', existing], /already exists; add --resume/],
    ['--resume of another study\'s file', ['sweep', 'base', '--runs', '5', '--seed', '8', '--out', existing, '--resume'], /is from another study \(seed 1 instead of 8\)/],
    ['--resume of another scenario\'s file', ['sweep', 'war-frozen', '--runs', '5', '--out', existing, '--resume'], /is from another study \(scenario base instead of war-frozen\)/],
    ['--resume without --out', ['sweep', 'base', '--runs', '5', '--resume'], /--resume needs --out/],
    ['merge of files from two scenarios', ['merge', existing, foreign], /foreign\.jsonl is from another study than .*existing\.jsonl: scenario war-frozen instead of base/],
    ['merge of a file that is not a sweep', ['merge', join(root, 'package.json')], /is not a thaw sweep file/],
    ['an unknown metric', ['sweep', 'base', '--runs', '5', '--metric', 'relesed'], /unknown metric "relesed"; did you mean "released"/],
    ['compare with one scenario', ['compare', 'base', '--runs', '5'], /compare needs at least two scenarios/],
    ['compare with an unknown branch', ['compare', 'base', 'base:nope', '--runs', '5'], /unknown branch "nope"/],
  ];

  it.each(cases)('%s', (_name, args, message) => {
    if (!existsSync(existing)) {
      expect(thaw('sweep', 'base', '--runs', '5', '--out', existing).status).toBe(0);
      expect(thaw('sweep', 'war-frozen', '--runs', '5', '--out', foreign).status).toBe(0);
      copyFileSync(existing, `${existing}.before`);
    }
    const before = readFileSync(existing);
    const r = thaw(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(existing)).toEqual(before);
    expect(readFileSync(existing)).toEqual(readFileSync(`${existing}.before`));
  });

  it('never leaves a temporary file behind', () => {
    writeFileSync(join(dir, 'marker'), '');
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout).not.toMatch(/\.tmp/);
  });
});
