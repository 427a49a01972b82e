/** `thaw diagram`: the agents' statecharts, drawn from their XState definitions, as Mermaid, DOT or SVG. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { AGENT_IDS, agentGraphs, NEGOTIATOR_ID, negotiatorGraph } from '../agents/graph.js';
import { toDot, toMermaid } from '../report/diagram.js';
import { UserError } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import { describeUsage, formatOption, json } from './conventions.js';
import { writeFileAtomic } from '../files/write.js';

const FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
type DiagramFormat = (typeof FORMATS)[number];

interface DiagramFlags {
  format: DiagramFormat;
  outDir?: string;
}

/** The five, and the generic negotiator that declared tracks and declared actors run as. */
const MACHINES: readonly string[] = [...AGENT_IDS, NEGOTIATOR_ID];

function checkAgent(agent: string): void {
  if (MACHINES.includes(agent)) return;
  const near = closest(agent, MACHINES);
  throw new UserError(`unknown agent "${agent}"${near ? `; did you mean "${near}"?` : ''}; agents: ${MACHINES.join(', ')}`);
}

export function registerDiagram(program: Command): void {
  const command = program
    .command('diagram')
    .description('draw the agents\' statecharts from their machine definitions: states, events, named guards, the rules each state cites')
    .argument('[agent]', `one agent (${AGENT_IDS.join(', ')}), or \`${NEGOTIATOR_ID}\` (the generic machine of declared tracks and actors); the five when left out`)
    .addOption(formatOption(FORMATS, 'mermaid'))
    .option('--out-dir <folder>', 'write one file per agent (AGENT.mmd, AGENT.dot or AGENT.svg) into an existing folder instead of printing')
    .action(async (agent: string | undefined, flags: DiagramFlags) => {
      if (agent !== undefined) checkAgent(agent);
      if (flags.outDir !== undefined && !(existsSync(flags.outDir) && statSync(flags.outDir).isDirectory())) {
        throw new UserError(`--out-dir ${flags.outDir}: not an existing folder; create it first`);
      }
      const graphs = agent === NEGOTIATOR_ID ? [negotiatorGraph()] : agentGraphs().filter((g) => agent === undefined || g.agent === agent);
      if (flags.format === 'json' && flags.outDir === undefined) {
        // The machine-graph description itself: states with their rules, transitions with event and guard.
        process.stdout.write(json(agent === undefined ? graphs : graphs[0]));
        return;
      }
      if (flags.format === 'svg' && graphs.length > 1 && flags.outDir === undefined) {
        throw new UserError('--format svg draws one agent at a time: name an agent (e.g. `thaw diagram us --format svg`) or give --out-dir');
      }
      const { dotToSvg } = flags.format === 'svg' ? await import('../report/render.js') : { dotToSvg: null };
      const texts: { agent: string; text: string }[] = [];
      for (const g of graphs) {
        const text = flags.format === 'mermaid' ? toMermaid(g) : flags.format === 'dot' ? toDot(g) : flags.format === 'json' ? json(g) : `${await dotToSvg!(toDot(g))}\n`;
        texts.push({ agent: g.agent, text });
      }
      if (flags.outDir === undefined) {
        process.stdout.write(texts.map((t) => t.text).join('\n'));
        return;
      }
      const ext = flags.format === 'mermaid' ? 'mmd' : flags.format;
      for (const t of texts) writeFileAtomic(join(flags.outDir, `${t.agent}.${ext}`), t.text, '--out-dir');
    });
  describeUsage(command, [
    ['thaw diagram us', 'the US envoy\'s machine as a Mermaid state diagram'],
    ['thaw diagram lithuania --format svg > lt.svg', 'laid out by Graphviz, as SVG'],
    ['thaw diagram --format dot', 'every machine in Graphviz DOT'],
    ['thaw diagram --format svg --out-dir docs/diagrams', 'one SVG per agent (how docs/diagrams is made)'],
    ['thaw diagram poland --format json', 'the graph itself: states, rules, events, guards'],
    ['thaw diagram negotiator', 'the generic machine a declared track\'s new actor runs as'],
  ]);
}
