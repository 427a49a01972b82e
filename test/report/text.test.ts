import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { runScenario } from '../../src/simulation/run.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { plain } from '../../src/report/style.js';

describe('the text story', () => {
  const s = scenario('poland-poczobut-deal');
  const result = runScenario(s, { seed: 2 });
  const text = renderText(result, plain, s.title, s);

  it('has a header per month and a summary that matches the outcome', () => {
    for (const m of result.months) expect(text).toContain(m.month === '2026-01' ? 'Month 1 · January 2026' : '· ');
    expect(text.match(/^Month \d+ · /gm)).toHaveLength(result.months.length);
    expect(text).toMatch(new RegExp(`Released\\s+${result.outcome.prisonersReleased} `));
    expect(text).toMatch(new RegExp(`Still held\\s+${result.outcome.prisonersRemaining}\\b`));
  });

  it('tells every offer with its answer and its rules, and every deal by name', () => {
    const offers = result.months.flatMap((m) => m.offers);
    expect(offers.length).toBeGreaterThan(0);
    expect(text.match(/^ {6}(Minsk|Washington|Warsaw|Brussels|Vilnius) (accepts|counters|walks away): /gm)).toHaveLength(offers.length);
    expect(text.match(/✔ Deal/g)).toHaveLength(result.outcome.deals);
    expect(text).toContain('Andrzej Poczobut freed to Poland');
    expect(text).not.toMatch(/(?<![-\w])poczobut(?![-\w])/);
  });

  it('renders the same run as Markdown with an outcome table', () => {
    const md = renderMarkdown(result, s.title, s);
    expect(md.match(/^## /gm)!.length).toBe(result.months.length + 1);
    expect(md).toContain(`| released | ${result.outcome.prisonersReleased} |`);
  });
});
