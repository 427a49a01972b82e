/**
 * What a reader relies on in the result pages' charts (src/report/results/specs.ts), pinned by
 * meaning rather than by literal: which field sits on which channel, the scale's domain, that a CI
 * spans its low to its high end, and that every chart has a title, a text alternative and (where
 * series share a panel) a legend that tells them apart in colour and in shape.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { PALETTE } from '../../src/report/diagram.js';
import { intervalSpec, morrisSpec, peelingSpec, SERIES, sensitivitySpec, sobolSpec, tornadoSpec } from '../../src/report/results/specs.js';

// Chart specs are deep JSON; the tests read them as such.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const json = (s: TopLevelSpec): J => s as J;
/** The layers of a spec, faceted or not. */
const layers = (s: J): J[] => (s.spec ? s.spec.layer : s.layer);
/** The layer whose mark is `type` and whose x (or y) channel reads `field`. */
const layerOf = (s: J, type: string, channel: string, field: string): J => {
  const found = layers(s).find((l: J) => l.mark.type === type && l.encoding[channel]?.field === field);
  expect(found, `a ${type} layer with ${channel} = ${field}`).toBeDefined();
  return found;
};
const VEGA_LITE = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Every chart says what it is to a reader who cannot see it. */
function accessible(s: J, title: RegExp, description: RegExp): void {
  expect(s.$schema).toBe(VEGA_LITE);
  expect(s.title.text).toMatch(title);
  expect(s.title.anchor).toBe('start');
  expect(s.description).toMatch(description);
  // The shared look (font, no frame around the panels, label limits) is applied to every chart.
  expect(s.config.view).toEqual({ stroke: null });
}

const ROWS = [
  { metric: 'released', column: 'base', mean: 500, ciLow: 480, ciHigh: 520, p5: 300, p95: 800 },
  { metric: 'released', column: 'war-frozen', mean: 280, ciLow: 275, ciHigh: 285, p5: 250, p95: 300 },
  { metric: 'held', column: 'base', mean: 40, ciLow: null, ciHigh: null, p5: 20, p95: 60 },
  { metric: 'firstDealMonth', column: 'war-frozen', mean: null, ciLow: null, ciHigh: null, p5: null, p95: null },
];

describe('interval charts (a sweep\'s metrics, a comparison\'s branches and differences)', () => {
  // Built inside each test: code run while the suite is collected is not judged by the mutation tests.
  const make = (): J => json(intervalSpec(ROWS, { title: 'The branches', description: 'Per metric, each branch' }));

  it('have a title and a text alternative, and one panel per metric in the rows\' order', () => {
    const spec = make();
    accessible(spec, /^The branches$/, /^Per metric, each branch$/);
    expect(spec.facet.row.field).toBe('metric');
    expect(spec.facet.row.type).toBe('nominal');
    expect(spec.facet.row.sort).toEqual(['released', 'held']);
    // Each panel's header reads left to right above it, bold, without a repeated "metric" title.
    expect(spec.facet.row.header).toMatchObject({ labelAngle: 0, labelOrient: 'top', title: null });
    // Each metric has its own units: the x scales are independent.
    expect(spec.resolve).toEqual({ scale: { x: 'independent' } });
    expect(spec.data.values).toHaveLength(3);
  });

  it('draw the p5–p95 range thin, the CI from its low to its high end thick, and the mean as a dot', () => {
    const spec = make();
    const range = layerOf(spec, 'rule', 'x', 'p5');
    expect(range.encoding.x2.field).toBe('p95');
    expect(range.encoding.x.type).toBe('quantitative');
    expect(range.transform).toEqual([{ filter: 'isValid(datum.p5) && isValid(datum.p95)' }]);
    const ci = layerOf(spec, 'rule', 'x', 'ciLow');
    expect(ci.encoding.x2.field).toBe('ciHigh');
    expect(ci.encoding.x.type).toBe('quantitative');
    expect(ci.transform).toEqual([{ filter: 'isValid(datum.ciLow) && isValid(datum.ciHigh)' }]);
    expect(ci.mark.strokeWidth).toBeGreaterThan(range.mark.strokeWidth);
    expect(range.mark.opacity).toBeLessThan(1);
    const mean = layerOf(spec, 'point', 'x', 'mean');
    expect(mean.mark.filled).toBe(true);
    expect(mean.mark.size).toBeGreaterThan(0);
    expect(mean.encoding.x.type).toBe('quantitative');
    // A dark dot with a light ring shows on either colour of bar.
    expect(mean.encoding.fill).toEqual({ value: PALETTE.ink });
    expect(mean.encoding.stroke).toEqual({ value: PALETTE.paper });
    // Means far from 0 are not squeezed against an axis that starts at 0.
    expect(range.encoding.x.scale).toEqual({ zero: false });
    expect(range.encoding.x.title).toBeNull();
  });

  it('with several columns, tell them apart by colour and shape, with a legend and an axis', () => {
    const spec = make();
    for (const l of layers(spec)) {
      expect(l.encoding.y).toMatchObject({ field: 'column', type: 'nominal', sort: ['base', 'war-frozen'], axis: {} });
    }
    const colour = layerOf(spec, 'rule', 'x', 'ciLow').encoding.color;
    expect(colour).toMatchObject({ field: 'column', type: 'nominal', legend: { orient: 'top' } });
    expect(colour.scale).toEqual({ domain: ['base', 'war-frozen'], range: [SERIES[0], SERIES[1]] });
    expect(layerOf(spec, 'rule', 'x', 'p5').encoding.color).toEqual(colour);
    const shape = layerOf(spec, 'point', 'x', 'mean').encoding.shape;
    expect(shape).toMatchObject({ field: 'column', type: 'nominal', legend: null });
    expect(shape.scale.domain).toEqual(['base', 'war-frozen']);
    expect(new Set(shape.scale.range).size).toBe(2);
    expect(spec.spec.height.step).toBeGreaterThan(json(intervalSpec(ROWS.slice(0, 1), { title: 't', description: 'd' })).spec.height.step);
  });

  it('with one column, need neither a legend nor a y axis', () => {
    const spec = make();
    const one = json(intervalSpec(ROWS.slice(0, 1), { title: 't', description: 'd' }));
    expect(layers(one)[0].encoding.y.axis).toBeNull();
    expect(layers(one)[0].encoding.color.legend).toBeNull();
    expect(one.spec.width).toBeGreaterThan(0);
  });

  it('colours repeat the palette past its end rather than run out', () => {
    const spec = make();
    const many = Array.from({ length: SERIES.length + 2 }, (_, i) => ({ ...ROWS[0]!, column: `c${i}` }));
    const colour = layers(json(intervalSpec(many, { title: 't', description: 'd' })))[0].encoding.color.scale;
    expect(colour.range).toHaveLength(SERIES.length + 2);
    expect(colour.range.slice(SERIES.length)).toEqual([SERIES[0], SERIES[1]]);
    expect(colour.range.every((c: unknown) => typeof c === 'string')).toBe(true);
  });

  it('for differences, a dashed grey line at zero, under the intervals', () => {
    const spec = make();
    const diff = json(intervalSpec(ROWS, { title: 't', description: 'd', zero: true }));
    const zero = layers(diff)[0];
    expect(zero.data).toEqual({ values: [{ zero: 0 }] });
    expect(zero.mark.type).toBe('rule');
    expect(zero.mark.color).toBe(PALETTE.grey);
    expect(zero.mark.strokeDash.length).toBe(2);
    expect(zero.encoding.x).toEqual({ field: 'zero', type: 'quantitative' });
  });
});

describe('the tornado', () => {
  const rows = [
    { path: 'a', atLow: 10, atHigh: 12, swing: 2, lowCi: [9, 11] as const, highCi: null },
    { path: 'b', atLow: 30, atHigh: 5, swing: 25, lowCi: [28, 32] as const, highCi: [4, 6] as const },
  ];
  // Built inside each test: code run while the suite is collected is not judged by the mutation tests.
  const make = (): J => json(tornadoSpec(rows, 'released'));

  it('names the metric in its title, axis and text alternative, with each parameter\'s move', () => {
    const spec = make();
    accessible(spec, /released/, /^Tornado chart of released: b moves its mean from 30 to 5; a moves its mean from 10 to 12\.$/);
    expect(spec.title.subtitle).toMatch(/95% CI/);
    expect(spec.width).toBeGreaterThan(0);
    expect(spec.height.step).toBeGreaterThan(0);
  });

  it('draws one bar per parameter, from the lower to the higher mean, widest first', () => {
    const spec = make();
    const bar = layerOf(spec, 'bar', 'x', 'from');
    expect(bar.encoding.x2.field).toBe('to');
    expect(bar.encoding.x.title).toBe('mean of released');
    expect(bar.encoding.x.scale).toEqual({ zero: false });
    expect(bar.encoding.y).toEqual({ field: 'path', type: 'nominal', title: null, sort: ['b', 'a'] });
    expect(bar.data.values).toEqual([{ path: 'b', from: 5, to: 30 }, { path: 'a', from: 10, to: 12 }]);
    expect(bar.mark.opacity).toBeLessThan(1);
    expect(bar.mark.height).toBeGreaterThan(0);
  });

  it('puts each end\'s CI from its low to its high end, coloured and shaped by the end, with a legend', () => {
    const spec = make();
    const ci = layerOf(spec, 'rule', 'x', 'lo');
    expect(ci.encoding.x2.field).toBe('hi');
    expect(ci.mark.strokeWidth).toBeGreaterThan(0);
    expect(ci.data.values).toEqual([
      { path: 'b', end: 'lowest value', mean: 30, lo: 28, hi: 32 },
      { path: 'b', end: 'highest value', mean: 5, lo: 4, hi: 6 },
      { path: 'a', end: 'lowest value', mean: 10, lo: 9, hi: 11 },
    ]);
    const colour = ci.encoding.color;
    expect(colour).toMatchObject({ field: 'end', type: 'nominal', legend: { orient: 'top' } });
    expect(colour.title).toMatch(/released/);
    expect(colour.scale.domain).toEqual(['lowest value', 'highest value']);
    expect(colour.scale.range).toEqual([PALETTE.sky, PALETTE.vermillion]);
    const ends = layerOf(spec, 'point', 'x', 'mean');
    expect(ends.encoding.color).toEqual(colour);
    expect(ends.encoding.y.sort).toEqual(['b', 'a']);
    expect(ends.mark).toMatchObject({ filled: true });
    expect(ends.encoding.shape.scale.domain).toEqual(['lowest value', 'highest value']);
    expect(ends.encoding.shape.scale.range).toHaveLength(2);
    expect(ends.encoding.shape.legend).toBeNull();
    // An end with no CI is still drawn as a point.
    expect(ends.data.values.map((v: J) => [v.path, v.end, v.lo])).toEqual([['b', 'lowest value', 28], ['b', 'highest value', 4], ['a', 'lowest value', 9], ['a', 'highest value', null]]);
  });
});

describe('sensitivity curves', () => {
  const make = (): J => json(sensitivitySpec([
    { path: 'p', value: 1, mean: 2, ciLow: 1, ciHigh: 3 },
    { path: 'p', value: 2, mean: 4, ciLow: null, ciHigh: null },
    { path: 'q', value: 1, mean: null, ciLow: null, ciHigh: null },
    { path: 'r', value: 5, mean: 7, ciLow: 6, ciHigh: 8 },
  ], 'released'));

  it('one titled panel per parameter, two to a row, each on its own scales', () => {
    const spec = make();
    accessible(spec, /^released against each varied parameter$/, /^Sensitivity curves of released for p, r\.$/);
    expect(spec.facet).toMatchObject({ field: 'path', type: 'nominal', sort: ['p', 'r'], title: null });
    expect(spec.facet.header.labelOrient).toBe('top');
    expect(spec.columns).toBe(2);
    expect(spec.resolve).toEqual({ scale: { x: 'independent', y: 'independent' } });
    expect(spec.data.values.map((v: J) => [v.path, v.value])).toEqual([['p', 1], ['p', 2], ['r', 5]]);
    expect(spec.spec.width).toBeGreaterThan(0);
    expect(spec.spec.height).toBeGreaterThan(0);
  });

  it('a band from the CI\'s low to its high end, and the mean as a line with points, over the value', () => {
    const spec = make();
    const band = layerOf(spec, 'area', 'x', 'value');
    expect(band.encoding.y.field).toBe('ciLow');
    expect(band.encoding.y2.field).toBe('ciHigh');
    expect(band.encoding.y.title).toBe('mean of released');
    expect(band.encoding.x.title).toBe('value');
    expect(band.encoding.x.scale).toEqual({ zero: false });
    expect(band.encoding.y.scale).toEqual({ zero: false });
    expect(band.transform).toEqual([{ filter: 'isValid(datum.ciLow) && isValid(datum.ciHigh)' }]);
    expect(band.mark.opacity).toBeLessThan(1);
    const line = layerOf(spec, 'line', 'x', 'value');
    expect(line.encoding.y).toEqual({ field: 'mean', type: 'quantitative' });
    expect(line.encoding.x.type).toBe('quantitative');
    expect(line.mark.point).toMatchObject({ filled: true });
  });
});

describe('Sobol\' indices', () => {
  const bars = [
    { metric: 'm', factor: 'f', index: 'S1' as const, value: 0.2, ci: [0.1, 0.3] as const },
    { metric: 'm', factor: 'f', index: 'ST' as const, value: 0.5, ci: [0.4, 0.6] as const },
    { metric: 'n', factor: 'g', index: 'ST' as const, value: 0.1, ci: null },
    { metric: 'n', factor: 'g', index: 'S1' as const, value: null, ci: null },
  ];
  // Built inside each test: code run while the suite is collected is not judged by the mutation tests.
  const make = (): J => json(sobolSpec(bars, ['g', 'f']));

  it('one titled panel per metric; each factor a row of its S1 and ST bars, in the given order', () => {
    const spec = make();
    accessible(spec, /Sobol/, /^Sobol' indices S1 and ST of 2 factors for m, n\.$/);
    expect(spec.facet.row).toMatchObject({ field: 'metric', type: 'nominal', sort: ['m', 'n'] });
    expect(spec.data.values).toEqual([
      { metric: 'm', factor: 'f', index: 'S1', value: 0.2, lo: 0.1, hi: 0.3 },
      { metric: 'm', factor: 'f', index: 'ST', value: 0.5, lo: 0.4, hi: 0.6 },
      { metric: 'n', factor: 'g', index: 'ST', value: 0.1, lo: null, hi: null },
    ]);
    const bar = layerOf(spec, 'bar', 'x', 'value');
    expect(bar.encoding.y).toEqual({ field: 'factor', type: 'nominal', title: null, sort: ['g', 'f'] });
    expect(bar.encoding.yOffset).toEqual({ field: 'index', type: 'nominal', sort: ['S1', 'ST'] });
    expect(bar.encoding.x.title).toBe('share of the variance');
    expect(spec.spec.width).toBeGreaterThan(0);
    expect(spec.spec.height.step).toBeGreaterThan(0);
  });

  it('the share of the variance runs over [0, 1] at least, and S1 and ST have a legend in words', () => {
    const spec = make();
    expect(layerOf(spec, 'bar', 'x', 'value').encoding.x.scale).toEqual({ domain: [0, 1] });
    const colour = layerOf(spec, 'bar', 'x', 'value').encoding.color;
    expect(colour).toMatchObject({ field: 'index', type: 'nominal', title: null });
    expect(colour.scale).toEqual({ domain: ['S1', 'ST'], range: [PALETTE.sky, PALETTE.blue] });
    expect(colour.legend.orient).toBe('top');
    expect(colour.legend.labelExpr).toMatch(/S1: the factor alone/);
  });

  it('widens [0, 1] to every interval, and whiskers span each index\'s interval', () => {
    const spec = make();
    const wide = json(sobolSpec([{ metric: 'm', factor: 'f', index: 'S1', value: -0.1, ci: [-0.3, 0.1] }, { metric: 'm', factor: 'f', index: 'ST', value: 0.9, ci: [0.7, 1.2] }], ['f']));
    expect(layerOf(wide, 'bar', 'x', 'value').encoding.x.scale.domain).toEqual([-0.3, 1.2]);
    const whisker = layerOf(spec, 'rule', 'x', 'lo');
    expect(whisker.encoding.x2.field).toBe('hi');
    expect(whisker.encoding.y.field).toBe('factor');
    expect(whisker.encoding.yOffset.field).toBe('index');
    expect(whisker.transform).toEqual([{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }]);
    expect(whisker.mark.color).toBe(PALETTE.ink);
  });
});

describe('Morris screening', () => {
  const make = (): J => json(morrisSpec([
    { metric: 'm', factor: 'agents.us.visitChance', muStar: 2, sigma: 1, ci: [1, 3] },
    { metric: 'n', factor: 'x', muStar: 4, sigma: 3, ci: null },
    { metric: 'n', factor: 'y', muStar: null, sigma: 3, ci: null },
  ]));

  it('one titled panel per metric, two to a row, μ* across and σ up, each factor labelled', () => {
    const spec = make();
    accessible(spec, /^Morris screening$/, /^Morris μ\* against σ for m, n\.$/);
    expect(spec.facet).toMatchObject({ field: 'metric', type: 'nominal', sort: ['m', 'n'], title: null });
    expect(spec.columns).toBe(2);
    expect(spec.resolve).toEqual({ scale: { x: 'independent', y: 'independent' } });
    const dot = layerOf(spec, 'point', 'x', 'muStar');
    expect(dot.encoding.y).toMatchObject({ field: 'sigma', type: 'quantitative' });
    expect(dot.encoding.x.title).toMatch(/μ\*/);
    expect(dot.encoding.y.title).toMatch(/σ/);
    expect(dot.mark).toMatchObject({ filled: true, color: PALETTE.blue });
    const label = layerOf(spec, 'text', 'x', 'muStar');
    expect(label.encoding.text).toEqual({ field: 'short' });
    expect(label.mark.align).toBe('left');
    expect(label.mark.dx).toBeGreaterThan(0);
    expect(spec.data.values.map((v: J) => v.short)).toEqual(['us.visitChance', 'x']);
    expect(spec.spec.width).toBeGreaterThan(0);
  });

  it('the interval of μ* spans its low to its high end at the factor\'s σ', () => {
    const spec = make();
    const whisker = layerOf(spec, 'rule', 'x', 'lo');
    expect(whisker.encoding.x2.field).toBe('hi');
    expect(whisker.encoding.y.field).toBe('sigma');
    expect(whisker.transform).toEqual([{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }]);
    expect(spec.data.values[1]).toMatchObject({ lo: null, hi: null });
  });
});

describe('PRIM\'s peeling', () => {
  const steps = [
    { box: 'box 1', coverage: 1, density: 0.5, chosen: false },
    { box: 'box 1', coverage: 0.8, density: 0.9, chosen: true },
    { box: 'box 2', coverage: 0.6, density: 0.7, chosen: true },
  ];
  // Built inside each test: code run while the suite is collected is not judged by the mutation tests.
  const make = (): J => json(peelingSpec(steps));

  it('coverage across and density up, each on [0, 1], and the reported box ringed', () => {
    const spec = make();
    accessible(spec, /PRIM/, /^Peeling trajectories of 2 box\(es\): coverage against density\.$/);
    const path = layerOf(spec, 'line', 'x', 'coverage');
    expect(path.encoding.x).toMatchObject({ type: 'quantitative', scale: { domain: [0, 1] } });
    expect(path.encoding.y).toMatchObject({ field: 'density', type: 'quantitative', scale: { domain: [0, 1] } });
    expect(path.encoding.x.title).toMatch(/coverage/);
    expect(path.encoding.y.title).toMatch(/density/);
    expect(path.mark.point).toMatchObject({ filled: true });
    const ring = layerOf(spec, 'point', 'x', 'coverage');
    expect(ring.transform).toEqual([{ filter: 'datum.chosen' }]);
    expect(ring.encoding.y.field).toBe('density');
    expect(ring.mark.size).toBeGreaterThan(path.mark.point.size);
    expect(ring.mark.color).toBe(PALETTE.ink);
    expect(spec.data.values).toEqual(steps);
    expect([spec.width, spec.height].every((n: number) => n > 0)).toBe(true);
  });

  it('several boxes: coloured and shaped apart, with a legend; one box needs none', () => {
    const spec = make();
    const colour = layerOf(spec, 'line', 'x', 'coverage').encoding.color;
    expect(colour).toMatchObject({ field: 'box', type: 'nominal', legend: { orient: 'top' } });
    expect(colour.scale).toEqual({ domain: ['box 1', 'box 2'], range: [SERIES[0], SERIES[1]] });
    const shape = layerOf(spec, 'line', 'x', 'coverage').encoding.shape;
    expect(shape).toMatchObject({ field: 'box', legend: null });
    expect(shape.scale.domain).toEqual(['box 1', 'box 2']);
    const one = json(peelingSpec(steps.slice(0, 2)));
    expect(layerOf(one, 'line', 'x', 'coverage').encoding.color.legend).toBeNull();
  });
});
