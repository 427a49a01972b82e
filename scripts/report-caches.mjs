// What the build prepares for `thaw report`, from dist/'s modules (the same code as the bundle's):
// - dist/layouts.json: each machine's statechart laid out by Graphviz (src/report/layouts.ts), so
//   that a report needs no Graphviz at all for the shipped machines;
// - dist/code-cache/: V8's code cache of the vega and vega-lite bundles, made after drawing the
//   kinds of chart a report draws, so that their functions come compiled (src/report/render.ts).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist', import.meta.url).pathname;
const { agentGraphs } = await import('../dist/agents/graph.js');
const { toDot } = await import('../dist/report/diagram.js');
const { chartToSvg, layoutDot, saveChartCodeCache } = await import('../dist/report/render.js');
const { distributionSpec, timelineSpec } = await import('../dist/report/charts.js');
const { loadScenario } = await import('../dist/scenario/load.js');
const { runScenario } = await import('../dist/run-scenario.js');

const layouts = [];
for (const g of agentGraphs()) {
  const dot = toDot(g);
  layouts.push({ dot, svg: await layoutDot(dot) });
}
writeFileSync(join(dist, 'layouts.json.tmp'), JSON.stringify(layouts));
renameSync(join(dist, 'layouts.json.tmp'), join(dist, 'layouts.json'));

const { scenario } = loadScenario('base', { branch: null });
const result = runScenario(scenario, { seed: scenario.seed });
await chartToSvg(timelineSpec(result.months, scenario.title));
await chartToSvg(distributionSpec('held', 'prisoners held', result.months.map((m) => m.world.held)));
await chartToSvg(distributionSpec('deals', 'deals', result.months.map((m) => m.deals.length)));
rmSync(join(dist, 'code-cache'), { recursive: true, force: true });
mkdirSync(join(dist, 'code-cache'));
saveChartCodeCache(join(dist, 'code-cache'));
export const made = layouts.length;
