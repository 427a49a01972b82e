/** A study file's report for people: indices, screening, discovered boxes, warnings, then summaries. */
import type { StudyReport } from '../simulation/experiment.js';
import { describeDistribution, type Distribution } from '../study/distributions.js';
import { num, table } from './study.js';
import type { Style } from './style.js';

const interval = (ci: [number, number] | null): string => (ci ? `[${num(ci[0])}, ${num(ci[1])}]` : '–');

export function renderStudyReport(r: StudyReport, st: Style): string {
  const out: string[] = [
    st.bold(`study ${r.study}: ${r.design} on ${r.scenario}${r.branch ? ` (branch ${r.branch})` : ''} · ${r.runs} runs (samples ${r.samples} × replications ${r.replications}) · seed ${r.seed}`),
    ...(r.runsPresent < r.runs ? [st.yellow(`${r.runsPresent} of ${r.runs} runs present`)] : []),
    '',
    st.dim('factors'),
    ...r.factors.map((f) => `  ${f.name}: ${describeDistribution(f.distribution as Distribution)}${f.integer ? ' (whole numbers)' : ''}`),
  ];
  if (r.indices.length) {
    out.push('', st.bold('Sobol\' indices (first order S1, total ST, 95% bootstrap intervals)'));
    for (const metric of [...new Set(r.indices.map((x) => x.metric))]) {
      const rows = r.indices.filter((x) => x.metric === metric).sort((a, b) => (b.ST ?? -1) - (a.ST ?? -1));
      out.push('', `  ${metric}`, ...table([['factor', 'S1', 'S1 interval', 'ST', 'ST interval'], ...rows.map((x) => [x.factor, num(x.S1), interval(x.S1ci), num(x.ST), interval(x.STci)])]).map((l, i) => `    ${i === 0 ? st.dim(l) : l}`));
    }
  }
  if (r.secondOrder.length) {
    out.push('', st.bold('second-order indices S2'), ...table([['metric', 'factors', 'S2', 'interval'], ...r.secondOrder.map((x) => [x.metric, x.factors.join(' × '), num(x.S2), interval(x.S2ci)])]).map((l) => `  ${l}`));
  }
  if (r.morris.length) {
    out.push('', st.bold('Morris screening (μ* = mean |elementary effect| per unit of the factor\'s range)'));
    for (const metric of [...new Set(r.morris.map((x) => x.metric))]) {
      const rows = r.morris.filter((x) => x.metric === metric).sort((a, b) => (b.muStar ?? -1) - (a.muStar ?? -1));
      out.push('', `  ${metric}`, ...table([['factor', 'μ*', 'μ* interval', 'μ', 'σ'], ...rows.map((x) => [x.factor, num(x.muStar), interval(x.muStarCi), num(x.mu), num(x.sigma)])]).map((l, i) => `    ${i === 0 ? st.dim(l) : l}`));
    }
  }
  if (r.seedVariance.length) {
    out.push('', st.bold('share of the variance from the seed alone'), ...r.seedVariance.map((s) => `  ${s.metric}: ${s.share === null ? '–' : `${(100 * s.share).toFixed(1)} %`}`));
  }
  for (const [k, b] of r.boxes.entries()) {
    out.push('', st.bold(`box ${k + 1} where ${b.where}: coverage ${(100 * b.coverage).toFixed(0)} %, density ${(100 * b.density).toFixed(0)} %, mass ${(100 * b.mass).toFixed(0)} % (${b.hits} of ${b.runs} runs)`));
    for (const x of b.restrictions) out.push(`  ${x.factor} ${'min' in x ? `in [${num(x.min)}, ${num(x.max)}]` : `in {${x.values.map(String).join(', ')}}`}`);
    out.push(st.dim(`  peeling: ${b.trajectory.length} steps; coverage/density ${b.trajectory.filter((_, i) => i % Math.max(1, Math.ceil(b.trajectory.length / 8)) === 0).map((t) => `${t.coverage.toFixed(2)}/${t.density.toFixed(2)}`).join(' → ')}`));
  }
  if (r.warnings.length) out.push('', st.yellow('warnings'), ...r.warnings.map((w) => `  ${[w.metric, w.factor].filter(Boolean).join(' · ')}${w.metric ? ': ' : ''}${w.message}`));
  out.push('', st.bold('metrics over all runs'), ...table([['metric', 'n', 'mean', 'sd', 'p5', 'p50', 'p95'], ...r.metrics.map((m) => [m.name, String(m.n), num(m.mean), num(m.sd), num(m.p5), num(m.p50), num(m.p95)])]).map((l, i) => `  ${i === 0 ? st.dim(l) : l}`));
  return `${out.join('\n')}\n`;
}
