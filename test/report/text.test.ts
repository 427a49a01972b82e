import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { runScenario } from '../../src/run-scenario.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { plain } from '../../src/report/style.js';
import type { OfferRecord, RunResult } from '../../src/simulation/trace.js';

const ANSWER_LINE = /^ {6}(Minsk|Washington|Warsaw|Brussels|Vilnius) (accepts|counters|walks away): /gm;
const AGAIN_LINE = /^ {4}\S.* go over last round's offers again \(.+ for .+\)\.$/gm;

/**
 * How the story should tell a run's rounds: a round is told offer by offer, unless it ends without
 * a deal and has the same offers and answers as the track's previous round; then it is told in one
 * step with its last answer.
 */
function toldRounds(result: RunResult): { answers: number; repeats: number } {
  const shape = (os: readonly OfferRecord[]) => JSON.stringify(os.map((o) => [o.from, o.to, o.kind, o.package, o.answer]));
  const last = new Map<string, string>();
  let answers = 0;
  let repeats = 0;
  for (const m of result.months) {
    for (const track of new Set(m.offers.map((o) => o.track))) {
      const round = m.offers.filter((o) => o.track === track);
      const repeated = last.get(track) === shape(round) && !m.deals.some((d) => d.track === track);
      last.set(track, shape(round));
      answers += repeated ? 1 : round.length;
      if (repeated) repeats += 1;
    }
  }
  return { answers, repeats };
}

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
    const told = toldRounds(result);
    expect(told.answers).toBeGreaterThan(0);
    expect(text.match(ANSWER_LINE)).toHaveLength(told.answers);
    expect(text.match(/✔ Deal/g)).toHaveLength(result.outcome.deals);
    expect(text).toContain('Andrzej Poczobut freed to Poland');
    expect(text).not.toMatch(/(?<![-\w])poczobut(?![-\w])/);
  });

  it('renders the same run as Markdown with an outcome table', () => {
    const md = renderMarkdown(result, s.title, s);
    expect(md.match(/^## /gm)!.length).toBe(result.months.length + 1);
    expect(md).toContain(`| released | ${result.outcome.prisonersReleased} |`);
  });

  it('tells a failed round that repeats the previous one in one step, with this round\'s reason', () => {
    const base = scenario('base');
    const runs = [1, 2, 3, 4, 5, 6].map((seed) => runScenario(base, { seed }));
    const withRepeats = runs.find((r) => toldRounds(r).repeats > 0)!;
    expect(withRepeats).toBeDefined();
    const story = renderText(withRepeats, plain, base.title, base);
    const told = toldRounds(withRepeats);
    expect(story.match(ANSWER_LINE)).toHaveLength(told.answers);
    expect(story.match(AGAIN_LINE)).toHaveLength(told.repeats);
    // Minsk's price drifts from round to round: every last answer keeps its own reason.
    for (const m of withRepeats.months) for (const o of m.offers.filter((x) => x.answer === 'walk')) expect(story).toContain(o.reason);
  });
});
