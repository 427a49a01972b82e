/**
 * The deadlines the tracks pass to the concession loop are the ones the protocol describes:
 * `bargain` is wrapped to note each round's `track` and `deadline` while whole scenarios run
 * (every track opens in one of them), and the numbers must be `DEADLINES` (the Poland, EU and
 * Lithuania tracks), `agents.us.exchanges` and a declared track's `protocol.exchanges`; TRACKS'
 * words and the loop table of docs/architecture.md must say the same numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Bargain } from '../../src/negotiation/bargain.js';

const seen = vi.hoisted(() => new Map<string, Set<number>>());
vi.mock('../../src/negotiation/bargain.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/negotiation/bargain.js')>();
  return {
    ...real,
    bargain: <D>(b: Bargain<D>) => {
      seen.set(b.track, (seen.get(b.track) ?? new Set<number>()).add(b.deadline));
      return real.bargain(b);
    },
  };
});

const { DEADLINES, TRACKS } = await import('../../src/negotiation/protocol.js');
const { runScenario } = await import('../../src/run-scenario.js');
const { loadScenario } = await import('../../src/scenario/load.js');

describe('the deadline each track passes to bargain', () => {
  it('is DEADLINES for Poland, the EU and Lithuania, agents.us.exchanges for the US, protocol.exchanges for a declared track', () => {
    const names = ['base', 'eu-joins-thaw', 'lithuania-opens-transit', 'poland-poczobut-deal', 'us-troops-for-transit'];
    const loaded = names.map((n) => loadScenario(n).scenario);
    for (const s of loaded) for (const seed of [1, 2, 3, 4]) runScenario(s, { seed, months: 36 });
    const usExchanges = new Set(loaded.map((s) => s.agents.us.exchanges));
    expect(seen.get('us-belarus')).toEqual(usExchanges);
    for (const [track, deadline] of Object.entries(DEADLINES)) expect(seen.get(track), track).toEqual(new Set([deadline]));
    expect(seen.get('us-lithuania-troops')).toEqual(new Set([4]));
  });

  it('TRACKS says it in words: two offers by Warsaw, one by Brussels, one by Minsk to Vilnius', () => {
    expect(DEADLINES).toEqual({ 'poland-belarus': 2, 'eu-belarus': 1, 'lithuania-belarus': 1 });
    expect(TRACKS['poland-belarus'].strategy.deadline).toMatch(/^two offers by Warsaw a round/);
    expect(TRACKS['eu-belarus'].strategy.deadline).toMatch(/^one offer by Brussels a review/);
    expect(TRACKS['lithuania-belarus'].strategy.deadline).toMatch(/^one offer by Minsk a round/);
    expect(TRACKS['us-belarus'].strategy.deadline).toMatch(/^`agents\.us\.exchanges` offers by Washington/);
  });

  it('the loop table of docs/architecture.md gives the same deadlines', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('| track | strategy (`next`) |'));
    const deadlineOf = (track: string) => table.split('\n').find((l) => l.startsWith(`| ${track} `))?.split('|').at(-2)?.trim();
    expect(deadlineOf('`us-belarus`')).toBe('`agents.us.exchanges`');
    for (const [track, deadline] of Object.entries(DEADLINES)) expect(deadlineOf(`\`${track}\``), track).toBe(String(deadline));
    expect(deadlineOf('declared')).toBe('`protocol.exchanges`');
  });
});
