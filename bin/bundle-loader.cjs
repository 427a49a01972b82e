// Loads the CLI's bundle (dist/thaw.cjs) the way Node loads a CommonJS file, but through vm.Script
// so that V8's code cache (dist/thaw.cjs.cache) can be used: Node 20 has no compile cache of its
// own. scripts/bundle.mjs makes the cache with this same loader, so that the code matches.
// The bundle cannot call import() itself (a vm.Script needs an experimental flag for that), so the
// libraries it loads lazily (vega, Graphviz…) come through `lazyImport`, a real import() here.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const vm = require('node:vm');
const { dirname } = require('node:path');

const wrap = (source) => `(function (exports, require, module, __filename, __dirname, __thawImport) {${source}\n})`;

function loadBundle(file, { cache = true } = {}) {
  let cachedData;
  if (cache) {
    try { cachedData = readFileSync(`${file}.cache`); } catch { /* no cache: V8 compiles as usual */ }
  }
  const script = new vm.Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} };
  const lazyImport = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dirname(file), lazyImport);
  return { exports: module.exports, script };
}

module.exports = { loadBundle };
