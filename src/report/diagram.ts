/**
 * Statechart diagrams as text, from a machine-graph description (src/agents/graph.ts): Graphviz
 * DOT, which src/report/render.ts lays out as SVG, and Mermaid, which GitHub and many editors draw.
 * Every node and edge carries a stable id and classes, so that a page can highlight them later.
 */
import type { GraphTransition, MachineGraph } from '../agents/graph.js';
import { RULES } from '../rules/catalogue.js';

/** The states and transitions a run used, to draw in the highlight colour. */
export interface Highlight {
  readonly states: ReadonlySet<string>;
  /** `from>to` */
  readonly transitions: ReadonlySet<string>;
}

/** Okabe–Ito colours: told apart with any common colour-vision deficiency. */
export const PALETTE = {
  blue: '#0072B2', orange: '#E69F00', sky: '#56B4E9', green: '#009E73', vermillion: '#D55E00',
  purple: '#CC79A7', yellow: '#F0E442', grey: '#767676', ink: '#222222', paper: '#FFFFFF',
} as const;

export const edgeKey = (from: string, to: string): string => `${from}>${to}`;
export const nodeId = (agent: string, state: string): string => `${agent}-state-${state}`;
export const edgeId = (agent: string, t: Pick<GraphTransition, 'from' | 'to'>, n: number): string => `${agent}-edge-${t.from}-${t.to}-${n}`;

/** A DOT string: backslashes and quotes escaped, line breaks as DOT's centred `\n`. */
const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
const label = (t: GraphTransition): string => (t.event === 'always' ? (t.guard ? `[${t.guard}]` : 'else') : `${t.event}${t.guard ? ` [${t.guard}]` : ''}`);

/**
 * Graphviz DOT for one machine. It depends on the machine alone, so that its layout can be made
 * once (src/report/layouts.ts); what a run used is marked on the laid-out SVG (./highlight.ts).
 */
export function toDot(graph: MachineGraph): string {
  const lines = [
    `digraph ${quote(graph.agent)} {`,
    `  graph [rankdir=TB, fontname="Helvetica", fontsize=11, bgcolor="transparent", nodesep=0.35, ranksep=0.5, id=${quote(`${graph.agent}-diagram`)}];`,
    `  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded,filled", fillcolor="${PALETTE.paper}", color="${PALETTE.grey}", fontcolor="${PALETTE.ink}"];`,
    `  edge [fontname="Helvetica", fontsize=9, color="${PALETTE.grey}", fontcolor="${PALETTE.ink}", arrowsize=0.7];`,
    `  ${quote(`${graph.agent}__start`)} [shape=point, width=0.12, label="", color="${PALETTE.ink}", fillcolor="${PALETTE.ink}", id=${quote(`${graph.agent}-start`)}];`,
    `  ${quote(`${graph.agent}__start`)} -> ${quote(graph.initial)};`,
  ];
  for (const s of graph.states) {
    const rules = s.rules.map((r) => `${r} ${RULES[r].slug}`).join('\n');
    const text = s.transient ? s.id : `${s.id}${rules ? `\n${rules}` : ''}`;
    const shape = s.transient ? 'shape=diamond, style="filled", fontsize=9' : '';
    const tip = s.summary ? `tooltip=${quote(`${s.id}: ${s.summary}`)}` : `tooltip=${quote(s.id)}`;
    const attrs = [`label=${quote(text)}`, `id=${quote(nodeId(graph.agent, s.id))}`, `class="state"`, tip, shape].filter(Boolean).join(', ');
    lines.push(`  ${quote(s.id)} [${attrs}];`);
  }
  const seen = new Map<string, number>();
  for (const t of graph.transitions) {
    const key = edgeKey(t.from, t.to);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const attrs = [`label=${quote(label(t))}`, `id=${quote(edgeId(graph.agent, t, n))}`, `class=${quote(`transition t-${t.from}-${t.to}`)}`].join(', ');
    lines.push(`  ${quote(t.from)} -> ${quote(t.to)} [${attrs}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A Mermaid `stateDiagram-v2` for one machine: states with the rules they cite, arrows with events and guards. */
export function toMermaid(graph: MachineGraph): string {
  const lines = ['stateDiagram-v2', `  %% ${graph.name} (${graph.agent}): generated from the XState machine by \`thaw diagram\``];
  for (const s of graph.states) {
    if (s.transient) lines.push(`  state ${s.id} <<choice>>`);
    else lines.push(`  ${s.id} : ${s.id}${s.rules.length ? ` (${s.rules.join(', ')})` : ''}${s.summary ? ` ${s.summary.replace(/[:;]/g, ',')}` : ''}`);
  }
  lines.push(`  [*] --> ${graph.initial}`);
  for (const t of graph.transitions) lines.push(`  ${t.from} --> ${t.to} : ${label(t)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The states and transitions an agent passed through in a run: from its machine's initial state
 * (through a transient choice, when it starts with one) to the state it started the run in, then
 * every move the trace records.
 */
export function highlightOf(graph: MachineGraph, start: string, moves: readonly { readonly from: string; readonly to: string }[]): Highlight {
  const states = new Set<string>([graph.initial, start]);
  const transitions = new Set<string>();
  if (graph.initial !== start) transitions.add(edgeKey(graph.initial, start));
  for (const m of moves) {
    states.add(m.from);
    states.add(m.to);
    transitions.add(edgeKey(m.from, m.to));
  }
  return { states, transitions };
}
