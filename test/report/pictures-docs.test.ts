/**
 * The committed pictures (docs/diagrams/, docs/pictures/) are what the code draws today. When this
 * fails, a machine or the report changed: run `npm run docs` and commit the new pictures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentGraphs } from '../../src/agents/graph.js';
import { toDot } from '../../src/report/diagram.js';
import { dotToSvg } from '../../src/report/render.js';
import { renderReport } from '../../src/report/html/page.js';
import { runScenario } from '../../src/simulation/run.js';
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
});
