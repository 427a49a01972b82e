/** A one-line chart of a series in block characters (▁…█), for the terminal summary. */
const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * Each value as a block between `floor` (▁; the series' minimum unless given) and the maximum (█);
 * a flat series is all ▄. Counts should pass floor 0, so that a small fall looks small.
 */
export function sparkline(values: readonly number[], floor?: number): string {
  if (values.length === 0) return '';
  let min = floor ?? Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max === min) return BLOCKS[3]!.repeat(values.length);
  const top = BLOCKS.length - 1;
  return values.map((v) => BLOCKS[Math.round(((v - min) / (max - min)) * top)]!).join('');
}
