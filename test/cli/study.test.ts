/** thaw study end to end: the shipped example studies, data out, shards, merge, and bad input. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SLURM_ARRAY_TASK_ID: '', JOB_COMPLETION_INDEX: '', ...env } });
const dir = mkdtempSync(join(tmpdir(), 'thaw-study-'));
const study = (name: string, lines: string[]): string => {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const json = (args: string[], env: Record<string, string> = {}) => {
  const r = thaw([...args, '--format', 'json'], env);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

const small = study('small', ['scenario: base', 'design: sobol', 'samples: 32', 'seed: 5', 'replications: 2', 'factors:',
  '  agents.poland.concession: [1, 8]', '  world.sanctions.eu.potash.weight: [3, 6]', '  rules.R12: { choice: [true, false] }', 'metrics: [freed.poczobut, released]']);

describe('the shipped example studies', () => {
  it('us-levers-sobol: Sobol\' indices of eight factors for four metrics, intervals around them', () => {
    const r = json(['study', 'scenarios/studies/us-levers-sobol.yaml']);
    expect(r.design).toBe('sobol');
    expect(r.runs).toBe(256 * 10);
    expect(r.indices).toHaveLength(8 * 4);
    const poczobut = r.indices.filter((x: { metric: string }) => x.metric === 'freed.poczobut');
    const top = [...poczobut].sort((a: { ST: number }, b: { ST: number }) => b.ST - a.ST)[0];
    // What Warsaw will give decides whether Poczobut comes out (R07).
    expect(top.factor).toBe('agents.poland.concession');
    for (const x of r.indices) expect(x.STci[0]).toBeLessThanOrEqual(x.STci[1]);
  });

  it('screening-morris: μ* per factor, and a factor the metric cannot feel screened out at 0', () => {
    const r = json(['study', 'scenarios/studies/screening-morris.yaml']);
    expect(r.morris).toHaveLength(10 * 2);
    const of = (metric: string, factor: string) => r.morris.find((x: { metric: string; factor: string }) => x.metric === metric && x.factor === factor);
    expect(of('freed.poczobut', 'world.sanctions.eu.potash.weight').muStar).toBe(0);
    expect(of('freed.poczobut', 'agents.poland.concession').muStar).toBeGreaterThan(0.3);
    expect(r.seedVariance.map((s: { metric: string }) => s.metric)).toEqual(['released', 'freed.poczobut']);
  });

  it('poczobut-prim: a box on Warsaw\'s concession where Poczobut comes out', () => {
    const r = json(['study', 'scenarios/studies/poczobut-prim.yaml']);
    const [box] = r.boxes;
    expect(box.where).toBe('freed.poczobut == 1');
    expect(box.density).toBeGreaterThan(0.6);
    expect(box.restrictions.map((x: { factor: string }) => x.factor)).toContain('agents.poland.concession');
    const c = box.restrictions.find((x: { factor: string }) => x.factor === 'agents.poland.concession');
    expect(c.min).toBeGreaterThan(1);
    expect(box.trajectory.length).toBeGreaterThan(1);
  });
});

describe('thaw study', () => {
  it('gives rows of one design point one seed, and measures the seed\'s share with replications', () => {
    const out = join(dir, 'small.jsonl');
    const r = json(['study', small, '--out', out]);
    expect(r.runs).toBe(32 * 5 * 2);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(r.runs);
    // Point p, replication k: the rows of one base point (5 points) share their seeds.
    const seedOf = (point: number, rep: number) => rows.find((x) => x.point === point && x.run % 2 === rep).seed;
    for (let p = 0; p < 5; p++) expect(seedOf(p, 0)).toBe(seedOf(0, 0));
    expect(seedOf(0, 1)).not.toBe(seedOf(0, 0));
    expect(seedOf(5, 0)).not.toBe(seedOf(0, 0));
    expect(r.seedVariance).toHaveLength(2);
    const inert = r.indices.find((x: { metric: string; factor: string }) => x.metric === 'freed.poczobut' && x.factor === 'world.sanctions.eu.potash.weight');
    expect(inert.ST).toBe(0);
  });

  it('the same study gives the same bytes whatever the worker count', () => {
    const a = thaw(['study', small, '--format', 'json', '--workers', '1']);
    const b = thaw(['study', small, '--format', 'json', '--workers', '3']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('shards (I/N, Slurm, Kubernetes) merged give the report of one process, byte for byte', () => {
    const one = thaw(['study', small, '--format', 'json']).stdout;
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl');
    expect(thaw(['study', small, '--shard', '1/3', '--out', a]).status).toBe(0);
    expect(thaw(['study', small, '--shard', 'auto', '--out', b], { SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '7', SLURM_ARRAY_TASK_COUNT: '3' }).status).toBe(0);
    expect(thaw(['study', small, '--shard', 'auto', '--shards', '3', '--out', c], { JOB_COMPLETION_INDEX: '2' }).status).toBe(0);
    expect(thaw(['merge', a, b, c, '--format', 'json']).stdout).toBe(one);
    const partial = thaw(['merge', a, b, '--format', 'json']);
    expect(partial.stderr).toMatch(/of 320 runs present/);
  });

  it('resumes an interrupted study file', () => {
    const out = join(dir, 'resume.jsonl');
    expect(thaw(['study', small, '--out', out]).status).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    writeFileSync(out, `${lines.slice(0, 100).join('\n')}\n${lines[100]!.slice(0, 12)}`);
    const again = thaw(['study', small, '--out', out, '--resume', '--format', 'json']);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(thaw(['study', small, '--format', 'json']).stdout);
  });

  it('writes a flat CSV: factors, metrics, one row per run', () => {
    const out = join(dir, 'small.csv');
    expect(thaw(['study', small, '--out', out]).status).toBe(0);
    const [head, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(head!.split(',').slice(0, 6)).toEqual(['run', 'seed', 'point', 'agents.poland.concession', 'world.sanctions.eu.potash.weight', 'rules.R12']);
    expect(rows).toHaveLength(320);
    expect(rows.every((r) => r.split(',').length === head!.split(',').length)).toBe(true);
  });
});

describe('thaw study refuses bad input with its position', () => {
  it.each([
    ['design', ['scenario: base', 'design: sobolx', 'samples: 8', 'factors:', '  agents.us.visitChance: [0.2, 0.9]'], /design: expected one of grid, lhs, sobol, morris, mc/],
    ['power', ['scenario: base', 'design: sobol', 'samples: 1000', 'factors:', '  agents.us.visitChance: [0.2, 0.9]'], /:3:\d+: samples: sobol cannot use 1000; it needs a power of two ≥ 4 \(e\.g\. 1024\)/],
    ['path', ['scenario: base', 'design: lhs', 'samples: 8', 'factors:', '  agents.us.visitChanse: [0.2, 0.9]'], /:5:3: .*unknown parameter path.*did you mean "agents\.us\.visitChance"/],
    ['range', ['scenario: base', 'design: lhs', 'samples: 8', 'factors:', '  agents.us.visitChance: [0.2, 1.9]'], /:5:\d+: .*leaves the parameter's range/],
    ['kind', ['scenario: base', 'design: lhs', 'samples: 8', 'factors:', '  world.cohorts: [1, 2]'], /only a number, true\/false or a word/],
    ['metric', ['scenario: base', 'design: lhs', 'samples: 8', 'factors:', '  agents.us.visitChance: [0.2, 0.9]', 'discover: { where: "releasd >= 5" }'], /:6:\d+: discover\.where: unknown metric "releasd"[^]*did you mean "released"/],
    ['scenario', ['scenario: nowhere', 'design: lhs', 'samples: 8', 'factors:', '  agents.us.visitChance: [0.2, 0.9]'], /:1:\d+: scenario: unknown scenario "nowhere"/],
    ['key', ['scenario: base', 'design: lhs', 'sample: 8', 'factors:', '  agents.us.visitChance: [0.2, 0.9]'], /unknown key `sample`[^]*did you mean `samples`/],
  ])('%s', (name, lines, why) => {
    const r = thaw(['study', study(`bad-${name}`, lines)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toMatch(new RegExp(`bad-${name}\\.yaml:\\d+:\\d+`));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses shards of different studies in one merge, and --shard auto outside an array job', () => {
    const other = study('other', ['scenario: base', 'design: sobol', 'samples: 32', 'seed: 6', 'factors:', '  agents.poland.concession: [1, 8]']);
    const a = join(dir, 'm1.jsonl');
    const b = join(dir, 'm2.jsonl');
    thaw(['study', small, '--shard', '1/2', '--out', a]);
    thaw(['study', other, '--shard', '2/2', '--out', b]);
    const m = thaw(['merge', a, b]);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/another study/);
    const auto = thaw(['study', small, '--shard', 'auto', '--out', join(dir, 'x.jsonl')]);
    expect(auto.status).toBe(2);
    expect(auto.stderr).toMatch(/SLURM_ARRAY_TASK_ID .* JOB_COMPLETION_INDEX/);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });
});

describe('sweeps stream their rows too', () => {
  it('--vary with --out writes every run of every value, tagged; CSV with a column per parameter', () => {
    const out = join(dir, 'vary.jsonl');
    const r = thaw(['sweep', 'base', '--runs', '20', '--vary', 'agents.us.visitChance=0.2..0.8:0.3', '--out', out, '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(60);
    expect([...new Set(rows.map((x) => x.factors['agents.us.visitChance']))]).toEqual([0.2, 0.5, 0.8]);
    // Common random numbers: run i of each value has the same seed.
    expect(rows[0].seed).toBe(rows[20].seed);
    const csv = join(dir, 'vary.csv');
    expect(thaw(['sweep', 'base', '--runs', '10', '--vary', 'agents.us.visitChance=0.2..0.8:0.3', '--out', csv]).status).toBe(0);
    const [head, ...lines] = readFileSync(csv, 'utf8').trim().split('\n');
    expect(head!.startsWith('run,seed,point,agents.us.visitChance,released,')).toBe(true);
    expect(lines).toHaveLength(30);
  });

  it('a plain sweep of an uncertain scenario writes its draws as columns', () => {
    const scen = join(dir, 'unsure.yaml');
    writeFileSync(scen, 'id: unsure\nextends: base\ntitle: unsure\nagents:\n  us:\n    visitChance: { uniform: [0.2, 0.9] }\n');
    const csv = join(dir, 'sweep.csv');
    expect(thaw(['sweep', scen, '--runs', '30', '--out', csv]).status).toBe(0);
    const [head, first] = readFileSync(csv, 'utf8').split('\n');
    expect(head!.startsWith('run,seed,agents.us.visitChance,released,')).toBe(true);
    const v = Number(first!.split(',')[2]);
    expect(v).toBeGreaterThanOrEqual(0.2);
    expect(v).toBeLessThanOrEqual(0.9);
  });
});
