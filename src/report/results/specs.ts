/**
 * vega-lite specs for the statistics of many runs: intervals per metric (a sweep's, a comparison's
 * branches overlaid), paired differences, a tornado, sensitivity curves, Sobol' indices, Morris
 * screening and PRIM's peeling trajectories. Pure: rows of numbers in, a spec out; one faceted
 * spec per picture (one render, one SVG), because rendering is what costs (~40 ms a chart).
 * Rows whose numbers are missing (null) are left out, never drawn as 0.
 */
import type { TopLevelSpec } from 'vega-lite';
import { PALETTE } from '../diagram.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const CONFIG = { font: 'Helvetica, Arial, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 }, legend: { labelFontSize: 11, labelLimit: 260 }, header: { labelFontSize: 11 } };
/** Okabe–Ito, in an order that keeps neighbours apart; series also differ by shape where they overlap. */
export const SERIES = [PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.vermillion, PALETTE.purple, PALETTE.sky, PALETTE.yellow, PALETTE.ink];
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'circle', 'square'];

const header = { labelAngle: 0, labelAlign: 'left' as const, labelAnchor: 'start' as const, labelOrient: 'top' as const, labelFontWeight: 'bold' as const, title: null };
const colourScale = (domain: readonly string[]) => ({ domain: [...domain], range: domain.map((_, i) => SERIES[i % SERIES.length]!) });
const shapeScale = (domain: readonly string[]) => ({ domain: [...domain], range: domain.map((_, i) => SHAPES[i % SHAPES.length]!) });

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** One metric's statistics in one column (a sweep has one column, a comparison one per branch). */
export interface IntervalRow {
  readonly metric: string;
  readonly column: string;
  readonly mean: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly p5: number | null;
  readonly p95: number | null;
}

/**
 * Per metric, one row per column: the p5–p95 range (thin), the 95% CI of the mean (thick) and the
 * mean (a dot). `zero` adds a reference line at 0 (for differences).
 */
export function intervalSpec(rows: readonly IntervalRow[], options: { title: string; description: string; zero?: boolean }): TopLevelSpec {
  const values = rows.filter((r) => isNum(r.mean));
  const columns = [...new Set(values.map((r) => r.column))];
  const metrics = [...new Set(values.map((r) => r.metric))];
  const y = { field: 'column', type: 'nominal' as const, title: null, sort: columns, axis: columns.length > 1 ? {} : null };
  const colour = { field: 'column', type: 'nominal' as const, title: null, scale: colourScale(columns), legend: columns.length > 1 ? { orient: 'top' as const } : null };
  const layer: unknown[] = [
    { transform: [{ filter: 'isValid(datum.p5) && isValid(datum.p95)' }], mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.6 }, encoding: { y, x: { field: 'p5', type: 'quantitative', title: null, scale: { zero: false } }, x2: { field: 'p95' }, color: colour } },
    { transform: [{ filter: 'isValid(datum.ciLow) && isValid(datum.ciHigh)' }], mark: { type: 'rule', strokeWidth: 7 }, encoding: { y, x: { field: 'ciLow', type: 'quantitative' }, x2: { field: 'ciHigh' }, color: colour } },
    { mark: { type: 'point', filled: true, size: 45 }, encoding: { y, x: { field: 'mean', type: 'quantitative' }, fill: { value: PALETTE.ink }, stroke: { value: PALETTE.paper }, shape: { field: 'column', type: 'nominal', scale: shapeScale(columns), legend: null } } },
  ];
  if (options.zero) layer.unshift({ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: PALETTE.grey, strokeDash: [4, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } });
  return {
    $schema: SCHEMA,
    title: { text: options.title, anchor: 'start' },
    description: options.description,
    config: CONFIG,
    data: { values: values.map((r) => ({ ...r })) },
    facet: { row: { field: 'metric', type: 'nominal', sort: metrics, header } },
    spec: { width: 560, height: { step: columns.length > 1 ? 16 : 14 }, layer },
    resolve: { scale: { x: 'independent' } },
    spacing: 6,
  } as TopLevelSpec;
}

/** A tornado bar: the range of a metric's mean over one parameter's values, with the CIs at its two ends. */
export interface TornadoRow {
  readonly path: string;
  readonly atLow: number;
  readonly atHigh: number;
  readonly swing: number;
  readonly lowCi: readonly [number, number] | null;
  readonly highCi: readonly [number, number] | null;
}

export function tornadoSpec(rows: readonly TornadoRow[], metric: string): TopLevelSpec {
  const sorted = [...rows].sort((a, b) => b.swing - a.swing);
  const order = sorted.map((r) => r.path);
  const y = { field: 'path', type: 'nominal' as const, title: null, sort: order };
  const ends = sorted.flatMap((r) => [
    { path: r.path, end: 'lowest value', mean: r.atLow, lo: r.lowCi?.[0] ?? null, hi: r.lowCi?.[1] ?? null },
    { path: r.path, end: 'highest value', mean: r.atHigh, lo: r.highCi?.[0] ?? null, hi: r.highCi?.[1] ?? null },
  ]);
  const endColour = { field: 'end', type: 'nominal' as const, title: `mean of ${metric} at the parameter's`, scale: { domain: ['lowest value', 'highest value'], range: [PALETTE.sky, PALETTE.vermillion] }, legend: { orient: 'top' as const } };
  return {
    $schema: SCHEMA,
    title: { text: `What moves ${metric} most`, subtitle: 'bar: the range of its mean over each parameter\'s values; whiskers: 95% CI of the mean at the two ends', anchor: 'start' },
    description: `Tornado chart of ${metric}: ${sorted.map((r) => `${r.path} moves its mean from ${r.atLow} to ${r.atHigh}`).join('; ')}.`,
    config: CONFIG,
    width: 560,
    height: { step: 26 },
    layer: [
      { data: { values: sorted.map((r) => ({ path: r.path, from: Math.min(r.atLow, r.atHigh), to: Math.max(r.atLow, r.atHigh) })) }, mark: { type: 'bar', color: PALETTE.blue, opacity: 0.35, height: 14 }, encoding: { y, x: { field: 'from', type: 'quantitative', title: `mean of ${metric}`, scale: { zero: false } }, x2: { field: 'to' } } },
      { data: { values: ends.filter((e) => isNum(e.lo) && isNum(e.hi)) }, mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, color: endColour } },
      { data: { values: ends }, mark: { type: 'point', filled: true, size: 60 }, encoding: { y, x: { field: 'mean', type: 'quantitative' }, color: endColour, shape: { field: 'end', type: 'nominal', scale: { domain: ['lowest value', 'highest value'], range: ['triangle-left', 'triangle-right'] }, legend: null } } },
    ],
  } as TopLevelSpec;
}

/** A metric's mean (and 95% CI) at each value of one varied parameter. */
export interface CurvePoint {
  readonly path: string;
  readonly value: number;
  readonly mean: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

export function sensitivitySpec(points: readonly CurvePoint[], metric: string): TopLevelSpec {
  const values = points.filter((p) => isNum(p.mean));
  const paths = [...new Set(values.map((p) => p.path))];
  return {
    $schema: SCHEMA,
    title: { text: `${metric} against each varied parameter`, subtitle: 'line: the mean over the runs at each value; band: its 95% CI', anchor: 'start' },
    description: `Sensitivity curves of ${metric} for ${paths.join(', ')}.`,
    config: CONFIG,
    data: { values: values.map((p) => ({ ...p })) },
    facet: { field: 'path', type: 'nominal', sort: paths, header, title: null },
    columns: 2,
    spec: {
      width: 300, height: 150,
      layer: [
        { transform: [{ filter: 'isValid(datum.ciLow) && isValid(datum.ciHigh)' }], mark: { type: 'area', color: PALETTE.sky, opacity: 0.35 }, encoding: { x: { field: 'value', type: 'quantitative', title: 'value', scale: { zero: false } }, y: { field: 'ciLow', type: 'quantitative', title: `mean of ${metric}`, scale: { zero: false } }, y2: { field: 'ciHigh' } } },
        { mark: { type: 'line', color: PALETTE.blue, point: { filled: true, color: PALETTE.blue } }, encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

/** One Sobol' index of one factor for one metric, with its bootstrap interval. */
export interface IndexBar {
  readonly metric: string;
  readonly factor: string;
  readonly index: 'S1' | 'ST';
  readonly value: number | null;
  readonly ci: readonly [number, number] | null;
}

export function sobolSpec(bars: readonly IndexBar[], factorOrder: readonly string[]): TopLevelSpec {
  const values = bars.filter((b) => isNum(b.value)).map((b) => ({ metric: b.metric, factor: b.factor, index: b.index, value: b.value, lo: b.ci?.[0] ?? null, hi: b.ci?.[1] ?? null }));
  const metrics = [...new Set(values.map((v) => v.metric))];
  const y = { field: 'factor', type: 'nominal' as const, title: null, sort: [...factorOrder] };
  const yOffset = { field: 'index', type: 'nominal' as const, sort: ['S1', 'ST'] };
  const colour = { field: 'index', type: 'nominal' as const, title: null, scale: { domain: ['S1', 'ST'], range: [PALETTE.sky, PALETTE.blue] }, legend: { orient: 'top' as const, labelExpr: "datum.label == 'S1' ? 'S1: the factor alone' : 'ST: with its interactions'" } };
  return {
    $schema: SCHEMA,
    title: { text: 'Sobol\' indices: which inputs make the outcomes vary', subtitle: 'bars: first-order S1 and total ST; whiskers: 95% bootstrap intervals; a negative S1 is noise, read it as 0', anchor: 'start' },
    description: `Sobol' indices S1 and ST of ${factorOrder.length} factors for ${metrics.join(', ')}.`,
    config: CONFIG,
    data: { values },
    facet: { row: { field: 'metric', type: 'nominal', sort: metrics, header } },
    spec: {
      width: 520, height: { step: 12 },
      layer: [
        { mark: { type: 'bar' }, encoding: { y, yOffset, x: { field: 'value', type: 'quantitative', title: 'share of the variance', scale: { domain: [Math.min(0, ...values.map((v) => v.lo ?? 0)), Math.max(1, ...values.map((v) => v.hi ?? 0))] } }, color: colour } },
        { transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }], mark: { type: 'rule', color: PALETTE.ink, strokeWidth: 1.2 }, encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
      ],
    },
    spacing: 8,
  } as TopLevelSpec;
}

/** One factor's Morris statistics for one metric. */
export interface MorrisPoint {
  readonly metric: string;
  readonly factor: string;
  readonly muStar: number | null;
  readonly sigma: number | null;
  readonly ci: readonly [number, number] | null;
}

export function morrisSpec(points: readonly MorrisPoint[]): TopLevelSpec {
  const values = points.filter((p) => isNum(p.muStar) && isNum(p.sigma)).map((p) => ({ metric: p.metric, factor: p.factor, short: p.factor.split('.').slice(-2).join('.'), muStar: p.muStar, sigma: p.sigma, lo: p.ci?.[0] ?? null, hi: p.ci?.[1] ?? null }));
  const metrics = [...new Set(values.map((v) => v.metric))];
  const x = { field: 'muStar', type: 'quantitative' as const, title: 'μ* (importance)' };
  const y = { field: 'sigma', type: 'quantitative' as const, title: 'σ (interactions, non-linearity)' };
  return {
    $schema: SCHEMA,
    title: { text: 'Morris screening', subtitle: 'right: the input matters; up: its effect depends on the others; whiskers: the interval of μ*', anchor: 'start' },
    description: `Morris μ* against σ for ${metrics.join(', ')}.`,
    config: CONFIG,
    data: { values },
    facet: { field: 'metric', type: 'nominal', sort: metrics, header, title: null },
    columns: 2,
    spec: {
      width: 300, height: 200,
      layer: [
        { transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }], mark: { type: 'rule', color: PALETTE.grey }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y } },
        { mark: { type: 'point', filled: true, size: 50, color: PALETTE.blue }, encoding: { x, y } },
        { mark: { type: 'text', align: 'left', dx: 6, fontSize: 9, color: PALETTE.ink }, encoding: { x, y, text: { field: 'short' } } },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

/** One step of PRIM's peeling, and whether it is the box reported. */
export interface PeelStep {
  readonly box: string;
  readonly coverage: number;
  readonly density: number;
  readonly chosen: boolean;
}

export function peelingSpec(steps: readonly PeelStep[]): TopLevelSpec {
  const boxes = [...new Set(steps.map((s) => s.box))];
  const colour = { field: 'box', type: 'nominal' as const, title: null, scale: colourScale(boxes), legend: boxes.length > 1 ? { orient: 'top' as const } : null };
  const x = { field: 'coverage', type: 'quantitative' as const, title: 'coverage (share of the runs of interest inside)', scale: { domain: [0, 1] } };
  const y = { field: 'density', type: 'quantitative' as const, title: 'density (share of the box\'s runs of interest)', scale: { domain: [0, 1] } };
  return {
    $schema: SCHEMA,
    title: { text: 'PRIM: the peeling trade-off', subtitle: 'each peel makes the box purer (up) and smaller (left); the ringed point is the box reported', anchor: 'start' },
    description: `Peeling trajectories of ${boxes.length} box(es): coverage against density.`,
    config: CONFIG,
    width: 420, height: 260,
    data: { values: steps.map((s) => ({ ...s })) },
    layer: [
      { mark: { type: 'line', point: { filled: true, size: 25 } }, encoding: { x, y, color: colour, shape: { field: 'box', type: 'nominal', scale: shapeScale(boxes), legend: null } } },
      { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 260, strokeWidth: 2.5, color: PALETTE.ink }, encoding: { x, y } },
    ],
  } as TopLevelSpec;
}
