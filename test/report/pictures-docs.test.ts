/**
 * The committed pictures (docs/diagrams/, docs/pictures/) are what the code draws today. When this
 * fails, a machine or the report changed: run `npm run docs` and commit the new pictures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentGraphs } from '../../src/agents/graph.js';
import { toDot } from '../../src/report/diagram.js';
import { dotToSvg } from '../../src/report/render.js';
import { renderReport } from '../../src/report/html/page.js';
import { runScenario } from '../../src/run-scenario.js';
import { scenario } from '../support/scenarios.js';

const doc = (path: string) => readFileSync(new URL(`../../docs/${path}`, import.meta.url), 'utf8');
const STALE = 'stale: run `npm run docs` and commit docs/diagrams and docs/pictures';

describe('the committed pictures are up to date', () => {
  it('docs/diagrams/AGENT.svg: each machine as its definition draws it', async () => {
    for (const g of agentGraphs()) expect(doc(`diagrams/${g.agent}.svg`), `${g.agent}: ${STALE}`).toBe(`${await dotToSvg(toDot(g))}\n`);
  });

  it('docs/pictures/: the timeline and machines of `thaw report base --seed 3`', async () => {
    const s = scenario('base');
    const { pictures } = await renderReport({ result: runScenario(s, { seed: 3 }), scenario: s, settings: [], fingerprint: '', graphs: agentGraphs(), study: null });
    for (const p of pictures) expect(doc(`pictures/${p.name}`), `${p.name}: ${STALE}`).toBe(`${p.svg}\n`);
  });

  // The result pages' charts come from the built CLI, as `npm run docs` makes them: the commands
  // are in docs/pictures/results.json (the script reads the same list).
  it('docs/pictures/: the charts of the result pages in docs/pictures/results.json', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', '-q', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const list = JSON.parse(doc('pictures/results.json')) as [string, string[], string[]][];
    expect(list.map(([name]) => name)).toEqual(['compare', 'sobol']);
    const scratch = mkdtempSync(join(tmpdir(), 'thaw-pictures-'));
    try {
      for (const [name, made, charts] of list) {
        const out = thaw(...made);
        expect(out.status, out.stderr).toBe(0);
        writeFileSync(join(scratch, `${name}.json`), out.stdout);
        const dir = join(scratch, name);
        mkdirSync(dir);
        const page = thaw('report', join(scratch, `${name}.json`), '--out', join(scratch, `${name}.html`), '--svg-dir', dir);
        expect(page.status, page.stderr).toBe(0);
        expect(readdirSync(dir)).toEqual(expect.arrayContaining(charts));
        for (const chart of charts) expect(doc(`pictures/${chart}`), `${chart}: ${STALE}`).toBe(readFileSync(join(dir, chart), 'utf8'));
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 300_000);
});
