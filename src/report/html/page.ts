/**
 * `thaw report`: one self-contained HTML page (styles, script, pictures inline; no request leaves
 * it). It formats what the command layer hands it (a run, optionally a study's rows, the machine
 * graphs) and never runs a simulation. Pictures come from vega-lite and Graphviz via ../render.ts.
 */
import type { MachineGraph } from '../../agents/graph.js';
import type { Scenario } from '../../scenario/schema.js';
import type { RunResult } from '../../simulation/trace.js';
import type { RowSummaries } from '../../simulation/study.js';
import { RULES } from '../../rules/catalogue.js';
import { RULE_IDS } from '../../rules/ids.js';
import { PARAGRAPHS } from '../../rules/paragraphs.js';
import { monthName } from '../../world/month.js';
import { labelsOf } from '../labels.js';
import { timelineSeries, timelineSpec } from '../charts.js';
import { dealSpaceSpec } from '../deal-space-chart.js';
import { distributionsHtml } from './distributions.js';
import { highlightOf, toDot } from '../diagram.js';
import { chartToSvg, dotToSvg } from '../render.js';
import { highlightSvg } from '../highlight.js';
import { esc, scriptJson } from './escape.js';
import { storyHtml } from './story.js';
import { movesText } from '../words.js';
import { summaryHtml } from './summary.js';
import { pageHtml } from './shell.js';
import { STEPPER_SCRIPT } from './stepper.js';

export interface StudyInput {
  readonly runs: number;
  readonly seed: number;
  /** Every metric's count table over the runs (the rows themselves are not kept). */
  readonly summaries: RowSummaries;
}

export interface ReportInput {
  readonly result: RunResult;
  readonly scenario: Scenario;
  /** `--set` overrides as typed, in order. */
  readonly settings: readonly string[];
  /** A short hash of the resolved scenario (the same as a sweep file's). */
  readonly fingerprint: string;
  readonly graphs: readonly MachineGraph[];
  readonly study: StudyInput | null;
}

const fmt = (x: number | null): string => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(2));

/** Where every agent stood at the start: before its first move, or where it stayed all run. */
function startStates(result: RunResult, graphs: readonly MachineGraph[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of graphs) {
    const firstMove = result.months.flatMap((m) => m.moves).find((m) => m.agent === g.agent);
    out[g.agent] = firstMove?.from ?? result.months[0]?.world.agents[g.agent] ?? g.initial;
  }
  return out;
}

/** What the page's script needs for the month stepper: per month, each agent's state, the moves, a line on what happened. */
function stepperData(result: RunResult, graphs: readonly MachineGraph[], names: Readonly<Record<string, string>>) {
  const start = startStates(result, graphs);
  const months = [{ label: `Start · ${monthName(result.start)}`, states: start, moves: [] as string[][], note: 'Where every machine stood before the first simulated month.' }];
  for (const [i, m] of result.months.entries()) {
    const happened = [...m.events.map((e) => e.text), ...m.deals.map((d) => `Deal ${d.track}: ${d.released} freed`), ...movesText(m.moves, names)];
    months.push({
      label: `Month ${i + 1} · ${monthName(m.month)}`,
      states: { ...m.world.agents },
      moves: m.moves.map((mv) => [mv.agent, mv.from, mv.to]),
      note: happened.length ? happened.join('. ') : 'Nothing moves.',
    });
  }
  return { months };
}

/** A picture of the page by name, for `--svg-dir` (the README's pictures are made so). */
export interface Picture {
  readonly name: string;
  readonly svg: string;
}

async function diagramsHtml(result: RunResult, graphs: readonly MachineGraph[], pictures: Picture[]): Promise<string> {
  const start = startStates(result, graphs);
  const figures: string[] = [];
  for (const g of graphs) {
    const moves = result.months.flatMap((m) => m.moves).filter((m) => m.agent === g.agent);
    const used = highlightOf(g, start[g.agent]!, moves);
    const svg = highlightSvg(await dotToSvg(toDot(g)), g.agent, used);
    pictures.push({ name: `${g.agent}.svg`, svg });
    const alt = `${g.name} statechart. States: ${g.states.filter((s) => !s.transient).map((s) => `${s.id}${s.rules.length ? ` (${s.rules.join(', ')})` : ''}`).join(', ')}. This run used ${[...used.states].join(', ')}; transitions ${[...used.transitions].map((t) => t.replace('>', ' → ')).join(', ') || 'none'}.`;
    // A wide machine (Graphviz sizes in points) takes the whole row, so that its labels stay legible.
    const wide = Number(/<svg[^>]*\bwidth="([\d.]+)pt"/.exec(svg)?.[1] ?? 0) > 520;
    figures.push(`<figure class="machine${wide ? ' wide' : ''}" id="machine-${g.agent}" data-agent="${g.agent}">
<figcaption><strong>${esc(g.name)}</strong> (<code>${g.agent}</code>) · now: <span class="now-state" data-agent="${g.agent}">${esc(start[g.agent]!)}</span></figcaption>
<div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div>
<p class="alt">${esc(alt)}</p>
</figure>`);
  }
  return figures.join('\n');
}

async function timelineHtml(result: RunResult, title: string, pictures: Picture[]): Promise<string> {
  const svg = await chartToSvg(timelineSpec(result.months, `${title}: the run month by month`));
  pictures.push({ name: 'timeline.svg', svg });
  const { people, indices } = timelineSeries(result.months);
  const series = [...new Set([...people, ...indices].map((p) => p.series))];
  const byMonth = result.months.map((m) => {
    const cells = series.map((s) => [...people, ...indices].find((p) => p.month === m.month && p.series === s)?.value ?? null);
    return `<tr><th scope="row">${esc(m.month)}</th><td>${esc(m.talks)}</td>${cells.map((c) => `<td>${fmt(c)}</td>`).join('')}<td>${m.deals.length}</td></tr>`;
  });
  const alt = `Timeline chart: ${series.join(', ')} per month, the peace-talks state as coloured background bands, deals as downward triangles and incidents as crosses. The same numbers are in the table below.`;
  return `<figure class="chart" id="timeline-chart">
<div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div>
<figcaption>${esc(alt)}</figcaption>
<details><summary>The timeline as a table</summary>
<table class="data"><thead><tr><th scope="col">month</th><th scope="col">talks</th>${series.map((s) => `<th scope="col">${esc(s)}</th>`).join('')}<th scope="col">deals</th></tr></thead>
<tbody>${byMonth.join('\n')}</tbody></table></details>
</figure>`;
}

/** With `--deal-space`: each round's deal space, the offers made and the agreement (src/report/deal-space-chart.ts). */
async function dealSpacesHtml(result: RunResult): Promise<string> {
  const figures: string[] = [];
  for (const m of result.months) {
    for (const space of m.spaces ?? []) {
      const title = `${space.track}, ${monthName(m.month)}`;
      const svg = await chartToSvg(dealSpaceSpec(space, m.offers, title));
      const nash = space.nash.index === null ? 'no deal (no ZOPA)' : `package ${space.nash.index}`;
      const alt = `Deal space of ${title}: ${space.packages.length} packages by the two sides' surpluses, ${space.pareto.length} on the Pareto frontier; Nash point: ${nash}; a zone of possible agreement ${space.zopa ? 'existed' : 'did not exist'}.${space.sampled ? ` Sampled: ${space.sampled}.` : ''}`;
      figures.push(`<figure class="chart deal-space"><div class="svg" role="img" aria-label="${esc(alt)}">${svg}</div><figcaption>${esc(alt)}</figcaption></figure>`);
    }
  }
  return figures.join('\n');
}

async function studyHtml(study: StudyInput): Promise<string> {
  return `<p>${study.summaries.count} runs on seeds derived from study seed ${study.seed}; run <var>i</var> replays with <code>thaw run</code> and its own seed (see <code>thaw sweep --out</code>).</p>
${await distributionsHtml(study.summaries)}`;
}

function catalogueHtml(): string {
  return `<dl class="rules">${RULE_IDS.map((id) => {
    const r = RULES[id];
    const ps = r.basis === 'the article' ? r.paragraphs.map((p) => `<a href="#p${p}">¶${p}</a>`).join(' ') : `beyond the article: ${esc(r.fact ?? '')}`;
    return `<dt id="rule-${id}">${id} ${esc(r.slug)}: ${esc(r.title)}</dt><dd>${esc(r.summary)} <span class="cite">${ps}</span></dd>`;
  }).join('\n')}</dl>`;
}

function paragraphsHtml(): string {
  const cited = new Set(RULE_IDS.flatMap((id) => RULES[id].paragraphs));
  return `<dl class="paragraphs">${Object.entries(PARAGRAPHS).map(([n, text]) => {
    const rules = RULE_IDS.filter((id) => RULES[id].paragraphs.includes(Number(n)));
    return `<dt id="p${n}">¶${n}${cited.has(Number(n)) ? ` <small>(${rules.map((id) => `<a href="#rule-${id}">${id}</a>`).join(' ')})</small>` : ''}</dt><dd>${esc(text)}</dd>`;
  }).join('\n')}</dl>`;
}

export interface RenderedReport {
  readonly html: string;
  /** The page's pictures as standalone SVG files: the timeline and each machine, highlighted for this run. */
  readonly pictures: readonly Picture[];
}

export async function renderReport(input: ReportInput): Promise<RenderedReport> {
  const pictures: Picture[] = [];
  const { result, scenario } = input;
  const labels = labelsOf(scenario);
  const names: Record<string, string> = Object.fromEntries(input.graphs.map((g) => [g.agent, g.name]));
  const title = scenario.title;
  const provenance: [string, string][] = [
    ['scenario', `${result.scenario}${result.branch ? `, branch ${result.branch}` : ''}`],
    ['seed', String(result.seed)],
    ['months', `${result.horizon} from ${monthName(result.start)}`],
    ['settings', input.settings.length ? input.settings.join(' ') : 'none (the scenario as written)'],
    ['fingerprint', input.fingerprint],
    ['thaw version', result.version],
    ...(input.study ? [['runs', String(input.study.runs)] as [string, string]] : []),
  ];
  const sections: [string, string, string][] = [
    ['timeline', 'Timeline', await timelineHtml(result, title, pictures)],
    ['machines', 'The machines, month by month', `<div class="stepper" role="group" aria-label="Month stepper">
<button type="button" id="step-prev" aria-label="previous month">◀ previous</button>
<input type="range" id="step-range" min="0" max="${result.months.length}" value="0" aria-label="month">
<button type="button" id="step-next" aria-label="next month">next ▶</button>
<output id="step-label" aria-live="polite">Start · ${esc(monthName(result.start))}</output>
<p id="step-note" aria-live="polite">Where every machine stood before the first simulated month.</p>
<p class="hint">Keys: ← and → step a month, Home and End jump. Blue outlines: states and arrows this run used; orange: where each machine stands in the chosen month, and the arrows it took that month.</p>
</div>
<div class="machines">${await diagramsHtml(result, input.graphs, pictures)}</div>`],
    ['story', 'The story', storyHtml(result, labels, names)],
    ['summary', 'Summary', summaryHtml(result, labels, names)],
    ...(result.months.some((m) => (m.spaces ?? []).length > 0) ? [['deal-space', 'The deal spaces', await dealSpacesHtml(result)] as [string, string, string]] : []),
    ...(input.study ? [['distributions', `Distributions over ${input.study.summaries.count} runs`, await studyHtml(input.study)] as [string, string, string]] : []),
    ['rules', 'The rule catalogue', catalogueHtml()],
    ['article', 'The article, paragraph by paragraph (paraphrased)', `<p>Paraphrases of Yurii Panchenko, European Pravda, 15 December 2025, in our own words; the numbers are the paragraphs the rules cite.</p>${paragraphsHtml()}`],
  ];
  const html = pageHtml({
    title, description: scenario.description, provenance, version: result.version,
    sections: sections.map(([id, heading, body]) => ({ id, heading, html: body })),
    madeBy: 'Same scenario, settings and seed: the same page.',
    scripts: [{ dataId: 'thaw-data', json: scriptJson(stepperData(result, input.graphs, names)), code: STEPPER_SCRIPT }],
  });
  return { html, pictures };
}
