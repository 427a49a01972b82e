/** `thaw diagram`: the agents' statecharts, drawn from their XState definitions, as Mermaid, DOT or SVG. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { AGENT_IDS, agentGraphs } from '../agents/graph.js';
import { toDot, toMermaid } from '../report/diagram.js';
import { UserError } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import { parseChoice } from './options.js';
import { writeAtomically } from './write-out.js';

const FORMATS = ['mermaid', 'dot', 'svg'] as const;
type DiagramFormat = (typeof FORMATS)[number];

interface DiagramFlags {
  format: DiagramFormat;
  outDir?: string;
}

function checkAgent(agent: string): void {
  if ((AGENT_IDS as readonly string[]).includes(agent)) return;
  const near = closest(agent, AGENT_IDS);
  throw new UserError(`unknown agent "${agent}"${near ? `; did you mean "${near}"?` : ''}; agents: ${AGENT_IDS.join(', ')}`);
}

export function registerDiagram(program: Command): void {
  program
    .command('diagram')
    .description('draw the agents\' statecharts from their machine definitions: states, events, named guards, the rules each state cites')
    .argument('[agent]', `one agent (${AGENT_IDS.join(', ')}); all of them when left out`)
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, parseChoice('--format', FORMATS), 'mermaid')
    .option('--out-dir <folder>', 'write one file per agent (AGENT.mmd, AGENT.dot or AGENT.svg) into an existing folder instead of printing')
    .action(async (agent: string | undefined, flags: DiagramFlags) => {
      if (agent !== undefined) checkAgent(agent);
      if (flags.outDir !== undefined && !(existsSync(flags.outDir) && statSync(flags.outDir).isDirectory())) {
        throw new UserError(`--out-dir ${flags.outDir}: not an existing folder; create it first`);
      }
      const graphs = agentGraphs().filter((g) => agent === undefined || g.agent === agent);
      if (flags.format === 'svg' && graphs.length > 1 && flags.outDir === undefined) {
        throw new UserError('--format svg draws one agent at a time: name an agent (e.g. `thaw diagram us --format svg`) or give --out-dir');
      }
      const { dotToSvg } = flags.format === 'svg' ? await import('../report/render.js') : { dotToSvg: null };
      const texts: { agent: string; text: string }[] = [];
      for (const g of graphs) {
        const text = flags.format === 'mermaid' ? toMermaid(g) : flags.format === 'dot' ? toDot(g) : `${await dotToSvg!(toDot(g))}\n`;
        texts.push({ agent: g.agent, text });
      }
      if (flags.outDir === undefined) {
        process.stdout.write(texts.map((t) => t.text).join('\n'));
        return;
      }
      const ext = flags.format === 'mermaid' ? 'mmd' : flags.format;
      for (const t of texts) writeAtomically(join(flags.outDir, `${t.agent}.${ext}`), t.text, '--out-dir');
    });
}
