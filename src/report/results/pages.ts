/**
 * The pages of result files: a sweep's statistics (and with its run file, every distribution), a
 * comparison's branches and paired differences, a sensitivity study's tornado and curves, and a
 * study's Sobol' indices, Morris screening and PRIM boxes. Each takes a checked document and
 * returns the page's parts; the numbers are the file's, drawn, never recomputed differently.
 */
import { describeDistribution, type Distribution } from '../../study/distributions.js';
import { esc } from '../html/escape.js';
import type { PageSection } from '../html/shell.js';
import type { CompareResult, SensitivityResult, StudyResult, SummaryDoc, SweepResult } from './documents.js';
import { cell, chartFigure, dataTable } from './figure.js';
import type { ResultPage } from './registry.js';
import { intervalSpec, morrisSpec, peelingSpec, sensitivitySpec, sobolSpec, tornadoSpec, type IntervalRow } from './specs.js';

type Named = SummaryDoc & { readonly name: string; readonly description: string };

const varies = (s: SummaryDoc): boolean => s.sd !== null && s.sd > 0;
const ci = (s: SummaryDoc): string => (s.ciLow === null || s.ciHigh === null ? '–' : `${cell(s.ciLow)} to ${cell(s.ciHigh)}`);
const summaryCells = (s: SummaryDoc): string[] => [String(s.n), cell(s.mean), cell(s.sd), cell(s.p5), cell(s.p50), cell(s.p95), ci(s)];
const SUMMARY_HEAD = ['n', 'mean', 'sd', 'p5', 'median', 'p95', '95% CI of the mean'];
const runsLine = (present: number, runs: number): string => (present < runs ? `${present} of ${runs}` : String(runs));
const settingsText = (settings: readonly string[]): string => (settings.length ? settings.join(' ') : 'none (the scenario as written)');

const interval = (metric: string, column: string, s: SummaryDoc): IntervalRow => ({ metric, column, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, p5: s.p5, p95: s.p95 });

/** Every metric of a one-column study: the intervals of those that vary, the rest in words, all in a table. */
export async function metricsHtml(metrics: readonly Named[], runs: number): Promise<string> {
  const moving = metrics.filter(varies);
  const still = metrics.filter((m) => !varies(m) && m.mean !== null);
  const alt = `Per metric over ${runs} runs: the mean (dot), its 95% confidence interval (thick bar) and the range from the 5th to the 95th percentile (thin line), for the ${moving.length} metrics that vary: ${moving.map((m) => `${m.name} mean ${cell(m.mean)}, CI ${ci(m)}`).join('; ')}.`;
  const chart = moving.length
    ? await chartFigure('metrics-chart', intervalSpec(moving.map((m) => interval(m.name, 'all runs', m)), { title: 'Every metric that varies', description: alt }), alt, 'Per metric: the mean (dot), the 95% CI of the mean (thick bar) and the 5th to 95th percentile of the runs (thin line).', null)
    : '<p>No metric varies between the runs.</p>';
  return `${chart}
${still.length ? `<p>The same in every run: ${esc(still.map((m) => `${m.name} = ${cell(m.mean)}`).join('; '))}.</p>` : ''}
<details><summary>Every metric as a table</summary>
${dataTable(['metric', ...SUMMARY_HEAD, 'what it counts'], metrics.map((m) => [m.name, ...summaryCells(m), m.description]))}</details>`;
}

export async function sweepPage(d: SweepResult, source: string, distributions: PageSection | null = null): Promise<ResultPage> {
  return {
    title: `Sweep of ${d.scenario}${d.branch ? ` (branch ${d.branch})` : ''}`,
    description: `${d.runs} seeded runs of one scenario, every outcome metric summarised: what a single run cannot tell.`,
    provenance: [['file', source], ['scenario', `${d.scenario}${d.branch ? `, branch ${d.branch}` : ''}`], ['runs', runsLine(d.runsPresent, d.runs)], ['study seed', String(d.seed)],
      ['months', d.months === null ? 'the scenario\'s horizon' : String(d.months)], ['settings', settingsText(d.settings)], ['fingerprint', d.fingerprint], ['thaw version', d.version]],
    sections: [
      { id: 'metrics', heading: 'Every metric over the runs', html: await metricsHtml(d.metrics, d.runsPresent) },
      ...(distributions ? [distributions] : []),
    ],
    madeBy: `From ${source}; the same file gives the same page.`,
  };
}

export async function comparePage(d: CompareResult, source: string): Promise<ResultPage> {
  const [base, ...others] = d.columns;
  const moving = d.metrics.filter((m) => m.columns.some(varies) || m.differences.some((x) => x.mean !== 0));
  const still = d.metrics.filter((m) => !moving.includes(m));
  // A metric that moves within each branch but by the same amount in every pair of runs (0, say) has no interval to draw.
  const differing = moving.filter((m) => m.differences.some((x) => x.mean !== 0 || varies(x)));
  const same = moving.filter((m) => !differing.includes(m));
  const sideAlt = `Per metric, each branch over the same ${d.runs} seeds: mean (dot), 95% CI of the mean (thick bar), 5th to 95th percentile (thin line). ${moving.map((m) => `${m.name}: ${m.columns.map((s, i) => `${d.columns[i]} ${cell(s.mean)}`).join(', ')}`).join('; ')}.`;
  const diffLabel = (i: number): string => `${others[i]} − ${base}`;
  const diffAlt = `Paired differences to ${base} on the same seeds: mean difference (dot), its 95% CI (thick bar), 5th to 95th percentile of the run-by-run difference (thin line); a CI clear of the dashed zero line is a difference the seeds' noise does not explain. ${differing.map((m) => `${m.name}: ${m.differences.map((s, i) => `${diffLabel(i)} ${cell(s.mean)} [${ci(s)}]`).join(', ')}`).join('; ')}.`;
  const side = moving.length
    ? await chartFigure('compare-chart', intervalSpec(moving.flatMap((m) => m.columns.map((s, i) => interval(m.name, d.columns[i]!, s))), { title: 'The branches side by side', description: sideAlt }), sideAlt, 'Each branch on the same seeds: the mean (dot), the 95% CI of the mean (thick bar), the 5th to 95th percentile (thin line).',
      { head: ['metric', ...d.columns.map((c) => `${c}: mean [95% CI]`)], rows: moving.map((m) => [m.name, ...m.columns.map((s) => `${cell(s.mean)} [${ci(s)}]`)]) })
    : '<p>No metric varies in any branch.</p>';
  const diffs = differing.length
    ? await chartFigure('differences-chart', intervalSpec(differing.flatMap((m) => m.differences.map((s, i) => interval(m.name, diffLabel(i), s))), { title: `Paired differences to ${base}`, description: diffAlt, zero: true }), diffAlt, `Run-by-run differences to ${base} on the same seeds: a CI clear of the dashed zero line is a difference that the seeds' noise does not explain.`,
      { head: ['metric', ...others.map((_, i) => `${diffLabel(i)}: mean [95% CI]`)], rows: differing.map((m) => [m.name, ...m.differences.map((s) => `${cell(s.mean)} [${ci(s)}]`)]) })
    : '';
  const sameText = same.length ? `<p>No difference between the branches in any run: ${esc(same.map((m) => m.name).join(', '))}.</p>` : '';
  return {
    title: `${d.columns.join(' vs ')}`,
    description: `${d.columns.length} scenarios or branches run on the same ${d.runs} seeds (common random numbers), so that run i of each differs only by what the branches change.`,
    provenance: [['file', source], ['columns', d.columns.join(', ')], ['runs', String(d.runs)], ['study seed', String(d.seed)], ['months', d.months === null ? 'each scenario\'s horizon' : String(d.months)],
      ['settings', settingsText(d.settings)], ['fingerprints', Object.entries(d.fingerprints).map(([k, v]) => `${k} ${v}`).join(', ')], ['thaw version', d.version]],
    sections: [
      { id: 'branches', heading: 'The branches side by side', html: side },
      { id: 'differences', heading: `Paired differences to ${base}`, html: `${diffs}${sameText}${still.length ? `<p>The same in every branch and run: ${esc(still.map((m) => m.name).join(', '))}.</p>` : ''}` },
    ],
    madeBy: `From ${source}; the same file gives the same page.`,
  };
}

/** `present`: when drawn from a run file, its runs present of the study's whole (an interrupted study has fewer). */
export async function sensitivityPage(d: SensitivityResult, source: string, present?: { readonly runs: number; readonly of: number }): Promise<ResultPage> {
  const metric = d.tornado[0]?.metric ?? d.sensitivity[0]?.points[0]?.summaries[0]?.name ?? 'released';
  const summaryAt = (path: string, value: number) => d.sensitivity.find((s) => s.path === path)?.points.find((p) => p.value === value)?.summaries.find((x) => x.name === metric)?.summary ?? null;
  const ends = (path: string) => {
    const points = d.sensitivity.find((s) => s.path === path)?.points ?? [];
    return { low: points[0] ? summaryAt(path, points[0].value) : null, high: points.length ? summaryAt(path, points[points.length - 1]!.value) : null };
  };
  const bars = d.tornado.filter((b) => b.metric === metric).map((b) => {
    const e = ends(b.path);
    const pair = (s: SummaryDoc | null): [number, number] | null => (s && s.ciLow !== null && s.ciHigh !== null ? [s.ciLow, s.ciHigh] : null);
    return { path: b.path, atLow: b.atLow, atHigh: b.atHigh, swing: b.swing, swingCi: b.swingCi ?? null, lowCi: pair(e.low), highCi: pair(e.high) };
  });
  const tornadoAlt = `Tornado of ${metric}: for each varied parameter, the range of the mean of ${metric} between its lowest and highest value, widest first, with the 95% CI of the mean at each end: ${[...bars].sort((a, b) => b.swing - a.swing).map((b) => `${b.path} from ${cell(b.atLow)} to ${cell(b.atHigh)}`).join('; ')}.`;
  const points = d.sensitivity.flatMap((s) => s.points.map((p) => {
    const x = p.summaries.find((m) => m.name === metric)?.summary;
    return { path: s.path, value: p.value, mean: x?.mean ?? null, ciLow: x?.ciLow ?? null, ciHigh: x?.ciHigh ?? null };
  }));
  const curvesAlt = `The mean of ${metric} at each value of each varied parameter, with its 95% CI as a band: ${d.sensitivity.map((s) => `${s.path}: ${points.filter((p) => p.path === s.path).map((p) => `${p.value} → ${cell(p.mean)}`).join(', ')}`).join('; ')}.`;
  return {
    title: `Sensitivity of ${d.scenario}${d.branch ? ` (branch ${d.branch})` : ''}`,
    description: `One parameter at a time over its values, ${d.runs} runs per value on the same seeds: which parameter moves ${metric} most.`,
    provenance: [['file', source], ['scenario', `${d.scenario}${d.branch ? `, branch ${d.branch}` : ''}`], ['varied', d.sensitivity.map((s) => `${s.path} (${s.points.map((p) => p.value).join(', ')})`).join('; ')],
      ['runs per value', String(d.runs)], ...(present ? [['runs in the file', runsLine(present.runs, present.of)] as [string, string]] : []),
      ['study seed', String(d.seed)], ['settings', settingsText(d.settings)]],
    sections: [
      { id: 'tornado', heading: `What moves ${metric} most`, html: bars.length ? await chartFigure('tornado-chart', tornadoSpec(bars, metric), tornadoAlt, 'Widest bar first: the range of the mean over each parameter\'s values; whiskers: the 95% CI of the mean at each end.', { head: ['parameter', 'mean at lowest value', 'mean at highest value', 'swing', 'swing 95% CI'], rows: bars.map((b) => [b.path, cell(b.atLow), cell(b.atHigh), cell(b.swing), b.swingCi ? `${cell(b.swingCi[0])} to ${cell(b.swingCi[1])}` : '–']) }) : '<p>The file has no tornado.</p>' },
      { id: 'curves', heading: `${metric} against each parameter`, html: await chartFigure('sensitivity-chart', sensitivitySpec(points, metric), curvesAlt, 'The mean at each value of the parameter, with its 95% CI as a band.', { head: ['parameter', 'value', 'mean', '95% CI'], rows: points.map((p) => [p.path, cell(p.value), cell(p.mean), p.ciLow === null || p.ciHigh === null ? '–' : `${cell(p.ciLow)} to ${cell(p.ciHigh)}`]) }) },
    ],
    madeBy: `From ${source}; the same file gives the same page.`,
  };
}

/** A factor's distribution in words; as JSON when the file holds one of no kind thaw knows (a hand-edited file). */
const describeFactor = (distribution: unknown): string => {
  try {
    const words = describeDistribution(distribution as Distribution) as string | undefined;
    if (typeof words === 'string') return words;
  } catch {
    // A value that is not an object at all: shown as written.
  }
  return JSON.stringify(distribution);
};

export async function studyPage(d: StudyResult, source: string, extra: readonly PageSection[] = []): Promise<ResultPage> {
  const sections: PageSection[] = [{
    id: 'factors', heading: 'The uncertain inputs',
    html: dataTable(['factor', 'distribution'], d.factors.map((f) => [f.name, `${describeFactor(f.distribution)}${f.integer ? ' (whole numbers)' : ''}`])),
  }];
  if (d.indices.length) {
    const order = [...new Set(d.indices.map((x) => x.factor))].sort((a, b) => Math.max(...d.indices.filter((x) => x.factor === b).map((x) => x.ST ?? -1)) - Math.max(...d.indices.filter((x) => x.factor === a).map((x) => x.ST ?? -1)));
    const bars = d.indices.flatMap((x) => [{ metric: x.metric, factor: x.factor, index: 'S1' as const, value: x.S1, ci: x.S1ci }, { metric: x.metric, factor: x.factor, index: 'ST' as const, value: x.ST, ci: x.STci }]);
    const range = (c: readonly [number, number] | null): string => (c ? `${cell(c[0])} to ${cell(c[1])}` : '–');
    const alt = `Sobol' indices per metric and factor, first order S1 and total ST with 95% bootstrap intervals: ${d.indices.map((x) => `${x.metric}, ${x.factor}: S1 ${cell(x.S1)}, ST ${cell(x.ST)}`).join('; ')}.`;
    sections.push({
      id: 'sobol', heading: 'Sobol\' indices',
      html: `${await chartFigure('sobol-chart', sobolSpec(bars, order), alt, 'S1: the share of the variance the factor explains alone; ST: with its interactions; whiskers: 95% bootstrap intervals.', { head: ['metric · factor', 'S1', 'S1 interval', 'ST', 'ST interval'], rows: d.indices.map((x) => [`${x.metric} · ${x.factor}`, cell(x.S1), range(x.S1ci), cell(x.ST), range(x.STci)]) })}
${d.secondOrder.length ? dataTable(['metric · factors', 'S2', 'interval'], d.secondOrder.map((x) => [`${x.metric} · ${x.factors.join(' × ')}`, cell(x.S2), range(x.S2ci)]), 'Second-order indices S2') : ''}`,
    });
  }
  if (d.morris.length) {
    const alt = `Morris screening per metric: each factor's μ* (importance, across) against σ (interactions, up), with the interval of μ*: ${d.morris.map((x) => `${x.metric}, ${x.factor}: μ* ${cell(x.muStar)}, σ ${cell(x.sigma)}`).join('; ')}.`;
    sections.push({
      id: 'morris', heading: 'Morris screening',
      html: await chartFigure('morris-chart', morrisSpec(d.morris.map((x) => ({ metric: x.metric, factor: x.factor, muStar: x.muStar, sigma: x.sigma, ci: x.muStarCi }))), alt, 'μ* (across): how much the input matters; σ (up): how much its effect depends on the others or bends; whiskers: the interval of μ*.',
        { head: ['metric · factor', 'μ*', 'μ* interval', 'μ', 'σ'], rows: d.morris.map((x) => [`${x.metric} · ${x.factor}`, cell(x.muStar), x.muStarCi ? `${cell(x.muStarCi[0])} to ${cell(x.muStarCi[1])}` : '–', cell(x.mu), cell(x.sigma)]) }),
    });
  }
  if (d.boxes.length) {
    const steps = d.boxes.flatMap((b, k) => b.trajectory.map((t, i) => ({ box: `box ${k + 1}`, coverage: t.coverage, density: t.density, chosen: i === b.chosen })));
    const alt = `PRIM's peeling trajectories where ${d.boxes[0]!.where}: coverage against density for ${d.boxes.length} box(es); the boxes reported: ${d.boxes.map((b, k) => `box ${k + 1} coverage ${cell(b.coverage)}, density ${cell(b.density)}`).join('; ')}.`;
    const boxes = d.boxes.map((b, k) => dataTable(['factor', 'restricted to'], b.restrictions.map((x) => [x.factor, 'min' in x ? `${cell(x.min)} to ${cell(x.max)}` : `one of ${x.values.map(String).join(', ')}`]),
      `Box ${k + 1} where ${b.where}: coverage ${(100 * b.coverage).toFixed(0)} %, density ${(100 * b.density).toFixed(0)} %, mass ${(100 * b.mass).toFixed(0)} % (${b.hits} of ${b.runs} runs)`)).join('\n');
    sections.push({ id: 'prim', heading: 'Scenario discovery (PRIM)', html: `${await chartFigure('prim-chart', peelingSpec(steps), alt, 'Coverage against density at each peel, widest box first; the ringed point is the box reported.', null)}\n${boxes}` });
  }
  if (d.seedVariance.length || d.warnings.length) {
    sections.push({
      id: 'cautions', heading: 'Chance and cautions',
      html: `${d.seedVariance.length ? dataTable(['metric', 'share of the variance from the seed alone'], d.seedVariance.map((s) => [s.metric, s.share === null ? '–' : `${(100 * s.share).toFixed(1)} %`])) : ''}
${d.warnings.length ? `<ul class="warnings">${d.warnings.map((w) => `<li>${esc([w.metric, w.factor].filter(Boolean).join(' · '))}: ${esc(w.message)}</li>`).join('')}</ul>` : ''}`,
    });
  }
  sections.push({ id: 'metrics', heading: 'Every metric over the runs', html: await metricsHtml(d.metrics, d.runsPresent) }, ...extra);
  return {
    title: `Study ${d.study}: ${d.design} on ${d.scenario}${d.branch ? ` (branch ${d.branch})` : ''}`,
    description: `${d.runs} runs over ${d.factors.length} uncertain inputs: which of them decide the outcomes, and where.`,
    provenance: [['file', source], ['study', d.study], ['design', d.design], ['scenario', `${d.scenario}${d.branch ? `, branch ${d.branch}` : ''}`],
      ['runs', `${runsLine(d.runsPresent, d.runs)} (samples ${d.samples} × replications ${d.replications})`], ['study seed', String(d.seed)]],
    sections,
    madeBy: `From ${source}; the same file gives the same page.`,
  };
}
