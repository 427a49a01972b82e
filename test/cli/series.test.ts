/** `--series` end to end: a row per run per month from sweeps and studies, the same whatever the workers, shards or resumes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SLURM_ARRAY_TASK_ID: '', JOB_COMPLETION_INDEX: '' } });
const ok = (...args: string[]) => {
  const r = thaw(...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const dir = mkdtempSync(join(tmpdir(), 'thaw-series-'));
const at = (name: string) => join(dir, name);
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);
/** A run file's run lines in run order: the order runs finish in depends on the threads. */
const runLines = (path: string) => lines(path).slice(1).sort((a, b) => JSON.parse(a).run - JSON.parse(b).run);
const csv = (path: string) => lines(path).map((l) => l.split(','));

describe('thaw sweep --series', () => {
  it('gives every run its months, the same for 1 or 2 workers and for two shards', () => {
    ok('sweep', 'base', '--runs', '24', '--seed', '3', '--series', '--workers', '1', '--out', at('one.jsonl'));
    ok('sweep', 'base', '--runs', '24', '--seed', '3', '--series', '--workers', '2', '--out', at('two.jsonl'));
    ok('sweep', 'base', '--runs', '24', '--seed', '3', '--series', '--shard', '1/2', '--out', at('s1.jsonl'));
    ok('sweep', 'base', '--runs', '24', '--seed', '3', '--series', '--shard', '2/2', '--out', at('s2.jsonl'));
    const one = runLines(at('one.jsonl'));
    expect(one).toHaveLength(24);
    expect(runLines(at('two.jsonl'))).toEqual(one);
    expect([...runLines(at('s1.jsonl')), ...runLines(at('s2.jsonl'))].sort((a, b) => JSON.parse(a).run - JSON.parse(b).run)).toEqual(one);
    expect(JSON.parse(lines(at('one.jsonl'))[0]!)).toMatchObject({ thaw: 'sweep', series: true });
    for (const line of one) {
      const row = JSON.parse(line);
      expect(row.series).toHaveLength(13);
      expect(row.series.at(-1).released).toBe(row.metrics.released);
    }
    // The shards merge into the statistics of one process, with or without the months.
    ok('sweep', 'base', '--runs', '24', '--seed', '3', '--out', at('plain.jsonl'));
    const merged = ok('merge', at('s1.jsonl'), at('s2.jsonl'), '--format', 'json');
    expect(merged).toBe(ok('merge', at('plain.jsonl'), '--format', 'json'));
    expect(ok('merge', at('one.jsonl'), '--format', 'json')).toBe(merged);
  });

  it('with a CSV --out writes the runs\' table and a long series table beside it that joins on run', () => {
    const out = ok('sweep', 'base', '--runs', '6', '--months', '5', '--series', '--out', at('t.csv'), '--format', 'json');
    expect(JSON.parse(out).runsPresent).toBe(6);
    const runs = csv(at('t.csv'));
    const series = csv(at('t.series.csv'));
    expect(series[0]!.slice(0, 6)).toEqual(['run', 'seed', 'step', 'month', 'held', 'released']);
    expect(series).toHaveLength(1 + 6 * 6);
    expect(series.slice(1).every((r) => r.length === series[0]!.length)).toBe(true);
    const released = runs[0]!.indexOf('released');
    for (const run of runs.slice(1)) {
      const months = series.filter((r) => r[0] === run[0]);
      expect(months.map((r) => r[2])).toEqual(['0', '1', '2', '3', '4', '5']);
      expect(months.at(-1)![5]).toBe(run[released]);
      expect(months.every((r) => r[1] === run[1])).toBe(true);
    }
    // Nothing is left beside the tables.
    expect(existsSync(at('.t.csv.tmp'))).toBe(false);
  });

  it('--vary tags each series row with the varied value', () => {
    ok('sweep', 'base', '--runs', '3', '--months', '2', '--series', '--vary', 'agents.us.visitChance=0.2..0.4:0.2', '--out', at('v.csv'));
    const series = csv(at('v.series.csv'));
    expect(series[0]!.slice(0, 4)).toEqual(['run', 'seed', 'point', 'step']);
    expect(series).toHaveLength(1 + 2 * 3 * 3);
    expect(new Set(series.slice(1).map((r) => r[2]))).toEqual(new Set(['0', '1']));
  });

  it('resumes an interrupted series file to the lines of an uninterrupted one, and refuses to mix', () => {
    ok('sweep', 'base', '--runs', '20', '--series', '--out', at('full.jsonl'));
    const all = readFileSync(at('full.jsonl'), 'utf8').split('\n');
    // Killed mid-write: a header, seven whole runs and a torn eighth.
    writeFileSync(at('cut.jsonl'), `${all.slice(0, 8).join('\n')}\n${all[8]!.slice(0, 40)}`);
    const refused = thaw('sweep', 'base', '--runs', '20', '--out', at('cut.jsonl'), '--resume');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/it was written with --series: add --series; it was left untouched/);
    ok('sweep', 'base', '--runs', '20', '--series', '--out', at('cut.jsonl'), '--resume');
    expect(runLines(at('cut.jsonl'))).toEqual(runLines(at('full.jsonl')));
    const other = thaw('sweep', 'base', '--runs', '24', '--seed', '3', '--series', '--out', at('plain.jsonl'), '--resume');
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/it was written without --series/);
  });

  it('needs --out', () => {
    for (const args of [['sweep', 'base', '--runs', '2', '--series'], ['study', 'scenarios/studies/screening-morris.yaml', '--series']]) {
      const r = thaw(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--series needs --out FILE\.jsonl or FILE\.csv/);
      expect(r.stdout).toBe('');
    }
  });
});

describe('thaw study --series', () => {
  const study = at('tiny.yaml');
  writeFileSync(study, 'scenario: base\ndesign: lhs\nsamples: 6\nreplications: 2\nseed: 4\nmonths: 3\nfactors:\n  agents.us.visitChance: [0.2, 0.9]\nmetrics: [released]\n');

  it('writes the months of every run and leaves the analysis as it was', () => {
    const plain = ok('study', study, '--format', 'json');
    expect(ok('study', study, '--format', 'json', '--series', '--out', at('st.jsonl'))).toBe(plain);
    expect(JSON.parse(lines(at('st.jsonl'))[0]!)).toMatchObject({ thaw: 'study', series: true });
    for (const line of runLines(at('st.jsonl'))) expect(JSON.parse(line).series.map((m: { step: number }) => m.step)).toEqual([0, 1, 2, 3]);
    // Merging a series file analyses it as the study did.
    expect(ok('merge', at('st.jsonl'), '--format', 'json')).toBe(plain);
    expect(ok('study', study, '--format', 'json', '--series', '--workers', '2', '--out', at('st2.jsonl'))).toBe(plain);
    expect(runLines(at('st2.jsonl'))).toEqual(runLines(at('st.jsonl')));
  });

  it('with a CSV --out, a series table keyed by run and design point', () => {
    ok('study', study, '--series', '--out', at('st.csv'));
    const series = csv(at('st.series.csv'));
    expect(series[0]!.slice(0, 4)).toEqual(['run', 'seed', 'point', 'step']);
    expect(series).toHaveLength(1 + 12 * 4);
    // Run r is design point ⌊r / 2⌋ (two replications).
    for (const r of series.slice(1)) expect(Number(r[2])).toBe(Math.floor(Number(r[0]) / 2));
  });
});
