/**
 * The statecharts' layouts made by the build (dist/layouts.json, src/report/layouts.ts): they are
 * what Graphviz draws for today's machines, and a lookup answers only for the exact DOT it holds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentGraphs } from '../../src/agents/graph.js';
import { toDot } from '../../src/report/diagram.js';
import { LAYOUTS_FILE, readLayouts, storedLayout } from '../../src/report/layouts.js';
import { dotToSvg, layoutDot } from '../../src/report/render.js';

const scratch = mkdtempSync(join(tmpdir(), 'thaw-layouts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('statechart layouts from the build', () => {
  it('hold every machine, laid out exactly as Graphviz lays out its DOT now', async () => {
    const stored = readLayouts(LAYOUTS_FILE());
    expect(stored.size, 'dist/layouts.json is missing: run `npm run build`').toBe(agentGraphs().length);
    for (const g of agentGraphs()) {
      const dot = toDot(g);
      expect(storedLayout(dot), g.agent).toBe(await layoutDot(dot));
      expect(await dotToSvg(dot), g.agent).toBe(storedLayout(dot));
    }
  });

  it('answer only for the same DOT, character for character; anything else is laid out afresh', async () => {
    const dot = toDot(agentGraphs()[0]!);
    const changed = dot.replace('nodesep=0.35', 'nodesep=1.5');
    expect(storedLayout(changed)).toBeNull();
    expect(await dotToSvg(changed)).toBe(await layoutDot(changed));
    expect(await dotToSvg(changed)).not.toBe(await dotToSvg(dot));
  });

  it('read nothing from a missing, broken or misshapen file', () => {
    const file = (name: string, text: string) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    };
    expect(readLayouts(join(scratch, 'none.json')).size).toBe(0);
    expect(readLayouts(file('broken.json', '[{"dot":')).size).toBe(0);
    expect(readLayouts(file('object.json', '{"dot":"a","svg":"b"}')).size).toBe(0);
    expect(readLayouts(file('half.json', '[{"dot":"a","svg":"b"},{"dot":"c"}]')).size).toBe(0);
    expect([...readLayouts(file('good.json', '[{"dot":"a","svg":"b"},{"dot":"c","svg":"d"}]'))]).toEqual([['a', 'b'], ['c', 'd']]);
  });
});
