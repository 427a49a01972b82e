/**
 * Turning chart specs and DOT into SVG, with the libraries loaded only when a picture is drawn,
 * so that `thaw run` never pays for them.
 *
 * vega and vega-lite are loaded from their own published single-file bundles (`vega.min.js`,
 * `vega-lite.min.js`, the builds their packages ship for browsers) rather than their ES module
 * entry points: importing `vega` as ES modules resolves and evaluates some 150 small files (d3 and
 * the vega packages) and took about 460 ms on this machine, the bundles take about 110 ms (see
 * docs/performance.md). Same code, same version: the bundle is built from the package it ships in.
 * The bundles are compiled with V8's code cache made by the build (`dist/code-cache/`, written by
 * `saveChartCodeCache` after drawing a chart, so that the functions a chart needs come compiled):
 * V8 checks that a cache fits the source and its own version, and compiles as usual when not.
 * vega renders headless (renderer 'none' → toSVG: no DOM, no canvas); Graphviz runs as WebAssembly,
 * and only for a DOT the build has not laid out already (./layouts.ts).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { TopLevelSpec } from 'vega-lite';
import { inPackage } from '../paths.js';
import { storedLayout } from './layouts.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type Viz = Awaited<ReturnType<typeof import('@viz-js/viz')['instance']>>;

let viz: Promise<Viz> | null = null;
let vega: { vg: Vega; vl: VegaLite } | null = null;

const CODE_CACHE = (): string => inPackage('dist', 'code-cache');
const compiled: { file: string; script: Script }[] = [];

const readCache = (file: string): Buffer | undefined => {
  try {
    return readFileSync(join(CODE_CACHE(), `${file}.cache`));
  } catch {
    return undefined;
  }
};

/** Evaluates a UMD bundle shipped beside a package's entry point, as CommonJS, with the given dependencies. */
function loadBundle<T>(pkg: string, file: string, deps: Readonly<Record<string, unknown>>): T {
  const path = join(dirname(createRequire(import.meta.url).resolve(pkg)), file);
  const module: { exports: unknown } = { exports: {} };
  const script = new Script(`(function (exports, module, require) {${readFileSync(path, 'utf8')}\n})`, { filename: path, cachedData: readCache(file) });
  compiled.push({ file, script });
  const run = script.runInThisContext() as (exports: unknown, module: { exports: unknown }, require: (name: string) => unknown) => void;
  run(module.exports, module, (name: string) => {
    if (!(name in deps)) throw new Error(`${file} requires ${name}, which is not provided`);
    return deps[name];
  });
  return module.exports as T;
}

function loadVega(): { vg: Vega; vl: VegaLite } {
  if (!vega) {
    const vg = loadBundle<Vega>('vega', 'vega.min.js', {});
    const vl = loadBundle<VegaLite>('vega-lite', 'vega-lite.min.js', { vega: vg });
    vega = { vg, vl };
  }
  return vega;
}

/**
 * Writes V8's code cache of the chart libraries, as compiled so far in this process, into
 * `dist/code-cache/` (the build calls it after drawing charts). Each file is written whole and
 * renamed into place.
 */
export function saveChartCodeCache(dir = CODE_CACHE()): void {
  mkdirSync(dir, { recursive: true });
  for (const { file, script } of compiled) {
    const target = join(dir, `${file}.cache`);
    writeFileSync(`${target}.tmp`, script.createCachedData());
    renameSync(`${target}.tmp`, target);
  }
}

/** Starts loading Graphviz's WebAssembly (once). */
function preloadDiagrams(): void {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
}

/** A DOT graph's SVG (without the XML prologue): the build's layout of it when there is one, else Graphviz's now. */
export async function dotToSvg(dot: string): Promise<string> {
  return storedLayout(dot) ?? layoutDot(dot);
}

/** Lays out a DOT graph with Graphviz (dot) and returns its SVG, without the XML prologue. */
export async function layoutDot(dot: string): Promise<string> {
  preloadDiagrams();
  const svg = (await viz!).renderString(dot, { format: 'svg', engine: 'dot' });
  return stripPrologue(svg);
}

/**
 * A chart whose data, title, subtitle and description are set on the view rather than written
 * into the spec: charts that differ only in those (a page's histograms, one per metric) share one
 * compiled and parsed spec. Compiling and parsing were half of each chart's time (docs/performance.md);
 * the SVG is the same, byte for byte, as the spec's own (test/report/render.test.ts).
 */
interface Template {
  readonly key: string;
  readonly shape: TopLevelSpec;
  readonly values: unknown[];
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly description: string | null;
}

const TABLE = 'thaw_table';
const TITLE = 'thaw_title';
const SUBTITLE = 'thaw_subtitle';
const runtimes = new Map<string, ReturnType<Vega['parse']>>();

const textOf = (v: unknown): string | null | undefined => (v === undefined ? null : typeof v === 'string' ? v : undefined);

/** The spec as a template, when it has inline data at the top and a plain title; null otherwise. */
export function templateOf(spec: TopLevelSpec): Template | null {
  const { data, title, description, ...rest } = spec as TopLevelSpec & { data?: unknown; title?: unknown; description?: unknown; params?: unknown };
  if ('params' in rest || typeof data !== 'object' || data === null || !Array.isArray((data as { values?: unknown }).values) || Object.keys(data).length !== 1) return null;
  const head = typeof title === 'string' ? { text: title } : title;
  if (head !== undefined && (typeof head !== 'object' || head === null)) return null;
  const { text, subtitle, ...look } = (head ?? {}) as { text?: unknown; subtitle?: unknown };
  const [t, sub, desc] = [textOf(text), textOf(subtitle), textOf(description)];
  if (t === undefined || sub === undefined || desc === undefined) return null;
  const params = [...(t === null ? [] : [{ name: TITLE, value: '' }]), ...(sub === null ? [] : [{ name: SUBTITLE, value: '' }])];
  const shape = {
    ...rest,
    data: { name: TABLE },
    ...(head === undefined ? {} : { title: { ...look, ...(t === null ? {} : { text: { expr: TITLE } }), ...(sub === null ? {} : { subtitle: { expr: SUBTITLE } }) } }),
    ...(params.length ? { params } : {}),
  } as TopLevelSpec;
  return { key: JSON.stringify(shape), shape, values: (data as { values: unknown[] }).values, title: t, subtitle: sub, description: desc };
}

/** Compiles a vega-lite spec and renders it to SVG headless; vega-lite's warnings stay quiet. */
export async function chartToSvg(spec: TopLevelSpec): Promise<string> {
  const { vg, vl } = loadVega();
  const quiet = vg.logger(vg.Error);
  const compile = (s: TopLevelSpec) => vg.parse(vl.compile(s, { logger: quiet }).spec);
  const template = templateOf(spec);
  let view: InstanceType<Vega['View']>;
  if (template) {
    let runtime = runtimes.get(template.key);
    if (!runtime) runtimes.set(template.key, (runtime = compile(template.shape)));
    view = new vg.View(runtime, { renderer: 'none', logLevel: vg.Error });
    if (template.title !== null) view.signal(TITLE, template.title);
    if (template.subtitle !== null) view.signal(SUBTITLE, template.subtitle);
    if (template.description !== null) view.description(template.description);
    view.data(TABLE, template.values);
  } else {
    view = new vg.View(compile(spec), { renderer: 'none', logLevel: vg.Error });
  }
  return svgOf(view);
}

/** The plain way, every spec compiled and parsed on its own: what a template must give the same SVG as. */
export async function chartToSvgUncached(spec: TopLevelSpec): Promise<string> {
  const { vg, vl } = loadVega();
  return svgOf(new vg.View(vg.parse(vl.compile(spec, { logger: vg.logger(vg.Error) }).spec), { renderer: 'none', logLevel: vg.Error }));
}

async function svgOf(view: InstanceType<Vega['View']>): Promise<string> {
  try {
    return stripPrologue(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** An SVG to inline in HTML: no XML declaration, DOCTYPE or comments, which belong only to standalone files. */
const stripPrologue = (svg: string): string => svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '').replace(/<!--[\s\S]*?-->\s*/g, '').trim();
