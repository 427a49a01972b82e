/**
 * Turning chart specs and DOT into SVG, with the libraries loaded only when a picture is drawn:
 * vega and vega-lite take about half a second to import, and `thaw run` must not pay for them.
 * vega renders headless (renderer 'none' → toSVG, no DOM, no canvas); Graphviz runs as WebAssembly.
 */
import type { TopLevelSpec } from 'vega-lite';

type Viz = Awaited<ReturnType<typeof import('@viz-js/viz')['instance']>>;

let viz: Promise<Viz> | null = null;
let vega: Promise<[typeof import('vega'), typeof import('vega-lite')]> | null = null;

/** Lays out a DOT graph with Graphviz (dot) and returns its SVG, without the XML prologue. */
export async function dotToSvg(dot: string): Promise<string> {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
  const svg = (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
  return stripPrologue(svg);
}

/** Compiles a vega-lite spec and renders it to SVG headless. */
export async function chartToSvg(spec: TopLevelSpec): Promise<string> {
  vega ??= Promise.all([import('vega'), import('vega-lite')]);
  const [vg, vl] = await vega;
  const view = new vg.View(vg.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return stripPrologue(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** An SVG to inline in HTML: no XML declaration or DOCTYPE, which belong only to standalone files. */
const stripPrologue = (svg: string): string => svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '').replace(/<!--[\s\S]*?-->\s*/g, '').trim();
