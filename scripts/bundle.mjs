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
//   (bin/bundle-loader.mjs). cli-progress is inside, but evaluated only when a bar is drawn.
import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { loadBundle } from '../bin/bundle-loader.mjs';
import * as esbuild from 'esbuild';

const OUT = new URL('../dist/thaw.cjs', import.meta.url).pathname;
const CACHE = `${OUT}.cache`;
/** Packages loaded lazily with import() by the commands that need them, never bundled. */
const LAZY = ['vega', 'vega-lite', '@viz-js/viz'];

/** import('x') of a LAZY package becomes __thawImport('x'): bin/bundle-loader.mjs passes a real import(). */
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
 */
const LAZY_BUILTINS = ['child_process', 'worker_threads', 'readline'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'thaw-lazy' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'thaw-lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'thaw-lazy' }, (args) => ({
      loader: 'js',
      contents: `let real; const load = () => (real ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => ({ ...Object.getOwnPropertyDescriptor(load(), key), configurable: true }),
});`,
    }));
  },
};

await esbuild.build({
  stdin: { contents: "export { main } from './dist/cli/main.js';", resolveDir: new URL('..', import.meta.url).pathname, loader: 'js' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.THAW_BUNDLE_READABLE !== "1",
  legalComments: 'none',
  external: LAZY,
  outfile: `${OUT}.tmp`,
  plugins: [lazyImports, zodLocales, lazyBuiltins],
  // import.meta.url has no meaning in CommonJS: the bundle's own file stands in for every module's.
  define: { 'import.meta.url': '__thawModuleUrl' },
  banner: { js: "const __thawModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
renameSync(`${OUT}.tmp`, OUT);

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
console.log(`bundled dist/thaw.cjs (${(readFileSync(OUT).length / 1024).toFixed(0)} kB) and its code cache`);
