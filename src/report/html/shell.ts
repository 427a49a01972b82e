/**
 * The frame every report page shares: one self-contained HTML document (the stylesheet and any
 * script inline, system fonts, no request), a header with the title, a description and the
 * provenance table, a navigation list, the sections, and a footer saying how to make it again.
 */
import { esc } from './escape.js';
import { PAGE_CSS } from './style.js';

export interface PageSection {
  readonly id: string;
  readonly heading: string;
  readonly html: string;
}

export interface PageFrame {
  readonly title: string;
  readonly description?: string | undefined;
  /** Label and value pairs: scenario, seed, settings, fingerprint, version… */
  readonly provenance: readonly (readonly [string, string])[];
  readonly sections: readonly PageSection[];
  readonly version: string;
  /** What the footer says makes the page again. */
  readonly madeBy: string;
  /** Inline scripts, each with its JSON data (placed at the end of the body). */
  readonly scripts?: readonly { readonly dataId: string; readonly json: string; readonly code: string }[];
}

/**
 * Closed `<details>` (the tables behind each chart) print as their summary alone, and no CSS opens
 * them; so every page opens them when it is printed (the print dialog's `beforeprint`, or the print
 * media query turning on, as in a PDF export) and closes again those it opened afterwards.
 */
export const PRINT_SCRIPT = `
(function () {
  'use strict';
  var opened = [];
  function open() { Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) { d.open = true; opened.push(d); }); }
  function close() { opened.forEach(function (d) { d.open = false; }); opened = []; }
  window.addEventListener('beforeprint', open);
  window.addEventListener('afterprint', close);
  var print = window.matchMedia('print');
  print.addEventListener('change', function (e) { if (e.matches) open(); else close(); });
})();
`;

export function pageHtml(f: PageFrame): string {
  const scripts = [
    ...(f.scripts ?? []).map((s) => `<script type="application/json" id="${s.dataId}">${s.json}</script>\n<script>${s.code}</script>`),
    `<script>${PRINT_SCRIPT}</script>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="thaw ${esc(f.version)}">
<title>thaw report: ${esc(f.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header id="header">
<h1>${esc(f.title)}</h1>
${f.description ? `<p class="description">${esc(f.description)}</p>` : ''}
<table class="provenance"><tbody>${f.provenance.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>
<nav aria-label="sections"><ul>${f.sections.map((s) => `<li><a href="#${s.id}">${esc(s.heading)}</a></li>`).join('')}</ul></nav>
</header>
<main>
${f.sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${esc(s.heading)}</h2>\n${s.html}\n</section>`).join('\n')}
</main>
<footer><p>Made by <code>thaw report</code> ${esc(f.version)}. ${esc(f.madeBy)}</p></footer>
${scripts}
</body>
</html>
`;
}
