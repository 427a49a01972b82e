/** Reports of studies (sweep, compare, sensitivity): a table for people, CSV and JSON for tools. */
import type { Summary } from '../simulation/stats.js';
import type { ComparedMetric, MetricSummary, Sensitivity, TornadoBar } from '../simulation/study.js';
import { histogramOfCounts, renderBins } from './chart.js';
import type { Style } from './style.js';

/** Numbers as people read them: few decimals, a dash for "no value". */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
}

const ci = (s: Summary): string => (s.ciLow === null || s.ciHigh === null ? '–' : `[${num(s.ciLow)}, ${num(s.ciHigh)}]`);

/** Fixed-width columns; the first is left-aligned, the rest right-aligned. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

export interface StudyTitle {
  /** e.g. "base (branch x) · --set a=1" */
  readonly what: string;
  readonly runs: number;
  readonly seed: number;
  readonly months: number;
  /** Shown when not every run of the study is present (a shard, or a partial merge). */
  readonly note?: string;
}

const titleLine = (t: StudyTitle): string =>
  `${t.what} · ${t.runs} runs · seed ${t.seed} · ${t.months} months${t.note ? ` · ${t.note}` : ''}`;

export function renderSweepTable(title: StudyTitle, metrics: readonly MetricSummary[], chart: { metric: string; counts: readonly (readonly [number, number])[] } | null, st: Style): string {
  const rows = [['metric', 'n', 'mean', 'sd', 'p5', 'p50', 'p95', '95% CI of mean'],
    ...metrics.map((m) => [m.name, String(m.summary.n), num(m.summary.mean), num(m.summary.sd), num(m.summary.p5), num(m.summary.p50), num(m.summary.p95), ci(m.summary)])];
  const lines = [st.bold(titleLine(title)), '', ...table(rows).map((l, i) => (i === 0 ? st.dim(l) : l))];
  if (chart) {
    const runs = chart.counts.reduce((total, [, c]) => total + c, 0);
    lines.push('', st.bold(`Distribution of ${chart.metric} over ${runs} runs`), ...renderBins(histogramOfCounts(chart.counts)));
  }
  return `${lines.join('\n')}\n`;
}

const CSV_FIELDS = ['n', 'missing', 'mean', 'sd', 'p5', 'p50', 'p95', 'ciLow', 'ciHigh'] as const;
const csvValue = (x: number | null): string => (x === null ? '' : String(x));
const csvText = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const summaryCells = (s: Summary): string[] => CSV_FIELDS.map((f) => csvValue(s[f]));

export function renderSweepCsv(metrics: readonly MetricSummary[]): string {
  const lines = [['metric', ...CSV_FIELDS].join(','), ...metrics.map((m) => [csvText(m.name), ...summaryCells(m.summary)].join(','))];
  return `${lines.join('\n')}\n`;
}

export const renderJsonReport = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/* ---------- compare ---------- */

export function renderCompareTable(title: StudyTitle, labels: readonly string[], metrics: readonly ComparedMetric[], st: Style): string {
  const head = ['metric', `${labels[0]} mean`];
  for (const l of labels.slice(1)) head.push(`${l} mean`, `Δ vs ${labels[0]}`, '95% CI of Δ');
  const rows = [head, ...metrics.map((m) => {
    const row = [m.name, num(m.columns[0]?.mean)];
    m.differences.forEach((d, i) => {
      const sign = d.mean !== null && d.mean > 0 ? '+' : '';
      row.push(num(m.columns[i + 1]?.mean), d.mean === null ? '–' : `${sign}${num(d.mean)}`, ci(d));
    });
    return row;
  })];
  const lines = [st.bold(titleLine(title)), st.dim('Same seeds in every column (common random numbers); Δ is the mean of the paired run-by-run differences.'), '',
    ...table(rows).map((l, i) => (i === 0 ? st.dim(l) : l))];
  return `${lines.join('\n')}\n`;
}

export function renderCompareCsv(labels: readonly string[], metrics: readonly ComparedMetric[]): string {
  const lines = [['metric', 'column', ...CSV_FIELDS, 'diffMean', 'diffCiLow', 'diffCiHigh'].join(',')];
  for (const m of metrics) {
    m.columns.forEach((s, i) => {
      const d = i === 0 ? null : m.differences[i - 1]!;
      lines.push([csvText(m.name), csvText(labels[i]!), ...summaryCells(s), csvValue(d?.mean ?? null), csvValue(d?.ciLow ?? null), csvValue(d?.ciHigh ?? null)].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/* ---------- sensitivity ---------- */

export function renderSensitivityTable(title: StudyTitle, studies: readonly Sensitivity[], bars: readonly TornadoBar[], st: Style): string {
  const lines = [st.bold(titleLine(title))];
  for (const s of studies) {
    const names = s.points[0]?.summaries.map((m) => m.name) ?? [];
    const rows = [[`mean of metric \\ ${s.path}`, ...s.points.map((p) => String(p.value))],
      ...names.map((name, k) => [name, ...s.points.map((p) => num(p.summaries[k]?.summary.mean))])];
    lines.push('', st.bold(`Sensitivity to ${s.path}`), ...table(rows).map((l, i) => (i === 0 ? st.dim(l) : l)));
  }
  if (bars.length > 1) {
    const metric = bars[0]!.metric;
    const widest = Math.max(...bars.map((b) => b.swing), 0);
    lines.push('', st.bold(`What moves ${metric} most (tornado: range of its mean over each parameter's values; 95% CI of the swing across runs, paired by seed)`));
    const rows = bars.map((b) => {
      const length = widest > 0 ? Math.round((b.swing / widest) * 30) : 0;
      const interval = b.swingCi ? `[${num(b.swingCi[0])}, ${num(b.swingCi[1])}]` : '';
      return [b.path, `${num(b.min)} … ${num(b.max)}`, `swing ${num(b.swing)}`, interval, '█'.repeat(length) || '▏'];
    });
    lines.push(...table(rows).map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderSensitivityCsv(studies: readonly Sensitivity[]): string {
  const lines = [['parameter', 'value', 'metric', ...CSV_FIELDS].join(',')];
  for (const s of studies) {
    for (const p of s.points) for (const m of p.summaries) lines.push([csvText(s.path), String(p.value), csvText(m.name), ...summaryCells(m.summary)].join(','));
  }
  return `${lines.join('\n')}\n`;
}
