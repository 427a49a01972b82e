/**
 * The result pages in process (src/report/results/pages.ts, kinds.ts, figure.ts, registry.ts):
 * small hand-written documents in, the page's parts out. test/cli/report-file.test.ts checks the
 * same pages end to end from real files; these pin what each page says, so that the mutation
 * tests (which cannot reach dist/) judge them.
 */
import { describe, expect, it } from 'vitest';
import { chartFigure, chartPictures, cell, dataTable } from '../../src/report/results/figure.js';
import { comparePage, metricsHtml, sensitivityPage, studyPage, sweepPage } from '../../src/report/results/pages.js';
import { registerBuiltInKinds, reportKinds, resultPageHtml } from '../../src/report/results/kinds.js';
import { fromSchema, registerReportKind, trusted } from '../../src/report/results/registry.js';
import { intervalSpec } from '../../src/report/results/specs.js';
import type { CompareResult, SensitivityResult, StudyResult, SummaryDoc, SweepResult } from '../../src/report/results/documents.js';
import { z } from 'zod';

const S = (mean: number | null, sd: number | null, ciLow: number | null = null, ciHigh: number | null = null): SummaryDoc => ({ n: 10, missing: 0, mean, sd, p5: mean, p50: mean, p95: mean, ciLow, ciHigh });
const svgs = (html: string) => (html.match(/<svg\b/g) ?? []).length;
const section = (page: { sections: readonly { id: string; html: string }[] }, id: string) => {
  const s = page.sections.find((x) => x.id === id);
  expect(s, `section ${id}`).toBeDefined();
  return s!.html;
};
/** The text alternative of the chart with this id. */
const altOf = (html: string, id: string): string => {
  const m = new RegExp(`<figure class="chart" id="${id}">\\n<div class="svg" role="img" aria-label="([^"]*)">`).exec(html);
  expect(m, `chart ${id}`).not.toBeNull();
  return m![1]!;
};

describe('a chart\'s figure', () => {
  const spec = intervalSpec([{ metric: 'released', column: 'all runs', mean: 5, ciLow: 4, ciHigh: 6, p5: 1, p95: 9 }], { title: 't', description: 'd' });
  it('the SVG as an image with its text alternative and caption, and its numbers in a closed table', async () => {
    const html = await chartFigure('c1', spec, 'mean "5" & more', 'The caption.', { head: ['metric', 'mean'], rows: [['released', '5']] });
    expect(altOf(html, 'c1')).toBe('mean &quot;5&quot; &amp; more');
    expect(svgs(html)).toBe(1);
    expect(html).toContain('<figcaption>The caption. The numbers are in the table below.</figcaption>');
    expect(html).toContain('<details><summary>The numbers as a table</summary>\n<table class="data"><thead><tr><th scope="col">metric</th><th scope="col">mean</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">released</th><td>5</td></tr>');
    expect(html.endsWith('</figure>')).toBe(true);
  });
  it('without a table, no promise of one', async () => {
    const html = await chartFigure('c2', spec, 'alt', 'Cap.', null);
    expect(html).toContain('<figcaption>Cap.</figcaption>');
    expect(html).not.toContain('<details>');
  });
  it('numbers in cells: a decimal or two, by size, either sign', () => {
    expect([cell(100.5), cell(-100.5), cell(99.5), cell(1.5), cell(-1.5), cell(0.5), cell(1), cell(Number.POSITIVE_INFINITY)]).toEqual(['100.5', '-100.5', '99.50', '1.50', '-1.50', '0.500', '1', '–']);
    expect(dataTable(['a'], [])).toBe('<table class="data"><thead><tr><th scope="col">a</th></tr></thead>\n<tbody></tbody></table>');
    expect(dataTable(['a', 'b'], [['x', 'y'], ['z', 'w']])).toContain('<tr><th scope="row">x</th><td>y</td></tr>\n<tr><th scope="row">z</th><td>w</td></tr>');
  });
});

describe('the registry', () => {
  it('hides a kind\'s type: loading checks the document, and the page renders the checked value with its source', async () => {
    const schema = z.object({ thaw: z.literal('kind-a'), n: z.number().transform((n) => n * 2) });
    registerReportKind<z.output<typeof schema>>({ kind: 'kind-a', format: 1, layout: 'json', writtenBy: 'thaw a', parse: fromSchema(schema), render: async (d, src) => ({ title: `n=${d.n} from ${src}`, provenance: [['n', String(d.n)]], sections: [], madeBy: src }) });
    const k = reportKinds().find((x) => x.kind === 'kind-a')!;
    const ok = k.load({ thaw: 'kind-a', n: 21 });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    // The page gets the parsed value (the schema's transform ran), not the raw one.
    expect(await ok.render('a.json')).toEqual({ title: 'n=42 from a.json', provenance: [['n', '42']], sections: [], madeBy: 'a.json' });
    expect(k.load({ thaw: 'kind-a', n: 'x' })).toEqual({ ok: false, at: ['n'], message: expect.stringMatching(/number/) });
    expect(k.load(null)).toMatchObject({ ok: false, at: [] });
  });
  it('the same kind and format may be registered once per layout; another kind with the same format is its own', () => {
    const page = async () => ({ title: '', provenance: [], sections: [], madeBy: '' });
    registerReportKind({ kind: 'kind-b', format: 1, layout: 'json', writtenBy: 'x', parse: trusted(), render: page });
    registerReportKind({ kind: 'kind-b', format: 1, layout: 'jsonl', writtenBy: 'y', parse: trusted(), render: page });
    registerReportKind({ kind: 'kind-c', format: 1, layout: 'json', writtenBy: 'z', parse: trusted(), render: page });
    expect(reportKinds().filter((x) => x.kind.startsWith('kind-') && x.kind !== 'kind-a').map((x) => [x.kind, x.layout, x.writtenBy])).toEqual([['kind-b', 'json', 'x'], ['kind-b', 'jsonl', 'y'], ['kind-c', 'json', 'z']]);
    expect(() => registerReportKind({ kind: 'kind-c', format: 1, layout: 'json', writtenBy: 'z', parse: trusted(), render: page })).toThrow('report kind kind-c format 1 is registered twice');
  });
  it('a trusted value passes as it is', () => {
    const v = { a: 1 };
    const r = trusted<typeof v>()(v);
    expect(r.ok && r.value).toBe(v);
  });
});

describe('thaw\'s own kinds', () => {
  it('are registered once however often asked, each with the command that writes it', () => {
    registerBuiltInKinds();
    registerBuiltInKinds();
    const own = reportKinds().filter((k) => !k.kind.startsWith('kind-') && k.kind !== 'test-kind');
    expect(own.map((k) => [k.kind, k.format, k.layout])).toEqual([
      ['sweep-result', 1, 'json'], ['compare-result', 1, 'json'], ['sensitivity-result', 1, 'json'], ['backtest', 1, 'json'],
      ['study-result', 1, 'json'], ['sweep', 1, 'jsonl'], ['sensitivity', 1, 'jsonl'], ['study', 1, 'jsonl'],
    ]);
    expect(own.every((k) => k.writtenBy.startsWith('thaw '))).toBe(true);
  });

  it('a sweep\'s run file: its statistics from the rows, and every metric\'s distribution', async () => {
    registerBuiltInKinds();
    const metrics = [{ name: 'released', description: 'prisoners released' }, { name: 'deals', description: 'deals made' }];
    const header = { thaw: 'sweep', format: 1, scenario: 'base', branch: null, settings: [], seed: 7, runs: 4, months: 6, horizon: 6, shard: null, fingerprint: 'fp1', version: '9.9', metrics };
    const rows = [10, 20, 30].map((r, i) => ({ run: i, seed: i, metrics: { released: r, deals: 1 } }));
    const loaded = reportKinds().find((k) => k.kind === 'sweep' && k.layout === 'jsonl')!.load({ header, rows, completeBytes: 0, torn: false });
    if (!loaded.ok) throw new Error('refused');
    const page = await loaded.render('runs.jsonl');
    expect(page.title).toBe('Sweep of base');
    expect(page.provenance).toContainEqual(['runs', '3 of 4']);
    expect(page.provenance).toContainEqual(['fingerprint', 'fp1']);
    expect(page.sections.map((s) => s.id)).toEqual(['metrics', 'distributions']);
    expect(page.sections[1]!.heading).toBe('Distributions over 3 runs');
    expect(altOf(section(page, 'metrics'), 'metrics-chart')).toContain('released mean 20, CI');
    expect(section(page, 'metrics')).toContain('The same in every run: deals = 1.');
    const html = resultPageHtml(page);
    // The frame names the version of thaw that drew the page, not the file's.
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<h1>Sweep of base</h1>');
  });

  it('a backtest\'s JSON is checked before it is drawn', () => {
    registerBuiltInKinds();
    const k = reportKinds().find((x) => x.kind === 'backtest')!;
    expect(k.load({ thaw: 'backtest', format: 1 })).toMatchObject({ ok: false, at: ['backtest'] });
  });
});

const SWEEP: SweepResult = {
  thaw: 'sweep-result', format: 1, scenario: 'base', branch: 'war-frozen', settings: ['--set', 'a=1'], seed: 3, runs: 10, months: null, runsPresent: 10, version: '1.0', fingerprint: 'abc',
  metrics: [
    { name: 'released', description: 'prisoners released', ...S(500, 40, 480, 520) },
    { name: 'deals', description: 'deals made', ...S(2, 0) },
    { name: 'firstDealMonth', description: 'month of the first deal', ...S(null, null) },
  ],
};

describe('a sweep\'s page', () => {
  it('names the scenario and branch, the runs, settings and horizon, and draws only the metrics that vary', async () => {
    const page = await sweepPage(SWEEP, 'sweep.json');
    expect(page.title).toBe('Sweep of base (branch war-frozen)');
    expect(page.description).toMatch(/^10 seeded runs/);
    expect(page.provenance).toEqual([['file', 'sweep.json'], ['scenario', 'base, branch war-frozen'], ['runs', '10'], ['study seed', '3'], ['months', 'the scenario\'s horizon'], ['settings', '--set a=1'], ['fingerprint', 'abc'], ['thaw version', '1.0']]);
    expect(page.sections.map((s) => s.id)).toEqual(['metrics']);
    expect(page.madeBy).toBe('From sweep.json; the same file gives the same page.');
    const html = section(page, 'metrics');
    expect(svgs(html)).toBe(1);
    const alt = altOf(html, 'metrics-chart');
    expect(alt).toMatch(/^Per metric over 10 runs: .* for the 1 metrics that vary: released mean 500, CI 480 to 520\.$/);
    expect(html).toContain('The same in every run: deals = 2.');
    expect(html).not.toContain('firstDealMonth =');
    // The table has every metric, the one with no values with dashes.
    expect(html).toContain('<tr><th scope="row">firstDealMonth</th><td>10</td><td>–</td><td>–</td><td>–</td><td>–</td><td>–</td><td>–</td><td>month of the first deal</td></tr>');
    expect(html).toContain('<td>480 to 520</td>');
  });
  it('without a branch, settings or variation', async () => {
    const still = { ...SWEEP, branch: null, settings: [], months: 6, runsPresent: 4, metrics: [SWEEP.metrics[1]!] };
    const page = await sweepPage(still, 's.json', { id: 'distributions', heading: 'h', html: '<p>d</p>' });
    expect(page.title).toBe('Sweep of base');
    expect(page.provenance).toContainEqual(['scenario', 'base']);
    expect(page.provenance).toContainEqual(['settings', 'none (the scenario as written)']);
    expect(page.provenance).toContainEqual(['months', '6']);
    expect(page.provenance).toContainEqual(['runs', '4 of 10']);
    expect(page.sections.map((s) => s.id)).toEqual(['metrics', 'distributions']);
    expect(section(page, 'metrics')).toContain('<p>No metric varies between the runs.</p>');
    expect(await metricsHtml([], 3)).not.toContain('The same in every run');
  });
});

const COMPARE: CompareResult = {
  thaw: 'compare-result', format: 1, columns: ['base', 'war-frozen', 'thaw'], seed: 5, runs: 20, months: 12, settings: [], version: '1.0', fingerprints: { base: 'f1', 'war-frozen': 'f2', thaw: 'f3' },
  metrics: [
    { name: 'released', description: 'r', columns: [S(500, 10, 490, 510), S(280, 5, 275, 285), S(600, 8, 590, 610)], differences: [S(-220, 9, -230, -210), S(100, 4, 95, 105)] },
    // The same in each run of a branch, but not between branches: still a difference to draw.
    { name: 'deals', description: 'd', columns: [S(2, 0), S(1, 0), S(2, 0)], differences: [S(-1, 0, -1, -1), S(0, 0, 0, 0)] },
    { name: 'held', description: 'h', columns: [S(40, 0), S(40, 0), S(40, 0)], differences: [S(0, 0), S(0, 0)] },
    // Moves within each branch, the same in every pair of runs: nothing to draw among the differences.
    { name: 'arrested', description: 'a', columns: [S(30, 5), S(30, 5), S(30, 5)], differences: [S(0, 0, 0, 0), S(0, 0, 0, 0)] },
  ],
};

describe('a comparison\'s page', () => {
  it('the branches side by side and their paired differences to the first, with the numbers in tables', async () => {
    const page = await comparePage(COMPARE, 'compare.json');
    expect(page.title).toBe('base vs war-frozen vs thaw');
    expect(page.description).toMatch(/^3 scenarios or branches run on the same 20 seeds/);
    expect(page.provenance).toEqual([['file', 'compare.json'], ['columns', 'base, war-frozen, thaw'], ['runs', '20'], ['study seed', '5'], ['months', '12'], ['settings', 'none (the scenario as written)'], ['fingerprints', 'base f1, war-frozen f2, thaw f3'], ['thaw version', '1.0']]);
    expect(page.sections.map((s) => [s.id, s.heading])).toEqual([['branches', 'The branches side by side'], ['differences', 'Paired differences to base']]);
    const side = section(page, 'branches');
    expect(altOf(side, 'compare-chart')).toMatch(/over the same 20 seeds.*released: base 500, war-frozen 280, thaw 600; deals: base 2, war-frozen 1, thaw 2; arrested: base 30, war-frozen 30, thaw 30\.$/);
    expect(side).toContain('<th scope="col">war-frozen: mean [95% CI]</th>');
    expect(side).toContain('<tr><th scope="row">released</th><td>500 [490 to 510]</td><td>280 [275 to 285]</td><td>600 [590 to 610]</td></tr>');
    const diffs = section(page, 'differences');
    expect(altOf(diffs, 'differences-chart')).toMatch(/^Paired differences to base on the same seeds: .*released: war-frozen − base -220 \[-230 to -210\], thaw − base 100 \[95 to 105\]; deals: war-frozen − base -1 \[-1 to -1\], thaw − base 0 \[0 to 0\]\.$/);
    expect(diffs).toContain('<th scope="col">thaw − base: mean [95% CI]</th>');
    expect(diffs).toContain('<p>No difference between the branches in any run: arrested.</p><p>The same in every branch and run: held.</p>');
    expect(altOf(side, 'compare-chart')).toContain('arrested: base 30');
    expect(diffs).not.toContain('<th scope="row">arrested</th>');
    expect(svgs(side) + svgs(diffs)).toBe(2);
  });
  it('gives its charts as SVG files by their ids, the page\'s own bytes (`--svg-dir`)', async () => {
    const page = await comparePage(COMPARE, 'compare.json');
    const pictures = chartPictures(page.sections);
    expect(pictures.map((p) => p.name)).toEqual(['compare-chart.svg', 'differences-chart.svg']);
    for (const p of pictures) {
      expect(p.svg).toMatch(/^<svg\b[\s\S]*<\/svg>$/);
      expect((p.svg.match(/<svg\b/g) ?? []).length).toBe(1);
      expect(section(page, p.name === 'compare-chart.svg' ? 'branches' : 'differences')).toContain(p.svg);
    }
    expect(chartPictures([{ html: '<p>No metric varies in any branch.</p>' }])).toEqual([]);
  });
  it('nothing that varies: words, no charts', async () => {
    const page = await comparePage({ ...COMPARE, months: null, settings: ['--set', 'x=1'], metrics: [COMPARE.metrics[2]!] }, 'c.json');
    expect(section(page, 'branches')).toBe('<p>No metric varies in any branch.</p>');
    expect(section(page, 'differences')).toBe('<p>The same in every branch and run: held.</p>');
    expect(page.provenance).toContainEqual(['months', 'each scenario\'s horizon']);
    expect(page.provenance).toContainEqual(['settings', '--set x=1']);
  });
});

const summaries = (mean: number | null, lo: number | null, hi: number | null) => [{ name: 'released', description: 'r', summary: S(mean, 1, lo, hi) }, { name: 'deals', description: 'd', summary: S(9, 1, 8, 10) }];
const SENSITIVITY: SensitivityResult = {
  thaw: 'sensitivity-result', format: 1, scenario: 'base', branch: null, settings: [], seed: 2, runs: 20, months: 6,
  sensitivity: [
    { path: 'agents.us.visitChance', points: [{ value: 0.2, summaries: summaries(100, 90, 110) }, { value: 0.5, summaries: summaries(150, null, null) }, { value: 0.8, summaries: summaries(300, 280, 320) }] },
    { path: 'agents.us.cooldownMonths', points: [{ value: 1, summaries: summaries(200, 190, 210) }, { value: 3, summaries: summaries(180, 170, 190) }] },
  ],
  tornado: [
    { path: 'agents.us.cooldownMonths', metric: 'released', atLow: 200, atHigh: 180, swing: 20 },
    { path: 'agents.us.visitChance', metric: 'released', atLow: 100, atHigh: 300, swing: 200, swingCi: [150, 250] },
    { path: 'agents.us.visitChance', metric: 'deals', atLow: 9, atHigh: 9, swing: 0 },
  ],
};

describe('a sensitivity study\'s page', () => {
  it('the tornado of the first metric, widest first, with each end\'s CI, and the curves', async () => {
    const page = await sensitivityPage(SENSITIVITY, 'vary.json');
    expect(page.title).toBe('Sensitivity of base');
    expect(page.description).toMatch(/20 runs per value .* moves released most/);
    expect(page.provenance).toEqual([['file', 'vary.json'], ['scenario', 'base'], ['varied', 'agents.us.visitChance (0.2, 0.5, 0.8); agents.us.cooldownMonths (1, 3)'], ['runs per value', '20'], ['study seed', '2'], ['settings', 'none (the scenario as written)']]);
    expect(page.sections.map((s) => [s.id, s.heading])).toEqual([['tornado', 'What moves released most'], ['curves', 'released against each parameter']]);
    const tornado = section(page, 'tornado');
    expect(altOf(tornado, 'tornado-chart')).toMatch(/: agents\.us\.visitChance from 100 to 300; agents\.us\.cooldownMonths from 200 to 180\.$/);
    // The table keeps the file's order; the swing's CI where the file has one.
    expect(tornado).toContain('<tr><th scope="row">agents.us.cooldownMonths</th><td>200</td><td>180</td><td>20</td><td>–</td></tr>\n<tr><th scope="row">agents.us.visitChance</th><td>100</td><td>300</td><td>200</td><td>150 to 250</td></tr>');
    // The whiskers at the two ends are the CIs at the lowest and highest values (0.2 and 0.8).
    for (const [path, lo, hi] of [['visitChance', 90, 110], ['visitChance', 280, 320], ['cooldownMonths', 190, 210], ['cooldownMonths', 170, 190]] as const) {
      expect(tornado).toContain(`lo: ${lo}; path: agents.us.${path}; hi: ${hi}`);
    }
    // Only released's bars: deals has a tornado row of its own, not drawn.
    expect(tornado.match(/aria-label="mean of released: /g)).toHaveLength(2);
    const curves = section(page, 'curves');
    expect(altOf(curves, 'sensitivity-chart')).toMatch(/agents\.us\.visitChance: 0\.2 → 100, 0\.5 → 150, 0\.8 → 300; agents\.us\.cooldownMonths: 1 → 200, 3 → 180\.$/);
    expect(curves).toContain('<tr><th scope="row">agents.us.visitChance</th><td>0.500</td><td>150</td><td>–</td></tr>');
    expect(curves).toContain('<td>280 to 320</td>');
    expect(svgs(tornado) + svgs(curves)).toBe(2);
  });
  it('with no tornado, the metric is the curves\' first and the page says so', async () => {
    const page = await sensitivityPage({ ...SENSITIVITY, branch: 'b', tornado: [] }, 'v.json');
    expect(page.title).toBe('Sensitivity of base (branch b)');
    expect(page.provenance).toContainEqual(['scenario', 'base, branch b']);
    expect(section(page, 'tornado')).toBe('<p>The file has no tornado.</p>');
    expect(page.sections[1]!.heading).toBe('released against each parameter');
  });
});

const STUDY: StudyResult = {
  thaw: 'study-result', format: 1, study: 'mini', design: 'sobol', scenario: 'base', branch: null, seed: 3, samples: 8, replications: 2, runs: 40, runsPresent: 36,
  factors: [{ name: 'agents.us.visitChance', distribution: { kind: 'uniform', lo: 0.1, hi: 0.9 }, integer: false }, { name: 'agents.poland.concession', distribution: { weird: true }, integer: true }],
  indices: [
    { metric: 'released', factor: 'agents.us.visitChance', S1: 0.1, S1ci: [0, 0.2], ST: 0.2, STci: [0.1, 0.3] },
    { metric: 'released', factor: 'agents.poland.concession', S1: 0.5, S1ci: [0.4, 0.6], ST: 0.7, STci: null },
  ],
  secondOrder: [{ metric: 'released', factors: ['agents.us.visitChance', 'agents.poland.concession'], S2: 0.05, S2ci: [0, 0.1] }],
  morris: [{ metric: 'released', factor: 'agents.us.visitChance', mu: 1, muStar: 2, muStarCi: [1.5, 2.5], sigma: 0.5 }],
  boxes: [{ where: 'released >= 500', coverage: 0.8, density: 0.9, mass: 0.25, runs: 40, hits: 9, restrictions: [{ factor: 'agents.us.visitChance', min: 0.5, max: 0.9 }, { factor: 'mode', values: ['a', 2] }], trajectory: [{ coverage: 1, density: 0.5, mass: 1 }, { coverage: 0.8, density: 0.9, mass: 0.25 }], chosen: 1 }],
  seedVariance: [{ metric: 'released', share: 0.123 }, { metric: 'deals', share: null }],
  warnings: [{ metric: 'released', factor: null, message: 'few runs' }, { metric: 'deals', factor: 'x', message: 'no <variance>' }],
  metrics: [{ name: 'released', description: 'r', ...S(500, 40, 480, 520) }],
};

describe('a study\'s page', () => {
  it('factors, Sobol\' indices (factors by their largest ST), Morris, PRIM\'s boxes, cautions and metrics', async () => {
    const page = await studyPage(STUDY, 'study.json', [{ id: 'distributions', heading: 'd', html: '' }]);
    expect(page.title).toBe('Study mini: sobol on base');
    expect(page.description).toBe('40 runs over 2 uncertain inputs: which of them decide the outcomes, and where.');
    expect(page.provenance).toEqual([['file', 'study.json'], ['study', 'mini'], ['design', 'sobol'], ['scenario', 'base'], ['runs', '36 of 40 (samples 8 × replications 2)'], ['study seed', '3']]);
    expect(page.sections.map((s) => s.id)).toEqual(['factors', 'sobol', 'morris', 'prim', 'cautions', 'metrics', 'distributions']);
    const factors = section(page, 'factors');
    expect(factors).toContain('<tr><th scope="row">agents.poland.concession</th><td>{&quot;weird&quot;:true} (whole numbers)</td></tr>');
    expect(factors).toContain('<tr><th scope="row">agents.us.visitChance</th><td>uniform [0.1, 0.9]</td></tr>');
    const odd = await studyPage({ ...STUDY, factors: [{ name: 'f', distribution: null, integer: false }] }, 's.json');
    expect(section(odd, 'factors')).toContain('<td>null</td>');
    const sobol = section(page, 'sobol');
    expect(altOf(sobol, 'sobol-chart')).toBe('Sobol&#39; indices per metric and factor, first order S1 and total ST with 95% bootstrap intervals: released, agents.us.visitChance: S1 0.100, ST 0.200; released, agents.poland.concession: S1 0.500, ST 0.700.');
    expect(sobol).toContain('<tr><th scope="row">released · agents.poland.concession</th><td>0.500</td><td>0.400 to 0.600</td><td>0.700</td><td>–</td></tr>');
    expect(sobol).toContain('<caption>Second-order indices S2</caption>');
    expect(sobol).toContain('<tr><th scope="row">released · agents.us.visitChance × agents.poland.concession</th><td>0.050</td><td>0 to 0.100</td></tr>');
    // Factors in the chart by their largest ST, largest first: concession (0.7) above visitChance (0.2).
    const labels = [...sobol.matchAll(/>(agents\.[a-z]+\.[a-zA-Z]+)<\/text>/g)].map((m) => m[1]);
    expect(labels.slice(0, 2)).toEqual(['agents.poland.concession', 'agents.us.visitChance']);
    const morris = section(page, 'morris');
    expect(altOf(morris, 'morris-chart')).toMatch(/released, agents\.us\.visitChance: μ\* 2, σ 0\.500\.$/);
    expect(morris).toContain('<td>2</td><td>1.50 to 2.50</td><td>1</td><td>0.500</td>');
    const prim = section(page, 'prim');
    expect(altOf(prim, 'prim-chart')).toMatch(/where released &gt;= 500: coverage against density for 1 box\(es\); the boxes reported: box 1 coverage 0\.800, density 0\.900\.$/);
    expect(prim).toContain('<caption>Box 1 where released &gt;= 500: coverage 80 %, density 90 %, mass 25 % (9 of 40 runs)</caption>');
    expect(prim).toContain('<tr><th scope="row">agents.us.visitChance</th><td>0.500 to 0.900</td></tr>');
    expect(prim).toContain('<tr><th scope="row">mode</th><td>one of a, 2</td></tr>');
    const cautions = section(page, 'cautions');
    expect(cautions).toContain('<tr><th scope="row">released</th><td>12.3 %</td></tr>');
    expect(cautions).toContain('<tr><th scope="row">deals</th><td>–</td></tr>');
    expect(cautions).toContain('<ul class="warnings"><li>released: few runs</li><li>deals · x: no &lt;variance&gt;</li></ul>');
  });
  it('leaves out what the study did not compute', async () => {
    const page = await studyPage({ ...STUDY, branch: 'b', runsPresent: 40, indices: [], secondOrder: [], morris: [], boxes: [], seedVariance: [], warnings: [] }, 's.json');
    expect(page.title).toBe('Study mini: sobol on base (branch b)');
    expect(page.provenance).toContainEqual(['runs', '40 (samples 8 × replications 2)']);
    expect(page.sections.map((s) => s.id)).toEqual(['factors', 'metrics']);
    const onlyWarnings = await studyPage({ ...STUDY, seedVariance: [], secondOrder: [] }, 's.json');
    expect(section(onlyWarnings, 'cautions')).not.toContain('<table');
    expect(section(onlyWarnings, 'sobol')).not.toContain('Second-order');
    const onlyShares = await studyPage({ ...STUDY, warnings: [] }, 's.json');
    expect(section(onlyShares, 'cautions')).not.toContain('<ul');
  });
});
