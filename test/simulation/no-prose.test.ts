/**
 * The model never writes prose (issue #11): a run as the model records it (`simulate`) holds codes,
 * ids, labels-by-id and numbers only; every sentence of the run JSON is made from them in
 * src/report/ (trace-words.ts). This walks whole model runs, on every shipped scenario and with
 * the tracks that are off by default switched on, and fails on any string that is not an id.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { simulate } from '../../src/simulation/run.js';
import { runScenario } from '../../src/run-scenario.js';
import { scenarioNames } from '../../src/scenario/load.js';
import { applySetting } from '../../src/scenario/overrides.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** An id, a state, a month or a version: one token, no spaces, short. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,47}$/;

/** Every string in `value`, with where it was found. */
function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
}

const prose = (run: unknown): { path: string; text: string }[] => {
  const found: { path: string; text: string }[] = [];
  strings(run, '', found);
  return found.filter((s) => !ID.test(s.text));
};

const set = (s: Scenario, settings: Record<string, string>): Scenario =>
  Object.entries(settings).reduce((x, [path, value]) => applySetting(x, { path, value }), s);

// Every track at work: R09 and R12 off open Lithuania's and the EU's; R17 off names a red line; R15 the grand bargain.
const VARIANTS: readonly Record<string, string>[] = [{}, { 'rules.R09': 'false', 'rules.R12': 'false' }, { 'rules.R17': 'false', 'rules.R03': 'false' },
  { 'agents.us.visitChance': '1', 'rules.R15': 'true' }];

describe('the model writes no prose', () => {
  it('a model run holds no sentence anywhere, with the deal space on, on every shipped scenario', () => {
    const kinds = new Set<string>();
    for (const name of scenarioNames()) {
      for (const variant of VARIANTS) {
        const s = set(scenario(name), variant);
        for (const seed of [1, 2, 3]) {
          const run = simulate(s, { seed, dealSpace: true });
          for (const m of run.months) {
            for (const e of m.events) kinds.add(`event:${e.fact.code}`);
            for (const o of m.offers) kinds.add(`offer:${o.why.code}`);
            if (m.deals.length) kinds.add('deal');
            if (m.spaces?.some((x) => x.sampling)) kinds.add('sampled-space');
          }
          expect(prose(run), `${name} ${JSON.stringify(variant)} seed ${seed}`).toEqual([]);
        }
      }
    }
    // The walk had records to look at: events, offers, deals and sampled spaces of many kinds.
    expect(kinds.has('deal')).toBe(true);
    expect(kinds.has('sampled-space')).toBe(true);
    expect([...kinds].filter((k) => k.startsWith('event:')).length).toBeGreaterThanOrEqual(6);
    expect([...kinds].filter((k) => k.startsWith('offer:')).length).toBeGreaterThanOrEqual(8);
  });

  it('the run JSON carries the words, made from those records (the check above has teeth)', () => {
    const s = scenario('base');
    const worded = runScenario(s, { seed: 1 });
    const bare = simulate(s, { seed: 1 });
    expect(prose(worded).length).toBeGreaterThan(0);
    expect(worded.months.map((m) => m.events.map((e) => e.fact))).toEqual(bare.months.map((m) => m.events.map((e) => e.fact)));
    expect(worded.months.flatMap((m) => m.offers.map((o) => o.why))).toEqual(bare.months.flatMap((m) => m.offers.map((o) => o.why)));
    expect(worded.outcome).toEqual(bare.outcome);
  });
});
