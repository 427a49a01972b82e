/** Histograms of every metric over a study's runs, each with its summary in words. */
import type { RunRow } from '../../simulation/sweep.js';
import type { MetricInfo } from '../../simulation/metrics.js';
import { summarizeRows, valuesOf } from '../../simulation/study.js';
import { distributionSpec } from '../charts.js';
import { chartToSvg } from '../render.js';
import { esc } from './escape.js';

const fmt = (x: number | null): string => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(2));

export async function distributionsHtml(rows: readonly RunRow[], metrics: readonly MetricInfo[]): Promise<string> {
  const summaries = summarizeRows(rows, metrics);
  const figures: string[] = [];
  const constant: string[] = [];
  for (const m of summaries) {
    const values = valuesOf(rows, m.name).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const s = m.summary;
    // A metric with one value in every run has no distribution to draw (and each chart costs ~40 ms).
    if (values.every((v) => v === values[0])) {
      constant.push(`${m.name} = ${fmt(values[0]!)}`);
      continue;
    }
    const svg = await chartToSvg(distributionSpec(m.name, m.description, values));
    const alt = `Distribution of ${m.name} (${m.description}) over ${s.n} runs: mean ${fmt(s.mean)}, 95% CI ${fmt(s.ciLow)} to ${fmt(s.ciHigh)}, p5 ${fmt(s.p5)}, median ${fmt(s.p50)}, p95 ${fmt(s.p95)}.`;
    figures.push(`<figure class="dist"><div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div><figcaption>${esc(alt)}</figcaption></figure>`);
  }
  return `<div class="dists">${figures.join('\n')}</div>
${constant.length ? `<p>The same in every run: ${esc(constant.join('; '))}.</p>` : ''}`;
}
