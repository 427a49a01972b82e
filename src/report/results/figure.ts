/** A chart as the page shows it: the SVG with its text alternative and caption, and its numbers as a table. */
import type { TopLevelSpec } from 'vega-lite';
import { chartToSvg } from '../render.js';
import { esc } from '../html/escape.js';

/** Numbers for a table cell: few decimals, a dash for none. */
export function cell(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
}

export function dataTable(head: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  return `<table class="data">${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n')}</tbody></table>`;
}

export async function chartFigure(id: string, spec: TopLevelSpec, alt: string, caption: string, table: { head: readonly string[]; rows: readonly (readonly string[])[] } | null): Promise<string> {
  const svg = await chartToSvg(spec);
  return `<figure class="chart" id="${id}">
<div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div>
<figcaption>${esc(caption)}${table ? ' The numbers are in the table below.' : ''}</figcaption>
${table ? `<details><summary>The numbers as a table</summary>\n${dataTable(table.head, table.rows)}</details>` : ''}
</figure>`;
}

/** A chart of a page as an SVG file's name and text (`thaw report FILE --svg-dir`). */
export interface ChartPicture {
  readonly name: string;
  readonly svg: string;
}

const FIGURE = /<figure class="chart" id="([\w-]+)">\n<div class="svg" role="img" aria-label="[^"]*">(<svg\b[\s\S]*?<\/svg>)<\/div>\n<figcaption>/g;

/** Every chart the sections hold, as `ID.svg`, in the page's order: the SVG the page shows, byte for byte. */
export function chartPictures(sections: readonly { readonly html: string }[]): ChartPicture[] {
  return sections.flatMap((s) => [...s.html.matchAll(FIGURE)].map((m) => ({ name: `${m[1]}.svg`, svg: m[2]! })));
}
