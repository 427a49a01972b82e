#!/usr/bin/env node
/**
 * The speed benchmark (`npm run bench`). For base and every shipped scenario: runs per second on
 * one thread, milliseconds per simulated month, bytes allocated per run, and a 10,000-run sweep's
 * wall time and peak memory with 2 workers; then how long the CLI takes to start beside bare Node,
 * and the HTML report: a single-run report and one with --runs 10000 (wall, size).
 * It prints the machine and the commands, and a Markdown table for docs/performance.md.
 *
 *   npm run bench                      # everything (about two minutes)
 *   node bench/bench.mjs --quick       # fewer, shorter measurements
 *   node bench/bench.mjs base war-frozen
 *   node bench/bench.mjs --against /tmp/thaw-main base   # A/B: runs/s beside another build, same minutes
 *   node bench/bench.mjs --startup     # only the start-up line (thaw run beside node -e 0)
 *   node bench/bench.mjs --backtest    # only the backtest case: 2,000 runs, ten facts, beside a sweep
 *   node bench/bench.mjs --study [--against /tmp/thaw-main]   # the Sobol' study and the 1.3M-row analysis
 * Uses the compiled dist/ modules (`npm run bench` builds first). For the A/B, build the other
 * tree's dist/ first (e.g. `git archive main | tar -x -C /tmp/thaw-main`, link node_modules,
 * `npx tsc -p tsconfig.build.json` there); its rounds are interleaved with this build's.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--alloc') {
  // Child process, run with --expose-gc and a young generation large enough that no GC happens
  // while measuring: the heap's growth over K runs is then what K runs allocate.
  const { loadScenario } = await import('../dist/scenario/load.js');
  const { runScenario } = await import('../dist/run-scenario.js');
  const scenario = loadScenario(args[1]).scenario;
  for (let i = 0; i < 300; i++) runScenario(scenario, { seed: i, trace: false });
  const { PerformanceObserver } = await import('node:perf_hooks');
  let collections = 0;
  const observer = new PerformanceObserver((list) => { collections += list.getEntries().length; });
  observer.observe({ entryTypes: ['gc'] });
  const samples = [];
  for (let attempt = 0, k = 200; attempt < 12 && samples.length < 5; attempt++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 5));
    collections = 0;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < k; i++) runScenario(scenario, { seed: 10_000 + attempt * k + i, trace: false });
    const after = process.memoryUsage().heapUsed;
    await new Promise((r) => setTimeout(r, 5));
    if (collections === 0) samples.push((after - before) / k);
    else k = Math.max(10, Math.floor(k / 2));
  }
  observer.disconnect();
  samples.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ bytesPerRun: samples.length ? samples[Math.floor(samples.length / 2)] : null }));
  process.exit(0);
}

const quick = args.includes('--quick');
const backtestOnly = args.includes('--backtest');
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args[againstAt + 1] : null;
const names = args.filter((a, i) => !a.startsWith('--') && !(againstAt >= 0 && i === againstAt + 1));
const { loadScenario, scenarioNames } = await import('../dist/scenario/load.js');
const { runScenario } = await import('../dist/run-scenario.js');
const scenarios = names.length ? names : ['base', ...scenarioNames().filter((n) => n !== 'base')];
const hasTime = existsSync('/usr/bin/time');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs per second on this thread: warm up, then count runs over a fixed time, best of three rounds. */
function speed(scenario) {
  for (let i = 0; i < 500; i++) runScenario(scenario, { seed: 100_000 + i, trace: false });
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const budget = quick ? 400 : 1500;
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < budget) {
      for (let i = 0; i < 50; i++) runScenario(scenario, { seed: round * 1_000_000 + n + i, trace: false });
      n += 50;
    }
    rounds.push(n / ((performance.now() - t0) / 1000));
  }
  return Math.max(...rounds);
}

/** Runs per second of a `run` function over one round of `budget` ms, after the warm-up. */
function round(run, scenario, budget, offset) {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budget) {
    for (let i = 0; i < 50; i++) run(scenario, { seed: offset + n + i, trace: false });
    n += 50;
  }
  return n / ((performance.now() - t0) / 1000);
}

/**
 * A/B in the same minutes: this build and the reference build take turns, five rounds each,
 * on the same seeds; the best round of each is compared (as `speed` does).
 */
async function versus(name, refRoot) {
  const { pathToFileURL } = await import('node:url');
  const { join } = await import('node:path');
  const ref = async (path) => import(pathToFileURL(join(refRoot, 'dist', path)).href);
  const refLoad = (await ref('scenario/load.js')).loadScenario;
  // Builds before 2026-12-03 kept runScenario in simulation/run.js.
  const refRun = (await ref(existsSync(join(refRoot, 'dist', 'run-scenario.js')) ? 'run-scenario.js' : 'simulation/run.js')).runScenario;
  // THAW_BENCH_SET="rules.R18=false,…" applies settings to this build's scenario (to locate a cost).
  const { applySetting } = await import('../dist/scenario/overrides.js');
  const mine = (process.env.THAW_BENCH_SET ?? '').split(',').filter(Boolean).reduce((s, t) => applySetting(s, { path: t.slice(0, t.indexOf('=')), value: t.slice(t.indexOf('=') + 1) }), loadScenario(name).scenario);
  const theirs = refLoad(name).scenario;
  for (let i = 0; i < 500; i++) { runScenario(mine, { seed: 100_000 + i, trace: false }); refRun(theirs, { seed: 100_000 + i, trace: false }); }
  const a = [];
  const b = [];
  for (let r = 0; r < 5; r++) {
    a.push(round(runScenario, mine, quick ? 400 : 1500, r * 1_000_000));
    b.push(round(refRun, theirs, quick ? 400 : 1500, r * 1_000_000));
  }
  return { mine: Math.max(...a), theirs: Math.max(...b) };
}

function allocation(name) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=256', fileURLToPath(import.meta.url), '--alloc', name], { encoding: 'utf8' });
  try {
    return JSON.parse(r.stdout).bytesPerRun;
  } catch {
    return null;
  }
}

/** Wall time and peak resident memory of a CLI sweep (GNU time's %e and %M). */
function sweep(name, runs, workers) {
  const command = ['node', 'bin/thaw', 'sweep', name, '--runs', String(runs), '--workers', String(workers), '--format', 'json'];
  if (!hasTime) {
    const t0 = performance.now();
    const r = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8' });
    return { wall: (performance.now() - t0) / 1000, peakMiB: null, ok: r.status === 0 };
  }
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', ...command], { cwd: root, encoding: 'utf8' });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
  return { wall: m ? Number(m[1]) : null, peakMiB: m ? Number(m[2]) / 1024 : null, ok: r.status === 0 };
}

/** Start-up, side by side: the commands take turns, so that a busy moment hits them all alike. */
function startups(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    commands.forEach(({ argv, env }, j) => {
      const t0 = performance.now();
      spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
      times[j].push(performance.now() - t0);
    });
  }
  return times.map(median);
}

const fmt = (x, digits = 0) => (x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

console.log(`thaw benchmark · ${new Date().toISOString()}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} · ${availableParallelism()} cores · ${fmt(totalmem() / 2 ** 30, 1)} GiB · Node ${process.version} · ${process.platform}/${process.arch}`);
console.log(`command: node bench/bench.mjs ${args.join(' ')}`.trimEnd());
console.log('');

if (args.includes('--startup')) {
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  startupLine();
  process.exit(0);
}

if (args.includes('--study')) {
  studyCase();
  process.exit(0);
}

if (against) {
  console.log(`A/B against ${against} (rounds interleaved, best of five each):`);
  for (const name of scenarios) {
    const { mine, theirs } = await versus(name, against);
    console.log(`${name.padEnd(26)} this build ${fmt(mine).padStart(6)} runs/s · reference ${fmt(theirs).padStart(6)} runs/s · ratio ${fmt(mine / theirs, 2)}×`);
  }
  process.exit(0);
}

/**
 * A backtest of ten facts over 2,000 runs of base's twelve months (target ≤ 3 s on 2 cores),
 * side by side with a sweep of the same runs, taking turns, so that a busy moment hits both: the
 * ratio is what resolving the facts and scoring them costs on top of the runs themselves.
 */
function timed(command) {
  const t0 = performance.now();
  const r = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'ignore' });
  return { wall: (performance.now() - t0) / 1000, ok: r.status === 0 };
}
function backtestCase() {
  const out = [];
  for (const workers of [1, 2]) {
    const bt = [];
    const sw = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      bt.push(timed(['node', 'bin/thaw', 'backtest', 'bench/backtests/base-ten.yaml', '--workers', String(workers), '--format', 'json']));
      sw.push(timed(['node', 'bin/thaw', 'sweep', 'base', '--runs', '2000', '--workers', String(workers), '--format', 'json']));
    }
    const b = median(bt.map((x) => x.wall));
    const w = median(sw.map((x) => x.wall));
    out.push(`${workers} worker${workers > 1 ? 's' : ''}: backtest ${fmt(b, 2)} s${bt.every((x) => x.ok) ? '' : ' (FAILED)'} · sweep ${fmt(w, 2)} s · ratio ${fmt(b / w, 2)}×`);
  }
  console.log(`backtest (bench/backtests/base-ten.yaml: 2,000 runs, ten facts, 12 months; median of ${quick ? 1 : 3}; target ≤ 3 s): ${out.join(' · ')} · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

if (backtestOnly) {
  backtestCase();
  process.exit(0);
}

/**
 * The study targets (issue #12), with --against side by side with another build, taking turns so
 * that a busy moment hits both: the Sobol' study of base (8 factors, N = 1,024, 10,240 runs, two
 * workers, analysis and bootstrap included) and bench/analysis.mjs (1,310,720 stored rows). The two
 * builds' study JSON must be byte-identical (a speed-up may not change a result).
 */
function studyCase() {
  const trees = [{ name: 'this build', dir: root }, ...(against ? [{ name: 'reference', dir: against }] : [])];
  const rounds = quick ? 1 : 3;
  const study = trees.map(() => []);
  const analysed = trees.map(() => []);
  const outputs = trees.map(() => null);
  console.log(`study case: ${rounds} round(s), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`);
  for (let r = 0; r < rounds; r++) {
    trees.forEach((tree, k) => {
      const t0 = performance.now();
      const run = spawnSync('node', ['bin/thaw', 'study', join(root, 'bench/studies/sobol-base-8.yaml'), '--workers', '2', '--format', 'json'], { cwd: tree.dir, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      study[k].push((performance.now() - t0) / 1000);
      if (run.status !== 0) throw new Error(`${tree.name}: thaw study failed: ${run.stderr}`);
      outputs[k] = run.stdout;
      const a = spawnSync('node', ['bench/analysis.mjs'], { cwd: tree.dir, encoding: 'utf8' });
      const m = /: ([\d.]+) s;/.exec(a.stdout);
      if (!m) throw new Error(`${tree.name}: bench/analysis.mjs failed: ${a.stderr}`);
      analysed[k].push(Number(m[1]));
    });
  }
  trees.forEach((tree, k) => {
    console.log(`${tree.name.padEnd(11)} study (10,240 runs, 2 workers) ${fmt(median(study[k]), 2)} s [${study[k].map((x) => fmt(x, 1)).join(', ')}] · analysis of 1,310,720 rows ${fmt(median(analysed[k]), 2)} s [${analysed[k].map((x) => fmt(x, 1)).join(', ')}]`);
  });
  if (against) {
    console.log(`ratio this/reference: study ${fmt(median(study[0]) / median(study[1]), 2)}× · analysis ${fmt(median(analysed[0]) / median(analysed[1]), 2)}× · study JSON ${outputs[0] === outputs[1] ? 'byte-identical' : 'DIFFERS'}`);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
}


const rows = [];
for (const name of scenarios) {
  const scenario = loadScenario(name).scenario;
  const runsPerSecond = speed(scenario);
  const bytes = allocation(name);
  const big = sweep(name, quick ? 2000 : 10_000, 2);
  const row = { name, horizon: scenario.horizon, runsPerSecond, msPerMonth: 1000 / runsPerSecond / scenario.horizon, bytes, wall: big.wall, peakMiB: big.peakMiB, ok: big.ok };
  rows.push(row);
  console.log(`${name.padEnd(26)} ${fmt(runsPerSecond).padStart(6)} runs/s · ${fmt(row.msPerMonth, 3)} ms/month · ${fmt(bytes === null ? null : bytes / 1024, 1)} KiB/run · ${quick ? 2000 : 10_000} runs, 2 workers: ${fmt(big.wall, 2)} s, peak ${fmt(big.peakMiB, 0)} MiB${big.ok ? '' : ' (FAILED)'}`);
}

console.log('');
const flat = [1000, 10_000, ...(quick ? [] : [30_000])].map((runs) => ({ runs, ...sweep('base', runs, 2) }));
console.log(`memory vs runs (base, 2 workers): ${flat.map((f) => `${f.runs} runs ${fmt(f.peakMiB, 0)} MiB in ${fmt(f.wall, 2)} s`).join(' · ')}`);

// A Sobol study of base, 8 factors, N = 1,024 (10,240 runs), analysis and bootstrap included.
const studyCommand = ['node', 'bin/thaw', 'study', 'bench/studies/sobol-base-8.yaml', '--workers', '2', '--format', 'json'];
const studyRun = hasTime ? spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', ...studyCommand], { cwd: root, encoding: 'utf8' }) : null;
const studyTime = studyRun ? /TIME ([\d.]+) (\d+)/.exec(studyRun.stderr) : null;
console.log(`study (${studyCommand.slice(1).join(' ')}): ${studyTime ? `${studyTime[1]} s wall, ${fmt(Number(studyTime[2]) / 1024)} MiB peak` : 'n/a (needs /usr/bin/time)'}`);
const analysis = spawnSync('node', ['bench/analysis.mjs'], { cwd: root, encoding: 'utf8' });
console.log(analysis.stdout.trim() || analysis.stderr.trim());
backtestCase();

function startupLine() {
// The other quick commands take their turns in the same rounds, so their ratios are comparable.
const others = [['list'], ['validate', 'scenarios/base.yaml'], ['rules'], ['source', 'R05']];
const [node0, version, run, modules, ...rest] = startups([
  { argv: ['node', '-e', '0'] },
  { argv: ['node', 'bin/thaw', '--version'] },
  { argv: ['node', 'bin/thaw', 'run', 'base'] },
  { argv: ['node', 'bin/thaw', 'run', 'base'], env: { THAW_NO_BUNDLE: '1' } },
  ...others.map((a) => ({ argv: ['node', 'bin/thaw', ...a] })),
]);
console.log(`start-up (median of ${quick ? 5 : 15}, side by side): node -e 0 ${fmt(node0)} ms · thaw --version ${fmt(version)} ms · thaw run base ${fmt(run)} ms = ${fmt(run / node0, 2)}× node -e 0 (target ≤ 2×; whole 12-month run and story) · the same from dist/'s modules, unbundled ${fmt(modules)} ms = ${fmt(modules / node0, 2)}×`);
console.log(`start-up of the other quick commands, same rounds: ${others.map((a, i) => `thaw ${a.join(' ')} ${fmt(rest[i])} ms = ${fmt(rest[i] / node0, 2)}×`).join(' · ')} (limit 3× node -e 0)`);
return run / node0;
}
startupLine();

// The HTML report (issue 14): targets 1 s for a single run, 6 s with --runs 10000, 2 MiB.
const reportDir = mkdtempSync(join(tmpdir(), 'thaw-bench-report-'));
const single = join(reportDir, 'single.html');
const many = join(reportDir, 'many.html');
const reportRun = startup(['node', 'bin/thaw', 'report', 'base', '--seed', '3', '--out', single]);
const manyRuns = quick ? 2000 : 10_000;
const t0 = performance.now();
const manyOk = spawnSync('node', ['bin/thaw', 'report', 'base', '--runs', String(manyRuns), '--out', many], { cwd: root, stdio: 'ignore' }).status === 0;
const manyWall = (performance.now() - t0) / 1000;
const kib = (file) => (existsSync(file) ? statSync(file).size / 1024 : null);
console.log(`report (base, seed 3): thaw run base ${fmt(run)} ms · thaw report ${fmt(reportRun)} ms (median, start-up included), ${fmt(kib(single))} KiB · with --runs ${manyRuns}: ${fmt(manyWall, 2)} s${manyOk ? '' : ' (FAILED)'}, ${fmt(kib(many))} KiB · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
rmSync(reportDir, { recursive: true, force: true });

console.log('\nMarkdown:\n');
console.log('| scenario | months | runs/s (1 worker) | ms per month | KiB allocated per run | 10,000 runs, 2 workers: wall | peak memory |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.horizon} | ${fmt(r.runsPerSecond)} | ${fmt(r.msPerMonth, 3)} | ${fmt(r.bytes === null ? null : r.bytes / 1024, 1)} | ${fmt(r.wall, 2)} s | ${fmt(r.peakMiB, 0)} MiB |`);
}
