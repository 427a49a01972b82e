// Bundles the compiled CLI (dist/cli/main.js) into one file, dist/thaw.cjs, and records V8's
// code cache for it in dist/thaw.cjs.cache, so that `thaw run` starts in about twice the time of
// `node -e 0` instead of four times (docs/performance.md). Run by `npm run build`, after tsc.
//
// - One file: Node resolves and reads ~100 modules otherwise; esbuild (a devDependency only)
//   makes one, minified. zod's translated error messages (every locale but English) are left out:
//   thaw writes its own messages.
// - CommonJS, so that bin/thaw can compile it with vm.Script and V8's cached data: Node 20 has no
//   compile cache for ES modules (module.enableCompileCache came in Node 22).
// - Heavy libraries that only some commands need stay out of the bundle (LAZY below): the code
//   loads them with import() where it uses them, which in the bundle goes through the loader
//   (bin/bundle-loader.cjs). cli-progress is inside, but evaluated only when a bar is drawn.
import { readFileSync, writeFileSync, renameSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const { loadBundle } = createRequire(import.meta.url)('../bin/bundle-loader.cjs');

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = new URL('../dist/thaw.cjs', import.meta.url).pathname;
const RESOLVED = new URL('../dist/resolved', import.meta.url).pathname;
const CACHE = `${OUT}.cache`;
/** Packages loaded lazily with import() by the commands that need them, never bundled. */
const LAZY = ['vega', 'vega-lite', '@viz-js/viz'];

/** import('x') of a LAZY package becomes __thawImport('x'): bin/bundle-loader.cjs passes a real import(). */
const lazyImports = {
  name: 'lazy-imports',
  setup(build) {
    const pattern = new RegExp(`\\bimport\\((['"])(${LAZY.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})\\1\\)`, 'g');
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      pattern.lastIndex = 0;
      return pattern.test(text) ? { contents: text.replace(pattern, '__thawImport($1$2$1)'), loader: 'js' } : undefined;
    });
  },
};

const zodLocales = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales', namespace: 'thaw-empty' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'thaw-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * Node built-ins that cost milliseconds to load and that `thaw run` never uses: commander loads
 * child_process for executable subcommands thaw does not have, the sweep loads worker_threads.
 * Inside the bundle each becomes a stand-in that loads the real module on first use.
 * CommonJS code (commander) requires them, so a Proxy over the real module stands in.
 */
const LAZY_BUILTINS = ['child_process', 'worker_threads', 'readline'];
/**
 * Built-ins that thaw's own (ES module) code imports by name, with the names it imports: esbuild
 * would copy every key of a Proxy when importing it (which loads the module), so these stand-ins
 * export each name as a function that loads the real module on its first call. crypto is only
 * for fingerprints (JSON output). A name missing here fails the build ("No matching export").
 */
const LAZY_BUILTIN_FUNCTIONS = { crypto: ['createHash'] };
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${[...LAZY_BUILTINS, ...Object.keys(LAZY_BUILTIN_FUNCTIONS)].join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'thaw-lazy' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'thaw-lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'thaw-lazy' }, (args) => {
      const load = `let real; const load = () => (real ??= require('node:${args.path}'));`;
      const names = LAZY_BUILTIN_FUNCTIONS[args.path];
      if (names) return { loader: 'js', contents: `${load}\n${names.map((n) => `export const ${n} = (...args) => load().${n}(...args);`).join('\n')}` };
      return {
        loader: 'js',
        contents: `${load}
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => ({ ...Object.getOwnPropertyDescriptor(load(), key), configurable: true }),
});`,
      };
    });
  },
};

/**
 * Packages whose whole export is one function, used only by calling it, and slow to evaluate:
 * stdlib's quantiles (with `debug`, which loads node:tty) take ~10 ms, and only a scenario with
 * distributions calls them. Inside the bundle each becomes a function that evaluates the package
 * on its first call.
 */
const LAZY_CALLS = ['@stdlib/stats-base-dists-beta-quantile', '@stdlib/stats-base-dists-normal-cdf', '@stdlib/stats-base-dists-normal-quantile'];
const lazyCalls = {
  name: 'lazy-calls',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_CALLS.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'thaw-lazy-call' ? undefined : { path: args.path, namespace: 'thaw-lazy-call', pluginData: args.resolveDir }));
    build.onLoad({ filter: /.*/, namespace: 'thaw-lazy-call' }, (args) => ({
      loader: 'js',
      resolveDir: args.pluginData,
      contents: `let real; module.exports = function lazyCall(...args) { return (real ??= require(${JSON.stringify(args.path)}))(...args); };`,
    }));
  },
};

/**
 * The build's hash: every compiled module and the locked dependencies. The cache of resolved
 * scenarios is keyed by it (src/scenario/resolved.ts), so a changed schema, loader or zod never
 * meets a cache made by another build.
 */
function buildHash() {
  const hash = createHash('sha256');
  const walk = (dir) => readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .forEach((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.js')) hash.update(`${relative(ROOT, path)}\0`).update(readFileSync(path)).update('\0');
    });
  walk(join(ROOT, 'dist'));
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
}
const BUILD = buildHash();

const built = await esbuild.build({
  metafile: true,
  // The bundle answers shipped scenarios from the cache made below (src/scenario/resolved.ts).
  stdin: {
    contents: `export { main } from './dist/cli/main.js';
import { useResolvedScenarios } from './dist/scenario/resolved.js';
useResolvedScenarios(${JSON.stringify(BUILD)});`,
    resolveDir: ROOT,
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.THAW_BUNDLE_READABLE !== "1",
  legalComments: 'none',
  external: LAZY,
  outfile: `${OUT}.tmp`,
  plugins: [lazyImports, zodLocales, lazyBuiltins, lazyCalls],
  // import.meta.url has no meaning in CommonJS: the bundle's own file stands in for every module's.
  define: { 'import.meta.url': '__thawModuleUrl' },
  banner: { js: "const __thawModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
renameSync(`${OUT}.tmp`, OUT);
// THAW_BUNDLE_META=FILE writes esbuild's metafile (what each module adds to the bundle).
if (process.env.THAW_BUNDLE_META) writeFileSync(process.env.THAW_BUNDLE_META, JSON.stringify(built.metafile));

// The resolved shipped scenarios, made by the ordinary loader (dist/'s modules, the same code as the
// bundle's), one file per scenario, written to a fresh folder that replaces the old one whole.
const { resolvedEntries } = await import('../dist/scenario/resolved-build.js');
rmSync(`${RESOLVED}.tmp`, { recursive: true, force: true });
mkdirSync(`${RESOLVED}.tmp`);
const entries = resolvedEntries(BUILD);
for (const [name, entry] of entries) writeFileSync(join(`${RESOLVED}.tmp`, `${name}.json`), JSON.stringify(entry));
rmSync(RESOLVED, { recursive: true, force: true });
renameSync(`${RESOLVED}.tmp`, RESOLVED);

// The code cache: compile the bundle as bin/thaw does, run a story (the common case) so that the
// functions it needs are compiled too, and save what V8 compiled.
rmSync(CACHE, { force: true });
const { script, exports: bundle } = loadBundle(OUT, { cache: false });
const write = process.stdout.write;
process.stdout.write = () => true;
try {
  await bundle.main(process.env.THAW_CACHE_ARGS ? process.env.THAW_CACHE_ARGS.split(' ') : ['run', 'base']);
} finally {
  process.stdout.write = write;
}
writeFileSync(`${CACHE}.tmp`, script.createCachedData());
renameSync(`${CACHE}.tmp`, CACHE);
// The statecharts' layouts and the chart libraries' code cache (scripts/report-caches.mjs).
const { made } = await import('./report-caches.mjs');
console.log(`bundled dist/thaw.cjs (${(readFileSync(OUT).length / 1024).toFixed(0)} kB), its code cache, ${entries.size} resolved scenarios, ${made} statechart layouts and the charts' code cache`);
