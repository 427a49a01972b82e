/**
 * Chart specifications (vega-lite) built from a run's trace or a study's rows. Pure data in, a
 * spec out: render.ts turns a spec into SVG. Months' world summaries are read generically: every
 * count in `months[].world` (and every route under `releasedByRoute`) becomes a series, so fields
 * and routes added to the model appear without a change here.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MonthRecord } from '../simulation/trace.js';
import { histogram, type Bin } from './chart.js';
import { PALETTE } from './diagram.js';

/** Measures on a 0–1 scale, drawn on their own panel. */
const INDEX_FIELDS: Readonly<Record<string, string>> = { usInterest: 'US interest (R06)', hostilityLithuania: 'Vilnius hostility (R10)' };
/** Counts left off the people panel because other series show them: the total is the sum of the routes. */
const REDUNDANT = new Set(['released']);

const SERIES_COLOURS = [PALETTE.ink, PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.vermillion, PALETTE.purple, PALETTE.sky, PALETTE.grey];

export const TALKS_COLOURS: Readonly<Record<string, string>> = {
  advancing: PALETTE.green, stalled: PALETTE.yellow, failed: PALETTE.vermillion, frozen: PALETTE.sky,
};

export interface SeriesPoint {
  readonly month: string;
  readonly series: string;
  readonly value: number;
}

const label = (key: string): string => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A numeric field of the world summary that is a share rather than a count: a known index, or
 * one whose every value lies in 0–1 and is not always a whole number (trust, say).
 */
function isIndex(key: string, months: readonly MonthRecord[]): boolean {
  if (key in INDEX_FIELDS) return true;
  const values = months.map((m) => (m.world as unknown as Record<string, unknown>)[key]).filter((v): v is number => typeof v === 'number');
  return values.length > 0 && values.every((v) => v >= 0 && v <= 1) && values.some((v) => !Number.isInteger(v));
}

/** The timeline's series, one point per month and series, in the order the series first appear. */
export function timelineSeries(months: readonly MonthRecord[]): { people: SeriesPoint[]; indices: SeriesPoint[] } {
  const people: SeriesPoint[] = [];
  const indices: SeriesPoint[] = [];
  const index = new Map<string, boolean>();
  for (const m of months) {
    for (const [key, value] of Object.entries(m.world as unknown as Record<string, unknown>)) {
      if (typeof value === 'number') {
        if (!index.has(key)) index.set(key, isIndex(key, months));
        if (index.get(key)) indices.push({ month: m.month, series: INDEX_FIELDS[key] ?? label(key), value });
        else if (!REDUNDANT.has(key)) people.push({ month: m.month, series: label(key), value });
      } else if (key === 'releasedByRoute' && value && typeof value === 'object') {
        for (const [route, n] of Object.entries(value as Record<string, unknown>)) {
          if (typeof n === 'number') people.push({ month: m.month, series: `released to ${route}`, value: n });
        }
      }
    }
  }
  return { people, indices };
}

export interface Marker {
  readonly month: string;
  readonly kind: 'deal' | 'incident';
  readonly text: string;
}

export function timelineMarkers(months: readonly MonthRecord[]): Marker[] {
  const out: Marker[] = [];
  for (const m of months) {
    for (const d of m.deals) out.push({ month: m.month, kind: 'deal', text: `deal ${d.track}: ${d.released} freed` });
    for (const e of m.events) if (e.kind === 'incident') out.push({ month: m.month, kind: 'incident', text: e.text });
  }
  return out;
}

const date = (month: string): string => `${month}-01`;
const nextMonth = (month: string): string => {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

const WIDTH = 760;
const INDEPENDENT = { scale: { color: 'independent', strokeDash: 'independent' } } as const;

/** The timeline: prisoners (held, released by route) above, the 0–1 indices below, talks as bands, deals and incidents as marks. */
export function timelineSpec(months: readonly MonthRecord[], title: string): TopLevelSpec {
  const { people, indices } = timelineSeries(months);
  const markers = timelineMarkers(months);
  const bands = months.map((m, i) => ({ from: i === 0 ? date(m.month) : date(m.month), to: nextMonth(m.month), talks: m.talks }));
  const talksStates = Object.keys(TALKS_COLOURS);
  const peopleSeries = [...new Set(people.map((p) => p.series))];
  const indexSeries = [...new Set(indices.map((p) => p.series))];
  const x = { field: 'date', type: 'temporal' as const, title: null, axis: { format: '%b %Y', labelAngle: 0, tickCount: Math.min(12, months.length) } };
  const band = (legend: boolean) => ({
    data: { values: bands },
    mark: { type: 'rect' as const, opacity: 0.18 },
    encoding: {
      x: { field: 'from', type: 'temporal' as const, title: null },
      x2: { field: 'to' },
      color: { field: 'talks', type: 'nominal' as const, title: 'peace talks (R13)', scale: { domain: talksStates, range: talksStates.map((t) => TALKS_COLOURS[t]!) }, legend: legend ? { orient: 'top' as const } : null },
    },
  });
  const line = (values: SeriesPoint[], series: string[], yTitle: string, domain?: [number, number]) => ({
    data: { values: values.map((p) => ({ ...p, date: `${p.month}-15` })) },
    mark: { type: 'line' as const, point: true, strokeWidth: 2 },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative' as const, title: yTitle, ...(domain ? { scale: { domain } } : {}) },
      color: { field: 'series', type: 'nominal' as const, title: null, scale: { domain: series, range: series.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) }, legend: { orient: 'right' as const } },
      strokeDash: { field: 'series', type: 'nominal' as const, legend: null, scale: { domain: series, range: series.map((_, i) => (i % 3 === 0 ? [1, 0] : i % 3 === 1 ? [6, 3] : [2, 2])) } },
    },
  });
  const marks = {
    data: { values: markers.map((mk) => ({ ...mk, date: `${mk.month}-15` })) },
    mark: { type: 'point' as const, filled: true, size: 120, yOffset: -8 },
    encoding: {
      x,
      y: { value: 0 },
      shape: { field: 'kind', type: 'nominal' as const, title: 'markers', scale: { domain: ['deal', 'incident'], range: ['triangle-down', 'cross'] } },
      fill: { value: PALETTE.ink },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start' },
    description: `Timeline of ${months.length} months: ${peopleSeries.join(', ')}; ${indexSeries.join(', ')}; peace-talks state as background bands; deals and incidents as markers.`,
    config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, labelLimit: 220 } },
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    vconcat: [
      { width: WIDTH, height: 220, layer: markers.length ? [band(true), line(people, peopleSeries, 'prisoners'), marks] : [band(true), line(people, peopleSeries, 'prisoners')], resolve: INDEPENDENT },
      { width: WIDTH, height: 110, layer: [band(false), line(indices, indexSeries, 'index, 0 to 1', [0, 1])], resolve: INDEPENDENT },
    ],
  } as TopLevelSpec;
}

/**
 * One metric's distribution over a study's runs, binned here (the spec stays small whatever the
 * runs). A whole-number metric with few values (a count of deals, a 0/1 flag) gets a bar per value.
 */
export function distributionSpec(name: string, description: string, values: readonly number[]): TopLevelSpec {
  return distributionSpecOfBins(name, description, histogram(values, 20), values.length);
}

/** The same chart from bins already counted (from a study's count table), over `runs` runs. */
export function distributionSpecOfBins(name: string, description: string, bins: readonly Bin[], runs: number): TopLevelSpec {
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: name, subtitle: description, anchor: 'start' as const, fontSize: 12, subtitleFontSize: 10 },
    description: `Histogram of ${name} over ${runs} runs`,
    width: 380, height: 120,
    config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
  };
  const y = { field: 'count', type: 'quantitative' as const, title: 'runs' };
  if (bins.every((b) => b.from === b.to)) {
    return {
      ...head,
      data: { values: bins.map((b) => ({ value: b.from, count: b.count })) },
      mark: { type: 'bar', color: PALETTE.blue },
      encoding: { x: { field: 'value', type: 'ordinal', title: null, axis: { labelAngle: 0 } }, y },
    };
  }
  return {
    ...head,
    data: { values: bins.map((b) => ({ from: b.from, to: b.to, count: b.count })) },
    mark: { type: 'rect', color: PALETTE.blue, stroke: PALETTE.paper, strokeWidth: 0.5 },
    encoding: {
      x: { field: 'from', type: 'quantitative', title: null, scale: { zero: false } },
      x2: { field: 'to' },
      y,
    },
  };
}
