/**
 * Histograms of every metric over a study's runs, each with its summary in words. They are drawn
 * from the study's count tables (src/simulation/study.ts `RowSummaries`), not from its rows, so a
 * page of a million runs needs no more memory than one of a thousand; the bins are the same as the
 * rows' would give (src/report/chart.ts `histogramOfCounts`).
 */
import type { RowSummaries } from '../../simulation/study.js';
import { distributionSpecOfBins } from '../charts.js';
import { histogramOfCounts } from '../chart.js';
import { chartToSvg } from '../render.js';
import { esc } from './escape.js';

const fmt = (x: number | null): string => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(2));

export async function distributionsHtml(table: RowSummaries): Promise<string> {
  const figures: string[] = [];
  const constant: string[] = [];
  for (const m of table.summaries()) {
    const entries = table.of(m.name)!.entries();
    if (entries.length === 0) continue;
    const s = m.summary;
    // A metric with one value in every run has no distribution to draw.
    if (entries.length === 1) {
      constant.push(`${m.name} = ${fmt(entries[0]![0])}`);
      continue;
    }
    const svg = await chartToSvg(distributionSpecOfBins(m.name, m.description, histogramOfCounts(entries, 20), s.n));
    const alt = `Distribution of ${m.name} (${m.description}) over ${s.n} runs: mean ${fmt(s.mean)}, 95% CI ${fmt(s.ciLow)} to ${fmt(s.ciHigh)}, p5 ${fmt(s.p5)}, median ${fmt(s.p50)}, p95 ${fmt(s.p95)}.`;
    figures.push(`<figure class="dist"><div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div><figcaption>${esc(alt)}</figcaption></figure>`);
  }
  return `<div class="dists">${figures.join('\n')}</div>
${constant.length ? `<p>The same in every run: ${esc(constant.join('; '))}.</p>` : ''}`;
}
