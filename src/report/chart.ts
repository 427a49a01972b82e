/** An ASCII histogram of a metric's distribution over runs, for people who would rather look. */

export interface HistogramOptions {
  /** Width of the longest bar, in characters. */
  readonly width?: number;
  /** Most bins; integer metrics with fewer distinct values get one bin per value. */
  readonly bins?: number;
}

export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Equal-width bins over [min, max]; the last bin includes max. */
export function histogram(values: readonly number[], maxBins = 12): Bin[] {
  return histogramOfCounts(values.map((v) => [v, 1] as const), maxBins);
}

/** The same bins from a count table (value, runs with it), as a streamed study keeps its metrics. */
export function histogramOfCounts(entries: readonly (readonly [number, number])[], maxBins = 12): Bin[] {
  if (entries.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (const [v, c] of entries) {
    if (v < min) min = v;
    if (v > max) max = v;
    total += c;
  }
  const integers = entries.every(([v]) => Number.isInteger(v));
  if (integers && max - min + 1 <= maxBins) {
    const counts = new Array<number>(max - min + 1).fill(0);
    for (const [v, c] of entries) counts[v - min]! += c;
    return counts.map((count, i) => ({ from: min + i, to: min + i, count }));
  }
  if (min === max) return [{ from: min, to: max, count: total }];
  const width = (max - min) / maxBins;
  const counts = new Array<number>(maxBins).fill(0);
  for (const [v, c] of entries) counts[Math.min(maxBins - 1, Math.floor((v - min) / width))]! += c;
  return counts.map((count, i) => ({ from: min + i * width, to: i === maxBins - 1 ? max : min + (i + 1) * width, count }));
}

const label = (x: number): string => (Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));

/** Lines of a horizontal bar chart, one per bin: range, bar, count. */
export function renderHistogram(values: readonly number[], options: HistogramOptions = {}): string[] {
  return renderBins(histogram(values, options.bins ?? 12), options);
}

/** Lines of the chart of already binned counts. */
export function renderBins(bins: readonly Bin[], options: HistogramOptions = {}): string[] {
  if (bins.length === 0) return ['  (no values)'];
  const width = options.width ?? 40;
  const most = Math.max(...bins.map((b) => b.count));
  const names = bins.map((b) => (b.from === b.to ? label(b.from) : `${label(b.from)} – ${label(b.to)}`));
  const pad = Math.max(...names.map((n) => n.length));
  return bins.map((b, i) => {
    const length = most > 0 ? Math.round((b.count / most) * width) : 0;
    const bar = '█'.repeat(length) || (b.count > 0 ? '▏' : '');
    return `  ${names[i]!.padStart(pad)} │${bar.padEnd(width)} ${b.count}`;
  });
}
