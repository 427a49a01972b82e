/**
 * `thaw report FILE`: the page of a result file (sweep, compare, sensitivity, study; JSON and
 * JSONL), dispatched on the kind and format the file declares, and the refusals of anything else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', '-q', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const dir = mkdtempSync(join(tmpdir(), 'thaw-report-file-'));
const at = (name: string) => join(dir, name);
const svgs = (html: string) => (html.match(/<svg\b/g) ?? []).length;

const STUDY = `scenario: base
design: sobol
samples: 8
seed: 3
months: 6
factors:
  agents.us.visitChance: { uniform: [0.1, 0.9] }
  agents.poland.concession: [2, 6]
metrics: [released, freed.poczobut]
`;

function save(name: string, args: string[]): string {
  const p = thaw(...args);
  expect(p.status, p.stderr).toBe(0);
  writeFileSync(at(name), p.stdout);
  return at(name);
}

function report(file: string): string {
  const out = `${file}.html`;
  const p = thaw('report', file, '--out', out);
  expect(p.status, p.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

beforeAll(() => {
  writeFileSync(at('mini.yaml'), STUDY);
  save('sweep.json', ['sweep', 'base', '--runs', '40', '--months', '6', '--format', 'json']);
  save('compare.json', ['compare', 'base', 'war-frozen', '--runs', '40', '--months', '6', '--format', 'json']);
  save('vary.json', ['sweep', 'base', '--runs', '20', '--months', '6', '--vary', 'agents.us.visitChance=0.2..0.8:0.3', '--vary', 'agents.us.cooldownMonths=1..3', '--format', 'json']);
  save('study.json', ['study', at('mini.yaml'), '--format', 'json']);
  expect(thaw('sweep', 'base', '--runs', '40', '--months', '6', '--out', at('runs.jsonl')).status).toBe(0);
  expect(thaw('study', at('mini.yaml'), '--out', at('study.jsonl')).status).toBe(0);
}, 120_000);

describe('every result file declares its kind and format', () => {
  it('sweep, compare, sensitivity and study JSON, and the run files\' headers', () => {
    const kinds = ['sweep.json', 'compare.json', 'vary.json', 'study.json'].map((f) => JSON.parse(readFileSync(at(f), 'utf8')));
    expect(kinds.map((k) => [k.thaw, k.format])).toEqual([['sweep-result', 1], ['compare-result', 1], ['sensitivity-result', 1], ['study-result', 1]]);
    expect(JSON.parse(readFileSync(at('runs.jsonl'), 'utf8').split('\n')[0]!).thaw).toBe('sweep');
  });
});

describe('thaw report FILE', () => {
  it('a sweep\'s statistics: every varying metric as an interval, the rest in words, and a table', () => {
    const html = report(at('sweep.json'));
    expect(html).toContain('<h1>Sweep of base</h1>');
    expect(html).toContain('id="metrics-chart"');
    expect(svgs(html)).toBe(1);
    const doc = JSON.parse(readFileSync(at('sweep.json'), 'utf8'));
    // Every metric of the file is in the table, with its mean as the file has it.
    for (const m of doc.metrics) expect(html).toContain(`<th scope="row">${m.name}</th>`);
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*(src|href)=["']?https?:/i);
  });

  it('a comparison: branches side by side and paired differences with their CIs', () => {
    const html = report(at('compare.json'));
    expect(html).toContain('<h1>base vs war-frozen</h1>');
    expect(html).toContain('id="compare-chart"');
    expect(html).toContain('id="differences-chart"');
    expect(html).toContain('war-frozen − base: mean [95% CI]');
    const doc = JSON.parse(readFileSync(at('compare.json'), 'utf8'));
    const released = doc.metrics.find((m: { name: string }) => m.name === 'released');
    const d = released.differences[0];
    expect(d.mean).not.toBe(0);
    // The table states the file's difference and interval.
    const fmt = (x: number) => (Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
    expect(html).toContain(`${fmt(d.mean)} [${fmt(d.ciLow)} to ${fmt(d.ciHigh)}]`);
    expect(svgs(html)).toBe(2);
  });

  it('a sensitivity study: the tornado, widest first, and the curves', () => {
    const html = report(at('vary.json'));
    expect(html).toContain('id="tornado-chart"');
    expect(html).toContain('id="sensitivity-chart"');
    const doc = JSON.parse(readFileSync(at('vary.json'), 'utf8'));
    const widest = [...doc.tornado].sort((a, b) => b.swing - a.swing)[0].path;
    expect(html.indexOf(`<th scope="row">${widest}</th>`)).toBeGreaterThan(0);
    // The swing's bootstrap interval, where the file carries one, is in the tornado's table.
    const bar = doc.tornado.find((b: { path: string }) => b.path === widest);
    if (bar.swingCi) expect(html).toContain('swing 95% CI');
    expect(svgs(html)).toBe(2);
  });

  it('a study: factors, Sobol\' indices with intervals, the metrics', () => {
    const html = report(at('study.json'));
    expect(html).toContain('<h1>Study mini: sobol on base</h1>');
    expect(html).toContain('id="sobol-chart"');
    expect(html).toContain('agents.poland.concession');
    expect(html).not.toContain('id="morris-chart"');
    expect(html).not.toContain('id="distributions"');
  });

  it('run files (JSONL): the same statistics plus every distribution; a study\'s run file is analysed as merge does', () => {
    const runs = report(at('runs.jsonl'));
    expect(runs).toContain('id="distributions"');
    expect((runs.match(/<figure class="dist">/g) ?? []).length).toBeGreaterThan(3);
    const study = report(at('study.jsonl'));
    expect(study).toContain('id="sobol-chart"');
    expect(study).toContain('id="distributions"');
    // The JSONL's analysis gives the page the JSON gives, distributions apart.
    const json = report(at('study.json'));
    const section = (html: string) => html.slice(html.indexOf('<section id="sobol"'), html.indexOf('</section>', html.indexOf('<section id="sobol"')));
    expect(section(study)).toBe(section(json));
  });

  it('--svg-dir: each chart of the page as ID.svg, the page\'s own SVG; a folder that is not there is refused first', () => {
    const pics = at('pics');
    mkdirSync(pics);
    const p = thaw('report', at('compare.json'), '--out', at('pics.html'), '--svg-dir', pics);
    expect(p.status, p.stderr).toBe(0);
    expect(readdirSync(pics).sort()).toEqual(['compare-chart.svg', 'differences-chart.svg']);
    const html = readFileSync(at('pics.html'), 'utf8');
    for (const f of readdirSync(pics)) expect(html).toContain(readFileSync(join(pics, f), 'utf8').trimEnd());
    const missing = thaw('report', at('compare.json'), '--out', at('nowhere.html'), '--svg-dir', at('no-such-folder'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--svg-dir/);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(at('nowhere.html'))).toBe(false);
  });

  it('the same file gives the same page', () => {
    const a = report(at('compare.json'));
    expect(report(at('compare.json'))).toBe(a);
  });
});

describe('thaw report refuses a file of another kind or version: exit 2, FILE:LINE:COL, what it is, what is expected, a hint', () => {
  const refuse = (name: string, content: string, message: RegExp, extra: string[] = []) => {
    const file = at(name);
    writeFileSync(file, content);
    const before = readdirSync(dir).sort();
    const p = thaw('report', file, '--out', at(`${name}.out.html`), ...extra);
    expect(p.status, p.stderr).toBe(2);
    expect(p.stderr).toMatch(message);
    expect(p.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(at(`${name}.out.html`))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before);
    return p.stderr;
  };

  it('a single run\'s JSON', () => {
    const run = thaw('run', 'base', '--months', '2', '--format', 'json').stdout;
    const err = refuse('run.json', run, /run\.json:1:1: is a single run \(thaw run --format json\)/);
    expect(err).toContain('sweep-result 1 (thaw sweep or thaw merge, --format json)');
    expect(err).toMatch(/\n {2}hint: thaw report SCENARIO --seed N/);
  });

  it('a known kind of another format version, pointing at the format field', () => {
    const doc = JSON.parse(readFileSync(at('sweep.json'), 'utf8'));
    const err = refuse('v2.json', JSON.stringify({ ...doc, format: 2 }, null, 2), /v2\.json:3:13: is a "sweep-result" file of format 2; this thaw \([^)]+\) reads "sweep-result" format 1/);
    expect(err).toContain('hint: ');
  });

  it('an unknown kind', () => {
    refuse('other.json', '{ "thaw": "forecast", "format": 1 }', /other\.json:1:11: is a "forecast" document of format 1, which thaw report does not read/);
  });

  it('a damaged document: the field that is wrong, where it is', () => {
    const doc = JSON.parse(readFileSync(at('compare.json'), 'utf8'));
    doc.metrics[1].differences[0].mean = 'a lot';
    const text = JSON.stringify(doc, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"a lot"')) + 1;
    refuse('damaged.json', text, new RegExp(`damaged\\.json:${line}:\\d+: field metrics\\.1\\.differences\\.0\\.mean: .*\\(in a "compare-result" file of format 1\\)`));
  });

  it('text that is not JSON, and JSON that is not an object', () => {
    refuse('cut.json', '{\n  "thaw": "sweep-result",\n  "format": 1,\n  "metrics": [\n', /cut\.json:\d+:\d+: is not valid JSON/);
    refuse('array.json', '[1, 2]', /array\.json:1:1: holds a JSON array/);
  });

  it('a sensitivity run file is drawn as its JSON is: the same tornado and curves, from the rows', () => {
    const p = thaw('sweep', 'base', '--runs', '6', '--months', '6', '--vary', 'agents.us.visitChance=0.2..0.8:0.6', '--vary', 'agents.us.askMarkup=1..1.6:0.3',
      '--metric', 'waves', '--out', at('vary.jsonl'), '--format', 'json');
    expect(p.status, p.stderr).toBe(0);
    writeFileSync(at('vary.json'), p.stdout);
    const lines = readFileSync(at('vary.jsonl'), 'utf8').trimEnd().split('\n');
    // The header records what a reader needs to draw the tornado: the parameters, their values, the metric ranked.
    expect(JSON.parse(lines[0]!)).toMatchObject({ thaw: 'sensitivity', runs: 6, vary: [{ path: 'agents.us.visitChance', values: [0.2, 0.8] }, { path: 'agents.us.askMarkup', values: [1, 1.3, 1.6] }], metric: 'waves' });
    expect(lines).toHaveLength(1 + 6 * 5);
    const page = (html: string) => html.replace(/<table class="provenance">.*?<\/table>/s, '').replaceAll(/vary\.jsonl?/g, 'FILE');
    const fromRows = report(at('vary.jsonl'));
    expect(fromRows).toContain('What moves waves most');
    expect(page(fromRows)).toBe(page(report(at('vary.json'))));
    expect(fromRows).toMatch(/runs in the file<\/th><td>30<\/td>/);

    // An interrupted study: the page says how many of its runs the file holds.
    writeFileSync(at('vary-cut.jsonl'), `${lines.slice(0, -4).join('\n')}\n`);
    expect(report(at('vary-cut.jsonl'))).toMatch(/runs in the file<\/th><td>26 of 30<\/td>/);

    // A run line moved to another value is damage, named by its line.
    const moved = JSON.parse(lines[3]!) as { point: number; factors: Record<string, number> };
    const bad = [...lines];
    bad[3] = JSON.stringify({ ...moved, point: moved.point + 1 });
    refuse('vary-moved.jsonl', `${bad.join('\n')}\n`, /vary-moved\.jsonl:4: run 2 should be point 0 \(agents\.us\.visitChance = 0\.2\)/);
    // And thaw merge, which joins a sweep's shards, says where a sensitivity file goes instead.
    const m = thaw('merge', at('vary.jsonl'));
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/is a sensitivity study's file \(thaw sweep --vary --out\), which is never split into shards; draw it with `thaw report/);
  });

  it('options that describe a run', () => {
    refuse('sweep-copy.json', readFileSync(at('sweep.json'), 'utf8'), /^thaw: --seed, --runs describe a run, but .* is a result file/, ['--seed', '3', '--runs', '5']);
  });
});
