/** The pure parts of result pages: chart specs from numbers, the kinds registry, schema checks. */
import { describe, expect, it } from 'vitest';
import { intervalSpec, morrisSpec, peelingSpec, sobolSpec, tornadoSpec, sensitivitySpec } from '../../src/report/results/specs.js';
import { fromSchema, registerReportKind, reportKinds, trusted } from '../../src/report/results/registry.js';
import { sweepResultSchema } from '../../src/report/results/documents.js';
import { resultKind, RESULT_FORMAT } from '../../src/report/results/kind.js';
import { cell, dataTable } from '../../src/report/results/figure.js';

type Layered = { data: { values: Record<string, unknown>[] }; spec: { layer: { mark: { type: string }; encoding: Record<string, { field?: string }> }[] } };

describe('interval charts', () => {
  const rows = [
    { metric: 'released', column: 'base', mean: 500, ciLow: 480, ciHigh: 520, p5: 300, p95: 800 },
    { metric: 'released', column: 'war-frozen', mean: 280, ciLow: 275, ciHigh: 285, p5: 250, p95: 300 },
    { metric: 'firstDealMonth', column: 'war-frozen', mean: null, ciLow: null, ciHigh: null, p5: null, p95: null },
  ];
  it('leave out rows with no mean, facet by metric, and draw range, CI and mean', () => {
    const spec = intervalSpec(rows, { title: 't', description: 'd' }) as unknown as Layered & { facet: { row: { sort: string[] } } };
    expect(spec.data.values.map((v) => v.column)).toEqual(['base', 'war-frozen']);
    expect(spec.facet.row.sort).toEqual(['released']);
    expect(spec.spec.layer.map((l) => [l.mark.type, l.encoding.x?.field])).toEqual([['rule', 'p5'], ['rule', 'ciLow'], ['point', 'mean']]);
  });
  it('add a zero line only for differences', () => {
    expect((intervalSpec(rows, { title: 't', description: 'd' }) as unknown as Layered).spec.layer).toHaveLength(3);
    const withZero = (intervalSpec(rows, { title: 't', description: 'd', zero: true }) as unknown as Layered).spec.layer;
    expect(withZero).toHaveLength(4);
    expect(withZero[0]!.encoding.x?.field).toBe('zero');
  });
});

describe('the tornado', () => {
  it('sorts bars by swing, widest first, and draws CIs only where the file has them', () => {
    const spec = tornadoSpec([
      { path: 'a', atLow: 10, atHigh: 12, swing: 2, lowCi: [9, 11], highCi: null },
      { path: 'b', atLow: 30, atHigh: 5, swing: 25, lowCi: [28, 32], highCi: [4, 6] },
    ], 'released') as unknown as { layer: { data: { values: Record<string, unknown>[] }; encoding: { y: { sort: string[] } } }[] };
    expect(spec.layer[0]!.encoding.y.sort).toEqual(['b', 'a']);
    // A bar spans the lower to the higher mean, whichever end of the range gives it.
    expect(spec.layer[0]!.data.values[0]).toEqual({ path: 'b', from: 5, to: 30 });
    expect(spec.layer[1]!.data.values.map((v) => [v.path, v.end])).toEqual([['b', 'lowest value'], ['b', 'highest value'], ['a', 'lowest value']]);
    expect(spec.layer[2]!.data.values).toHaveLength(4);
  });
});

describe('study charts', () => {
  it('Sobol\': null indices are left out, and the scale covers [0, 1] and every interval', () => {
    const spec = sobolSpec([
      { metric: 'm', factor: 'f', index: 'S1', value: -0.1, ci: [-0.3, 0.1] },
      { metric: 'm', factor: 'f', index: 'ST', value: 0.9, ci: [0.7, 1.2] },
      { metric: 'm', factor: 'g', index: 'ST', value: null, ci: null },
    ], ['f', 'g']) as unknown as Layered;
    expect(spec.data.values.map((v) => v.index)).toEqual(['S1', 'ST']);
    const x = spec.spec.layer[0]!.encoding.x as unknown as { scale: { domain: number[] } };
    expect(x.scale.domain).toEqual([-0.3, 1.2]);
  });
  it('Morris: points need both μ* and σ; labels are the factor\'s last two parts', () => {
    const spec = morrisSpec([
      { metric: 'm', factor: 'agents.us.visitChance', muStar: 2, sigma: 1, ci: [1, 3] },
      { metric: 'm', factor: 'agents.us.cooldownMonths', muStar: 2, sigma: null, ci: null },
    ]) as unknown as Layered;
    expect(spec.data.values).toEqual([{ metric: 'm', factor: 'agents.us.visitChance', short: 'us.visitChance', muStar: 2, sigma: 1, lo: 1, hi: 3 }]);
  });
  it('PRIM: the chosen step is ringed', () => {
    const spec = peelingSpec([{ box: 'box 1', coverage: 1, density: 0.5, chosen: false }, { box: 'box 1', coverage: 0.8, density: 0.9, chosen: true }]) as unknown as { layer: { transform?: { filter: string }[] }[] };
    expect(spec.layer[1]!.transform).toEqual([{ filter: 'datum.chosen' }]);
  });
  it('sensitivity curves: one panel per path, points with no mean left out', () => {
    const spec = sensitivitySpec([{ path: 'p', value: 1, mean: 2, ciLow: 1, ciHigh: 3 }, { path: 'q', value: 1, mean: null, ciLow: null, ciHigh: null }], 'released') as unknown as Layered & { facet: { sort: string[] } };
    expect(spec.facet.sort).toEqual(['p']);
  });
});

describe('the registry of result kinds', () => {
  it('finds a kind by name, format and layout, and refuses a second registration of the same', () => {
    registerReportKind({ kind: 'test-kind', format: 7, layout: 'json', writtenBy: 'a test', parse: trusted<{ n: number }>(), render: async (d) => ({ title: `n=${d.n}`, provenance: [], sections: [], madeBy: '' }) });
    const k = reportKinds().find((x) => x.kind === 'test-kind')!;
    expect([k.format, k.layout, k.writtenBy]).toEqual([7, 'json', 'a test']);
    expect(() => registerReportKind({ kind: 'test-kind', format: 7, layout: 'json', writtenBy: 'again', parse: trusted(), render: async () => ({ title: '', provenance: [], sections: [], madeBy: '' }) })).toThrow(/registered twice/);
    registerReportKind({ kind: 'test-kind', format: 8, layout: 'json', writtenBy: 'newer', parse: trusted(), render: async () => ({ title: '', provenance: [], sections: [], madeBy: '' }) });
    expect(reportKinds().filter((x) => x.kind === 'test-kind').map((x) => x.format)).toEqual([7, 8]);
  });
  it('a schema parser says which field is wrong', () => {
    const parse = fromSchema(sweepResultSchema);
    const r = parse({ ...resultKind('sweep-result'), scenario: 'base', branch: null, settings: [], seed: 1, runs: 2, months: null, runsPresent: 2, version: '1', fingerprint: 'x', metrics: [{ name: 'm', description: 'd', n: 2, missing: 0, mean: 'x', sd: 0, p5: 0, p50: 0, p95: 0, ciLow: 0, ciHigh: 0 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.at).toEqual(['metrics', 0, 'mean']);
    expect(parse({ ...resultKind('sweep-result'), format: 2 }).ok).toBe(false);
  });
  it('every result declares the same format version', () => {
    expect(resultKind('compare-result')).toEqual({ thaw: 'compare-result', format: RESULT_FORMAT });
  });
});

describe('tables', () => {
  it('show numbers with few decimals and a dash for none', () => {
    expect([cell(null), cell(undefined), cell(Number.NaN), cell(3), cell(123.456), cell(1.234), cell(0.01234), cell(-150.26)]).toEqual(['–', '–', '–', '3', '123.5', '1.23', '0.012', '-150.3']);
  });
  it('escape every cell and head the rows', () => {
    expect(dataTable(['a<b'], [['x&y', '<z>']], 'c"d')).toBe('<table class="data"><caption>c&quot;d</caption><thead><tr><th scope="col">a&lt;b</th></tr></thead>\n<tbody><tr><th scope="row">x&amp;y</th><td>&lt;z&gt;</td></tr></tbody></table>');
  });
});
