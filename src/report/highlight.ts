/**
 * Marking what a run used on a statechart that Graphviz has already laid out. The layout of a
 * machine does not depend on the run (src/report/layouts.ts keeps it from the build), so a report
 * colours the states and arrows its run passed through by rewriting the SVG's attributes, as
 * Graphviz would have drawn them with `color` and `penwidth` set: a used node or edge gets the
 * class `used`, a blue stroke (and arrowhead and label) and a wider line. Positions stay as laid
 * out; only the arrowheads of thickened edges are not pulled back by the extra width.
 */
import { PALETTE, type Highlight } from './diagram.js';

/** Graphviz writes ids with `-` as `&#45;`, and colours in lower case. */
const svgId = (id: string): string => id.replace(/-/g, '&#45;');
const BLUE = PALETTE.blue.toLowerCase();
const GREY = PALETTE.grey.toLowerCase();
const INK = PALETTE.ink.toLowerCase();

/** The SVG cut before each node's and edge's group, so that each piece holds one of them (and what follows it up to the next). */
const GROUP = /(?=<g id="[^"]*" class="(?:node|edge)(?: [^"]*)?">)/;
const HEAD = /^<g id="([^"]*)" class="((?:node|edge)(?: [^"]*)?)">/;

/** `stroke="grey"` becomes the highlight colour with Graphviz's width attribute after it. */
const widen = (piece: string, width: string): string => piece.replace(new RegExp(`stroke="(?:${GREY}|${PALETTE.grey})"`, 'g'), `stroke="${BLUE}" stroke-width="${width}"`);

function markNode(piece: string): string {
  return widen(piece, '2.2');
}

function markEdge(piece: string): string {
  return widen(piece, '2')
    .replace(new RegExp(`<polygon fill="(?:${GREY}|${PALETTE.grey})"`, 'g'), `<polygon fill="${BLUE}"`)
    .replace(new RegExp(`(<text [^>]*)fill="(?:${INK}|${PALETTE.ink})"`, 'g'), `$1fill="${BLUE}"`);
}

/**
 * `svg` (one machine laid out by Graphviz from `toDot`, without a highlight) with the states and
 * transitions of `highlight` drawn as used. Nodes are found by their ids (`AGENT-state-STATE`),
 * edges by their class `t-FROM-TO` (every arrow between the two states).
 */
export function highlightSvg(svg: string, agent: string, highlight: Highlight): string {
  const nodes = new Set([...highlight.states].map((s) => svgId(`${agent}-state-${s}`)));
  const edges = new Set([...highlight.transitions].map((t) => svgId(`t-${t.replace('>', '-')}`)));
  return svg.split(GROUP).map((piece) => {
    const head = HEAD.exec(piece);
    if (!head) return piece;
    const [whole, id, classes] = head as unknown as [string, string, string];
    const tokens = classes.split(' ');
    const isNode = tokens[0] === 'node';
    const used = isNode ? nodes.has(id) : tokens.some((t) => edges.has(t));
    if (!used || tokens.includes('used')) return piece;
    const marked = `<g id="${id}" class="${classes} used">${piece.slice(whole.length)}`;
    return isNode ? markNode(marked) : markEdge(marked);
  }).join('');
}
