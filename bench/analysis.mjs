#!/usr/bin/env node
/**
 * The analysis of 1,000,000 stored rows (docs/performance.md): a Sobol' design of 8 factors with
 * N = 2^17 base points (1,310,720 rows), outputs from Sobol's G function and a noisy variant, then
 * `analyzeStudy` (indices, 200 bootstrap resamples per metric, summaries of every metric), timed
 * in this process. No simulation runs: this measures the analysis alone.
 *   node bench/analysis.mjs [N]
 */
import { loadStudyFile } from '../dist/scenario/study-file.js';
import { analyzeStudy, planStudy } from '../dist/simulation/experiment.js';

const n = Number(process.argv[2] ?? 2 ** 17);
const base = loadStudyFile(new URL('./studies/sobol-base-8.yaml', import.meta.url).pathname);
const spec = { ...base, samples: n, metrics: ['g', 'noisy'], catalogue: [{ name: 'g', description: 'G' }, { name: 'noisy', description: 'G + noise' }] };
const plan = planStudy(spec);
const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
const rows = plan.sample.unit.map((u, run) => {
  const g = a.reduce((p, ai, i) => p * (Math.abs(4 * u[i] - 2) + ai) / (1 + ai), 1);
  return { run, seed: 0, metrics: { g, noisy: Math.round(100 * g + ((run * 2654435761) % 97) / 97) } };
});
const t0 = performance.now();
const report = analyzeStudy(spec, plan, rows);
const seconds = (performance.now() - t0) / 1000;
console.log(`analysis of ${rows.length.toLocaleString('en-US')} rows (8 factors, 2 metrics, ${spec.resamples} resamples): ${seconds.toFixed(2)} s; x1 ST = ${report.indices[0].ST.toFixed(3)}`);
