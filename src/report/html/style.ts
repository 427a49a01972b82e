/** The page's stylesheet: system fonts only (nothing to fetch), Okabe–Ito colours, and print rules. */
import { PALETTE as C } from '../diagram.js';

export const PAGE_CSS = `
:root { color-scheme: light; --ink: ${C.ink}; --muted: #555; --rule: #ddd; --used: ${C.blue}; --now: ${C.orange}; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 0 20px 40px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.7em; margin: 0.6em 0 0.2em; } h2 { border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin-top: 1.8em; }
h3 small { font-weight: normal; color: var(--muted); font-size: 0.8em; }
a { color: ${C.blue}; } a:focus, button:focus, input:focus { outline: 3px solid var(--now); outline-offset: 2px; }
.description { color: var(--muted); max-width: 70em; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
table.provenance th { color: var(--muted); font-weight: normal; }
table.data, table.ledger { font-size: 0.9em; } table.data td, table.data th, table.ledger td, table.ledger th { border-bottom: 1px solid var(--rule); padding: 3px 8px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
figure { margin: 12px 0; } figcaption, .alt { color: var(--muted); font-size: 0.88em; }
.svg svg { max-width: 100%; height: auto; display: block; }
.machines { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 8px 24px; }
.machine { border: 1px solid var(--rule); border-radius: 6px; padding: 8px; }
.machine .alt { display: none; }
.now-state { font-weight: bold; color: ${C.vermillion}; }
.stepper { position: sticky; top: 0; z-index: 2; background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
.stepper input[type=range] { flex: 1 1 240px; } .stepper output { font-weight: bold; min-width: 14em; }
.stepper p { margin: 0; flex-basis: 100%; } .stepper .hint { color: var(--muted); font-size: 0.85em; }
button { font: inherit; padding: 3px 10px; border: 1px solid var(--muted); border-radius: 4px; background: #f6f6f6; cursor: pointer; }
/* Graphviz wraps a node's shapes in a link (for its tooltip), so these are descendants, not children. */
.node.current path, .node.current polygon, .node.current ellipse { fill: var(--now); stroke: var(--ink); stroke-width: 2.5; }
.edge.now path { stroke: var(--now); stroke-width: 3.5; } .edge.now polygon { fill: var(--now); stroke: var(--now); }
.edge.now text { fill: ${C.vermillion}; font-weight: bold; }
.machine.wide { grid-column: 1 / -1; }
article.month { border-left: 3px solid var(--rule); padding-left: 10px; margin: 10px 0; }
article.month.chosen { border-left-color: var(--now); background: #fff8ea; }
article.month h3 { margin: 0.3em 0; font-size: 1.02em; } article.month ul { margin: 0.2em 0; padding-left: 1.2em; }
.cite { color: var(--muted); font-size: 0.85em; } .cite a { color: var(--muted); }
.deal { color: ${C.green}; } .deal .cite, .deal .cite a { color: var(--muted); } .deal strong { color: ${C.green}; }
.answer-walk .answer { color: ${C.vermillion}; } .answer-accept .answer { color: ${C.green}; } .answer-counter .answer { color: #8a6d00; }
.moves { color: ${C.purple}; } .quiet { color: var(--muted); }
.dists { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px 24px; }
dl.rules dt, dl.paragraphs dt { font-weight: bold; margin-top: 6px; } dl.rules dd, dl.paragraphs dd { margin-left: 1.5em; }
:target { background: #fff3d6; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--rule); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .stepper button, .stepper input, .stepper .hint { display: none; }
  .stepper { position: static; border: none; padding: 0; }
  .machines, .dists { display: block; }
  figure, article.month, tr, .machine { break-inside: avoid; }
  h2 { break-after: avoid; } #story, #rules, #article { break-before: page; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
