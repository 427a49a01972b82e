/** The picture modules: machine graphs, DOT and Mermaid, chart specs, the sparkline, the HTML page. */
import { describe, expect, it } from 'vitest';
import { AGENTS } from '../../src/agents/index.js';
import { AGENT_IDS, agentGraphs, graphOfMachine } from '../../src/agents/graph.js';
import { highlightOf, toDot, toMermaid } from '../../src/report/diagram.js';
import { highlightSvg } from '../../src/report/highlight.js';
import { layoutDot } from '../../src/report/render.js';
import { distributionSpec, timelineMarkers, timelineSeries, timelineSpec } from '../../src/report/charts.js';
import { sparkline } from '../../src/report/sparkline.js';
import { movesText } from '../../src/report/words.js';
import { PARAGRAPHS } from '../../src/rules/paragraphs.js';
import { RULES } from '../../src/rules/catalogue.js';
import { RULE_IDS } from '../../src/rules/ids.js';
import { renderReport } from '../../src/report/html/page.js';
import { runScenario } from '../../src/run-scenario.js';
import { runBatch } from '../../src/simulation/sweep.js';
import { metricCatalogue, startFacts } from '../../src/simulation/metrics.js';
import { RowSummaries } from '../../src/simulation/study.js';
import type { MonthRecord } from '../../src/simulation/trace.js';
import { scenario } from '../support/scenarios.js';

describe('machine graphs, read from the XState definitions', () => {
  it('have every state of every machine, the rules its meta cites, and only transitions that change state', () => {
    for (const g of agentGraphs()) {
      const machine = AGENTS[g.agent].machine;
      const states = Object.keys(machine.root.states);
      expect(g.states.map((s) => s.id)).toEqual(states);
      expect(g.initial).toBe(machine.config.initial);
      for (const s of g.states) expect(s.rules).toEqual((machine.root.states[s.id]!.meta as { rules?: string[] } | undefined)?.rules ?? []);
      for (const t of g.transitions) {
        expect(states).toContain(t.from);
        expect(states).toContain(t.to);
        expect(t.from).not.toBe(t.to);
        if (t.guard) expect(Object.keys(machine.implementations.guards)).toContain(t.guard);
      }
    }
  });

  it('the US envoy: a visit needs its guard, a deal cools, a transient start', () => {
    const us = graphOfMachine('us', 'US envoy', AGENTS.us.machine);
    expect(us.transitions).toContainEqual({ from: 'engaged', to: 'visiting', event: 'OBSERVE', guard: 'visitArranged' });
    expect(us.transitions).toContainEqual({ from: 'visiting', to: 'cooling', event: 'DEAL', guard: null });
    expect(us.transitions).toContainEqual({ from: 'deciding', to: 'disengaged', event: 'always', guard: null });
    expect(us.states.find((s) => s.id === 'deciding')!.transient).toBe(true);
    expect(us.states.find((s) => s.id === 'engaged')!.transient).toBe(false);
    // Actions-only transitions (taking rules, counting) are not arrows.
    expect(us.transitions.some((t) => t.event === 'RULES')).toBe(false);
  });
});

describe('diagrams as text', () => {
  const [us] = agentGraphs().filter((g) => g.agent === 'us');
  it('Mermaid names every state, the rules it cites and every arrow with event and guard', () => {
    const text = toMermaid(us!);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('state deciding <<choice>>');
    expect(text).toContain('engaged --> visiting : OBSERVE [visitArranged]');
    expect(text).toContain('cooling : cooling (R01)');
    expect(text).toContain('[*] --> deciding');
    expect(text.split('\n').filter((l) => l.includes('-->')).length).toBe(us!.transitions.length + 1);
  });

  it('DOT gives each node and edge a stable id and carries no run: its layout is the machine\'s alone', () => {
    const dot = toDot(us!);
    expect(dot).toMatch(/"engaged" \[label="engaged\\nR06 waning-interest\\nR13 talks-coupling", id="us-state-engaged", class="state"/);
    expect(dot).toMatch(/"engaged" -> "visiting" \[label="OBSERVE \[visitArranged\]", id="us-edge-engaged-visiting-0", class="transition t-engaged-visiting"\];/);
    expect(dot).not.toContain('used');
    expect(dot).not.toContain('penwidth');
    // Two arrows between the same states get different ids.
    expect(dot).toContain('us-edge-engaged-disengaged-0');
    expect(dot).toContain('us-edge-engaged-disengaged-1');
  });

  it('the laid-out SVG marks only what a run used: class, colour and width, as Graphviz would draw them', async () => {
    const used = highlightOf(us!, 'engaged', [{ from: 'engaged', to: 'visiting' }, { from: 'visiting', to: 'cooling' }]);
    expect([...used.states].sort()).toEqual(['cooling', 'deciding', 'engaged', 'visiting']);
    expect([...used.transitions].sort()).toEqual(['deciding>engaged', 'engaged>visiting', 'visiting>cooling']);
    const plain = await layoutDot(toDot(us!));
    const svg = highlightSvg(plain, 'us', used);
    const group = (id: string) => new RegExp(`<g id="${id.replace(/-/g, '&#45;')}" class="([^"]*)">([\\s\\S]*?)(?=<g id="[^"]*" class="(?:node|edge))`).exec(svg);
    for (const state of ['deciding', 'engaged', 'visiting', 'cooling']) {
      const [, classes, body] = group(`us-state-${state}`)!;
      expect(classes, state).toBe('node state used');
      expect(body, state).toMatch(/stroke="#0072b2" stroke-width="2\.2"/);
      expect(body, state).not.toContain('stroke="#767676"');
    }
    for (const state of ['prepaid', 'disengaged']) {
      const [, classes, body] = group(`us-state-${state}`)!;
      expect(classes, state).toBe('node state');
      expect(body, state).toContain('stroke="#767676"');
    }
    const [, edgeClasses, edge] = group('us-edge-engaged-visiting-0')!;
    expect(edgeClasses).toBe('edge transition t&#45;engaged&#45;visiting used');
    expect(edge).toMatch(/<path fill="none" stroke="#0072b2" stroke-width="2" /);
    expect(edge).toMatch(/<polygon fill="#0072b2" stroke="#0072b2" stroke-width="2" /);
    expect(edge).toMatch(/<text [^>]*fill="#0072b2">OBSERVE \[visitArranged\]<\/text>/);
    const [, otherClasses, other] = group('us-edge-engaged-prepaid-0')!;
    expect(otherClasses).not.toContain('used');
    expect(other).not.toContain('#0072b2');
    // Geometry is Graphviz's: with the highlight removed the picture is the plain layout again.
    const shape = (text: string) => text.replace(/ used"/g, '"').replace(/ stroke-width="2(?:\.2)?"/g, '').replace(/#(?:0072b2|767676|222222)/g, 'COLOUR');
    expect(shape(svg)).toBe(shape(plain));
  });
});

const month = (m: string, world: Record<string, unknown>, extra: Partial<MonthRecord> = {}): MonthRecord => ({
  month: m, talks: 'stalled', events: [], offers: [], deals: [], moves: [], changes: [], world: world as unknown as MonthRecord['world'], ...extra,
});

describe('chart specs', () => {
  it('read months[].world generically: new counts and routes become series without a code change', () => {
    const months = [
      month('2026-01', { held: 10, released: 2, releasedByRoute: { lithuania: 2, home: 0 }, arrested: 1, usInterest: 0.5, hostilityLithuania: 0.2, talks: 'stalled' }),
      month('2026-02', { held: 9, released: 4, releasedByRoute: { lithuania: 3, home: 1 }, arrested: 1, usInterest: 0.4, hostilityLithuania: 0.3, talks: 'stalled' }),
    ];
    const { people, indices } = timelineSeries(months);
    expect([...new Set(people.map((p) => p.series))]).toEqual(['held', 'released to lithuania', 'released to home', 'arrested']);
    expect(people.find((p) => p.month === '2026-02' && p.series === 'released to home')!.value).toBe(1);
    expect(indices.map((p) => p.value)).toEqual([0.5, 0.2, 0.4, 0.3]);
    // A new share (0–1, not whole) goes with the indices, a new count with the people.
    const withTrust = months.map((m, i) => ({ ...m, world: { ...m.world, trust: [0.5, 0.75][i]!, pardoned: i } as MonthRecord['world'] }));
    const split = timelineSeries(withTrust);
    expect([...new Set(split.indices.map((p) => p.series))]).toEqual(['US interest (R06)', 'Vilnius hostility (R10)', 'trust']);
    expect([...new Set(split.people.map((p) => p.series))]).toContain('pardoned');
    const spec = JSON.stringify(timelineSpec(months, 'T'));
    expect(spec).toContain('"released to home"');
    expect(spec).toContain('"description"');
  });

  it('mark deals and incidents, and bin distributions so a spec stays small', () => {
    const s = scenario('base');
    const r = runScenario(s, { seed: 3 });
    const markers = timelineMarkers(r.months);
    expect(markers.filter((m) => m.kind === 'deal').length).toBe(r.outcome.deals);
    expect(markers.filter((m) => m.kind === 'incident').length).toBe(r.months.flatMap((m) => m.events).filter((e) => e.kind === 'incident').length);
    const values = Array.from({ length: 10_000 }, (_, i) => i % 97);
    const spec = distributionSpec('released', 'prisoners released', values) as { data: { values: { count: number }[] } };
    expect(spec.data.values.length).toBeLessThanOrEqual(20);
    expect(spec.data.values.reduce((a, b) => a + b.count, 0)).toBe(10_000);
    // A few whole values: one bar per value, on an ordinal axis.
    const flags = distributionSpec('transitOpen', 'open at the end', [0, 1, 1, 0, 1]) as { data: { values: { value: number; count: number }[] }; encoding: { x: { type: string } } };
    expect(flags.data.values).toEqual([{ value: 0, count: 2 }, { value: 1, count: 3 }]);
    expect(flags.encoding.x.type).toBe('ordinal');
  });
});

describe('the sparkline and the moves in words', () => {
  it('scales between the floor and the maximum', () => {
    expect(sparkline([0, 4, 7])).toBe('▁▅█');
    expect(sparkline([1000, 1000, 734], 0)).toBe('██▆');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([])).toBe('');
  });

  it('tells each agent\'s path once, in order', () => {
    expect(movesText([
      { agent: 'us', from: 'prepaid', to: 'visiting', event: 'OBSERVE' },
      { agent: 'poland', from: 'waiting', to: 'bargaining', event: 'OBSERVE' },
      { agent: 'us', from: 'visiting', to: 'cooling', event: 'DEAL' },
    ])).toEqual(['Washington: prepaid → visiting → cooling', 'Warsaw: waiting → bargaining']);
  });
});

describe('the paragraph paraphrases', () => {
  it('cover every paragraph a rule cites', () => {
    for (const id of RULE_IDS) for (const p of RULES[id].paragraphs) expect(PARAGRAPHS[p], `¶${p} (${id})`).toBeTruthy();
  });
});

describe('the HTML page', () => {
  const s = scenario('base');
  const result = runScenario(s, { seed: 3 });
  const graphs = agentGraphs();

  it('is one self-contained page: sections, six SVGs, links that resolve, no external load', async () => {
    const { html, pictures } = await renderReport({ result, scenario: s, settings: [], fingerprint: 'abc', graphs, study: null });
    expect(pictures.map((p) => p.name)).toEqual(['timeline.svg', ...AGENT_IDS.map((a) => `${a}.svg`)]);
    for (const id of ['header', 'timeline', 'machines', 'story', 'summary', 'rules', 'article']) expect(html).toContain(`id="${id}"`);
    expect(html.match(/<svg\b/g)!.length).toBe(6);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!.replace(/&#45;/g, '-')));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(50);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
    // The stepper's data: a start and one entry per month, each with every agent's state.
    const data = JSON.parse(/<script type="application\/json" id="thaw-data">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.months).toHaveLength(result.months.length + 1);
    expect(data.months[3].states).toEqual(result.months[2]!.world.agents);
    for (const a of AGENT_IDS) expect(html).toContain(`id="machine-${a}"`);
    // The nodes the stepper looks up exist in the SVGs.
    for (const m of result.months) for (const [a, st] of Object.entries(m.world.agents)) expect(ids.has(`${a}-state-${st}`)).toBe(true);
  });

  it('with a study adds one distribution per metric that has values', async () => {
    const facts = startFacts(s);
    const rows = runBatch({ scenario: s, seed: 1, months: null }, [0, 1, 2, 3, 4, 5, 6, 7]);
    const metrics = metricCatalogue(facts);
    // The page gets the study's count tables, never its rows (flat memory for --runs).
    const summaries = new RowSummaries(metrics);
    summaries.add(rows);
    const { html } = await renderReport({ result, scenario: s, settings: ['agents.us.visitChance=0.5'], fingerprint: 'abc', graphs, study: { runs: 8, seed: 1, summaries } });
    const values = (name: string) => rows.map((r) => r.metrics[name]).filter((v) => v !== null);
    const varying = metrics.filter((m) => new Set(values(m.name)).size > 1);
    const constant = metrics.filter((m) => new Set(values(m.name)).size === 1);
    expect(varying.length).toBeGreaterThan(3);
    expect(html.match(/<figure class="dist">/g)!.length).toBe(varying.length);
    for (const m of constant) expect(html).toContain(`${m.name} = ${values(m.name)[0]}`);
    expect(html).toContain('agents.us.visitChance=0.5');
    expect(html).toContain('Distributions over 8 runs');
  });
});
