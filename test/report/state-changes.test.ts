/**
 * The story names a machine's moves only when the month leaves it in another state; round trips
 * (Warsaw waiting → bargaining → waiting) stay in the trace and the stepper, not in the story.
 */
import { describe, expect, it } from 'vitest';
import { lastingMoves } from '../../src/report/state-changes.js';
import { renderText } from '../../src/report/text.js';
import { storyHtml } from '../../src/report/html/story.js';
import { labelsOf } from '../../src/report/labels.js';
import { AGENT_NAMES } from '../../src/report/words.js';
import { plain } from '../../src/report/style.js';
import { runScenario } from '../../src/run-scenario.js';
import type { AgentMove } from '../../src/simulation/trace.js';
import { scenario } from '../support/scenarios.js';

const mv = (agent: AgentMove['agent'], from: string, to: string): AgentMove => ({ agent, from, to, event: 'OBSERVE' });

describe('lasting moves', () => {
  it('drop an agent whose month ends where it began, keep every move of one that ends elsewhere', () => {
    const moves = [mv('poland', 'waiting', 'bargaining'), mv('us', 'engaged', 'visiting'), mv('poland', 'bargaining', 'waiting'), mv('us', 'visiting', 'cooling')];
    expect(lastingMoves(moves)).toEqual([moves[1], moves[3]]);
    expect(lastingMoves([mv('us', 'engaged', 'visiting'), mv('us', 'visiting', 'engaged')])).toEqual([]);
    // Out, back and out again: the month ends elsewhere, so the whole path is told.
    const thrice = [mv('poland', 'waiting', 'bargaining'), mv('poland', 'bargaining', 'waiting'), mv('poland', 'waiting', 'bargaining')];
    expect(lastingMoves(thrice)).toEqual(thrice);
    expect(lastingMoves([])).toEqual([]);
  });

  it('in a real run: the story\'s States lines name exactly the agents whose month-end state changed, the trace keeps every move', () => {
    const s = scenario('base');
    const result = runScenario(s, { seed: 3 });
    const roundTrips = result.months.filter((m) => m.moves.length > 0 && lastingMoves(m.moves).length < m.moves.length);
    expect(roundTrips.length, 'base seed 3 has months with round trips').toBeGreaterThan(0);
    const text = renderText(result, plain, s.title, s);
    const html = storyHtml(result, labelsOf(s), AGENT_NAMES);
    const statesLines = text.split('\n').filter((l) => l.includes('◦ States'));
    const htmlLines = html.match(/<li class="moves">[^<]*<\/li>/g) ?? [];
    const changedMonths = result.months.filter((m, i) => {
      const start = i === 0 ? null : result.months[i - 1]!.world.agents;
      const changed = m.moves.some((x) => (start ? start[x.agent] !== m.world.agents[x.agent] : x.from !== m.world.agents[x.agent]));
      return changed;
    });
    expect(statesLines.length).toBe(changedMonths.length);
    expect(htmlLines.length).toBe(changedMonths.length);
    // Moves stay complete in the trace: round trips included.
    expect(result.months.reduce((n, m) => n + m.moves.length, 0)).toBeGreaterThan(result.months.reduce((n, m) => n + lastingMoves(m.moves).length, 0));
  });
});
