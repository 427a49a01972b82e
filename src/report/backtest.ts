/**
 * A backtest's report as text or JSON: per fact the forecast, then the scores with their intervals
 * next to both baselines, and a reliability diagram drawn with characters. Formats only: the
 * results come from src/backtest/evaluate.ts.
 */
import type { BacktestResult, BinaryFactResult, NumericFactResult } from '../backtest/evaluate.js';
import type { ReliabilityBin } from '../backtest/scores.js';
import type { Style } from './style.js';

export interface BacktestHeader {
  readonly backtest: string;
  readonly file: string;
  readonly scenario: string;
  readonly branch: string | null;
  readonly runs: number;
  readonly seed: number;
  readonly months: number;
  readonly fingerprint: string;
  readonly version: string;
}

export type BacktestReport = BacktestHeader & BacktestResult;

/** The JSON contract (docs/backtesting.md): the header, facts, scores, baselines and skill. */
export const renderBacktestJson = (report: BacktestReport): string => `${JSON.stringify({ thaw: 'backtest', format: 1, ...report }, null, 2)}\n`;

const num = (x: number | null, digits = 3): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const ci = (c: readonly [number, number] | null): string => (c ? `[${num(c[0])}, ${num(c[1])}]` : '');
const count = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function binaryLine(f: BinaryFactResult, st: Style): string {
  const hit = (f.p >= 0.5) === f.observed;
  return `  ${f.id.padEnd(24)} p=${f.p.toFixed(3)}  observed ${f.observed ? 'yes' : 'no '}  brier ${f.brier.toFixed(3)}  persistence ${f.persistence}  ${hit ? st.green('✓') : st.red('✗')}`;
}

function numericLine(f: NumericFactResult, st: Style): string {
  return `  ${f.id.padEnd(24)} median ${count(f.median)}  90% band [${count(f.band[0])}, ${count(f.band[1])}]  observed ${count(f.observed)} (percentile ${f.percentile.toFixed(2)})  persistence ${count(f.persistence)}  ${f.inBand ? st.green('in band') : st.red('outside')}`;
}

/**
 * Forecast probability (x, one column group per bin) against how often the bin's facts came true
 * (y): a perfectly calibrated forecaster's marks sit on the diagonal. A mark is the bin's number
 * of facts (a digit, `+` for ten or more).
 */
export function reliabilityDiagram(bins: readonly ReliabilityBin[], width: number): string[] {
  const cell = Math.max(2, Math.min(5, Math.floor((width - 8) / bins.length)));
  const rows = 10;
  const lines: string[] = [];
  for (let r = rows; r >= 0; r--) {
    const y = r / rows;
    const chars = bins.map((b) => {
      const centre = (b.lo + b.hi) / 2;
      const onDiagonal = Math.round(centre * rows) === r;
      const marked = b.observedRate !== null && Math.round(b.observedRate * rows) === r;
      const mark = marked ? (b.n >= 10 ? '+' : String(b.n)) : onDiagonal ? '·' : ' ';
      return mark.padStart(Math.ceil(cell / 2)).padEnd(cell);
    });
    lines.push(`${r % 5 === 0 ? y.toFixed(1) : '   '} │${chars.join('')}`.trimEnd());
  }
  lines.push(`    └${'─'.repeat(cell * bins.length)}`);
  lines.push(`     0${' '.repeat(Math.max(0, cell * bins.length - 4))}1.0`);
  return lines;
}

export function renderBacktestText(report: BacktestReport, st: Style, width: number): string {
  const s = report.scores;
  const b = report.baselines;
  const binary = report.facts.filter((f): f is BinaryFactResult => 'p' in f);
  const numeric = report.facts.filter((f): f is NumericFactResult => 'band' in f);
  const out: string[] = [
    st.bold(`backtest ${report.backtest}: scenario ${report.scenario}${report.branch ? ` (branch ${report.branch})` : ''}, ${report.runs} runs, seed ${report.seed}`),
    '',
  ];
  if (binary.length) out.push(st.bold(`Yes/no facts (${binary.length}): the share of runs in which each held`), ...binary.map((f) => binaryLine(f, st)), '');
  if (numeric.length) out.push(st.bold(`Numbers (${numeric.length}): the runs' predictive distribution`), ...numeric.map((f) => numericLine(f, st)), '');
  if (binary.length) {
    out.push(
      st.bold('Scores (lower is better; 95% bootstrap intervals over the facts)'),
      `  ${''.padEnd(12)} ${'Brier'.padStart(7)} ${'log'.padStart(7)}`,
      `  ${'thaw'.padEnd(12)} ${num(s.brier).padStart(7)} ${num(s.log).padStart(7)}   Brier ${ci(s.brierCi)}, log ${ci(s.logCi)}`,
      `  ${'uniform'.padEnd(12)} ${num(b.uniform.brier).padStart(7)} ${num(b.uniform.log).padStart(7)}   0.5 for every fact`,
      `  ${'persistence'.padEnd(12)} ${num(b.persistence.brier).padStart(7)} ${num(b.persistence.log).padStart(7)}   nothing changes after the start`,
      `  skill vs uniform ${num(report.skill.uniform)}, vs persistence ${num(report.skill.persistence)} (1 − Brier / baseline's; above 0 beats it)`,
      `  Brier = reliability ${num(s.reliability)} − resolution ${num(s.resolution)} + uncertainty ${num(s.uncertainty)} + within-bin ${num(s.withinBin)} (${s.bins.length} equal bins)`,
      `  log scores clip probabilities to [${s.logClip}, ${1 - s.logClip}]`,
      '',
      st.bold('Reliability diagram: forecast probability (across) against the share that came true (up)'),
      ...reliabilityDiagram(s.bins, width).map((l) => `  ${l}`),
      '',
    );
  }
  if (s.inBand !== null) out.push(`Numbers inside their 90% band: ${numeric.filter((f) => f.inBand).length} of ${numeric.length} (${num(s.inBand, 2)}); a calibrated forecaster gets about 0.9.`);
  return `${out.join('\n').trimEnd()}\n`;
}
