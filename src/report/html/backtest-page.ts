/**
 * A backtest as one self-contained HTML page: the reliability diagram (vega-lite → SVG, inline),
 * the scores next to both baselines, and every fact's forecast. Formats only; no request leaves it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BinaryFactResult, NumericFactResult } from '../../backtest/evaluate.js';
import type { BacktestReport } from '../backtest.js';
import { chartToSvg } from '../render.js';
import { esc } from './escape.js';
import { pageHtml, type PageFrame } from './shell.js';

const num = (x: number | null, d = 3): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));

/** Bins' mean forecast against their observed rate, sized by their facts, over the diagonal. */
export function reliabilitySpec(report: BacktestReport): TopLevelSpec {
  const points = report.scores.bins.filter((b) => b.n > 0).map((b) => ({ forecast: b.meanForecast, observed: b.observedRate, facts: b.n }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Reliability: ${report.backtest} (${report.scores.n} yes/no facts, ${report.runs} runs)`,
    width: 320,
    height: 320,
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#888' },
        encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1] }, title: 'forecast probability' }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 1] }, title: 'share that came true' } } },
      { data: { values: points }, mark: { type: 'circle', color: '#1f5fa8', opacity: 0.85 },
        encoding: { x: { field: 'forecast', type: 'quantitative' }, y: { field: 'observed', type: 'quantitative' }, size: { field: 'facts', type: 'quantitative', title: 'facts' } } },
    ],
  } as TopLevelSpec;
}

/** The page's body: scores, the diagram, every fact's forecast (also the `thaw report FILE` page of a backtest). */
export async function backtestBodyHtml(report: BacktestReport): Promise<string> {
  const svg = await chartToSvg(reliabilitySpec(report));
  const s = report.scores;
  const b = report.baselines;
  const binary = report.facts.filter((f): f is BinaryFactResult => 'p' in f);
  const numeric = report.facts.filter((f): f is NumericFactResult => 'band' in f);
  const alt = `Reliability diagram: per probability bin, the mean forecast against the share of facts that came true; the dashed diagonal is perfect calibration. Bins: ${s.bins.filter((x) => x.n > 0).map((x) => `${num(x.meanForecast, 2)} → ${num(x.observedRate, 2)} (${x.n})`).join('; ') || 'none'}.`;
  return `<p>Scenario <code>${esc(report.scenario)}</code>${report.branch ? `, branch <code>${esc(report.branch)}</code>` : ''}; ${report.runs} runs, seed ${report.seed}, ${report.months} months; fingerprint <code>${esc(report.fingerprint)}</code>.</p>
<h3>Scores</h3>
<table class="data"><thead><tr><th scope="col">forecaster</th><th scope="col">Brier</th><th scope="col">log</th></tr></thead>
<tbody><tr><th scope="row">thaw</th><td>${num(s.brier)} [${num(s.brierCi?.[0] ?? null)}, ${num(s.brierCi?.[1] ?? null)}]</td><td>${num(s.log)} [${num(s.logCi?.[0] ?? null)}, ${num(s.logCi?.[1] ?? null)}]</td></tr>
<tr><th scope="row">uniform (0.5)</th><td>${num(b.uniform.brier)}</td><td>${num(b.uniform.log)}</td></tr>
<tr><th scope="row">persistence</th><td>${num(b.persistence.brier)}</td><td>${num(b.persistence.log)}</td></tr></tbody></table>
<p>Brier = reliability ${num(s.reliability)} − resolution ${num(s.resolution)} + uncertainty ${num(s.uncertainty)} + within-bin ${num(s.withinBin)}; log scores clip at ${s.logClip}. Numbers inside their 90% band: ${s.inBand === null ? 'no numeric facts' : num(s.inBand, 2)}.</p>
<figure class="chart"><div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div><figcaption>${esc(alt)}</figcaption></figure>
<h3>Yes/no facts</h3>
<table class="data"><thead><tr><th scope="col">fact</th><th scope="col">by</th><th scope="col">p</th><th scope="col">observed</th><th scope="col">Brier</th><th scope="col">persistence</th></tr></thead>
<tbody>${binary.map((f) => `<tr><th scope="row" title="${esc(f.question ?? '')}">${esc(f.id)}</th><td>${esc(f.by)}</td><td>${num(f.p)}</td><td>${f.observed ? 'yes' : 'no'}</td><td>${num(f.brier)}</td><td>${f.persistence}</td></tr>`).join('\n')}</tbody></table>
${numeric.length ? `<h3>Numbers</h3>
<table class="data"><thead><tr><th scope="col">fact</th><th scope="col">by</th><th scope="col">median</th><th scope="col">90% band</th><th scope="col">observed</th><th scope="col">percentile</th><th scope="col">persistence</th></tr></thead>
<tbody>${numeric.map((f) => `<tr><th scope="row" title="${esc(f.question ?? '')}">${esc(f.id)}</th><td>${esc(f.by)}</td><td>${f.median}</td><td>${f.band[0]} – ${f.band[1]}</td><td>${f.observed}</td><td>${num(f.percentile, 2)}</td><td>${f.persistence}</td></tr>`).join('\n')}</tbody></table>` : ''}
`;
}

/**
 * The backtest's page in the frame every report page shares (./shell.ts): the same for
 * `thaw backtest --out FILE.html` and `thaw report FILE.json` of its JSON, which also names the file.
 */
export async function backtestFrame(report: BacktestReport, source: string | null): Promise<Omit<PageFrame, 'version'>> {
  return {
    title: `Backtest ${report.backtest}`,
    description: `Forecasts of ${report.facts.length} facts by scenario ${report.scenario}, scored against what happened and two baselines.`,
    provenance: [
      ...(source === null ? [] : [['file', source] as const]),
      ['facts file', report.file], ['scenario', `${report.scenario}${report.branch ? `, branch ${report.branch}` : ''}`], ['runs', String(report.runs)],
      ['seed', String(report.seed)], ['fingerprint', report.fingerprint], ['written by', `thaw ${report.version}`],
    ],
    sections: [{ id: 'backtest', heading: 'Scores, reliability and forecasts', html: await backtestBodyHtml(report) }],
    madeBy: source === null
      ? `\`thaw backtest ${report.file} --runs ${report.runs} --seed ${report.seed}\` makes the same page.`
      : `From ${source}; the same file gives the same page.`,
  };
}

/** `thaw backtest --out FILE.html`. */
export async function renderBacktestPage(report: BacktestReport): Promise<string> {
  return pageHtml({ ...(await backtestFrame(report, null)), version: report.version });
}
