#!/usr/bin/env node
/**
 * Behaviour guard for optimisations: records the full JSON of many runs (every shipped scenario,
 * several seeds and horizons, some rule variants) and later checks that they are byte-identical.
 *   node bench/golden.mjs record [DIR] [ROOT]   # before optimising (or from a reference build in ROOT)
 *   node bench/golden.mjs check  [DIR]          # after each change (exit 1 on any difference)
 *   node bench/golden.mjs closed [DIR]          # the open world's promise: with R18–R24 off, every
 *                                               # field of a record made by an older build keeps its
 *                                               # value, run by run (new fields may be added)
 *   node bench/golden.mjs within [DIR]         # the same promise with every rule as recorded: each
 *                                               # field of a record keeps its value, new fields only
 *                                               # (used for the deal-space change, issue #11)
 *   GOLDEN_SET="rules.R21=false" node bench/golden.mjs record|check …   # every run with these settings too
 * The full record is `full.jsonl`, one `[key, json]` line per run (all of them as one string would
 * pass V8's longest string). Uses the compiled dist/ modules of ROOT (default: this repository): run `npm run build` first.
 * To record from another build, e.g. main's:  git archive main | tar -x -C /tmp/thaw-main, link
 * node_modules, `npx tsc -p tsconfig.build.json` there, then `record /tmp/golden /tmp/thaw-main`.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode = 'check', dir = '/tmp/thaw-golden', root = new URL('..', import.meta.url).pathname] = process.argv.slice(2);
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { loadScenario, scenarioNames } = await dist('scenario/load.js');
const { applySetting } = await dist('scenario/overrides.js');
// Builds before 2026-12-03 kept runScenario in simulation/run.js.
const { runScenario } = await dist(existsSync(join(root, 'dist', 'run-scenario.js')) ? 'run-scenario.js' : 'simulation/run.js');
const { renderJson } = await dist('report/json.js');
const VARIANTS = [[], ['rules.R02=false'], ['rules.R05=false', 'rules.R08=false'], ['rules.R09=false', 'rules.R12=false'],
  ['rules.R06=false', 'rules.R13=false'], ['rules.R17=false', 'rules.R03=false'], ['agents.us.visitChance=1', 'rules.R15=true']];
const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919 + 1);
// In `closed` mode every variant also switches the open world's rules off (R18 onwards).
const closedWorld = mode === 'closed' ? (await dist('rules/ids.js')).OPEN_WORLD_RULE_IDS.map((id) => `rules.${id}=false`) : [];
// GOLDEN_SET="rules.R21=false,…" adds settings to every variant, in every mode: record and check a
// change with one rule off, to prove that switching it off restores the record byte for byte.
const extra = (process.env.GOLDEN_SET ?? '').split(',').filter((t) => t !== '');

const outputs = new Map();
const untraced = [];
for (const name of scenarioNames()) {
  const base = loadScenario(name).scenario;
  for (const variant of VARIANTS) {
    const scenario = [...variant, ...closedWorld, ...extra].reduce((s, text) => {
      const eq = text.indexOf('=');
      return applySetting(s, { path: text.slice(0, eq), value: text.slice(eq + 1) });
    }, base);
    for (const seed of SEEDS) {
      for (const months of [undefined, 36]) {
        const key = `${name}|${variant.join(',')}|${seed}|${months ?? 'default'}`;
        const full = runScenario(scenario, { seed, ...(months ? { months } : {}) });
        // A sweep's runs keep no trace: their outcome must be the traced run's, to the byte.
        const bare = runScenario(scenario, { seed, trace: false, ...(months ? { months } : {}) });
        if (JSON.stringify(bare.outcome) !== JSON.stringify(full.outcome)) untraced.push(key);
        outputs.set(key, renderJson(full));
      }
    }
  }
}
if (untraced.length) {
  console.error(`${untraced.length} runs have another outcome without their trace; first: ${untraced[0]}`);
  process.exit(1);
}
const digest = (text) => createHash('sha256').update(text).digest('hex');
const file = join(dir, 'golden.json');
const FULL = 'full.jsonl';
/** Where `old` is not a part of `now` (every key of `old` present in `now` with the same value), or null. */
function notWithin(old, now, path = '') {
  if (old === null || typeof old !== 'object') return Object.is(old, now) ? null : `${path}: ${JSON.stringify(old)} became ${JSON.stringify(now)}`;
  if (now === null || typeof now !== 'object' || Array.isArray(old) !== Array.isArray(now)) return `${path}: the shape changed`;
  if (Array.isArray(old) && old.length !== now.length) return `${path}: ${old.length} entries became ${now.length}`;
  for (const key of Object.keys(old)) {
    if (!(key in now)) return `${path}.${key}: missing`;
    const found = notWithin(old[key], now[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

if (mode === 'closed' || mode === 'within') {
  const fullFile = join(dir, FULL);
  if (!existsSync(fullFile)) { console.error(`no full record in ${dir}; run "record" first (with an older build as ROOT)`); process.exit(2); }
  const keys = [];
  const missing = [];
  const differ = [];
  // One run per line: the whole record is larger than the longest string V8 allows.
  for await (const line of createInterface({ input: createReadStream(fullFile, 'utf8'), crlfDelay: Infinity })) {
    if (line === '') continue;
    const [k, text] = JSON.parse(line);
    keys.push(k);
    if (!outputs.has(k)) { missing.push(k); continue; }
    const found = notWithin(JSON.parse(text), JSON.parse(outputs.get(k)));
    if (found) differ.push(`${k} ${found}`);
  }
  if (differ.length || missing.length) {
    console.error(`${differ.length} runs differ, ${missing.length} missing; first: ${differ[0] ?? missing[0]}`);
    if (process.env.GOLDEN_LIST) for (const d of differ) console.error(d);
    process.exit(1);
  }
  console.log(`all ${keys.length} recorded runs keep every field${mode === 'closed' ? ` with ${closedWorld.length} open-world rules off` : ''} (new fields added only)`);
} else if (mode === 'record') {
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(Object.fromEntries([...outputs].map(([k, v]) => [k, digest(v)]))));
  // One `[key, json]` line per run, written run by run: a single JSON.stringify of them all
  // passes V8's longest string and crashed here.
  const fd = openSync(join(dir, FULL), 'w');
  try {
    for (const entry of outputs) writeSync(fd, `${JSON.stringify(entry)}\n`);
  } finally {
    closeSync(fd);
  }
  console.log(`recorded ${outputs.size} runs in ${dir}`);
} else {
  if (!existsSync(file)) { console.error(`no golden record in ${dir}; run with "record" first`); process.exit(2); }
  const golden = JSON.parse(readFileSync(file, 'utf8'));
  const bad = [...outputs].filter(([k, v]) => golden[k] !== digest(v)).map(([k]) => k);
  const missing = Object.keys(golden).filter((k) => !outputs.has(k));
  if (bad.length || missing.length) {
    console.error(`${bad.length} runs differ, ${missing.length} missing; first: ${bad[0] ?? missing[0]}`);
    process.exit(1);
  }
  console.log(`all ${outputs.size} runs byte-identical`);
}
