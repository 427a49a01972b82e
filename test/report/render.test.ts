/**
 * Charts that share a shape share one compiled spec (src/report/render.ts templates): the SVG must
 * be the plain render's, byte for byte, whatever the order the charts are drawn in.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { chartToSvg, chartToSvgUncached, templateOf } from '../../src/report/render.js';
import { distributionSpec } from '../../src/report/charts.js';
import { intervalSpec, morrisSpec, sobolSpec } from '../../src/report/results/specs.js';

const spread = (k: number) => Array.from({ length: 300 }, (_, i) => Math.round(Math.sin(i * (k + 1)) * 1000) / 10 + k);
const counts = (k: number) => Array.from({ length: 300 }, (_, i) => (i * (k + 3)) % (k + 4));

describe('chart templates', () => {
  it('take the data, title, subtitle and description out of a spec, and leave other specs alone', () => {
    const t = templateOf(distributionSpec('released', 'prisoners released', spread(1)))!;
    expect(t.title).toBe('released');
    expect(t.subtitle).toBe('prisoners released');
    expect(t.description).toBe('Histogram of released over 300 runs');
    expect(t.values.length).toBeGreaterThan(1);
    expect(t.key).not.toContain('released');
    expect(templateOf(distributionSpec('held', 'prisoners held', spread(2)))!.key).toBe(t.key);
    // Another shape (one bar per whole value) is another template.
    expect(templateOf(distributionSpec('deals', 'deals made', counts(1)))!.key).not.toBe(t.key);
    // Data inside layers, or parameters of its own: not a template.
    expect(templateOf({ layer: [{ data: { values: [] }, mark: 'point' }] } as TopLevelSpec)).toBeNull();
    expect(templateOf({ data: { values: [] }, params: [{ name: 'p', value: 1 }], mark: 'point' } as TopLevelSpec)).toBeNull();
    expect(templateOf({ data: { url: 'x.csv' }, mark: 'point' } as TopLevelSpec)).toBeNull();
    expect(templateOf({ data: { values: [] }, title: { text: ['two', 'lines'] }, mark: 'point' } as unknown as TopLevelSpec)).toBeNull();
  });

  it('draw the same SVG as compiling each spec on its own', async () => {
    const specs: TopLevelSpec[] = [
      distributionSpec('released', 'prisoners released', spread(1)),
      distributionSpec('deals', 'deals made', counts(1)),
      distributionSpec('held', 'prisoners held at the end', spread(2)),
      distributionSpec('months', 'months to the first deal', counts(5)),
      distributionSpec('released', 'prisoners released', spread(1)),
      intervalSpec([{ metric: 'released', column: 'base', mean: 500, ciLow: 480, ciHigh: 520, p5: 300, p95: 800 }], { title: 'a', description: 'd' }),
      intervalSpec([{ metric: 'held', column: 'war-frozen', mean: 50, ciLow: 45, ciHigh: 52, p5: 30, p95: 80 }], { title: 'b', description: 'e', zero: true }),
      sobolSpec([{ metric: 'm', factor: 'f', index: 'S1', value: 0.2, ci: [0.1, 0.3] }], ['f']),
      morrisSpec([{ metric: 'm', factor: 'agents.us.visitChance', muStar: 2, sigma: 1, ci: [1, 3] }]),
    ];
    const templated = [];
    for (const s of specs) templated.push(await chartToSvg(s));
    for (const [i, s] of specs.entries()) expect(templated[i], `chart ${i}`).toBe(await chartToSvgUncached(s));
    expect(templated[0]).toBe(templated[4]);
    expect(templated[0]).toContain('prisoners released');
    expect(templated[2]).toContain('prisoners held at the end');
    expect(templated[2]).not.toContain('prisoners released');
  });
});
